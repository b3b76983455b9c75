// `npm test`: builds the console (the browser tests drive it), runs the whole Vitest suite and ends with a
// plain "N passed, N failed" line. On the embedded engine by default; on PostgreSQL when DATABASE_URL is set.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const node = process.execPath;
const engine = process.env.DATABASE_URL ? 'PostgreSQL' : '嵌入式 PGlite';
console.log(`\n== Sifa 测试 / tests on ${engine}${process.env.CI === 'true' ? ' (CI: 浏览器与数据库缺失即失败)' : ''} ==\n`);

const build = spawnSync(node, ['node_modules/vite/bin/vite.js', 'build', 'apps/web', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

mkdirSync(`${root}test-results`, { recursive: true });
const report = `${root}test-results/vitest.json`;
rmSync(report, { force: true });
const run = spawnSync(
  node,
  ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
let summary = 'Tests: 0 passed, 1 failed (no report written)';
try {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  summary = `Tests: ${r.numPassedTests} passed, ${r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0)} failed, ${r.numPendingTests + r.numTodoTests} skipped`;
} catch {
  /* keep the failure line */
}
console.log(`\n${summary}`);
process.exit(run.status ?? 1);
