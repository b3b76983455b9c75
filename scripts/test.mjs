// `npm test`: builds the console (the browser tests drive it), runs the whole Vitest suite and ends with the suite's
// duration and a plain "Tests: N passed, N failed, N skipped" line (CI reads it). On the embedded engine by default;
// on PostgreSQL when DATABASE_URL is set.
//   --kind unit|integration|browser   one kind (npm run test:unit / test:integration / test:browser)
//   --module <name>                   one module's or package's tests: modules/<name>, packages/<name> (e.g. kernel)
// Other arguments go to Vitest, e.g. file filters: npm run test:browser -- console.browser
// How a file's kind is told: scripts/test-kinds.mjs.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { moduleDir, TEST_KINDS, testsByKind } from './test-kinds.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const node = process.execPath;
const started = performance.now();

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (!value || value.startsWith('-')) fail(`${name} 需要一个值 / needs a value`);
  args.splice(i, 2);
  return value;
};
function fail(message) {
  console.error(message);
  process.exit(2);
}
const kind = option('--kind');
if (kind && !TEST_KINDS.includes(kind)) fail(`未知的测试类别 ${kind}，可选 / kinds: ${TEST_KINDS.join(', ')}`);
const moduleName = option('--module');
const dir = moduleName ? moduleDir(root, moduleName) : undefined;
if (moduleName && !dir) fail(`找不到模块或包 ${moduleName}（modules/、packages/、apps/ 下均无此目录）`);
const filters = [...(dir ? [`${dir}/`] : []), ...args.filter((a) => !a.startsWith('-'))];

const engine = kind === 'unit' ? '无数据库 / no database' : process.env.DATABASE_URL ? 'PostgreSQL' : '嵌入式 PGlite';
const scope = [kind ?? 'all kinds', moduleName ? `module ${moduleName}` : undefined].filter(Boolean).join(', ');
console.log(`\n== Sifa 测试 / tests (${scope}) on ${engine}${process.env.CI === 'true' ? ' (CI: 浏览器与数据库缺失即失败)' : ''} ==\n`);

// The console is built only when browser tests are among those selected.
const browserFiles = testsByKind(root).browser.filter((f) => !filters.length || filters.some((x) => f.includes(x)));
let buildMs = 0;
if ((!kind || kind === 'browser') && browserFiles.length) {
  const t = performance.now();
  const build = spawnSync(node, ['node_modules/vite/bin/vite.js', 'build', 'apps/web', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  buildMs = performance.now() - t;
}

mkdirSync(`${root}test-results`, { recursive: true });
const report = `${root}test-results/vitest.json`;
const kindsReport = `${root}test-results/kinds.json`;
rmSync(report, { force: true });
rmSync(kindsReport, { force: true });
const vitestArgs = [
  'node_modules/vitest/vitest.mjs',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  '--reporter=./scripts/kind-durations.mjs',
  ...(kind ? ['--project', kind] : []),
  ...(moduleName ? ['--passWithNoTests', `${dir}/`] : []),
  ...args,
];
const run = spawnSync(node, vitestArgs, { cwd: root, stdio: 'inherit' });

const seconds = (ms) => {
  const s = Math.round(ms / 100) / 10;
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(Math.round(s % 60)).padStart(2, '0')} s`;
};
let summary = 'Tests: 0 passed, 1 failed (no report written)';
let byKind = '';
try {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  summary = `Tests: ${r.numPassedTests} passed, ${r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0)} failed, ${r.numPendingTests + r.numTodoTests} skipped`;
  // Per kind (scripts/kind-durations.mjs): the span from its first file's start to its last one's end, and the
  // workers' time in its files. The kinds share the two workers, so the spans overlap.
  const kinds = JSON.parse(readFileSync(kindsReport, 'utf8'));
  const present = TEST_KINDS.filter((k) => kinds[k]);
  if (present.length > 1) {
    const parts = present.map(
      (k) => `${k} ${seconds(kinds[k].spanMs)} (${kinds[k].files} files, ${kinds[k].tests} tests, worker time ${seconds(kinds[k].workerMs)})`,
    );
    byKind = `\n  by kind, side by side on two workers: ${parts.join(' · ')}`;
  }
} catch {
  /* keep the failure line */
}
const total = performance.now() - started;
console.log(`\nDuration: ${seconds(total)}${buildMs ? ` (console build ${seconds(buildMs)}, tests ${seconds(total - buildMs)})` : ''}${byKind}`);
console.log(summary);
process.exit(run.status ?? 1);
