export type TestKind = 'unit' | 'integration' | 'browser';
export declare const TEST_KINDS: readonly TestKind[];
export declare function listTestFiles(root: string): string[];
export declare function testKind(root: string, file: string): TestKind;
export declare function testsByKind(root: string): Record<TestKind, string[]>;
export declare function moduleDir(root: string, name: string): string | undefined;
