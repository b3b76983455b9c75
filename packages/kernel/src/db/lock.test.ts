import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { DataDirLockedError, lockDataDir, type DataDirLock } from './lock';

const LOCK_MODULE = pathToFileURL(fileURLToPath(new URL('./lock.ts', import.meta.url))).href;
const DEAD_PID = 999_999; // above Linux's default pid_max (32768 / 4194304): no such process

// A separate Node process that tries to take the lock. `hold` keeps it (until killed); `exit` ends without releasing.
const CHILD = `
const [url, dir, mode, at] = process.argv.slice(1);
import(url).then(({ lockDataDir }) => {
  // 'race': every child loaded, then all try at the same wall-clock instant
  while (mode === 'race' && Date.now() < Number(at));
  try {
    lockDataDir(dir);
    process.stdout.write('LOCKED\\n');
    if (mode === 'hold' || mode === 'race') setInterval(() => {}, 1000);
  } catch (e) {
    process.stdout.write(e.name + '\\n' + e.message + '\\n');
    process.exitCode = 3;
  }
});`;

function child(dir: string, mode: 'hold' | 'exit' | 'race', at = 0) {
  const proc = spawn(process.execPath, ['--import', 'tsx', '-e', CHILD, LOCK_MODULE, dir, mode, String(at)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout.on('data', (b: Buffer) => (out += b.toString()));
  proc.stderr.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const printed = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (out.includes(text)) resolve();
        else if (proc.exitCode !== null) reject(new Error(`child exited without printing ${text}: ${out}`));
        else setTimeout(check, 50);
      };
      check();
    });
  // LOCKED (and holding on) or refused (and exited)
  const answered = () =>
    new Promise<void>((resolve) => {
      const check = () => (out.includes('LOCKED') || proc.exitCode !== null ? resolve() : setTimeout(check, 50));
      check();
    });
  return { proc, exited, printed, answered, output: () => out };
}

const dirs: string[] = [];
const locks: DataDirLock[] = [];
const children: ChildProcess[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'sifa-lock-'));
  dirs.push(d);
  return d;
};
const take = (dir: string) => {
  const lock = lockDataDir(dir);
  locks.push(lock);
  return lock;
};
const holder = (dir: string) => JSON.parse(readFileSync(join(dir, 'sifa.lock'), 'utf8')) as { pid: number; host: string; since: string };

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  for (const l of locks.splice(0)) l.release();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the data-directory lock', () => {
  test('taking it writes a lock file naming this process; releasing it removes the file', () => {
    const dir = tempDir();
    const lock = take(dir);
    expect(holder(dir)).toMatchObject({ pid: process.pid, host: hostname() });
    expect(Date.now() - new Date(holder(dir).since).getTime()).toBeLessThan(10_000);
    lock.release();
    expect(existsSync(join(dir, 'sifa.lock'))).toBe(false);
  });

  test('a directory that does not exist yet is created', () => {
    const dir = join(tempDir(), 'nested', 'data');
    take(dir);
    expect(holder(dir).pid).toBe(process.pid);
  });

  test('another process is refused while this one holds the lock', async () => {
    const dir = tempDir();
    take(dir);
    const c = child(dir, 'exit');
    children.push(c.proc);
    expect(await c.exited).toBe(3);
    expect(c.output()).toContain('DataDirLockedError');
    expect(c.output()).toContain(`数据目录 ${dir} 正被另一个 Sifa 进程 (PID ${process.pid}) 使用`);
    expect(holder(dir).pid).toBe(process.pid);
  });

  test('this process is refused while another live process holds the lock', async () => {
    const dir = tempDir();
    const c = child(dir, 'hold');
    children.push(c.proc);
    await c.printed('LOCKED');
    let refusal: unknown;
    try {
      take(dir);
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toBeInstanceOf(DataDirLockedError);
    expect(refusal).toMatchObject({ dataDir: dir, holderPid: c.proc.pid, message: expect.stringContaining('正被另一个 Sifa 进程') as string });
  });

  test('the lock of a process killed outright is taken over', async () => {
    const dir = tempDir();
    const c = child(dir, 'hold');
    children.push(c.proc);
    await c.printed('LOCKED');
    c.proc.kill('SIGKILL');
    await c.exited;
    expect(holder(dir).pid).toBe(c.proc.pid); // a killed process leaves its file behind
    take(dir);
    expect(holder(dir).pid).toBe(process.pid);
  });

  test('a process that exits without releasing removes its lock file', async () => {
    const dir = tempDir();
    const c = child(dir, 'exit');
    children.push(c.proc);
    expect(await c.exited).toBe(0);
    expect(c.output()).toContain('LOCKED');
    expect(existsSync(join(dir, 'sifa.lock'))).toBe(false);
  });

  test('a stale lock file of a dead process is taken over', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sifa.lock'), JSON.stringify({ pid: DEAD_PID, host: hostname(), since: '2020-01-01T00:00:00Z' }));
    take(dir);
    expect(holder(dir).pid).toBe(process.pid);
  });

  test('a half-written lock file is treated as stale', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sifa.lock'), '{"pid":');
    take(dir);
    expect(holder(dir).pid).toBe(process.pid);
  });

  test('releasing does not remove a lock file another process has written since', () => {
    const dir = tempDir();
    const lock = take(dir);
    writeFileSync(join(dir, 'sifa.lock'), JSON.stringify({ pid: DEAD_PID }));
    lock.release();
    expect(holder(dir).pid).toBe(DEAD_PID);
  });

  // Issue #11 item 9: with a create-then-write lock file, two processes started at the same instant both got it
  // (one read the other's still-empty file as stale and removed it). The OS lock admits exactly one.
  test('of processes started at the same instant exactly one gets the lock, round after round', async () => {
    for (let round = 0; round < 2; round++) {
      const dir = tempDir();
      const at = Date.now() + 2500; // time for every child to start Node and load the module
      const racers = Array.from({ length: 6 }, () => child(dir, 'race', at));
      children.push(...racers.map((r) => r.proc));
      // the winner holds on until killed, so a racer that started late cannot take it after a release
      await Promise.all(racers.map((r) => r.answered()));
      const winners = racers.filter((r) => r.output().includes('LOCKED'));
      expect(
        winners.map((r) => r.proc.pid),
        `round ${round}: ${racers.map((r) => r.output()).join(' | ')}`,
      ).toHaveLength(1);
      for (const r of racers.filter((x) => !winners.includes(x))) expect(r.output()).toContain('DataDirLockedError');
      for (const r of racers) r.proc.kill('SIGKILL');
    }
  }, 60_000);

  // The window the race above went through, held open: the holder has the lock but has not written its pid yet.
  // An empty lock file used to be "half-written, stale" and was taken over while its process was running.
  test('a live holder that has not written its pid yet still keeps the lock', async () => {
    const dir = tempDir();
    const c = child(dir, 'hold');
    children.push(c.proc);
    await c.printed('LOCKED');
    writeFileSync(join(dir, 'sifa.lock'), '');
    expect(() => take(dir)).toThrow(DataDirLockedError);
    expect(() => take(dir)).toThrow('PID 尚未写入');
  });

  test('the lock file is created readable by its owner only', () => {
    const dir = tempDir();
    take(dir);
    expect(statSync(join(dir, 'sifa.lock')).mode & 0o777).toBe(0o600);
  });
});
