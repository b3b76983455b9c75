import { closeSync, fstatSync, ftruncateSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { tryLock } from 'fs-native-extensions';

/**
 * PGlite takes no lock on its directory: two processes would both "work" and lose committed rows
 * (TECH-NOTES.md). The platform therefore holds an exclusive OS lock (flock / open-file-description lock on Linux,
 * LockFileEx on Windows) on `sifa.lock` while it runs and refuses to start while another process holds it. The
 * operating system takes the lock and gives it back when the process dies, so there is no stale-lock takeover to
 * race on (ADR 0019): the pid written into the file only names the holder in the refusal.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    const who = holderPid ? `PID ${holderPid}` : 'PID 尚未写入';
    super(
      `数据目录 ${dataDir} 正被另一个 Sifa 进程 (${who}) 使用，本进程拒绝启动以免数据损坏。` +
        `请先停止该进程，或用 SIFA_DATA_DIR 指定另一个目录。\n` +
        `The data directory ${dataDir} is in use by another Sifa process (${who}); refusing to start.`,
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  release(): void;
}

const holderPidOf = (file: string) => {
  try {
    return Number((JSON.parse(readFileSync(file, 'utf8')) as { pid: unknown }).pid) || 0;
  } catch {
    return 0; // not written yet (the holder is between taking the lock and writing its pid)
  }
};

/** Same file as the one at `file` now: a holder that released has removed (unlinked) the file we opened. */
const stillThere = (fd: number, file: string) => {
  try {
    const a = fstatSync(fd);
    const b = statSync(file);
    return a.ino === b.ino && a.dev === b.dev;
  } catch {
    return false;
  }
};

export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, 'sifa.lock');
  for (let attempt = 0; attempt < 5; attempt++) {
    // Never truncated on open: the holder's pid stays readable for the refusal below.
    const fd = openSync(file, 'a+', 0o600);
    let locked = false;
    try {
      locked = tryLock(fd);
    } catch (e) {
      closeSync(fd);
      throw e;
    }
    if (!locked) {
      closeSync(fd);
      throw new DataDirLockedError(dataDir, holderPidOf(file));
    }
    // Locked an inode a releasing holder had just unlinked: try again on the file now at the path.
    if (!stillThere(fd, file)) {
      closeSync(fd);
      continue;
    }
    ftruncateSync(fd, 0);
    // Process bookkeeping written before the app (and its clock) exists.
    writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }), 0);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      // Unlinked while still locked, then closed (which drops the lock): a process that opened the old file in
      // between sees that it is gone (stillThere) and tries again. A file another process wrote is left alone.
      if (holderPidOf(file) === process.pid && stillThere(fd, file)) rmSync(file, { force: true });
      closeSync(fd);
    };
    process.once('exit', release);
    return {
      release() {
        process.removeListener('exit', release);
        release();
      },
    };
  }
  throw new Error(`无法获得数据目录锁 ${file}`);
}
