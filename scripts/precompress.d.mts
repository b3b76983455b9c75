import type { Plugin } from 'vite';
export declare function precompressDir(dir: string, opts?: { minBytes?: number }): { files: number; bytes: number; brotli: number; gzip: number };
export declare function precompressPlugin(): Plugin;
