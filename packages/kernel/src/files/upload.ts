import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors';
import { formatBytes } from './file-types';

/** Room for the multipart framing around the file: boundaries, the part's headers, the few small fields allowed. */
export const MULTIPART_SLACK_BYTES = 64 * 1024;

/**
 * Refuses at once, before a byte of the body is read, an upload whose declared length already passes the limit
 * (issue #13 item 8): the answer is a 413 with `Connection: close` (the error handler's), so the browser stops
 * sending instead of spinning until the whole file is through. A body without a length is stopped by the parser's
 * limit as soon as it passes it.
 */
export function refuseDeclaredOversize(req: FastifyRequest, maxBytes: number): void {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes + MULTIPART_SLACK_BYTES) {
    throw new AppError('UPLOAD_TOO_LARGE', { size: formatBytes(declared), limit: formatBytes(maxBytes) });
  }
}

// @fastify/multipart's limits (app.ts registers files: 1, fields: 10, parts: 11) in words a person can act on.
const LIMIT_REASONS: Record<string, string> = {
  FST_FILES_LIMIT: '一次只能上传一个文件，请逐个上传',
  FST_PARTS_LIMIT: '上传请求中的字段过多 (最多 10 个)，请只提交文件',
  FST_FIELDS_LIMIT: '上传请求中的字段过多 (最多 10 个)，请只提交文件',
  FST_REQ_FILE_TOO_LARGE: '文件超过大小上限，请压缩或拆分后再上传',
};

/**
 * What a failure while reading a multipart request becomes: the parser's limits a 413 saying which, and its own
 * errors (a body cut off or not multipart at all — busboy's, without a code) a 400, not a 500 (issue #11 item 1).
 */
export function uploadFailure(e: unknown): unknown {
  if (e instanceof AppError || !(e instanceof Error)) return e;
  const code = 'code' in e && typeof e.code === 'string' ? e.code : undefined;
  const reason = code ? LIMIT_REASONS[code] : undefined;
  if (reason) return new AppError('UPLOAD_REFUSED', { reason });
  if (code === undefined || code === 'FST_PROTO_VIOLATION' || code === 'FST_MP_PREMATURE_CLOSE') return new AppError('UPLOAD_MALFORMED');
  return e;
}

/** The one file of a multipart upload (field `file`), its size capped at one byte over `maxBytes` (enough to refuse it). */
export async function filePart(req: FastifyRequest, maxBytes: number): Promise<MultipartFile> {
  if (!req.isMultipart()) throw new AppError('FILE_REQUIRED');
  refuseDeclaredOversize(req, maxBytes);
  let part: MultipartFile | undefined;
  try {
    part = await req.file({ limits: { fileSize: maxBytes + 1, files: 1 }, throwFileSizeLimit: false });
  } catch (e) {
    throw uploadFailure(e);
  }
  if (!part) throw new AppError('FILE_REQUIRED');
  return part;
}

/** The file's bytes as they arrive, the parser's failures turned into the answers above. */
export async function* uploadChunks(part: MultipartFile): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of part.file as AsyncIterable<Buffer>) yield chunk;
  } catch (e) {
    throw uploadFailure(e);
  }
}
