import { randomBytes } from 'node:crypto';

/** A multipart/form-data request body with one file in the field `field` (default `file`), for app.inject. */
export function multipartFile(
  filename: string,
  content: Buffer | string,
  opts: { field?: string; mime?: string } = {},
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----sifa${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${opts.field ?? 'file'}"; filename="${filename}"\r\nContent-Type: ${opts.mime ?? 'application/octet-stream'}\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head), Buffer.isBuffer(content) ? content : Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
