import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { DataDirExposedError } from '@sifa/kernel';
import { openPlatform } from '@sifa/platform';
import { testConfig } from '@sifa/testing';
import { businessModules } from '../src/registry';

/** Every file and directory under `dir` whose group or others have any access, with its mode. */
function exposed(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      const mode = statSync(p).mode & 0o777;
      if (mode & 0o077) out.push(`${p} ${mode.toString(8)}`);
      if (e.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return out;
}

// Issue #11 item 8: 969 of 1,217 files of a data directory were world-readable (0755 directory, 0644 files).
describe.skipIf(!!process.env.DATABASE_URL)('file modes of the embedded data directory', () => {
  const root = mkdtempSync(join(tmpdir(), 'sifa-modes-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('a first start creates the directory 0700 and every file in it 0600, whatever the umask was', async () => {
    const dataDir = join(root, 'fresh', 'data');
    const before = process.umask(0o022); // a usual shell's umask
    try {
      const platform = await openPlatform(testConfig({ dataDir, databaseUrl: undefined, filesDir: undefined }), businessModules);
      await platform.close();
    } finally {
      process.umask(before);
    }
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(existsSync(join(dataDir, 'pgdata'))).toBe(true);
    expect(exposed(dataDir)).toEqual([]);
  }, 120_000);

  test('a data directory others can read is refused with the command that fixes it, and nothing is written into it', async () => {
    const dataDir = join(root, 'open');
    mkdirSync(dataDir);
    chmodSync(dataDir, 0o755);
    const opened = openPlatform(testConfig({ dataDir, databaseUrl: undefined, filesDir: undefined }), businessModules);
    await expect(opened).rejects.toBeInstanceOf(DataDirExposedError);
    await expect(opened).rejects.toThrow(`chmod -R go-rwx '${dataDir}'`);
    expect(readdirSync(dataDir)).toEqual([]);
  });
});
