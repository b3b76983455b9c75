import type { ModuleDefinition } from '@sifa/kernel';

/** Business modules in menu order. Each is `modules/<name>/server/index.ts`'s defineModule(). */
export const businessModules: readonly ModuleDefinition[] = [];
