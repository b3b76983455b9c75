import { randomUUID } from 'node:crypto';
import { sql, type InferResult, type Kysely, type Updateable } from 'kysely';
import {
  inScope,
  matterSummary,
  nearestDueDate,
  nearestDueLevel,
  matterIdsSharingParty,
  runPrepared,
  underUnit,
  unitSummary,
  type Database,
  type Scope,
} from '@sifa/kernel';
import type { DisputeFilter, DisputeListItem } from '../../shared/schemas';
import { mdb, type DisputesTable, type FollowUpsTable, type SessionsTable } from './schema';
import { chinaDay } from '@sifa/kernel/shared';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const day = (d: Date | string) => chinaDay(d);

/**
 * Disputes with their kernel matter (`m`: number, title, unit, status, registration and closing times — the
 * kernel's, same id) and their committee (`c`), in the caller's scope.
 */
export function disputes(db: Kysely<Database>, scope: Scope) {
  return mdb(db)
    .selectFrom('mediation.disputes as d')
    .innerJoin(matterSummary(db, 'mediation').as('m'), 'm.id', 'd.id')
    .leftJoin(unitSummary(db).as('c'), 'c.id', 'd.committeeOrgId')
    .where(inScope(scope, 'm.orgId'));
}

function filtered(db: Kysely<Database>, scope: Scope, f: DisputeFilter) {
  let q = disputes(db, scope);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    q = q.where((eb) => eb.or([eb('m.number', 'like', like), eb('m.title', 'like', like), eb('d.courtCaseNumber', 'like', like)]));
  }
  if (f.status) q = q.where('m.status', '=', f.status);
  if (f.category) q = q.where('d.category', '=', f.category);
  if (f.source) q = q.where('d.source', '=', f.source);
  if (f.atRisk) q = q.where('d.atRisk', '=', f.atRisk === 'true');
  if (f.orgId) q = q.where(underUnit(f.orgId, 'm.orgPath'));
  if (f.from) q = q.where('m.openedAt', '>=', sql<Date>`(${f.from}::date)::timestamp at time zone 'Asia/Shanghai'`);
  if (f.to) q = q.where('m.openedAt', '<', sql<Date>`(${f.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`);
  return q;
}

export async function listDisputes(
  db: Kysely<Database>,
  scope: Scope,
  f: DisputeFilter,
  page: number,
  pageSize: number,
): Promise<{ items: DisputeListItem[]; total: number }> {
  const [rows, count] = await Promise.all([
    filtered(db, scope, f)
      .select([
        'd.id',
        'm.number',
        'm.title',
        'm.status',
        'd.category',
        'd.source',
        'm.orgName',
        'c.name as committeeName',
        'd.mediatorName',
        'm.openedAt',
        'm.closedAt',
        'd.atRisk',
      ])
      .select([nearestDueDate('d.id').as('dueDate'), nearestDueLevel('d.id').as('level')])
      // the register's order: kernel.matters' index in that order (migrations/0010) reads a page, not the whole list
      .orderBy('m.openedAt', 'desc')
      .orderBy('m.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    filtered(db, scope, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      number: r.number,
      title: r.title,
      status: r.status as DisputeListItem['status'],
      category: r.category,
      source: r.source,
      orgName: r.orgName,
      committeeName: r.committeeName,
      mediatorName: r.mediatorName,
      openedAt: new Date(r.openedAt).toISOString(),
      closedAt: iso(r.closedAt),
      atRisk: r.atRisk,
      dueDate: r.dueDate,
      level: r.level as DisputeListItem['level'],
    })),
    total: count.n,
  };
}

/** A dispute of the caller's scope: its own fields, its whole matter (number, title, unit, status, version, times) and its committee's name. */
export async function findDispute(db: Kysely<Database>, scope: Scope, id: string) {
  const query = disputes(db, scope)
    .selectAll('d')
    .select([
      'm.module',
      'm.kind',
      'm.number',
      'm.title',
      'm.orgId',
      'm.orgName',
      'm.status',
      'm.outcome',
      'm.version',
      'm.openedAt',
      'm.closedAt',
      'c.name as committeeName',
    ])
    .where('d.id', '=', id)
    .compile();
  // every action, follow-up and the dispute's page read it first: prepared, planned once (kernel runPrepared, ADR 0021)
  return (await runPrepared<InferResult<typeof query>[number]>(db, 'dispute_find', query)).rows[0];
}

/** The query of relatedDisputes, apart for its plan to be checked (related.test.ts): the disputes among `candidates`. */
export function relatedQuery(db: Kysely<Database>, scope: Scope, id: string, candidates: readonly string[], address: string | null) {
  return mdb(db)
    .selectFrom('mediation.disputes as d')
    .innerJoin(matterSummary(db, 'mediation').as('m'), 'm.id', 'd.id')
    .select(['d.id', 'm.number', 'm.title', 'm.status', 'm.openedAt', 'd.address'])
    .where((eb) => eb.or([eb('d.id', '=', sql<string>`any(${[...candidates]}::uuid[])`), ...(address ? [eb('d.address', '=', address)] : [])]))
    .where('d.id', '<>', id)
    .where(inScope(scope, 'm.orgId'))
    .where('m.openedAt', '>', sql<Date>`now() - interval '12 months'`)
    .orderBy('m.openedAt', 'desc')
    .limit(20);
}

/**
 * Earlier disputes (last 12 months, in the caller's scope) between the same parties — the same party, or one given the
 * same phone (blind index) — or at the same address (features.md M5). The disputes sharing a party come from the
 * kernel's indexes (matterIdsSharingParty) and those at the address from disputes_address_idx: the page no longer tests
 * every dispute in scope (302 ms at 14,419 disputes, issue #11 item 10).
 */
export async function relatedDisputes(db: Kysely<Database>, scope: Scope, id: string, address: string | null) {
  const sharing = await matterIdsSharingParty(db, id);
  const rows = await relatedQuery(db, scope, id, sharing, address).execute();
  const byParty = new Set(sharing);
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    title: r.title,
    status: r.status,
    openedAt: day(r.openedAt),
    reason: byParty.has(r.id) ? '同一当事人' : '同一地点',
  }));
}

/** The dispute's own fields (an action's, a confirmation's, a follow-up's or a risk mark's changes). */
export async function updateDispute(db: Kysely<Database>, id: string, patch: Updateable<DisputesTable>) {
  if (Object.keys(patch).length === 0) return;
  await mdb(db).updateTable('mediation.disputes').set(patch).where('id', '=', id).execute();
}

export async function insertSession(db: Kysely<Database>, s: Omit<SessionsTable, 'id' | 'createdAt'>) {
  await mdb(db)
    .insertInto('mediation.sessions')
    .values({ id: randomUUID(), ...s })
    .execute();
}

export async function insertFollowUp(db: Kysely<Database>, f: Omit<FollowUpsTable, 'id' | 'createdAt'>) {
  await mdb(db)
    .insertInto('mediation.followUps')
    .values({ id: randomUUID(), ...f })
    .execute();
}

/** The latest follow-up visit by date (a visit entered late for an earlier date comes after the later ones). */
export async function latestFollowUp(db: Kysely<Database>, disputeId: string) {
  return mdb(db)
    .selectFrom('mediation.followUps')
    .select(['performed', 'visitedOn'])
    .where('disputeId', '=', disputeId)
    .orderBy('visitedOn', 'desc')
    .orderBy('createdAt', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
}

export async function listFollowUps(db: Kysely<Database>, disputeId: string) {
  return mdb(db)
    .selectFrom('mediation.followUps')
    .select(['id', 'visitedOn', 'performed', 'note', 'createdByName', 'createdAt'])
    .where('disputeId', '=', disputeId)
    .orderBy('visitedOn', 'desc')
    .orderBy('createdAt', 'desc')
    .execute();
}

export async function listSessions(db: Kysely<Database>, disputeId: string) {
  return mdb(db)
    .selectFrom('mediation.sessions')
    .select(['id', 'heldOn', 'place', 'attendees', 'record', 'createdAt'])
    .where('disputeId', '=', disputeId)
    .orderBy('heldOn')
    .orderBy('createdAt')
    .execute();
}

/** The active mediation committees of the caller's scope, with the unit each belongs to. */
export async function listCommittees(db: Kysely<Database>, scope: Scope) {
  return db
    .selectFrom(unitSummary(db).as('o'))
    .leftJoin(unitSummary(db).as('p'), 'p.id', 'o.parentId')
    .select(['o.id', 'o.name', 'p.name as parentName'])
    .where('o.kind', '=', 'mediation-committee')
    .where('o.active', '=', true)
    .where(inScope(scope, 'o.id'))
    .orderBy('o.path')
    .execute();
}

/** The scope test's snapshot (scope-fixtures.ts): the disputes registered from a screening record. */
export async function disputeLinksOf(db: Kysely<Database>, screeningId: string) {
  return (await sql`select id, screening_id from mediation.disputes where screening_id = ${screeningId} order by id`.execute(db)).rows;
}

/** The citizens' ratings of a dispute, newest first (who rated stays out: the console does not name them). */
export async function listRatings(db: Kysely<Database>, disputeId: string) {
  return mdb(db)
    .selectFrom('mediation.ratings')
    .select(['score', 'comment', 'createdAt'])
    .where('disputeId', '=', disputeId)
    .orderBy('createdAt', 'desc')
    .execute();
}
