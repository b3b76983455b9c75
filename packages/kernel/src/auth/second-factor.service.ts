import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit';
import type { Database } from '../db/schema';
import { AppError, notFound } from '../errors';
import type { Ctx } from '../http/types';
import type { FieldCrypto } from '../parties/crypto';
import type { RoleCode } from '../shared/permissions';
import { findUser } from '../users/user.repository';
import { matchTotp, newRecoveryCodes, newTotpSecret, otpauthUri, RECOVERY_CODE, recoveryCodeHash } from './totp';

/**
 * Which staff must hold a second factor (SIFA_MFA_ROLES): every account (`'all'`, the default: GB/T 22239-2019
 * 8.1.4.1 身份鉴别 asks level 3 systems for two factors, one cryptographic) or the holders of the listed roles.
 */
export type SecondFactorRoles = 'all' | readonly string[];

/** Whether an account must enrol a second factor before it may do anything but enrol. */
export function secondFactorRequired(rule: SecondFactorRoles, roles: readonly RoleCode[], exempt: boolean): boolean {
  if (exempt || roles.length === 0) return false;
  return rule === 'all' || roles.some((r) => rule.includes(r));
}

const ISSUER = 'Sifa 司法行政';
const secretAad = (userId: string) => `kernel.users.totp_secret:${userId}`;
const pendingAad = (userId: string) => `kernel.users.totp_pending_secret:${userId}`;

export interface SecondFactorUser {
  id: string;
  totpSecret: string | null;
  totpEnabledAt: Date | string | null;
  totpLastStep: number | null;
}

/**
 * Checks a sign-in's second factor: a current TOTP code (used once) or an unused recovery code (spent).
 * Returns what was used, or undefined when the code is wrong.
 */
export async function checkSecondFactor(
  db: Kysely<Database>,
  crypto: FieldCrypto,
  user: SecondFactorUser,
  code: string,
  now: Date,
): Promise<'totp' | 'recovery-code' | undefined> {
  const given = code.trim();
  if (/^\d{6}$/.test(given) && user.totpSecret) {
    const step = matchTotp(crypto.decrypt(user.totpSecret, secretAad(user.id)), given, now, user.totpLastStep);
    if (step === undefined) return undefined;
    // Conditional, so the same code sent twice at once signs in only once.
    const used = await db
      .updateTable('kernel.users')
      .set({ totpLastStep: step })
      .where('id', '=', user.id)
      .where((eb) => eb.or([eb('totpLastStep', 'is', null), eb('totpLastStep', '<', step)]))
      .executeTakeFirst();
    return used.numUpdatedRows ? 'totp' : undefined;
  }
  if (RECOVERY_CODE.test(given)) {
    const spent = await db
      .updateTable('kernel.recoveryCodes')
      .set({ usedAt: now })
      .where('userId', '=', user.id)
      .where('codeHash', '=', recoveryCodeHash(user.id, given))
      .where('usedAt', 'is', null)
      .executeTakeFirst();
    return spent.numUpdatedRows ? 'recovery-code' : undefined;
  }
  return undefined;
}

export async function secondFactorStatus(ctx: Ctx) {
  const me = await ctx.db.selectFrom('kernel.users').select(['totpEnabledAt']).where('id', '=', ctx.user.id).executeTakeFirstOrThrow();
  const left = await ctx.db
    .selectFrom('kernel.recoveryCodes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('userId', '=', ctx.user.id)
    .where('usedAt', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    enrolled: me.totpEnabledAt !== null,
    enrolledAt: me.totpEnabledAt ? new Date(me.totpEnabledAt).toISOString() : null,
    required: ctx.user.secondFactorRequired ?? false,
    recoveryCodesLeft: left.n,
  };
}

/** Starts enrolment: a new secret, kept pending until a code from the app proves it was scanned. */
export async function startTotpSetup(ctx: Ctx, crypto: FieldCrypto) {
  const me = await ctx.db.selectFrom('kernel.users').select(['totpEnabledAt']).where('id', '=', ctx.user.id).executeTakeFirstOrThrow();
  if (me.totpEnabledAt) throw new AppError('SECOND_FACTOR_ENROLLED');
  const secret = newTotpSecret();
  await ctx.db
    .updateTable('kernel.users')
    .set({ totpPendingSecret: crypto.encrypt(secret, pendingAad(ctx.user.id)) })
    .where('id', '=', ctx.user.id)
    .execute();
  return { secret, uri: otpauthUri(secret, ctx.user.username, ISSUER) };
}

/** Confirms enrolment with a code of the pending secret; returns the recovery codes, shown this once. */
export async function confirmTotpSetup(ctx: Ctx, crypto: FieldCrypto, code: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const me = await trx
      .selectFrom('kernel.users')
      .select(['totpEnabledAt', 'totpPendingSecret'])
      .where('id', '=', ctx.user.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (me.totpEnabledAt) throw new AppError('SECOND_FACTOR_ENROLLED');
    if (!me.totpPendingSecret) throw new AppError('SECOND_FACTOR_NO_SETUP');
    const secret = crypto.decrypt(me.totpPendingSecret, pendingAad(ctx.user.id));
    // Wall clock: the phone's code follows real time, not a test's fixed clock.
    const step = matchTotp(secret, code, new Date(), null);
    if (step === undefined) throw new AppError('SECOND_FACTOR_CODE_WRONG');
    const codes = newRecoveryCodes();
    await trx
      .updateTable('kernel.users')
      .set({
        totpSecret: crypto.encrypt(secret, secretAad(ctx.user.id)),
        totpPendingSecret: null,
        totpEnabledAt: ctx.now,
        totpLastStep: step,
        // An account that chose a second factor is asked for it, demo or not.
        mfaExempt: false,
      })
      .where('id', '=', ctx.user.id)
      .execute();
    await trx.deleteFrom('kernel.recoveryCodes').where('userId', '=', ctx.user.id).execute();
    await trx
      .insertInto('kernel.recoveryCodes')
      .values(codes.map((c) => ({ userId: ctx.user.id, codeHash: recoveryCodeHash(ctx.user.id, c) })))
      .execute();
    await appendAudit(trx, ctx.actor, { action: 'kernel.auth.second-factor.enrol', targetType: 'user', targetId: ctx.user.id, summary: { method: 'totp' } });
    return { recoveryCodes: codes };
  });
}

/**
 * A security administrator's reset of another account's second factor (lost phone): the factor and the recovery
 * codes are removed, the account's sessions end, and it enrols again at its next sign-in. Audited.
 */
export async function resetSecondFactor(ctx: Ctx, id: string, reason: string) {
  if (id === ctx.actor.id) throw new AppError('SELF_ACTION');
  return ctx.db.transaction().execute(async (trx) => {
    const user = await findUser(trx, ctx.scope, id);
    if (!user) throw notFound('用户');
    await trx
      .updateTable('kernel.users')
      .set({ totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null })
      .where('id', '=', id)
      .execute();
    await trx.deleteFrom('kernel.recoveryCodes').where('userId', '=', id).execute();
    await trx.deleteFrom('kernel.sessions').where('userId', '=', id).execute();
    await appendAudit(trx, ctx.actor, {
      action: 'kernel.user.reset-second-factor',
      targetType: 'user',
      targetId: id,
      summary: { username: user.username, reason },
    });
    return user;
  });
}
