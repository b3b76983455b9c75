import { defineConfig } from 'vitest/config';

// Two cores and ~300 MB per embedded database: two workers, one test file each at a time.
export default defineConfig({
  test: {
    include: ['{apps,packages,modules}/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    globalSetup: ['packages/testing/src/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
