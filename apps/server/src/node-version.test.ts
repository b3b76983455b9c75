import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { ENGINES_NODE, nodeVersionProblem, satisfies } from '../../../scripts/node-version.mjs';

// Issue #13 item 10, ADR 0026: the Node.js the dependencies need — require(esm) for the ESM-only cookie and
// content-disposition, which Node.js has without a flag from 20.19 and from 22.12 — is the one package.json, the
// README and CI name, and a start on another Node stops with what to install.
const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('the Node.js version', () => {
  test('package.json engines is the range the dependencies need', () => {
    expect(ENGINES_NODE).toBe('^20.19.0 || >=22.12.0');
    expect(JSON.parse(readFileSync(`${root}package.json`, 'utf8'))).toMatchObject({ engines: { node: ENGINES_NODE } });
  });

  test('the README and CI say the same', () => {
    const readme = readFileSync(`${root}README.md`, 'utf8');
    expect(readme).toContain('Node.js 22.12 或更高版本');
    expect(readme).toContain('Node.js 22.12 or later');
    expect(readme).not.toContain('≥ 20.19（');
    expect(readFileSync(`${root}.ci/run`, 'utf8')).toContain('node scripts/node-version.mjs');
  });

  test.each([
    ['v18.20.4', false],
    ['v20.18.3', false],
    ['v20.19.0', true],
    ['v20.20.2', true],
    ['v21.7.3', false],
    ['v22.11.0', false],
    ['v22.12.0', true],
    ['v24.21.0', true],
  ])('%s lies in the range: %s', (version, ok) => {
    expect(satisfies(version, ENGINES_NODE)).toBe(ok);
    expect(nodeVersionProblem(version)?.fatal ?? false).toBe(!ok);
  });

  test('Node.js 20 runs with a warning that it is past its end of life; 22 and 24 without one', () => {
    expect(nodeVersionProblem('v20.20.2')).toMatchObject({ fatal: false, message: expect.stringContaining('已于 2026-04-30 停止维护') as unknown });
    expect(nodeVersionProblem('v22.12.0')).toBeUndefined();
    expect(nodeVersionProblem('v24.21.0')).toBeUndefined();
  });

  test('a start on an older Node.js stops with exit code 1 and says what to install', () => {
    const r = spawnSync(process.execPath, ['-e', `import('./scripts/node-version.mjs').then((m) => m.requireSupportedNode({ version: 'v18.20.4' }))`], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Sifa 需要 Node.js ^20.19.0 || >=22.12.0 (当前为 v18.20.4)');
    expect(r.stderr).toContain('请安装 Node.js 22 或 24');
  });

  test('the entry points check before anything else is loaded', () => {
    expect(readFileSync(`${root}scripts/start.mjs`, 'utf8')).toMatch(/^(\/\/.*\n)*import '\.\/require-node\.mjs';/);
    expect(readFileSync(`${root}apps/server/src/cli.ts`, 'utf8')).toMatch(/^(\/\/.*\n)*import '\.\.\/\.\.\/\.\.\/scripts\/require-node\.mjs';/);
  });
});
