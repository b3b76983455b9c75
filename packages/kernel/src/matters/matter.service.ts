import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit';
import type { Database } from '../db/schema';
import { AppError, notFound } from '../errors';
import type { Ctx } from '../http/types';
import { findOrg } from '../orgs/org.repository';
import { actionPermission, availableActions, nextStatus, type WorkflowDefinition } from '../shared/workflow';
import type { ActInput, Matter } from '../shared/matters';
import * as repo from './matter.repository';
import { takeNumber } from './numbering';
import { registerPartyIn, type PartyRegistration } from '../parties/party.service';
import type { FieldCrypto } from '../parties/crypto';
import type { PartyInput } from '../shared/identity';
import { chinaYear } from '../shared/china-time';

const strip = ({ orgPath: _p, ...m }: repo.MatterRow): Matter => m;


export interface OpenMatterInput {
  orgId: string;
  title: string;
  note?: string | undefined;
  data?: Record<string, unknown>;
  /** Parties registered (or recognised) and linked with their roles in the same transaction; needs the PII crypto. */
  parties?: readonly { role: string; party: PartyInput }[];
}

/**
 * Registers a matter: takes its number, registers its parties, records the opening action, audits — one
 * transaction and one audit entry. `within` lets the module write its own row (same id) in that transaction.
 */
export async function openMatter(
  ctx: Ctx & { pii?: FieldCrypto },
  wf: WorkflowDefinition,
  numberTemplate: string,
  input: OpenMatterInput,
  within?: (trx: Kysely<Database>, matter: Matter) => Promise<void>,
): Promise<Matter> {
  const parties = input.parties ?? [];
  const pii = ctx.pii;
  if (parties.length > 0 && !pii) throw new Error('openMatter: registering parties needs the PII crypto (PartyCtx)');
  return ctx.db.transaction().execute(async (trx) => {
    const org = await findOrg(trx, ctx.scope, input.orgId);
    if (!org) throw notFound('承办单位');
    if (!org.active) throw new AppError('ORG_INACTIVE', { name: org.name });
    const registered: { role: string; reg: PartyRegistration }[] = [];
    for (const p of parties) registered.push({ role: p.role, reg: await registerPartyIn({ ...ctx, pii: pii as FieldCrypto }, trx, org, p.party) });
    const id = randomUUID();
    const year = chinaYear();
    const { seq, number } = await takeNumber(trx, wf.module, org.path, year, numberTemplate);
    const row = { id, module: wf.module, kind: wf.kind, number, year, seq, orgId: org.id, status: wf.initial, title: input.title, createdBy: ctx.user.id };
    const opening = { matterId: id, action: 'register', fromStatus: null, toStatus: wf.initial, actorId: ctx.user.id, actorName: ctx.user.displayName, note: input.note ?? null, data: input.data ?? {} };
    const { version, openedAt } = await repo.insertMatter(trx, row, opening, registered.map(({ role, reg }) => ({ partyId: reg.id, role })));
    const matter: Matter = { id, module: wf.module, kind: wf.kind, number, orgId: org.id, orgName: org.name, status: wf.initial, title: input.title, outcome: null, version, openedAt, closedAt: null };
    if (within) await within(trx, matter);
    const partySummary = registered.map(({ role, reg }) => ({ role, ...reg.audit }));
    await appendAudit(trx, ctx.actor, {
      action: `${wf.module}.${wf.kind}.register`,
      targetType: 'matter',
      targetId: id,
      summary: { number, title: input.title, org: org.name, ...(partySummary.length > 0 ? { parties: partySummary } : {}) },
    });
    return matter;
  });
}

async function getLocked(ctx: Ctx, trx: Kysely<Database>, id: string, module?: string) {
  const m = await repo.findMatter(trx, ctx.scope, id, { lock: true, ...(module ? { module } : {}) });
  if (!m) throw notFound('事项');
  return strip(m);
}

export interface ActEffects {
  /** Runs in the action's transaction after the status changed (module rows, deadlines, assignments). */
  apply?: (trx: Kysely<Database>, before: Matter, after: Matter) => Promise<void>;
  /** Outcome recorded on the matter (indicator categories), e.g. agreed. */
  outcome?: string;
  data?: Record<string, unknown>;
}

/**
 * Takes one workflow action: locks the matter, checks the version the user saw (a concurrent change answers
 * 409 instead of being overwritten), checks the transition table and the action's permission, appends the
 * action, updates the status cache, audits — all in one transaction.
 */
export async function act(ctx: Ctx, wf: WorkflowDefinition, matterId: string, input: ActInput, effects: ActEffects = {}): Promise<Matter> {
  const perm = actionPermission(wf, input.action);
  if (!ctx.user.permissions.has(perm)) throw new AppError('FORBIDDEN', { permission: perm });
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getLocked(ctx, trx, matterId, wf.module);
    if (before.version !== input.expectedVersion) {
      throw new AppError('MATTER_CONFLICT', { number: before.number, version: before.version });
    }
    const next = nextStatus(wf, before.status, input.action);
    if (!next) {
      const status = wf.labels.statuses[before.status]?.zh ?? before.status;
      const action = wf.labels.actions[input.action]?.zh ?? input.action;
      throw new AppError('INVALID_TRANSITION', { status, action }, { allowed: availableActions(wf, before.status) });
    }
    const closed = wf.terminal.includes(next);
    await repo.appendAction(trx, { matterId, action: input.action, fromStatus: before.status, toStatus: next, actorId: ctx.user.id, actorName: ctx.user.displayName, note: input.note ?? null, data: effects.data ?? {} });
    await repo.setStatus(trx, matterId, {
      status: next,
      version: before.version + 1,
      ...(closed ? { closedAt: new Date() } : {}),
      ...(effects.outcome !== undefined ? { outcome: effects.outcome } : {}),
    });
    const after = await getLocked(ctx, trx, matterId);
    await effects.apply?.(trx, before, after);
    await appendAudit(trx, ctx.actor, {
      action: `${wf.module}.${wf.kind}.${input.action}`,
      targetType: 'matter',
      targetId: matterId,
      summary: { number: before.number, from: before.status, to: next, ...(input.note ? { note: input.note } : {}) },
    });
    return after;
  });
}

export async function getMatter(ctx: Ctx, id: string, module?: string) {
  const m = await repo.findMatter(ctx.db, ctx.scope, id, module ? { module } : {});
  if (!m) throw notFound('事项');
  return strip(m);
}

export const matterTimeline = async (ctx: Ctx, id: string) => {
  await getMatter(ctx, id);
  return repo.listActions(ctx.db, id);
};

/** Assigns a matter to a user and/or unit of the caller's scope; an earlier assignment in the same role ends. */
export async function assignMatter(trx: Kysely<Database>, ctx: Ctx, matterId: string, a: { userId?: string | null; orgId?: string | null; role: string }) {
  if (a.orgId && !(await findOrg(trx, ctx.scope, a.orgId))) throw notFound('承办单位');
  if (a.userId) {
    const u = await trx.selectFrom('kernel.users as u').innerJoin('kernel.orgs as o', 'o.id', 'u.orgId').select(['u.id', 'o.path']).where('u.id', '=', a.userId).where('u.active', '=', true).executeTakeFirst();
    if (!u?.path.startsWith(ctx.scope.path)) throw notFound('承办人');
  }
  await repo.endAssignments(trx, matterId, a.role);
  await repo.addAssignment(trx, { matterId, userId: a.userId ?? null, orgId: a.orgId ?? null, role: a.role });
}

export const matterAssignments = async (ctx: Ctx, id: string) => {
  await getMatter(ctx, id);
  return repo.listAssignments(ctx.db, id);
};
