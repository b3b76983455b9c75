import { randomUUID } from 'node:crypto';
import { appendAudit } from '../audit/audit';
import { hashPassword, verifyPassword } from '../auth/password';
import { AppError, notFound } from '../errors';
import type { Ctx } from '../http/types';
import { findOrg } from '../orgs/org.repository';
import type { CreateUserInput, UpdateUserInput } from '../shared/users';
import { conflictingRoles, mayManageRole, roleNameOf, type RoleCode } from '../shared/permissions';
import { blockedUntil, clearFailures, recordFailure, type ThrottlePolicy } from '../auth/throttle';
import * as repo from './user.repository';

async function activeOrgInScope(ctx: Ctx, db: Ctx['db'], orgId: string) {
  const org = await findOrg(db, ctx.scope, orgId);
  if (!org) throw notFound('所属单位');
  if (!org.active) throw new AppError('ORG_INACTIVE', { name: org.name });
  return org;
}

/**
 * Refuses roles the caller's roles may not assign or manage (MANAGEABLE_ROLES; module roles: MODULE_ROLE_MANAGERS).
 * The routes accept only registered roles, so a module role is named by its code here.
 */
function assertManageable(ctx: Ctx, roles: readonly RoleCode[]) {
  const refused = roles.find((r) => !mayManageRole(ctx.user.roles, r));
  if (refused) throw new AppError('ROLE_NOT_MANAGEABLE', { role: roleNameOf(refused).zh });
}

/** Refuses a set of roles one account may not hold together (EXCLUSIVE_ROLES: separation of duties). */
function assertSeparated(roles: readonly RoleCode[]) {
  const pair = conflictingRoles(roles);
  if (pair) throw new AppError('ROLE_CONFLICT', { a: roleNameOf(pair[0]).zh, b: roleNameOf(pair[1]).zh });
}

async function getInScope(ctx: Ctx, db: Ctx['db'], id: string) {
  const user = await repo.findUser(db, ctx.scope, id);
  if (!user) throw notFound('用户');
  return user;
}

export const listUsers = (ctx: Ctx, f: repo.UserFilter, page: number, pageSize: number) => repo.listUsers(ctx.db, ctx.scope, f, page, pageSize);

export const getUser = (ctx: Ctx, id: string) => getInScope(ctx, ctx.db, id);

export async function createUser(ctx: Ctx, input: CreateUserInput) {
  assertManageable(ctx, input.roles);
  assertSeparated(input.roles);
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction().execute(async (trx) => {
    const org = await activeOrgInScope(ctx, trx, input.orgId);
    if (await repo.usernameTaken(trx, input.username)) throw new AppError('USERNAME_TAKEN', { username: input.username });
    const id = randomUUID();
    await repo.insertUser(trx, { id, username: input.username, displayName: input.displayName, passwordHash, orgId: org.id, roles: input.roles });
    await appendAudit(trx, ctx.actor, {
      action: 'kernel.user.create',
      targetType: 'user',
      targetId: id,
      summary: { username: input.username, displayName: input.displayName, org: org.name, roles: input.roles },
    });
    return getInScope(ctx, trx, id);
  });
}

export async function updateUser(ctx: Ctx, id: string, input: UpdateUserInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getInScope(ctx, trx, id);
    assertManageable(ctx, [...before.roles, ...(input.roles ?? [])]);
    if (input.roles) assertSeparated(input.roles);
    if (input.orgId) await activeOrgInScope(ctx, trx, input.orgId);
    if (id === ctx.actor.id && input.roles && !input.roles.every((r) => before.roles.includes(r))) {
      throw new AppError('SELF_ACTION');
    }
    await repo.updateUser(trx, id, input);
    // A changed unit or role set changes what the account may see: its sessions end.
    if (input.orgId !== undefined || input.roles !== undefined) await repo.deleteSessionsOf(trx, id);
    await appendAudit(trx, ctx.actor, {
      action: 'kernel.user.update',
      targetType: 'user',
      targetId: id,
      summary: { username: before.username, before: { displayName: before.displayName, orgId: before.orgId, roles: before.roles }, after: input },
    });
    return getInScope(ctx, trx, id);
  });
}

export async function setUserActive(ctx: Ctx, id: string, active: boolean) {
  if (id === ctx.actor.id) throw new AppError('SELF_ACTION');
  return ctx.db.transaction().execute(async (trx) => {
    const user = await getInScope(ctx, trx, id);
    assertManageable(ctx, user.roles);
    if (active) await activeOrgInScope(ctx, trx, user.orgId);
    await repo.updateUser(trx, id, { active });
    if (!active) await repo.deleteSessionsOf(trx, id);
    await appendAudit(trx, ctx.actor, {
      action: active ? 'kernel.user.activate' : 'kernel.user.deactivate',
      targetType: 'user',
      targetId: id,
      summary: { username: user.username },
    });
    return getInScope(ctx, trx, id);
  });
}

export async function unlockUser(ctx: Ctx, id: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const user = await getInScope(ctx, trx, id);
    assertManageable(ctx, user.roles);
    await repo.updateUser(trx, id, { failedLogins: 0, lockedUntil: null });
    // Every source's wait for this account ends (ADR 0020).
    await clearFailures(trx, 'login', user.username);
    await appendAudit(trx, ctx.actor, { action: 'kernel.user.unlock', targetType: 'user', targetId: id, summary: { username: user.username } });
    return getInScope(ctx, trx, id);
  });
}

export async function resetPassword(ctx: Ctx, id: string, newPassword: string) {
  const passwordHash = await hashPassword(newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    const user = await getInScope(ctx, trx, id);
    assertManageable(ctx, user.roles);
    await repo.updateUser(trx, id, { passwordHash, passwordChangedAt: ctx.now, failedLogins: 0, lockedUntil: null });
    await clearFailures(trx, 'login', user.username);
    await clearFailures(trx, 'password', id);
    await repo.deleteSessionsOf(trx, id);
    await appendAudit(trx, ctx.actor, { action: 'kernel.user.reset-password', targetType: 'user', targetId: id, summary: { username: user.username } });
  });
}

const fmtTime = (d: Date) => d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

/**
 * Changes the caller's own password. Wrong current passwords are counted against the account (only its own
 * sessions can try, so no stranger can cause the wait): after `throttle.freeFailures` of them, the next try waits
 * 1, 2, 4 … minutes, and each failure is audited — a stolen session cannot guess the password to keep the account.
 */
export async function changeOwnPassword(ctx: Ctx, currentPassword: string, newPassword: string, throttle: ThrottlePolicy) {
  const waitUntil = await blockedUntil(ctx.db, 'password', ctx.user.id, '*');
  if (waitUntil) throw new AppError('PASSWORD_ATTEMPTS_LOCKED', { until: fmtTime(waitUntil) });
  const me = await ctx.db.selectFrom('kernel.users').select(['passwordHash']).where('id', '=', ctx.user.id).executeTakeFirstOrThrow();
  if (!(await verifyPassword(me.passwordHash, currentPassword))) {
    const { until } = await recordFailure(ctx.db, 'password', ctx.user.id, '*', throttle);
    await ctx.db.transaction().execute((trx) =>
      appendAudit(trx, ctx.actor, {
        action: 'kernel.user.change-password',
        result: 'failure',
        targetType: 'user',
        targetId: ctx.user.id,
        summary: { reason: until ? 'wrong-password-locked' : 'wrong-password' },
      }),
    );
    if (until) throw new AppError('PASSWORD_ATTEMPTS_LOCKED', { until: fmtTime(until) });
    throw new AppError('WRONG_PASSWORD');
  }
  if (currentPassword === newPassword) throw new AppError('WEAK_PASSWORD', { reason: '新口令不能与当前口令相同' });
  const passwordHash = await hashPassword(newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, ctx.user.id, { passwordHash, passwordChangedAt: ctx.now });
    await clearFailures(trx, 'password', ctx.user.id);
    // Other sessions of this account end; the current one stays.
    await trx.deleteFrom('kernel.sessions').where('userId', '=', ctx.user.id).where('id', '<>', ctx.user.sessionId).execute();
    await appendAudit(trx, ctx.actor, { action: 'kernel.user.change-password', targetType: 'user', targetId: ctx.user.id });
  });
}
