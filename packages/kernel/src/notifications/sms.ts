import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { maskPhone, type FieldCrypto } from '../parties/crypto';
import { enqueueJob } from '../jobs/queue';

/** Where SMS go. The default writes to the log only (the outbox row is the record). */
export interface SmsGateway {
  readonly name: string;
  send(phone: string, text: string): Promise<{ ref?: string }>;
}

export function logGateway(log: (line: string) => void): SmsGateway {
  return {
    name: 'log',
    send(phone, text) {
      log(`[SMS → ${maskPhone(phone)}] ${text}`);
      return Promise.resolve({});
    },
  };
}

/**
 * A provider reached over HTTP: POST `{ phone, text }` as JSON with `Authorization: Bearer <token>`; a 2xx
 * answer may carry `{ ref }`. Real providers (SM-signed, template-based) fit behind a small adapter of this shape.
 */
export function httpGateway(url: string, token: string | undefined): SmsGateway {
  return {
    name: 'http',
    async send(phone, text) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ phone, text }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`短信网关返回 ${res.status}`);
      const body = (await res.json().catch(() => ({}))) as { ref?: unknown };
      return typeof body.ref === 'string' ? { ref: body.ref } : {};
    },
  };
}

const aad = (id: string) => `kernel.sms_outbox.phone:${id}`;

/**
 * Writes the message to the outbox and queues its sending, in the caller's transaction. A message carrying a
 * secret (a one-time code) gives `redactedText`: the outbox keeps that instead of `text` once the message is sent
 * or has finally failed, so the secret lies in the database only while it is waiting to go out.
 */
export async function queueSms(
  trx: Kysely<Database>,
  crypto: FieldCrypto,
  msg: { phone: string; text: string; purpose: string; redactedText?: string },
): Promise<string> {
  const id = randomUUID();
  await trx
    .insertInto('kernel.smsOutbox')
    .values({
      id,
      phoneCipher: crypto.encrypt(msg.phone, aad(id)),
      phoneMasked: maskPhone(msg.phone),
      text: msg.text,
      redactedText: msg.redactedText ?? null,
      purpose: msg.purpose,
    })
    .execute();
  await enqueueJob(trx, 'sms.send', { id }, { maxAttempts: 5 });
  return id;
}

/** The `sms.send` job: sends one outbox message through the gateway and records the result. */
export function smsSendHandler(db: Kysely<Database>, crypto: FieldCrypto, gateway: SmsGateway) {
  return async (data: Record<string, unknown>, job: { attempts: number; now: Date }) => {
    const id = String(data.id);
    const msg = await db.selectFrom('kernel.smsOutbox').selectAll().where('id', '=', id).executeTakeFirst();
    if (!msg || msg.status === 'sent') return;
    // once it is out (or will never go), the secret it carried is replaced by the redacted text
    const redacted = msg.redactedText === null ? {} : { text: msg.redactedText, redactedText: null };
    try {
      const { ref } = await gateway.send(crypto.decrypt(msg.phoneCipher, aad(id)), msg.text);
      await db
        .updateTable('kernel.smsOutbox')
        .set({ status: 'sent', provider: gateway.name, providerRef: ref ?? null, sentAt: job.now, error: null, ...redacted })
        .where('id', '=', id)
        .execute();
    } catch (e) {
      const final = job.attempts >= 5;
      await db
        .updateTable('kernel.smsOutbox')
        .set({ status: final ? 'failed' : 'pending', provider: gateway.name, error: String(e instanceof Error ? e.message : e), ...(final ? redacted : {}) })
        .where('id', '=', id)
        .execute();
      throw e;
    }
  };
}
