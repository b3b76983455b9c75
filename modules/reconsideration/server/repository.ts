import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import { inScope, matterSummary, nearestDueDate, nearestDueLevel, underUnit, unitSummary, type Database, type Scope } from '@sifa/kernel';
import type { CaseDetail, CaseFilter, CaseListItem } from '../shared/schemas';
import { reconsiderationDb, type AgenciesTable, type CasesTable } from './schema';

// Every SQL statement of the module is here; services and routes call these functions. Each takes the caller's scope.

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** Cases with their kernel matter (`m`: number, title, unit, status, times — same id), in the caller's scope. */
function cases(db: Kysely<Database>, scope: Scope) {
  return reconsiderationDb(db)
    .selectFrom('reconsideration.cases as c')
    .innerJoin(matterSummary(db, 'reconsideration').as('m'), 'm.id', 'c.id')
    .where(inScope(scope, 'm.orgId'));
}

function filtered(db: Kysely<Database>, scope: Scope, f: CaseFilter) {
  let q = cases(db, scope);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    q = q.where((eb) => eb.or([eb('m.number', 'like', like), eb('m.title', 'like', like), eb('c.respondent', 'like', like)]));
  }
  if (f.status) q = q.where('m.status', '=', f.status);
  if (f.channel) q = q.where('c.channel', '=', f.channel);
  if (f.sector) q = q.where('c.sector', '=', f.sector);
  if (f.actType) q = q.where('c.actType', '=', f.actType);
  if (f.enterprise) q = q.where('c.enterprise', '=', f.enterprise === 'true');
  if (f.orgId) q = q.where(underUnit(f.orgId, 'm.orgPath'));
  return q;
}

const LIST_COLUMNS = [
  'c.id',
  'm.number',
  'm.title',
  'm.status',
  'c.channel',
  'c.respondent',
  'c.sector',
  'c.actType',
  'c.receivedOn',
  'c.acceptedOn',
  'c.closing',
  'c.reconsiderationFirst',
  'c.enterprise',
  'm.orgName',
  'm.openedAt',
  'm.closedAt',
] as const;

/** A page of the caller's cases, newest first, with the nearest open deadline of each. */
export async function listCases(
  db: Kysely<Database>,
  scope: Scope,
  f: CaseFilter,
  page: number,
  pageSize: number,
): Promise<{ items: CaseListItem[]; total: number }> {
  const [rows, count] = await Promise.all([
    filtered(db, scope, f)
      .select(LIST_COLUMNS)
      .select([nearestDueDate('c.id').as('dueDate'), nearestDueLevel('c.id').as('level')])
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
      ...r,
      status: r.status as CaseListItem['status'],
      openedAt: iso(r.openedAt) ?? '',
      closedAt: iso(r.closedAt),
      level: r.level as CaseListItem['level'],
    })),
    total: count.n,
  };
}

/** One case of the caller's scope, or undefined (a case of another county is not found, never forbidden). */
export async function findCase(db: Kysely<Database>, scope: Scope, id: string): Promise<(CaseDetail & { orgId: string }) | undefined> {
  const r = await cases(db, scope)
    .select(LIST_COLUMNS)
    .select([
      'c.act',
      'c.request',
      'c.reasons',
      'c.actKnownOn',
      'c.windowDue',
      'c.lateReason',
      'c.forwardedBy',
      'c.procedure',
      'c.correctionItems',
      'c.deemedAccepted',
      'c.declineReason',
      'c.competentBody',
      'c.closedOn',
      'c.decisionSummary',
      'c.lossRecoveredFen',
      'c.published',
      'c.imported',
      'm.orgId',
      'm.version',
    ])
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    ...r,
    status: r.status as CaseDetail['status'],
    openedAt: iso(r.openedAt) ?? '',
    closedAt: iso(r.closedAt),
  };
}

/** Writes the module's fields of a case (inside an action's transaction). */
export async function updateCase(db: Kysely<Database>, id: string, patch: Updateable<CasesTable>): Promise<void> {
  await reconsiderationDb(db).updateTable('reconsideration.cases').set(patch).where('id', '=', id).execute();
}

/** The module's rows for many cases at once (the import and the demo, in their transaction). */
export async function insertCases(db: Kysely<Database>, rows: readonly Insertable<CasesTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await reconsiderationDb(db)
      .insertInto('reconsideration.cases')
      .values(rows.slice(i, i + 500))
      .execute();
}

/** The case numbers among `numbers` that exist already (numbers are unique platform-wide). */
export async function existingNumbers(db: Kysely<Database>, numbers: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < numbers.length; i += 1000) {
    const rows = await matterSummary(db)
      .where('km.number', 'in', numbers.slice(i, i + 1000))
      .execute();
    for (const r of rows) found.add(r.number);
  }
  return found;
}

/** The matter's version and status, unscoped (the deemed-acceptance job, which acts for the law over every unit). */
export async function caseState(db: Kysely<Database>, id: string) {
  return matterSummary(db, 'reconsideration').where('km.id', '=', id).executeTakeFirst();
}

/** The cases of a unit's subtree as stored (the scope test's snapshot of a neighbour's rows). */
export async function casesUnder(db: Kysely<Database>, ids: readonly string[]): Promise<unknown[]> {
  if (!ids.length) return [];
  return (await sql`select * from reconsideration.cases where id = any(${ids}::uuid[]) order by id`.execute(db)).rows;
}

/** The register of respondent agencies in the caller's scope (active ones unless `all`). */
export async function listAgencies(db: Kysely<Database>, scope: Scope, f: { q?: string | undefined; orgId?: string | undefined; all?: boolean }) {
  let q = reconsiderationDb(db)
    .selectFrom('reconsideration.agencies as a')
    .innerJoin(unitSummary(db).as('o'), 'o.id', 'a.orgId')
    .where(inScope(scope, 'a.orgId'))
    .select(['a.id', 'a.orgId', 'o.name as orgName', 'a.name', 'a.kind', 'a.sector', 'a.superior', 'a.active']);
  if (!f.all) q = q.where('a.active', '=', true);
  if (f.orgId) q = q.where(underUnit(f.orgId, 'o.path'));
  if (f.q) q = q.where('a.name', 'like', `%${f.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
  return q.orderBy('o.name').orderBy('a.name').limit(1000).execute();
}

export async function findAgency(db: Kysely<Database>, scope: Scope, id: string) {
  return reconsiderationDb(db).selectFrom('reconsideration.agencies').selectAll().where('id', '=', id).where(inScope(scope, 'orgId')).executeTakeFirst();
}

export async function insertAgencies(db: Kysely<Database>, rows: readonly Insertable<AgenciesTable>[]): Promise<void> {
  if (!rows.length) return;
  await reconsiderationDb(db)
    .insertInto('reconsideration.agencies')
    .values([...rows])
    .onConflict((oc) => oc.columns(['orgId', 'name']).doNothing())
    .execute();
}
