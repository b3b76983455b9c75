import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { AppError } from '../errors';
import { formatBytes, SNIFF_BYTES } from './file-types';
import { chinaDay } from '../shared/china-time';

/**
 * Where uploaded files and issued PDFs live. An explicit SIFA_FILES_DIR wins (a bigger disk, or the shared
 * volume every process of a PostgreSQL deployment must mount); otherwise `<data dir>/files` next to the
 * embedded database, so one directory backs up everything; a PostgreSQL deployment without either uses
 * `./data/files`.
 */
export function resolveFilesRoot(opts: { dataDir: string | undefined; filesDir: string | undefined }): string {
  if (opts.filesDir) return resolve(opts.filesDir);
  if (opts.dataDir) return join(resolve(opts.dataDir), 'files');
  return resolve('data', 'files');
}

/** A file as stored: its key (`yyyy/mm/<uuid>`, made by the server), size and SHA-256. */
export interface StoredFile {
  key: string;
  sizeBytes: number;
  sha256: string;
}

export interface PutOptions {
  /** Name shown in messages (already cleaned); never part of the path. */
  filename: string;
  maxBytes: number;
  /** Called once with the first bytes (up to SNIFF_BYTES) before the rest is written; throws to refuse. */
  checkHead?: (head: Buffer) => void;
}

const KEY = /^\d{4}\/\d{2}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const yearMonth = (d: Date) => {
  const [y, m] = chinaDay(d).split('-');
  return `${y ?? '0000'}/${m ?? '00'}`;
};

/** The file store: server-made keys under one root directory; files are written whole or not at all. */
export interface FileStorage {
  readonly root: string;
  /** Streams a file in, counting, hashing and checking its head as it goes; refuses it past `maxBytes`. */
  putStream(source: AsyncIterable<Buffer | string>, opts: PutOptions): Promise<StoredFile>;
  putBuffer(bytes: Buffer): Promise<StoredFile>;
  /** The bytes of a key, or undefined when the file is missing. */
  read(key: string): Promise<Buffer | undefined>;
  /** Removes a file (cleanup after a failed transaction); a missing file is fine. */
  remove(key: string): Promise<void>;
}

export function createFileStorage(root: string): FileStorage {
  const pathOf = (key: string) => {
    // Keys come from our own rows; a key of any other shape is refused rather than joined into a path.
    if (!KEY.test(key)) throw new Error(`文件存储键格式不正确：${key}`);
    return join(root, ...key.split('/'));
  };
  // The month folder only spreads files over directories (wall clock; no business date depends on it).
  const newKey = () => `${yearMonth(new Date())}/${randomUUID()}`;

  async function write(chunks: AsyncIterable<Buffer | string> | Iterable<Buffer>, opts: PutOptions): Promise<StoredFile> {
    const key = newKey();
    const target = pathOf(key);
    const part = `${target}.part`;
    await mkdir(dirname(target), { recursive: true, mode: 0o700 });
    const fh = await open(part, 'wx', 0o600);
    const hash = createHash('sha256');
    let size = 0;
    let head: Buffer = Buffer.alloc(0);
    let headChecked = !opts.checkHead;
    const check = () => {
      headChecked = true;
      opts.checkHead?.(head);
    };
    try {
      for await (const raw of chunks) {
        const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
        size += chunk.length;
        if (size > opts.maxBytes) throw new AppError('FILE_TOO_LARGE', { name: opts.filename, limit: formatBytes(opts.maxBytes) });
        if (!headChecked) {
          head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)]);
          if (head.length >= SNIFF_BYTES) check();
        }
        hash.update(chunk);
        await fh.write(chunk);
      }
      if (size === 0) throw new AppError('FILE_EMPTY', { name: opts.filename });
      if (!headChecked) check();
      await fh.sync();
      await fh.close();
      await rename(part, target);
      return { key, sizeBytes: size, sha256: hash.digest('hex') };
    } catch (e) {
      await fh.close().catch(() => undefined);
      await rm(part, { force: true });
      throw e;
    }
  }

  return {
    root,
    putStream: write,
    putBuffer: (bytes) => write([bytes], { filename: 'document.pdf', maxBytes: Number.MAX_SAFE_INTEGER }),
    async read(key) {
      try {
        return await readFile(pathOf(key));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw e;
      }
    },
    async remove(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
