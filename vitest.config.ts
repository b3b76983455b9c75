import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { testsByKind } from './scripts/test-kinds.mjs';

// Three projects by kind (scripts/test-kinds.mjs says how a file's kind is told): `vitest run --project unit`.
const kinds = testsByKind(fileURLToPath(new URL('.', import.meta.url)));
// The test kit cannot import the app: the app's setup hands it the registry of business modules.
const registry = ['apps/server/test/setup.ts'];

// Two cores and ~300 MB per embedded database: two workers, one test file each at a time.
export default defineConfig({
  test: {
    exclude: ['**/node_modules/**', '**/dist/**'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
    projects: [
      { extends: true, test: { name: 'unit', include: kinds.unit } },
      // One migrated, seeded template per run; each test file clones it.
      { extends: true, test: { name: 'integration', include: kinds.integration, globalSetup: ['apps/server/test/global-setup.ts'], setupFiles: registry } },
      // Each browser test starts its own server on an empty database.
      // A page answers within seconds even when both workers are busy: polls wait up to 15 s, not Vitest's 1 s.
      { extends: true, test: { name: 'browser', include: kinds.browser, setupFiles: registry, expect: { poll: { timeout: 15_000 } } } },
    ],
  },
});
