import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit';
import { bulkInsert } from '../db/bulk';
import type { Database } from '../db/schema';
import { AppError, notFound } from '../errors';
import type { Ctx } from '../http/types';
import { findOrg } from '../orgs/org.repository';
import type { FieldCrypto } from '../parties/crypto';
import { planParties } from '../parties/party-bulk';
import { chinaYear } from '../shared/china-time';
import type { PartyInput } from '../shared/identity';
import type { Matter } from '../shared/matters';
import type { WorkflowDefinition } from '../shared/workflow';
import { takeNumbers } from './numbering';

export interface BulkMatterItem {
  title: string;
  data?: Record<string, unknown>;
  parties: readonly { role: string; party: PartyInput }[];
}

/** Per item: the matter opened, or what is wrong with the item (nothing of it is written). */
export type BulkMatterResult = { ok: true; matter: Matter } | { ok: false; problems: string[] };

/**
 * Opens many matters of one unit in one transaction — an import — with the work done in batches: parties found
 * or inserted per 5,000, one block of numbers, matters, opening actions and party roles written with
 * `bulkInsert`, and one audit entry for the whole import (`summary` says what it was, e.g. the file). An item
 * whose party cannot be registered is reported and skipped; the others are opened. `within` writes the module's
 * rows for the opened matters in the same transaction.
 */
export async function openMattersBulk(
  ctx: Ctx & { pii: FieldCrypto },
  wf: WorkflowDefinition,
  numberTemplate: string,
  input: { orgId: string; items: readonly BulkMatterItem[]; audit: Record<string, unknown> },
  within: (trx: Kysely<Database>, opened: readonly { index: number; matter: Matter }[]) => Promise<void>,
): Promise<BulkMatterResult[]> {
  return ctx.db.transaction().execute(async (trx) => {
    const org = await findOrg(trx, ctx.scope, input.orgId);
    if (!org) throw notFound('承办单位');
    if (!org.active) throw new AppError('ORG_INACTIVE', { name: org.name });
    const flat = input.items.flatMap((item, index) => item.parties.map((p) => ({ index, role: p.role, party: p.party })));
    const { planned, write } = await planParties(ctx, trx, org.id, flat.map((f) => f.party));
    const problems = new Map<number, string[]>();
    planned.forEach((p, i) => {
      const f = flat[i];
      if (!p.ok && f) problems.set(f.index, [...(problems.get(f.index) ?? []), `当事人“${f.party.name}”：${p.problem}`]);
    });
    const keep = input.items.map((_, i) => i).filter((i) => !problems.has(i));
    // One moment for the whole import: the numbers' year is the year the matters are opened in.
    const at = new Date();
    const now = at.toISOString();
    const year = chinaYear(at);
    const numbers = keep.length > 0 ? await takeNumbers(trx, wf.module, org.path, year, numberTemplate, keep.length) : [];
    const opened = keep.map((index, k) => {
      const n = numbers[k];
      if (!n) throw new Error('取号数量不足');
      const item = input.items[index] as BulkMatterItem;
      const matter: Matter = { id: randomUUID(), module: wf.module, kind: wf.kind, number: n.number, orgId: org.id, orgName: org.name, status: wf.initial, title: item.title, outcome: null, version: 1, openedAt: now, closedAt: null };
      return { index, matter, seq: n.seq, item };
    });
    const used = new Set<string>();
    const roles: unknown[][] = [];
    const matterOf = new Map(opened.map((o) => [o.index, o.matter.id]));
    flat.forEach((f, i) => {
      const p = planned[i];
      const matterId = matterOf.get(f.index);
      if (!p?.ok || !matterId) return;
      used.add(p.id);
      roles.push([matterId, p.id, f.role]);
    });
    const parties = await write(used);
    await bulkInsert(trx, 'kernel.matters', MATTER_COLUMNS, opened.map((o) => [o.matter.id, wf.module, wf.kind, o.matter.number, year, o.seq, org.id, wf.initial, o.matter.title, ctx.user.id, now]));
    await bulkInsert(trx, 'kernel.matter_actions', ACTION_COLUMNS, opened.map((o) => [o.matter.id, 'register', wf.initial, ctx.user.id, ctx.user.displayName, JSON.stringify(o.item.data ?? {}), now]));
    await bulkInsert(trx, 'kernel.matter_parties', ROLE_COLUMNS, roles, { onConflictDoNothing: '' });
    await within(trx, opened);
    const first = opened[0]?.matter.number ?? null;
    const last = opened.at(-1)?.matter.number ?? null;
    await appendAudit(trx, ctx.actor, {
      action: `${wf.module}.${wf.kind}.import`,
      targetType: 'org',
      targetId: org.id,
      summary: { ...input.audit, org: org.name, items: input.items.length, opened: opened.length, refused: problems.size, first, last, partiesCreated: parties.created, partiesRecognised: parties.recognised },
    });
    const byIndex = new Map(opened.map((o) => [o.index, o.matter]));
    return input.items.map((_, i): BulkMatterResult => {
      const matter = byIndex.get(i);
      return matter ? { ok: true, matter } : { ok: false, problems: problems.get(i) ?? [] };
    });
  });
}

const MATTER_COLUMNS = [
  { name: 'id', type: 'uuid' },
  { name: 'module', type: 'text' },
  { name: 'kind', type: 'text' },
  { name: 'number', type: 'text' },
  { name: 'year', type: 'int' },
  { name: 'seq', type: 'int' },
  { name: 'org_id', type: 'uuid' },
  { name: 'status', type: 'text' },
  { name: 'title', type: 'text' },
  { name: 'created_by', type: 'uuid' },
  { name: 'opened_at', type: 'timestamptz' },
] as const;

const ACTION_COLUMNS = [
  { name: 'matter_id', type: 'uuid' },
  { name: 'action', type: 'text' },
  { name: 'to_status', type: 'text' },
  { name: 'actor_id', type: 'uuid' },
  { name: 'actor_name', type: 'text' },
  { name: 'data', type: 'jsonb' },
  { name: 'at', type: 'timestamptz' },
] as const;

const ROLE_COLUMNS = [
  { name: 'matter_id', type: 'uuid' },
  { name: 'party_id', type: 'uuid' },
  { name: 'role', type: 'text' },
] as const;
