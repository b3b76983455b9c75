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
import { openStatement, PARTY_RACE, type ModuleRow, type OpenParty, type OpenStatementResult } from './matter-open';
import { contactColumns, identityKey, nameMismatch, newPartyRow, prepare, sameName } from '../parties/party-input';
import { partyNamesIn, type NewParty } from '../parties/party.repository';
import type { FieldCrypto } from '../parties/crypto';
import type { PartyInput } from '../shared/identity';
import { chinaYear } from '../shared/china-time';
import { citizenSmsEvent } from '../shared/workflow';
import { workbenchRuntime, workOf } from '../workbench/runtime';
import { subscribeCitizen, tellHolders, textCitizen } from '../workbench/tell';
import { maskPhone } from '../parties/crypto';

const strip = ({ orgPath: _p, ...m }: repo.MatterRow): Matter => m;

export interface OpenMatterInput {
  orgId: string;
  title: string;
  note?: string | undefined;
  data?: Record<string, unknown>;
  /** Parties registered (or recognised) and linked with their roles in the same transaction; needs the PII crypto. */
  parties?: readonly { role: string; party: PartyInput }[];
  /** The module's own row (its id filled in: the matter's; number, title, unit and status stay the matter's), written by the same statement. */
  row?: ModuleRow;
  /** A citizen who applied and is told by SMS: the receipt now, each status change later (ADR 0023). */
  subscriber?: { phone: string };
}

/** The channel a matter came in by, as the workflow names it (`data.source`), for the arrival notice. */
const channelOf = (wf: WorkflowDefinition, data: Record<string, unknown> | undefined) => {
  const source = typeof data?.source === 'string' ? data.source : undefined;
  return source ? (wf.work?.channels?.[source]?.zh ?? source) : undefined;
};

/** A concurrent registration of the same identity got in first: the statement aborted itself (PARTY_RACE). */
class PartyRace extends Error {}
/** The statement failed before it could report on the unit: say why after the rollback. */
class UnitUnknown extends Error {}

/**
 * Registers a matter: takes its number, registers its parties, records the opening action, writes the module's row
 * and its audit entry — one prepared statement (matter-open.ts), atomic on its own. `within` runs after it in one
 * transaction with it (for checks or rows the statement cannot write). A recognised party whose phone is new, or
 * whose name is written differently, is reconciled in a transaction first. A party registered concurrently by
 * someone else aborts the statement; the registration then runs once more, and finds it.
 */
export async function openMatter(
  ctx: Ctx & { pii?: FieldCrypto; forCitizen?: boolean },
  wf: WorkflowDefinition,
  input: OpenMatterInput,
  within?: (trx: Kysely<Database>, matter: Matter) => Promise<void>,
): Promise<Matter> {
  // A matter that arrives from elsewhere — a citizen, another unit — is announced to the holders of its work in its
  // unit, and a citizen applicant gets the receipt; both in the registration's transaction (ADR 0023). A unit's own
  // registration at its window tells no one and keeps the one-statement path.
  const fromElsewhere = ctx.user.orgId !== input.orgId && workbenchRuntime() !== undefined && workOf(wf, wf.initial) !== undefined;
  if (fromElsewhere || input.subscriber) {
    const inner = within;
    within = async (trx, matter) => {
      if (inner) await inner(trx, matter);
      if (input.subscriber) await subscribeCitizen(trx, matter, input.subscriber.phone, maskPhone(input.subscriber.phone));
      if (fromElsewhere) {
        const channel = channelOf(wf, input.data);
        await tellHolders(trx, {
          wf,
          orgId: matter.orgId,
          actorId: ctx.user.id,
          title: `新到事项：${matter.number}`,
          body: [matter.title, channel, matter.orgName].filter(Boolean).join(' · '),
          link: `/matters/${matter.id}`,
        });
      }
    };
  }
  for (let attempt = 1; ; attempt++) {
    try {
      return await openOnce(ctx, wf, input, within);
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

async function openOnce(
  ctx: Ctx & { pii?: FieldCrypto; forCitizen?: boolean },
  wf: WorkflowDefinition,
  input: OpenMatterInput,
  within?: (trx: Kysely<Database>, matter: Matter) => Promise<void>,
): Promise<Matter> {
  const pii = ctx.pii;
  const inputs = input.parties ?? [];
  if (inputs.length > 0 && !pii) throw new Error('openMatter: registering parties needs the PII crypto (PartyCtx)');
  // Checked, normalised and encrypted before anything is written: invalid input never reaches the database. The same
  // identity twice (one person in two roles) is one party row.
  const rows = new Map<string, NewParty>();
  const prepared = inputs.map(({ role, party }) => {
    const p = prepare(pii as FieldCrypto, party);
    const key = identityKey(p.identity);
    const row = rows.get(key) ?? newPartyRow(pii as FieldCrypto, randomUUID(), party, p, input.orgId, ctx.user.id);
    rows.set(key, row);
    const contact = p.phone ? contactColumns(pii as FieldCrypto, key, p.phone) : { phoneCipher: null, phoneIndex: null, phoneMasked: null };
    const open: OpenParty = { role, row, expectName: party.name, localName: null, contact };
    return { party, p, open };
  });
  const asGiven = prepared.map((x) => x.open);
  const id = randomUUID();
  const at = ctx.now;
  const run = async (db: Kysely<Database>, parties: readonly OpenParty[]) => {
    try {
      return await openStatement(db, {
        id,
        module: wf.module,
        kind: wf.kind,
        status: wf.initial,
        title: input.title,
        orgId: input.orgId,
        scopePath: ctx.scope.path,
        year: chinaYear(at),
        at: at.toISOString(),
        template: wf.number,
        user: { id: ctx.user.id, name: ctx.user.displayName },
        actor: ctx.actor,
        note: input.note ?? null,
        data: input.data ?? {},
        parties,
        row: input.row,
      });
    } catch (e) {
      if ((e as { code?: unknown }).code === PARTY_RACE) throw new PartyRace();
      throw new UnitUnknown('unit', { cause: e });
    }
  };
  const unitOf = (r: OpenStatementResult) => {
    if (!r.org) throw notFound('承办单位');
    if (!r.org.active) throw new AppError('ORG_INACTIVE', { name: r.org.name });
    return r.org;
  };
  const opened = (r: OpenStatementResult): Matter => {
    const org = unitOf(r);
    if (r.number === null || r.version === null || r.openedAt === null) throw new Error('openMatter: the matter was not written');
    return {
      id,
      module: wf.module,
      kind: wf.kind,
      number: r.number,
      orgId: org.id,
      orgName: org.name,
      status: wf.initial,
      title: input.title,
      outcome: null,
      version: r.version,
      openedAt: new Date(r.openedAt).toISOString(),
      closedAt: null,
    };
  };
  // A recognised party is linked, never changed: its phone stays as registered and the one given stays with the matter.
  // A name written differently (width, spacing) is accepted as registered. A different name is refused only when the
  // caller could read the party already; otherwise the refusal would tell that the ID number is registered elsewhere
  // (issue #11 item 4), so the unit registers the party under the name it was given, and the audit entry says so.
  const reconcile = async (trx: Kysely<Database> | undefined, blocked: OpenStatementResult['blocked']) => {
    const parties = [...asGiven];
    for (const b of blocked) {
      const x = prepared[b.ord - 1];
      if (!x) throw new Error('openMatter: blocked party out of range');
      let localName: string | null = null;
      if (!sameName(b.name, x.party.name)) {
        const seen = await partyNamesIn(trx ?? ctx.db, ctx.scope, b.id);
        // the name the caller's units registered it under is the name it reads: the same person to them
        if (seen.length > 0 && !seen.some((n) => sameName(n, x.party.name)) && !ctx.forCitizen) throw nameMismatch(x.party, x.p.masked, b.name);
        localName = x.party.name;
      }
      parties[b.ord - 1] = { ...x.open, expectName: b.name, localName };
    }
    return parties;
  };
  if (!within) {
    const r = await run(ctx.db, asGiven);
    if (r.blocked.length === 0) return opened(r);
    unitOf(r);
    await reconcile(undefined, r.blocked);
  }
  return ctx.db.transaction().execute(async (trx) => {
    let r = await run(trx, asGiven);
    if (r.blocked.length > 0) {
      unitOf(r);
      r = await run(trx, await reconcile(trx, r.blocked));
      if (r.blocked.length > 0) throw new PartyRace();
    }
    const matter = opened(r);
    if (within) await within(trx, matter);
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
    await repo.appendAction(trx, {
      matterId,
      action: input.action,
      fromStatus: before.status,
      toStatus: next,
      actorId: ctx.user.id,
      actorName: ctx.user.displayName,
      note: input.note ?? null,
      data: effects.data ?? {},
      at: ctx.now,
    });
    await repo.setStatus(trx, matterId, {
      status: next,
      version: before.version + 1,
      ...(closed ? { closedAt: ctx.now } : {}),
      ...(effects.outcome !== undefined ? { outcome: effects.outcome } : {}),
    });
    const after = await getLocked(ctx, trx, matterId);
    await effects.apply?.(trx, before, after);
    // a citizen who applied is told of each change of status by SMS (ADR 0023)
    const sms = next !== before.status ? citizenSmsEvent(wf, next) : undefined;
    if (sms) await textCitizen(trx, wf, after, sms, ctx.now);
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
    const u = await trx
      .selectFrom('kernel.users as u')
      .innerJoin('kernel.orgs as o', 'o.id', 'u.orgId')
      .select(['u.id', 'o.path'])
      .where('u.id', '=', a.userId)
      .where('u.active', '=', true)
      .executeTakeFirst();
    if (!u?.path.startsWith(ctx.scope.path)) throw notFound('承办人');
  }
  await repo.endAssignments(trx, matterId, a.role, ctx.now);
  await repo.addAssignment(trx, { matterId, userId: a.userId ?? null, orgId: a.orgId ?? null, role: a.role });
}

export const matterAssignments = async (ctx: Ctx, id: string) => {
  await getMatter(ctx, id);
  return repo.listAssignments(ctx.db, id);
};
