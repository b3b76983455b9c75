import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { appendAudit, type Actor } from '../audit/audit';
import type { Database } from '../db/schema';
import { AppError } from '../errors';
import type { AuthUser } from '../http/types';
import type { RoleCode } from '../shared/permissions';
import { findLoginUser, updateUser } from '../users/user.repository';
import { dummyVerify, verifyPassword } from './password';

export interface AuthPolicy {
  maxFailedLogins: number;
  lockMinutes: number;
  idleMinutes: number;
  absoluteHours: number;
}

export const DEFAULT_AUTH_POLICY: AuthPolicy = { maxFailedLogins: 5, lockMinutes: 15, idleMinutes: 30, absoluteHours: 12 };

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const fmtTime = (d: Date) => d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

export interface LoginMeta {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
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

/** Checks the password, applies lockout, opens a session. Returns the cookie token (only its hash is stored). */
export async function login(db: Kysely<Database>, username: string, password: string, meta: LoginMeta, policy: AuthPolicy) {
  const name = username.trim().toLowerCase();
  const user = await findLoginUser(db, name);
  const actor: Actor = { id: user?.id ?? null, username: name, orgId: user?.orgId ?? null, requestId: meta.requestId, ip: meta.ip };
  if (!user) {
    await dummyVerify(password);
    await auditLogin(db, actor, 'failure', 'unknown-user');
    throw new AppError('INVALID_CREDENTIALS');
  }
  // Sign-in, lockout and session expiry run on the wall clock the database and the cookies share, not the app's
  // clock: a test clock fixed on another day must not open, lock or expire sessions.
  const now = new Date();
  if (user.lockedUntil && new Date(user.lockedUntil) > now) {
    await auditLogin(db, actor, 'failure', 'locked');
    throw new AppError('ACCOUNT_LOCKED', { until: fmtTime(new Date(user.lockedUntil)) });
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    // Counted in the database, so simultaneous wrong attempts cannot overwrite each other's count.
    const { failedLogins: failed } = await db
      .updateTable('kernel.users')
      .set((eb) => ({ failedLogins: eb('failedLogins', '+', 1) }))
      .where('id', '=', user.id)
      .returning('failedLogins')
      .executeTakeFirstOrThrow();
    const lock = failed >= policy.maxFailedLogins;
    const until = new Date(now.getTime() + policy.lockMinutes * 60_000);
    if (lock) await updateUser(db, user.id, { failedLogins: 0, lockedUntil: until });
    await auditLogin(db, actor, 'failure', lock ? 'wrong-password-locked' : 'wrong-password');
    if (lock) throw new AppError('ACCOUNT_LOCKED', { until: fmtTime(until) });
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (!user.active) {
    await auditLogin(db, actor, 'failure', 'disabled');
    throw new AppError('ACCOUNT_DISABLED');
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: now });
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
    await appendAudit(trx, actor, { action: 'kernel.auth.login', targetType: 'user', targetId: user.id });
  });
  return { token, csrfToken, userId: user.id };
}

export type SessionLookup = Omit<AuthUser, 'permissions'> | 'expired' | undefined;

/** Finds the session of a cookie token; ends it when idle or past its absolute lifetime. */
export async function resolveSession(db: Kysely<Database>, token: string, policy: AuthPolicy): Promise<SessionLookup> {
  const id = sha256(token);
  const row = await db
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
      'o.name as orgName',
      'o.path as orgPath',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const now = Date.now();
  const idle = now - new Date(row.lastSeenAt).getTime() > policy.idleMinutes * 60_000;
  if (!row.active || idle || now > new Date(row.expiresAt).getTime()) {
    await db.deleteFrom('kernel.sessions').where('id', '=', id).execute();
    return 'expired';
  }
  // Touch at most once a minute: the idle timer needs no finer grain and reads stay cheap.
  if (now - new Date(row.lastSeenAt).getTime() > 60_000) {
    await db
      .updateTable('kernel.sessions')
      .set({ lastSeenAt: new Date(now) })
      .where('id', '=', id)
      .execute();
  }
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
  };
}

export async function logout(db: Kysely<Database>, actor: Actor, sessionId: string) {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('kernel.sessions').where('id', '=', sessionId).execute();
    await appendAudit(trx, actor, { action: 'kernel.auth.logout', targetType: 'user', ...(actor.id ? { targetId: actor.id } : {}) });
  });
}
