import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { DataDirExposedError, ensurePrivateDir } from './data-dir';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'sifa-mode-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

// Issue #11 item 8: the data directory was 0755. These hold as root too (CI): the mode bits decide, not access().
describe('the private data directory', () => {
  test('a directory that does not exist is created 0700, with its missing parents', () => {
    const dir = join(tempDir(), 'srv', 'data');
    ensurePrivateDir(dir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, '..')).mode & 0o777).toBe(0o700);
  });

  test('an existing 0700 directory is accepted as it is', () => {
    const dir = tempDir();
    chmodSync(dir, 0o700);
    expect(() => ensurePrivateDir(dir)).not.toThrow();
  });

  test.each([0o755, 0o750, 0o711, 0o701, 0o770])('a directory of mode %o is refused with the command that fixes it', (mode) => {
    const dir = join(tempDir(), 'data');
    mkdirSync(dir);
    chmodSync(dir, mode);
    let error: unknown;
    try {
      ensurePrivateDir(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataDirExposedError);
    expect((error as Error).message).toContain(`目录 ${dir} 的权限为 0${mode.toString(8)}`);
    expect((error as Error).message).toContain(`chmod -R go-rwx '${dir}'`);
    expect(statSync(dir).mode & 0o777).toBe(mode); // refused, not silently changed
  });
});
