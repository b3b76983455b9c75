import type { ModuleDefinition } from '@sifa/kernel';

/**
 * Business modules in menu order, one line each: `modules/<name>/server/index.ts`'s defineModule(). A module is
 * loaded with a top-level `import()` so that adding one is one line (`npm run new-module` writes it above the marker).
 */
export const businessModules: readonly ModuleDefinition[] = [
  (await import('@sifa/mediation/server')).mediationModule,
  (await import('@sifa/legal-aid/server')).legalAidModule,
  (await import('@sifa/reconsideration/server')).reconsiderationModule,
  // new-module: add modules above this line
];
