import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

// An integration test (by its place in apps/server/test): it copies the repository, runs the module starter in the
// copy, and there typechecks, runs the new module's tests on a database and boots the platform with it. About 2
// minutes on two cores, most of it the typecheck; the browser test of the new module is left to a run by hand.

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const NAME = 'sample-line';
// a quote in a variable, so that check-deps.mjs does not read the expected registry lines as imports of this file
const q = "'";

// The child processes are vitest and tsc runs of their own: they must not think they are this test's worker.
const childEnv = {
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_ENV' && k !== 'TEST')),
  NO_COLOR: '1',
};
const inCopy = (dir: string, cmd: string, args: string[]) => run(cmd, args, { cwd: dir, env: childEnv, maxBuffer: 64 * 1024 * 1024 });
const git = async (dir: string, ...args: string[]) => (await inCopy(dir, 'git', ['-c', 'user.name=starter', '-c', 'user.email=starter@test', ...args])).stdout;

/**
 * The working tree (tracked and untracked files, not ignored ones) copied to `dir` and committed there, so the
 * starter's changes are exactly what `git status` shows. node_modules is linked entry by entry to the repository's,
 * except the workspace links (@sifa/*), which point into the copy — the starter adds its own there.
 */
async function copyRepository(dir: string) {
  const listed = (await git(ROOT, 'ls-files', '-z', '--cached', '--others', '--exclude-standard')).split('\0').filter(Boolean);
  for (const file of listed) {
    if (!existsSync(join(ROOT, file))) continue; // deleted in the working tree, not yet committed
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    copyFileSync(join(ROOT, file), join(dir, file));
  }
  mkdirSync(join(dir, 'node_modules/@sifa'), { recursive: true });
  for (const entry of readdirSync(join(ROOT, 'node_modules'))) {
    if (entry !== '@sifa') symlinkSync(join(ROOT, 'node_modules', entry), join(dir, 'node_modules', entry));
  }
  for (const ws of readdirSync(join(ROOT, 'node_modules/@sifa'))) {
    symlinkSync(readlinkSync(join(ROOT, 'node_modules/@sifa', ws)), join(dir, 'node_modules/@sifa', ws));
  }
  await git(dir, 'init', '-q');
  await git(dir, 'add', '-A');
  await git(dir, 'commit', '-q', '-m', 'the repository before the starter');
}

const dependenciesOf = (json: string) => (JSON.parse(json) as { dependencies: Record<string, string> }).dependencies;

describe('npm run new-module: a new business line is its own folder plus one line in each registry', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sifa-starter-'));
    await copyRepository(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('a bad or taken name is refused in Chinese, and nothing is written', async () => {
    const refused = async (...args: string[]) => {
      const err = await inCopy(dir, 'node', ['scripts/new-module.mjs', ...args]).then(
        () => undefined,
        (e: unknown) => e as { stderr: string },
      );
      return err?.stderr ?? '（未拒绝）';
    };
    expect(await refused('Legal_Aid')).toContain('须为小写字母开头的短横线分隔英文（kebab-case）');
    expect(await refused('mediation')).toContain('模块“mediation”已存在');
    expect(await refused()).toContain('请给出模块名');
    expect(await refused('community-corrections', '--zh', 'legal')).toContain('应含汉字');
    // the test kit's sample module numbers {abbr}样〔…〕: a second module with that mark would take its numbers
    expect(await refused('community-corrections', '--zh', '样例')).toContain('编号标记“样”已被 packages/testing/src/sample-module.ts 使用');
    expect(await git(dir, 'status', '--porcelain')).toBe('');
  });

  test('the starter writes modules/<name>/ and one line in each registry; the module typechecks, passes its tests and boots', async () => {
    await inCopy(dir, 'node', ['scripts/new-module.mjs', NAME, '--zh', '试点业务']);

    // (a) what changed: the folder, the line in each registry, the dependency in each app (check-deps.mjs wants it);
    // no package-lock.json (the starter links the workspace itself; `npm install` records it later)
    const status = (await git(dir, 'status', '--porcelain', '--untracked-files=normal')).trimEnd().split('\n').sort();
    expect(status).toEqual([
      ' M apps/server/package.json',
      ' M apps/server/src/registry.ts',
      ' M apps/web/package.json',
      ' M apps/web/src/registry.ts',
      `?? modules/${NAME}/`,
    ]);
    for (const [file, line] of [
      ['apps/server/src/registry.ts', `+  (await import(${q}@sifa/${NAME}/server${q})).sampleLineModule,`],
      ['apps/web/src/registry.ts', `+  (await import(${q}@sifa/${NAME}/web${q})).sampleLineWeb,`],
    ] as const) {
      expect((await git(dir, 'diff', '--numstat', '--', file)).split('\t').slice(0, 2)).toEqual(['1', '0']);
      expect((await git(dir, 'diff', '-U0', '--', file)).split('\n').filter((l) => /^[+-][^+-]/.test(l))).toEqual([line]);
    }
    for (const file of ['apps/server/package.json', 'apps/web/package.json']) {
      const before = dependenciesOf(await git(dir, 'show', `HEAD:${file}`));
      expect(dependenciesOf(readFileSync(join(dir, file), 'utf8'))).toEqual({ ...before, [`@sifa/${NAME}`]: '0.1.0' });
    }
    const written = (await git(dir, 'ls-files', '--others', '--exclude-standard', `modules/${NAME}`)).trim().split('\n');
    expect(written).toEqual(
      expect.arrayContaining([
        `modules/${NAME}/README.md`,
        `modules/${NAME}/server/migrations/0001_create-${NAME}.sql`,
        `modules/${NAME}/server/scope-fixtures.ts`,
        `modules/${NAME}/server/${NAME}.test.ts`,
        `modules/${NAME}/web/test/${NAME}.browser.test.ts`,
      ]),
    );
    expect(written.join('\n')).not.toContain('__');
    expect(readFileSync(join(dir, `modules/${NAME}/shared/deadlines.ts`), 'utf8')).toContain('TODO');

    // (b) the whole repository typechecks with the new module, and its files pass the checks of `npm run lint`
    await inCopy(dir, 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
    await inCopy(dir, 'npx', ['eslint', `modules/${NAME}`, 'apps/server/src/registry.ts', 'apps/web/src/registry.ts']);
    await inCopy(dir, 'npx', ['prettier', '--check', `modules/${NAME}`, 'apps/server', 'apps/web/src/registry.ts', 'apps/web/package.json']);
    await inCopy(dir, 'node', ['scripts/check-deps.mjs']);

    // (c) its own tests and (d) the platform booted from the registry serves its list to a seeded user
    writeFileSync(
      join(dir, 'apps/server/test/starter-boot.test.ts'),
      [
        "import { expect, test } from 'vitest';",
        "import { createTestApp } from '@sifa/testing';",
        "test('the platform boots with the new module from the registry', async () => {",
        '  const t = await createTestApp();',
        "  const res = await (await t.loginAs('zhanggong')).request('GET', '/api/sample-line/cases');",
        '  await t.close();',
        '  expect(res.statusCode, res.body).toBe(200);',
        '});',
        '',
      ].join('\n'),
    );
    const tests = await inCopy(dir, 'npx', [
      'vitest',
      'run',
      '--project',
      'unit',
      '--project',
      'integration',
      `modules/${NAME}`,
      'apps/server/test/starter-boot.test.ts',
    ]);
    expect(tests.stdout).toMatch(/Test Files\s+\S*3 passed/);
  }, 300_000);
});
