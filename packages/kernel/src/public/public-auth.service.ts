import { createHash, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { appendAudit, type Actor } from '../audit/audit';
import type { Database } from '../db/schema';
import { AppError } from '../errors';
import { maskPhone, type FieldCrypto } from '../parties/crypto';
import { queueSms } from '../notifications/sms';
import { checkMobile } from '../shared/identity';

export interface OtpPolicy {
  ttlMinutes: number;
  maxAttempts: number;
  /** Seconds before the same phone may ask for a new code. */
  resendSeconds: number;
  maxPerPhonePerDay: number;
  sessionHours: number;
}

export const DEFAULT_OTP_POLICY: OtpPolicy = { ttlMinutes: 5, maxAttempts: 5, resendSeconds: 60, maxPerPhonePerDay: 10, sessionHours: 2 };

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function normalisePhone(raw: string): string {
  const c = checkMobile(raw);
  if (!c.ok) throw new AppError('VALIDATION_FAILED', { first: `phone：${c.problem}` });
  return c.normalised;
}

/** Who asks for a code: nobody signed in yet, known by the phone (masked) and the client address. */
const codeActor = (phone: string, meta: { ip: string; requestId: string }): Actor => ({
  id: null,
  username: `public:${maskPhone(phone)}`,
  orgId: null,
  requestId: meta.requestId,
  ip: meta.ip,
});

/**
 * Sends a one-time code by SMS (through the outbox). Refuses too-frequent requests for one phone. Every send and
 * every refusal is in the audit log (an SMS costs money and floods a phone: the log shows who asked, from where).
 */
export async function requestCode(db: Kysely<Database>, crypto: FieldCrypto, rawPhone: string, meta: { ip: string; requestId: string }, policy: OtpPolicy) {
  const phone = normalisePhone(rawPhone);
  const phoneIndex = crypto.blindIndex('phone', phone);
  const actor = codeActor(phone, meta);
  const ip = meta.ip;
  try {
    await sendCode(db, crypto, phone, phoneIndex, ip, actor, policy);
  } catch (err) {
    if (err instanceof AppError) {
      await db.transaction().execute((trx) =>
        appendAudit(trx, actor, {
          action: 'kernel.public.code-sent',
          result: 'failure',
          targetType: 'phone',
          summary: { phone: maskPhone(phone), reason: err.code },
        }),
      );
    }
    throw err;
  }
}

async function sendCode(db: Kysely<Database>, crypto: FieldCrypto, phone: string, phoneIndex: string, ip: string, actor: Actor, policy: OtpPolicy) {
  return db.transaction().execute(async (trx) => {
    const recent = await trx
      .selectFrom('kernel.otpChallenges')
      .select(['createdAt'])
      .where('phoneIndex', '=', phoneIndex)
      .where('createdAt', '>', new Date(Date.now() - 86_400_000))
      .orderBy('createdAt', 'desc')
      .execute();
    const last = recent[0];
    const wait = last ? policy.resendSeconds - Math.floor((Date.now() - new Date(last.createdAt).getTime()) / 1000) : 0;
    if (wait > 0) throw new AppError('OTP_TOO_SOON', { seconds: wait }, { seconds: wait });
    if (recent.length >= policy.maxPerPhonePerDay) throw new AppError('OTP_DAILY_LIMIT', { max: policy.maxPerPhonePerDay });
    const id = randomUUID();
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await trx
      .insertInto('kernel.otpChallenges')
      .values({ id, phoneIndex, codeHash: crypto.blindIndex('otp', `${id}:${code}`), expiresAt: new Date(Date.now() + policy.ttlMinutes * 60_000), ip })
      .execute();
    const text = (shown: string) => `【司法行政】您的验证码为 ${shown}，${policy.ttlMinutes} 分钟内有效。如非本人操作，请忽略本短信。`;
    // the code leaves the outbox once sent (issue #11 item 8): only its keyed hash stays, in the challenge
    await queueSms(trx, crypto, { phone, purpose: 'otp', text: text(code), redactedText: text('******') });
    await appendAudit(trx, actor, { action: 'kernel.public.code-sent', targetType: 'phone', summary: { phone: maskPhone(phone) } });
  });
}

export interface PublicSession {
  accountId: string;
  phoneMasked: string;
  sessionId: string;
  csrfToken: string;
}

/** Checks the latest code for the phone; on success opens a public session (token returned for the cookie). */
export async function verifyCode(
  db: Kysely<Database>,
  crypto: FieldCrypto,
  rawPhone: string,
  code: string,
  meta: { ip: string; requestId: string },
  policy: OtpPolicy,
) {
  const phone = normalisePhone(rawPhone);
  const phoneIndex = crypto.blindIndex('phone', phone);
  const challenge = await db
    .selectFrom('kernel.otpChallenges')
    .selectAll()
    .where('phoneIndex', '=', phoneIndex)
    .where('consumedAt', 'is', null)
    // Codes and sessions expire on the wall clock (as staff sign-in does, session.service.ts), not the app's clock.
    .where('expiresAt', '>', new Date())
    .orderBy('createdAt', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!challenge || challenge.attempts >= policy.maxAttempts) throw new AppError('OTP_INVALID');
  const given = Buffer.from(crypto.blindIndex('otp', `${challenge.id}:${code.trim()}`));
  const ok = given.length === challenge.codeHash.length && timingSafeEqual(given, Buffer.from(challenge.codeHash));
  if (!ok) {
    await db
      .updateTable('kernel.otpChallenges')
      .set({ attempts: challenge.attempts + 1 })
      .where('id', '=', challenge.id)
      .execute();
    throw new AppError('OTP_INVALID');
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const account = await db.transaction().execute(async (trx) => {
    // Consuming is conditional, so two requests racing with one code cannot both sign in.
    const used = await trx
      .updateTable('kernel.otpChallenges')
      .set({ consumedAt: new Date() })
      .where('id', '=', challenge.id)
      .where('consumedAt', 'is', null)
      .executeTakeFirst();
    if (!used.numUpdatedRows) throw new AppError('OTP_INVALID');
    let acc = await trx.selectFrom('kernel.publicAccounts').select(['id', 'phoneMasked']).where('phoneIndex', '=', phoneIndex).executeTakeFirst();
    if (!acc) {
      const id = randomUUID();
      await trx
        .insertInto('kernel.publicAccounts')
        .values({ id, phoneIndex, phoneCipher: crypto.encrypt(phone, `kernel.public_accounts.phone:${id}`), phoneMasked: maskPhone(phone) })
        .execute();
      acc = { id, phoneMasked: maskPhone(phone) };
    }
    await trx.updateTable('kernel.publicAccounts').set({ lastLoginAt: new Date() }).where('id', '=', acc.id).execute();
    await trx
      .insertInto('kernel.publicSessions')
      .values({ id: sha256(token), accountId: acc.id, csrfToken, expiresAt: new Date(Date.now() + policy.sessionHours * 3_600_000) })
      .execute();
    const actor: Actor = { id: acc.id, username: `public:${acc.phoneMasked}`, orgId: null, requestId: meta.requestId, ip: meta.ip };
    await appendAudit(trx, actor, { action: 'kernel.public.login', targetType: 'public-account', targetId: acc.id });
    return acc;
  });
  return { token, csrfToken, accountId: account.id, phoneMasked: account.phoneMasked };
}

export async function resolvePublicSession(db: Kysely<Database>, token: string): Promise<PublicSession | undefined> {
  const row = await db
    .selectFrom('kernel.publicSessions as s')
    .innerJoin('kernel.publicAccounts as a', 'a.id', 's.accountId')
    .select(['s.id', 's.csrfToken', 's.expiresAt', 'a.id as accountId', 'a.phoneMasked'])
    .where('s.id', '=', sha256(token))
    .executeTakeFirst();
  if (!row) return undefined;
  if (new Date(row.expiresAt).getTime() < Date.now()) {
    await db.deleteFrom('kernel.publicSessions').where('id', '=', row.id).execute();
    return undefined;
  }
  return { accountId: row.accountId, phoneMasked: row.phoneMasked, sessionId: row.id, csrfToken: row.csrfToken };
}

/** Ends a citizen's session; the sign-out is audited like a staff member's. */
export async function endPublicSession(db: Kysely<Database>, session: PublicSession, meta: { ip: string; requestId: string }) {
  const actor: Actor = { id: session.accountId, username: `public:${session.phoneMasked}`, orgId: null, requestId: meta.requestId, ip: meta.ip };
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('kernel.publicSessions').where('id', '=', session.sessionId).execute();
    await appendAudit(trx, actor, { action: 'kernel.public.logout', targetType: 'public-account', targetId: session.accountId });
  });
}

/**
 * A citizen account's phone, decrypted, and its blind index — e.g. to register the signed-in citizen as the
 * applicant of what they file on the portal, with the phone they proved they hold.
 */
export async function publicAccountPhone(db: Kysely<Database>, crypto: FieldCrypto, accountId: string): Promise<{ phone: string; phoneIndex: string }> {
  const account = await db
    .selectFrom('kernel.publicAccounts')
    .select(['id', 'phoneCipher', 'phoneIndex'])
    .where('id', '=', accountId)
    .executeTakeFirstOrThrow();
  return { phone: crypto.decrypt(account.phoneCipher, `kernel.public_accounts.phone:${account.id}`), phoneIndex: account.phoneIndex };
}
