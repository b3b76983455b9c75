export declare const ENGINES_NODE: string;
export declare const END_OF_LIFE: Record<number, string>;
export declare function satisfies(version: string, range: string): boolean;
export declare function nodeVersionProblem(version: string, range?: string): { fatal: boolean; message: string } | undefined;
export declare function requireSupportedNode(opts?: { version?: string; warn?: boolean }): void;
