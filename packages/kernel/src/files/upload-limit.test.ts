import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, sampleModule, type Agent, type TestApp } from '@sifa/testing';

const MB = 1024 * 1024;

interface Answer {
  status: number;
  head: string;
  body: string;
  /** Bytes of the file the client had written when the answer came. */
  sentWhenAnswered: number;
}

/**
 * Posts a multipart upload over a raw socket, as a browser would, writing `total` bytes of file in 64 KB chunks (with a
 * declared length, or chunked without one) and stopping once the server answers: how much was sent by then is the
 * point. A raw socket, because the answer must be readable while the client is still sending.
 */
function slowUpload(port: number, path: string, cookie: string, csrf: string, total: number, declareLength: boolean): Promise<Answer> {
  const boundary = '----sifa-limit';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="录音.mp3"\r\nContent-Type: audio/mpeg\r\n\r\nID3`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const chunked = (b: Buffer) => (declareLength ? b : Buffer.concat([Buffer.from(`${b.length.toString(16)}\r\n`), b, Buffer.from('\r\n')]));
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let sent = 0;
    let sentWhenAnswered = -1;
    let received = '';
    const finish = () => {
      const [top = '', body = ''] = received.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(top)?.[1] ?? 0);
      if (status === 0) reject(new Error(`no answer (sent ${String(sent)} bytes)`));
      else resolve({ status, head: top.toLowerCase(), body: body.replace(/^[0-9a-f]+\r\n/, ''), sentWhenAnswered });
    };
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => {
      if (sentWhenAnswered < 0) sentWhenAnswered = sent;
      received += d;
    });
    // the server closes the connection after its answer; a reset while still writing is part of that
    socket.on('error', () => undefined);
    socket.on('close', finish);
    socket.write(
      [
        `POST ${path} HTTP/1.1`,
        'Host: 127.0.0.1',
        `Cookie: ${cookie}`,
        `X-CSRF-Token: ${csrf}`,
        `Content-Type: multipart/form-data; boundary=${boundary}`,
        declareLength ? `Content-Length: ${String(head.length + total + tail.length)}` : 'Transfer-Encoding: chunked',
        '',
        '',
      ].join('\r\n'),
    );
    socket.write(chunked(head));
    const chunk = Buffer.alloc(64 * 1024, 0x41);
    const pump = () => {
      if (sentWhenAnswered >= 0 || socket.destroyed || !socket.writable) return;
      if (sent >= total) {
        socket.end(declareLength ? tail : Buffer.concat([chunked(tail), Buffer.from('0\r\n\r\n')]));
        return;
      }
      sent += chunk.length;
      socket.write(chunked(chunk));
      setTimeout(pump, 5);
    };
    pump();
  });
}

// issue #13 item 8: before, a file over the limit spun 73 s in the browser before the refusal the server gave in 0.3 s.
describe('uploads over the limit are refused at once', () => {
  let t: TestApp;
  let agent: Agent;
  let matterId: string;
  let port: number;
  let cookie: string;
  beforeAll(async () => {
    t = await createTestApp({ modules: [sampleModule], config: { uploadMaxMb: 1 } });
    agent = await t.loginAs('zhanggong');
    const res = await agent.request('POST', '/api/sample/cases', { orgId: await t.orgId('章贡区司法局'), title: '相邻关系纠纷' });
    matterId = res.json<{ id: string }>().id;
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'zhanggong', password: 'Sifa@2026' } });
    cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    agent = { ...agent, csrfToken: login.json<{ csrfToken: string }>().csrfToken };
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
  });
  afterAll(() => t.close());

  test('the console reads the limit and the accepted types before it sends a file', async () => {
    const res = await agent.request('GET', '/api/attachments/limits');
    expect(res.statusCode).toBe(200);
    const limits = res.json<{ maxBytes: number; types: { ext: string; label: string }[] }>();
    expect(limits.maxBytes).toBe(MB);
    expect(limits.types).toContainEqual(expect.objectContaining({ ext: 'pdf', label: 'PDF 文档' }));
  });

  test('a declared length over the limit is answered 413 before the body is read, and the connection closes', async () => {
    const started = Date.now();
    const answer = await slowUpload(port, `/api/matters/${matterId}/attachments`, cookie, agent.csrfToken, 50 * MB, true);
    expect(answer.status).toBe(413);
    expect(answer.head).toContain('connection: close');
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'UPLOAD_TOO_LARGE', message: expect.stringContaining('超过 1 MB 的大小上限') as string });
    // at most a few chunks of the 50 MB went out before the answer came
    expect(answer.sentWhenAnswered).toBeLessThan(5 * MB);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  test('a body without a declared length is stopped as soon as it passes the limit', async () => {
    const answer = await slowUpload(port, `/api/matters/${matterId}/attachments`, cookie, agent.csrfToken, 50 * MB, false);
    expect(answer.status).toBe(413);
    expect(answer.head).toContain('connection: close');
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'FILE_TOO_LARGE' });
    expect(answer.sentWhenAnswered).toBeLessThan(10 * MB);
  });
});
