import { chmodSync, lstatSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The embedded database, its key and its anchor hold names, ID numbers, password hashes, session and CSRF tokens.
 * 等保 (GB/T 22239-2019 8.1.4.2 访问控制) asks that only the service's own account can read them: the directories
 * are created 0700, the files 0600, and a directory that other local users can enter or read is refused (issue #11
 * item 8, ADR 0019). The check looks at the mode bits, not at `access()`: root (CI, containers) may read anything,
 * yet a directory open to the group or to others is exposed to every other account all the same.
 */
export class DataDirExposedError extends Error {
  constructor(
    readonly dir: string,
    readonly mode: number,
  ) {
    const octal = (mode & 0o777).toString(8).padStart(4, '0');
    super(
      `目录 ${dir} 的权限为 ${octal}，本机其他用户可以进入或读取其中的数据 (个人信息、口令哈希、会话凭据)，本进程拒绝启动。` +
        `请以运行 Sifa 的账号执行：chmod -R go-rwx '${dir}'  (目录应为 0700，文件为 0600)\n` +
        `The directory ${dir} has mode ${octal}: other local users can read it; refusing to start. Fix: chmod -R go-rwx '${dir}'`,
    );
    this.name = 'DataDirExposedError';
  }
}

/** Creates `dir` (and missing parents) 0700, or refuses an existing one whose group or others have any access. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const mode = statSync(dir).mode;
  if ((mode & 0o077) !== 0) throw new DataDirExposedError(dir, mode);
}

/**
 * Files this process creates from now on (PGlite's pages, WAL, the anchor, attachments) are 0600 and its
 * directories 0700, whatever umask the shell had. Not possible in a worker thread (Node refuses there); the
 * process that opens the platform is never one.
 */
export function restrictFileModes(): void {
  try {
    process.umask(0o077);
  } catch {
    /* a worker thread: its files are created by the main thread's settings */
  }
}

/**
 * Takes group and others' bits off everything under `dir` (symbolic links are left alone). PGlite unpacks its
 * initial cluster with the archive's modes (0666), past the umask; files it creates later honour the umask.
 * Runs after the engine opens: milliseconds for the ~1,200 files of a data directory.
 */
export function restrictTree(dir: string): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isSymbolicLink()) continue;
    const mode = lstatSync(p).mode & 0o777;
    if (mode & 0o077) chmodSync(p, mode & 0o700);
    if (e.isDirectory()) restrictTree(p);
  }
}
