import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit';
import type { Database } from '../db/schema';
import { AppError, notFound } from '../errors';
import { partyPermission, type WorkflowDefinition } from '../shared/workflow';
import type { Ctx } from '../http/types';
import { findParty, scopeContactOf } from '../parties/party.repository';
import { findMatter } from './matter.repository';

/**
 * Parties of a matter with their roles (applicant, respondent, …); masked like everywhere else. The name is the one
 * the matter's unit registered the party under, the phone the one given with the matter (migrations/0011).
 */
export async function listMatterParties(ctx: Ctx, matterId: string) {
  const matter = await findMatter(ctx.db, ctx.scope, matterId);
  if (!matter) throw notFound('事项');
  const rows = await ctx.db
    .selectFrom('kernel.matterParties as mp')
    .innerJoin('kernel.parties as p', 'p.id', 'mp.partyId')
    .leftJoin('kernel.partyUnits as pu', (j) => j.onRef('pu.partyId', '=', 'mp.partyId').on('pu.orgId', '=', matter.orgId))
    .select(['mp.partyId', 'mp.role', 'mp.addedAt', 'p.kind', 'p.idType', 'p.idMasked', 'mp.phoneMasked', 'p.uscc'])
    .select(sql<string>`coalesce(${sql.ref('pu.name')}, ${sql.ref('p.name')})`.as('name'))
    .where('mp.matterId', '=', matterId)
    .orderBy('mp.addedAt')
    .execute();
  return rows.map((r) => ({ ...r, addedAt: new Date(r.addedAt).toISOString() }));
}

/**
 * Whether the caller may change the parties of a matter of this workflow, with this role (issue #11 item 7): the
 * kind's party permission (a read-only role such as the city's supervisors has none), a role from the module's list.
 */
function checkPartyChange(ctx: Ctx, wf: WorkflowDefinition, role: string) {
  const perm = partyPermission(wf);
  if (!ctx.user.permissions.has(perm)) throw new AppError('FORBIDDEN', { permission: perm });
  const roles = wf.partyRoles ?? [];
  if (!roles.some((r) => r.code === role)) {
    const message = roles.length
      ? `当事人角色应为 ${roles.map((r) => `${r.zh} (${r.code})`).join('、')} 之一`
      : '该类事项登记后不能再变更当事人，请在登记时填写全部当事人';
    throw new AppError('VALIDATION_FAILED', { first: message }, [{ field: 'role', message }]);
  }
}

/**
 * The matter, locked, if its parties may change now: not once it is closed (a terminal status of its workflow). A
 * workflow that lets a closed matter be reopened does so by an action, recorded in the matter's log, that leaves the
 * terminal status; until then its parties are as they were when it closed.
 */
async function openForPartyChange(ctx: Ctx, trx: Kysely<Database>, wf: WorkflowDefinition, matterId: string) {
  const matter = await findMatter(trx, ctx.scope, matterId, { lock: true });
  if (!matter) throw notFound('事项');
  if (wf.terminal.includes(matter.status)) {
    const status = wf.labels.statuses[matter.status]?.zh ?? matter.status;
    throw new AppError('CONFLICT', { reason: `事项 ${matter.number} 已办结 (${status})，不能再增减当事人；确需变更的，应先依程序重新开启该事项` });
  }
  return matter;
}

export async function addMatterParty(ctx: Ctx, wf: WorkflowDefinition, matterId: string, partyId: string, role: string) {
  checkPartyChange(ctx, wf, role);
  await ctx.db.transaction().execute(async (trx) => {
    const matter = await openForPartyChange(ctx, trx, wf, matterId);
    const party = await findParty(trx, ctx.scope, partyId);
    if (!party) throw notFound('当事人');
    // the phone the adding unit holds for the party goes with the matter, so the party can track it on the portal
    const contact = await scopeContactOf(trx, ctx.scope, partyId);
    await trx
      .insertInto('kernel.matterParties')
      .values({ matterId, partyId, role, ...contact })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await appendAudit(trx, ctx.actor, {
      action: 'kernel.matter.add-party',
      targetType: 'matter',
      targetId: matterId,
      summary: { number: matter.number, party: party.name, role },
    });
  });
}

export async function removeMatterParty(ctx: Ctx, wf: WorkflowDefinition, matterId: string, partyId: string, role: string) {
  checkPartyChange(ctx, wf, role);
  await ctx.db.transaction().execute(async (trx) => {
    const matter = await openForPartyChange(ctx, trx, wf, matterId);
    // Idempotent: removing a role the party does not hold changes nothing and records nothing.
    const res = await trx
      .deleteFrom('kernel.matterParties')
      .where('matterId', '=', matterId)
      .where('partyId', '=', partyId)
      .where('role', '=', role)
      .executeTakeFirst();
    if (!res.numDeletedRows) return;
    await appendAudit(trx, ctx.actor, {
      action: 'kernel.matter.remove-party',
      targetType: 'matter',
      targetId: matterId,
      summary: { number: matter.number, partyId, role },
    });
  });
}
