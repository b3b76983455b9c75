import { sql } from 'kysely';
import { appendAudit } from '../audit/audit';
import { notFound } from '../errors';
import type { Ctx } from '../http/types';
import { findParty } from '../parties/party.repository';
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

export async function addMatterParty(ctx: Ctx, matterId: string, partyId: string, role: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const matter = await findMatter(trx, ctx.scope, matterId, { lock: true });
    if (!matter) throw notFound('事项');
    const party = await findParty(trx, ctx.scope, partyId);
    if (!party) throw notFound('当事人');
    await trx
      .insertInto('kernel.matterParties')
      .values({ matterId, partyId, role })
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

export async function removeMatterParty(ctx: Ctx, matterId: string, partyId: string, role: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const matter = await findMatter(trx, ctx.scope, matterId, { lock: true });
    if (!matter) throw notFound('事项');
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
