import type { ModuleDefinition } from '@sifa/kernel';
import { mediationModule } from '@sifa/mediation/server';

/** Business modules in menu order. Each is `modules/<name>/server/index.ts`'s defineModule(). */
export const businessModules: readonly ModuleDefinition[] = [mediationModule];
