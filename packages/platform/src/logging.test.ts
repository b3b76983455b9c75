import { PassThrough } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, test } from 'vitest';
import { logFormatOf, loggerOptionsOf, registerReadableRequestLog, requestLoggingOf, type LogFormat } from './logging';

// Issue #13 item 10: request logs a person can read on a terminal, JSON lines for a log collector.

async function logOf(format: LogFormat): Promise<string> {
  const sink = new PassThrough();
  let written = '';
  sink.on('data', (chunk: Buffer) => (written += chunk.toString('utf8')));
  const app = Fastify({ logger: loggerOptionsOf({ logLevel: 'info', logFormat: format }, sink), ...requestLoggingOf(format) });
  if (format === 'pretty') registerReadableRequestLog(app);
  app.get('/api/things', () => ({ ok: true }));
  await app.inject({ method: 'GET', url: '/api/things?idNumber=360702199001010037' });
  await app.close();
  return written;
}

describe('log format', () => {
  test('SIFA_LOG_FORMAT chooses; unset, a terminal gets readable lines and anything else JSON', () => {
    expect(logFormatOf(undefined, true)).toBe('pretty');
    expect(logFormatOf(undefined, false)).toBe('json');
    expect(logFormatOf(undefined, undefined)).toBe('json');
    expect(logFormatOf('json', true)).toBe('json');
    expect(logFormatOf('PRETTY', false)).toBe('pretty');
    expect(() => logFormatOf('text', true)).toThrow(/SIFA_LOG_FORMAT 应为 json/);
  });

  test('pretty: one readable line per request — method, path, status, time — and no query string', async () => {
    const out = await logOf('pretty');
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: GET \/api\/things 200 \d+ ms$/);
    expect(out).not.toContain('{');
    expect(out).not.toContain('360702199001010037');
  });

  test('json: Fastify’s request entries as one JSON object a line, the query string left out', async () => {
    const out = await logOf('json');
    const entries = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { msg: string; req?: { url: string }; res?: { statusCode: number } });
    expect(entries.map((e) => e.msg)).toEqual(['incoming request', 'request completed']);
    expect(entries[0]?.req?.url).toBe('/api/things');
    expect(entries[1]?.res?.statusCode).toBe(200);
    expect(out).not.toContain('360702199001010037');
  });
});
