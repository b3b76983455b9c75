import { createHash, randomBytes } from 'node:crypto';
import type { InferResult, Kysely } from 'kysely';
import { appendAudit, type Actor } from '../audit/audit';
import { runPrepared } from '../db/prepared';
import type { Database } from '../db/schema';
import type { FieldCrypto } from '../parties/crypto';
import { AppError } from '../errors';
import type { AuthUser } from '../http/types';
import type { RoleCode } from '../shared/permissions';
import { findLoginUser, updateUser } from '../users/user.repository';
import { dummyVerify, verifyPassword } from './password';
import { checkSecondFactor, secondFactorRequired, type SecondFactorRoles } from './second-factor.service';
import { blockedUntil, clearFailures, recordFailure } from './throttle';

export interface AuthPolicy {
  /** Consecutive failures one client address may make for one account before it has to wait (ADR 0020). */
  maxFailedLogins: number;
  /** The longest wait, in minutes; the waits grow 1, 2, 4 … minutes up to it. */
  lockMinutes: number;
  idleMinutes: number;
  absoluteHours: number;
  /** Who must sign in with a second factor (SIFA_MFA_ROLES); see second-factor.service.ts. */
  secondFactor: SecondFactorRoles;
}

export const DEFAULT_AUTH_POLICY: AuthPolicy = { maxFailedLogins: 5, lockMinutes: 15, idleMinutes: 30, absoluteHours: 12, secondFactor: 'all' };

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const fmtTime = (d: Date) => d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
/** The sign-in policy's throttle: free failures per account and source, then waits up to `lockMinutes`. */
export const throttleOf = (p: AuthPolicy) => ({ freeFailures: p.maxFailedLogins, maxDelayMinutes: p.lockMinutes });

export interface LoginMeta {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export interface LoginInputs {
  username: string;
  password: string;
  /** The second factor: a TOTP code or a recovery code; asked for (SECOND_FACTOR_REQUIRED) when the account has one. */
  code?: string | undefined;
}

async function auditLogin(db: Kysely<Database>, actor: Actor, result: 'success' | 'failure', reason?: string) {
  await db.transaction().execute((trx) =>
    appendAudit(trx, actor, {
      action: 'kernel.auth.login',
      result,
      targetType: 'user',
      ...(actor.id ? { targetId: actor.id } : {}),
      summary: reason ? { reason } : {},
    }),
  );
}

/**
 * Checks the password (and the second factor of an account that has one), applies the per-account-and-source
 * throttle, opens a session. Returns the cookie token (only its hash is stored).
 */
export async function login(db: Kysely<Database>, crypto: FieldCrypto, input: LoginInputs, meta: LoginMeta, policy: AuthPolicy) {
  const name = input.username.trim().toLowerCase();
  const source = meta.ip ?? 'unknown';
  // The throttle is keyed on the name, not the account row: a name waits (and answers) the same whether it exists or not.
  const user = await findLoginUser(db, name);
  const actor: Actor = { id: user?.id ?? null, username: name, orgId: user?.orgId ?? null, requestId: meta.requestId, ip: meta.ip };
  const blocked = await blockedUntil(db, 'login', name, source);
  if (blocked) {
    await auditLogin(db, actor, 'failure', 'locked');
    throw new AppError('ACCOUNT_LOCKED', { until: fmtTime(blocked) });
  }
  const fail = async (reason: string, code: 'INVALID_CREDENTIALS' | 'SECOND_FACTOR_INVALID') => {
    const { until } = await recordFailure(db, 'login', name, source, throttleOf(policy));
    // The account's row keeps the latest wait of any source, for the administrators' list and its unlock button.
    if (until && user) await db.updateTable('kernel.users').set({ lockedUntil: until }).where('id', '=', user.id).execute();
    await auditLogin(db, actor, 'failure', until ? `${reason}-locked` : reason);
    if (until) return new AppError('ACCOUNT_LOCKED', { until: fmtTime(until) });
    return new AppError(code);
  };
  if (!user) {
    await dummyVerify(input.password);
    throw await fail('unknown-user', 'INVALID_CREDENTIALS');
  }
  // Sign-in, lockout and session expiry run on the wall clock the database and the cookies share, not the app's
  // clock: a test clock fixed on another day must not open, lock or expire sessions.
  const now = new Date();
  if (!(await verifyPassword(user.passwordHash, input.password))) throw await fail('wrong-password', 'INVALID_CREDENTIALS');
  if (!user.active) {
    await auditLogin(db, actor, 'failure', 'disabled');
    throw new AppError('ACCOUNT_DISABLED');
  }
  let factor: 'totp' | 'recovery-code' | undefined;
  if (user.totpEnabledAt) {
    if (!input.code?.trim()) {
      await auditLogin(db, actor, 'failure', 'second-factor-required');
      throw new AppError('SECOND_FACTOR_REQUIRED');
    }
    factor = await checkSecondFactor(db, crypto, user, input.code, now);
    if (!factor) throw await fail('wrong-second-factor', 'SECOND_FACTOR_INVALID');
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await clearFailures(db, 'login', name, source);
  await db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { failedLogins: 0, lastLoginAt: now });
    await trx
      .insertInto('kernel.sessions')
      .values({
        id: sha256(token),
        userId: user.id,
        csrfToken,
        expiresAt: new Date(now.getTime() + policy.absoluteHours * 3_600_000),
        ip: meta.ip,
        userAgent: meta.userAgent?.slice(0, 300) ?? null,
      })
      .execute();
    await appendAudit(trx, actor, {
      action: 'kernel.auth.login',
      targetType: 'user',
      targetId: user.id,
      ...(factor ? { summary: { secondFactor: factor } } : {}),
    });
  });
  return { token, csrfToken, userId: user.id };
}

export type SessionLookup = Omit<AuthUser, 'permissions'> | 'expired' | undefined;

/** Finds the session of a cookie token; ends it when idle or past its absolute lifetime; renews the idle timer unless told not to. */
export async function resolveSession(db: Kysely<Database>, token: string, policy: AuthPolicy, opts: { touch?: boolean } = {}): Promise<SessionLookup> {
  const id = sha256(token);
  const query = db
    .selectFrom('kernel.sessions as s')
    .innerJoin('kernel.users as u', 'u.id', 's.userId')
    .innerJoin('kernel.orgs as o', 'o.id', 'u.orgId')
    .select([
      's.id as sessionId',
      's.csrfToken',
      's.lastSeenAt',
      's.expiresAt',
      'u.id',
      'u.username',
      'u.displayName',
      'u.roles',
      'u.active',
      'u.orgId',
      'u.totpEnabledAt',
      'u.mfaExempt',
      'o.name as orgName',
      'o.path as orgPath',
    ])
    .where('s.id', '=', id)
    .compile();
  // every signed-in request runs this: prepared, so PGlite parses and plans it once, not on every request (ADR 0021)
  const row = (await runPrepared<InferResult<typeof query>[number]>(db, 'session_lookup', query)).rows[0];
  if (!row) return undefined;
  const now = Date.now();
  const idle = now - new Date(row.lastSeenAt).getTime() > policy.idleMinutes * 60_000;
  if (!row.active || idle || now > new Date(row.expiresAt).getTime()) {
    await db.deleteFrom('kernel.sessions').where('id', '=', id).execute();
    return 'expired';
  }
  // Touch at most once a minute: the idle timer needs no finer grain and reads stay cheap.
  let lastSeen = new Date(row.lastSeenAt).getTime();
  // A background poll (opts.touch false) reads the session without renewing it: it is not the person working.
  if (opts.touch !== false && now - lastSeen > 60_000) {
    await db
      .updateTable('kernel.sessions')
      .set({ lastSeenAt: new Date(now) })
      .where('id', '=', id)
      .execute();
    lastSeen = now;
  }
  // when the session ends unless used again: the console warns ahead of it (issue #13 item 2)
  const sessionExpiresAt = new Date(Math.min(lastSeen + policy.idleMinutes * 60_000, new Date(row.expiresAt).getTime()));
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    orgId: row.orgId,
    orgName: row.orgName,
    orgPath: row.orgPath,
    roles: row.roles as RoleCode[],
    sessionId: row.sessionId,
    csrfToken: row.csrfToken,
    secondFactorEnrolled: row.totpEnabledAt !== null,
    secondFactorRequired: secondFactorRequired(policy.secondFactor, row.roles as RoleCode[], row.mfaExempt),
    sessionExpiresAt,
  };
}

export async function logout(db: Kysely<Database>, actor: Actor, sessionId: string) {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('kernel.sessions').where('id', '=', sessionId).execute();
    await appendAudit(trx, actor, { action: 'kernel.auth.logout', targetType: 'user', ...(actor.id ? { targetId: actor.id } : {}) });
  });
}
