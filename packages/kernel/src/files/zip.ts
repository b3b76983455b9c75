import { createInflateRaw } from 'node:zlib';
import { Readable } from 'node:stream';

/**
 * The parts of a ZIP archive (an .xlsx is one) read from its central directory, and each part inflated as a
 * stream under a byte budget. No part is ever inflated whole: a declared size over the budget is refused before
 * inflating, and a part that inflates to more than it declared is stopped at the first chunk over the budget
 * (a zip bomb lies about its sizes).
 */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** As the archive declares it; checked again while inflating. */
  declaredSize: number;
  localHeaderOffset: number;
}

/** Why an archive cannot be read; the caller turns it into a message about the uploaded file. */
export class ZipRefused extends Error {
  constructor(
    readonly reason: 'corrupt' | 'encrypted' | 'unsupported' | 'too-large',
    message: string,
  ) {
    super(message);
    this.name = 'ZipRefused';
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATE = 8;

function endOfCentralDirectory(zip: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65535.
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) if (zip.readUInt32LE(i) === EOCD) return i;
  throw new ZipRefused('corrupt', 'no end of central directory');
}

/** The archive's parts by name. */
export function zipEntries(zip: Buffer): Map<string, ZipEntry> {
  if (zip.length < 22) throw new ZipRefused('corrupt', 'too short');
  const eocd = endOfCentralDirectory(zip);
  const count = zip.readUInt16LE(eocd + 10);
  const size = zip.readUInt32LE(eocd + 12);
  const offset = zip.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) throw new ZipRefused('unsupported', 'zip64');
  if (offset + size > eocd) throw new ZipRefused('corrupt', 'central directory outside the file');
  const entries = new Map<string, ZipEntry>();
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || zip.readUInt32LE(p) !== CENTRAL) throw new ZipRefused('corrupt', 'bad central directory entry');
    const flags = zip.readUInt16LE(p + 8);
    const nameLength = zip.readUInt16LE(p + 28);
    const entry: ZipEntry = {
      method: zip.readUInt16LE(p + 10),
      compressedSize: zip.readUInt32LE(p + 20),
      declaredSize: zip.readUInt32LE(p + 24),
      localHeaderOffset: zip.readUInt32LE(p + 42),
      name: zip.toString('utf8', p + 46, p + 46 + nameLength),
    };
    if (flags & 1) throw new ZipRefused('encrypted', entry.name);
    if (entry.compressedSize === 0xffffffff || entry.declaredSize === 0xffffffff) throw new ZipRefused('unsupported', 'zip64');
    entries.set(entry.name, entry);
    p += 46 + nameLength + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return entries;
}

/** Counts what is inflated across the parts of one archive and refuses once `limit` bytes are exceeded. */
export class InflateBudget {
  private used = 0;
  constructor(readonly limit: number) {}
  /** Refuses at once when the parts' declared sizes already exceed what is left. */
  reserve(entries: readonly ZipEntry[]) {
    const declared = entries.reduce((n, e) => n + e.declaredSize, 0);
    if (this.used + declared > this.limit) throw new ZipRefused('too-large', `declared ${String(declared)} bytes`);
  }
  take(bytes: number) {
    this.used += bytes;
    if (this.used > this.limit) throw new ZipRefused('too-large', `over ${String(this.limit)} bytes`);
  }
}

function dataOf(zip: Buffer, e: ZipEntry): Buffer {
  const h = e.localHeaderOffset;
  if (h + 30 > zip.length || zip.readUInt32LE(h) !== LOCAL) throw new ZipRefused('corrupt', `bad local header of ${e.name}`);
  const start = h + 30 + zip.readUInt16LE(h + 26) + zip.readUInt16LE(h + 28);
  if (start + e.compressedSize > zip.length) throw new ZipRefused('corrupt', `${e.name} runs past the end`);
  return zip.subarray(start, start + e.compressedSize);
}

/** The part's bytes, chunk by chunk as they inflate, each counted against `budget` before it is handed on. */
export async function* inflateEntry(zip: Buffer, e: ZipEntry, budget: InflateBudget): AsyncGenerator<Buffer> {
  const data = dataOf(zip, e);
  if (e.method === STORED) {
    for (let i = 0; i < data.length; i += 65536) {
      const chunk = data.subarray(i, i + 65536);
      budget.take(chunk.length);
      yield chunk;
    }
    return;
  }
  if (e.method !== DEFLATE) throw new ZipRefused('unsupported', `compression method ${String(e.method)}`);
  const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
  Readable.from([data]).pipe(inflater);
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      budget.take(chunk.length);
      yield chunk;
    }
  } catch (err) {
    if (err instanceof ZipRefused) throw err;
    throw new ZipRefused('corrupt', `${e.name}: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    inflater.destroy();
  }
}

/** A small part (workbook, relationships, styles) as text, still under the budget. */
export async function entryText(zip: Buffer, e: ZipEntry, budget: InflateBudget): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of inflateEntry(zip, e, budget)) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}
