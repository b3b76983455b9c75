// Which kind a test file is, for vitest.config.ts's projects and scripts/test.mjs's report. No renaming needed:
//   browser      *.browser.test.ts — drives the built console in Chromium against a real server;
//   integration  a *.test.ts that needs a database: it lives in apps/server/test/ (the platform's own tests start
//                it) or names a database entry point (createTestApp, createTestDb, startTestServer, openPglite …);
//   unit         every other *.test.ts: pure code, no database, no template to build.
// A database test wrongly taken for a unit test fails loudly: createTestDb finds no template in the unit project.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const TEST_KINDS = ['unit', 'integration', 'browser'];

const ROOTS = ['apps', 'packages', 'modules'];
const DATABASE =
  /\b(createTestApp|createTestDb|startTestServer|createEmptyPgDatabase|openPglite|openPgliteFromDump|openPostgres|openEngine|openPlatform|startServer|buildApp)\b|@sifa\/(platform|server)\b/;

/** Test files under apps/, packages/ and modules/, as repository-relative paths with forward slashes. */
export function listTestFiles(root) {
  const out = [];
  for (const top of ROOTS) {
    if (!existsSync(join(root, top))) continue;
    const walk = (dir) => {
      for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
        if (e.name === 'node_modules' || e.name === 'dist' || e.name.startsWith('.')) continue;
        const rel = `${dir}/${e.name}`;
        if (e.isDirectory()) walk(rel);
        else if (e.name.endsWith('.test.ts')) out.push(rel);
      }
    };
    walk(top);
  }
  return out.sort();
}

/** The kind of one test file (path relative to the repository root). */
export function testKind(root, file) {
  if (file.endsWith('.browser.test.ts')) return 'browser';
  if (file.startsWith('apps/server/test/')) return 'integration';
  return DATABASE.test(readFileSync(join(root, file), 'utf8')) ? 'integration' : 'unit';
}

/** Every test file by kind. */
export function testsByKind(root) {
  const kinds = { unit: [], integration: [], browser: [] };
  for (const f of listTestFiles(root)) kinds[testKind(root, f)].push(f);
  return kinds;
}

/** The folder of a module or package by its name: modules/<name>, packages/<name> (e.g. kernel) or apps/<name>. */
export function moduleDir(root, name) {
  return ROOTS.map((top) => `${top}/${name}`).find((dir) => existsSync(join(root, dir)));
}
