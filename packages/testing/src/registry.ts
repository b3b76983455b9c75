import type { ModuleDefinition } from '@sifa/kernel';

// The test kit is a package: it cannot import the app's registry (packages never import apps). The app's test
// setup file (apps/server/test/setup.ts, listed in the root vitest.config.ts) hands its registry over instead.
let registered: readonly ModuleDefinition[] | undefined;

/** The business modules every test app and test server runs with, beside a test's own modules. */
export function registerBusinessModules(modules: readonly ModuleDefinition[]): void {
  registered = modules;
}

export function registeredModules(): readonly ModuleDefinition[] {
  if (!registered) {
    throw new Error('测试未登记业务模块：vitest 的 setupFiles 须调用 registerBusinessModules(businessModules)（见 apps/server/test/setup.ts）');
  }
  return registered;
}
