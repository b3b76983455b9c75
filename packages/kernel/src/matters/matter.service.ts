import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { appendAudit, writeAuditEntry } from '../audit/audit';
import type { Database } from '../db/schema';
import { AppError, notFound } from '../errors';
import type { Ctx } from '../http/types';
import { findOrg } from '../orgs/org.repository';
import { actionPermission, availableActions, nextStatus, type WorkflowDefinition } from '../shared/workflow';
import type { ActInput, Matter } from '../shared/matters';
import * as repo from './matter.repository';
import { openStatement, type ModuleRow, type OpenStatementResult } from './matter-open';
import { maskPhone } from '../parties/crypto';
import { identityKey, nameMismatch, newPartyRow, phoneColumns, prepare, sameName } from '../parties/party-input';
import { updatePartyPhone, type NewParty } from '../parties/party.repository';
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
  /** The module's own row (same id; number, title, unit and status filled in), written by the same statement. */
  row?: ModuleRow;
}

/** A concurrent registration of the same identity got in first: the statement left a party out. */
class PartyRace extends Error {}
/** The statement failed before it could report on the unit: say why after the rollback. */
class UnitUnknown extends Error {}

/**
 * Registers a matter: takes its number, registers its parties, records the opening action, writes the module's row,
 * audits — one transaction, one audit entry, two prepared statements (matter-open.ts). `within` runs in the same
 * transaction after them (for checks or rows the statement cannot write). A party registered concurrently by
 * someone else makes the statement miss it; the registration then runs once more, and finds it.
 */
export async function openMatter(
  ctx: Ctx & { pii?: FieldCrypto },
  wf: WorkflowDefinition,
  numberTemplate: string,
  input: OpenMatterInput,
  within?: (trx: Kysely<Database>, matter: Matter) => Promise<void>,
): Promise<Matter> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await openOnce(ctx, wf, numberTemplate, input, within);
    } catch (e) {
      if (e instanceof PartyRace) {
        if (attempt < 3) continue;
        throw new AppError('CONFLICT', { reason: '同一当事人正被他人同时登记，请稍后重试' });
      }
      if (e instanceof UnitUnknown) {
        const org = await findOrg(ctx.db, ctx.scope, input.orgId);
        if (!org) throw notFound('承办单位');
        if (!org.active) throw new AppError('ORG_INACTIVE', { name: org.name });
        throw e.cause;
      }
      throw e;
    }
  }
}

async function openOnce(ctx: Ctx & { pii?: FieldCrypto }, wf: WorkflowDefinition, numberTemplate: string, input: OpenMatterInput, within?: (trx: Kysely<Database>, matter: Matter) => Promise<void>): Promise<Matter> {
  const pii = ctx.pii;
  const inputs = input.parties ?? [];
  if (inputs.length > 0 && !pii) throw new Error('openMatter: registering parties needs the PII crypto (PartyCtx)');
  // Checked, normalised and encrypted before the transaction: invalid input never opens one. The same identity
  // twice (one person in two roles) is one party row.
  const rows = new Map<string, NewParty>();
  const parties = inputs.map(({ role, party }) => {
    const p = prepare(pii as FieldCrypto, party);
    const key = identityKey(p.identity);
    const row = rows.get(key) ?? newPartyRow(pii as FieldCrypto, randomUUID(), party, p, input.orgId, ctx.user.id);
    rows.set(key, row);
    return { role, party, p, row };
  });
  const id = randomUUID();
  const at = new Date();
  return ctx.db.transaction().execute(async (trx) => {
    let r: OpenStatementResult;
    try {
      r = await openStatement(trx, {
        id, module: wf.module, kind: wf.kind, status: wf.initial, title: input.title, orgId: input.orgId, scopePath: ctx.scope.path, year: chinaYear(at), at: at.toISOString(),
        template: numberTemplate, user: { id: ctx.user.id, name: ctx.user.displayName }, note: input.note ?? null, data: input.data ?? {}, parties, row: input.row,
      });
    } catch (e) {
      throw new UnitUnknown('unit', { cause: e });
    }
    if (!r.org) throw notFound('承办单位');
    if (!r.org.active) throw new AppError('ORG_INACTIVE', { name: r.org.name });
    if (r.number === null || r.version === null || r.openedAt === null || r.auditSeq === null || r.auditHash === null) throw new Error('openMatter: the matter was not written');
    const partyAudit = [];
    for (const [k, { role, party, p }] of parties.entries()) {
      const got = r.parties[k];
      if (!got?.id || got.name === null) throw new PartyRace();
      if (!got.recognised) {
        partyAudit.push({ role, kind: party.kind, name: party.name, identity: p.masked, phone: p.phone ? maskPhone(p.phone) : null, unit: r.org.name, recognised: false });
        continue;
      }
      if (!sameName(got.name, party.name)) throw nameMismatch(party, p.masked, got.name);
      const phone = p.phone ? phoneColumns(pii as FieldCrypto, got.id, p.phone) : undefined;
      const phoneChanged = phone !== undefined && phone.phoneIndex !== got.phoneIndex;
      if (phone && phoneChanged) await updatePartyPhone(trx, got.id, phone);
      partyAudit.push({ role, kind: party.kind, name: got.name, identity: p.masked, recognised: true, phoneChanged, phone: phoneChanged ? phone.phoneMasked : undefined, unit: r.org.name, unitAdded: got.unitAdded });
    }
    const matter: Matter = { id, module: wf.module, kind: wf.kind, number: r.number, orgId: r.org.id, orgName: r.org.name, status: wf.initial, title: input.title, outcome: null, version: r.version, openedAt: new Date(r.openedAt).toISOString(), closedAt: null };
    if (within) await within(trx, matter);
    await writeAuditEntry(trx, ctx.actor, {
      action: `${wf.module}.${wf.kind}.register`,
      targetType: 'matter',
      targetId: id,
      summary: { number: r.number, title: input.title, org: r.org.name, ...(partyAudit.length > 0 ? { parties: partyAudit } : {}) },
    }, { seq: r.auditSeq, hash: r.auditHash });
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
