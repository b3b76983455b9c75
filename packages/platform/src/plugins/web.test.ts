import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { precompressDir } from '../../../../scripts/precompress.mjs';
import { registerWeb } from './web';

// Issue #13 item 10: the console and portal (1.3 MB of script for the portal's home) travel compressed — brotli or
// gzip made once at build, sent with Content-Encoding and Vary — and uncompressed to a client that asks for that.
describe('static files', () => {
  let dir: string;
  let app: FastifyInstance;
  const script = `export const rows = [${Array.from({ length: 4000 }, (_, i) => `{ id: ${i}, name: '调解委员会 ${i}' }`).join(',')}];\n`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sifa-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><script type="module" src="/assets/app.js"></script>');
    writeFileSync(join(dir, 'assets', 'app.js'), script);
    writeFileSync(join(dir, 'assets', 'logo.png'), Buffer.alloc(4096, 7));
    const report = precompressDir(dir);
    expect(report.files).toBe(1); // the script; the html is under 1 kB and the image is not text
    expect(report.brotli).toBeLessThan(report.bytes / 5);
    app = Fastify();
    await registerWeb(app, dir);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a browser accepting brotli gets the .br file, with Content-Encoding and Vary', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/app.js', headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['vary']).toContain('accept-encoding');
    expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(res.rawPayload.length).toBeLessThan(script.length / 5);
    expect(brotliDecompressSync(res.rawPayload).toString('utf8')).toBe(script);
  });

  test('one accepting gzip only gets the .gz file', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/app.js', headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['vary']).toContain('accept-encoding');
    expect(gunzipSync(res.rawPayload).toString('utf8')).toBe(script);
  });

  test('one accepting neither gets the file as it is', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/app.js', headers: { 'accept-encoding': 'identity' } });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toBe(script);
  });

  test('a file without compressed copies (an image) is sent as it is', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/logo.png', headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.rawPayload.length).toBe(4096);
  });
});
