import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A message the platform sent through its SMS gateway. */
export interface SentSms {
  phone: string;
  text: string;
}

/**
 * An SMS provider on loopback for test servers: the platform's HTTP gateway (`SIFA_SMS_URL`) posts every message
 * here, so a test reads what the citizen's phone receives — the outbox keeps only a redacted copy once a message is
 * sent (ADR 0019), and the sending job may run before the test looks.
 */
export async function startSmsInbox(): Promise<{ url: string; messages: SentSms[]; close: () => Promise<void> }> {
  const messages: SentSms[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      messages.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as SentSms);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ref: `test-${String(messages.length)}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${String(port)}/sms`, messages, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
