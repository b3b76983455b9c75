import { sql, type Kysely, type Updateable } from 'kysely';
import { inScope, matterSummary, nearestDueDate, nearestDueLevel, underUnit, type Database, type Scope } from '@sifa/kernel';
import type { CaseDetail, CaseFilter, CaseListItem } from '../shared/schemas';
import { legalAidDb, type CasesTable } from './schema';

// Every SQL statement of the module is here; services and routes call these functions.

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** Cases with their kernel matter (`m`: number, title, unit, status, times — same id), in the caller's scope. */
function cases(db: Kysely<Database>, scope: Scope) {
  return legalAidDb(db).selectFrom('legal_aid.cases as c').innerJoin(matterSummary(db, 'legal-aid').as('m'), 'm.id', 'c.id').where(inScope(scope, 'm.orgId'));
}

function filtered(db: Kysely<Database>, scope: Scope, f: CaseFilter) {
  let q = cases(db, scope);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    q = q.where((eb) => eb.or([eb('m.number', 'like', like), eb('m.title', 'like', like)]));
  }
  if (f.status) q = q.where('m.status', '=', f.status);
  if (f.channel) q = q.where('c.channel', '=', f.channel);
  if (f.orgId) q = q.where(underUnit(f.orgId, 'm.orgPath'));
  return q;
}

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
      .select(['c.id', 'm.number', 'm.title', 'm.status', 'c.channel', 'm.orgName', 'm.openedAt', 'm.closedAt'])
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
    .select(['c.id', 'c.channel', 'c.summary', 'c.declineReason', 'c.result'])
    .select(['m.number', 'm.title', 'm.status', 'm.orgId', 'm.orgName', 'm.version', 'm.openedAt', 'm.closedAt'])
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!r) return undefined;
  return { ...r, status: r.status as CaseDetail['status'], openedAt: iso(r.openedAt) ?? '', closedAt: iso(r.closedAt) };
}

/** Writes the module's fields of a case (inside an action's transaction). */
export async function updateCase(db: Kysely<Database>, id: string, patch: Updateable<CasesTable>): Promise<void> {
  await legalAidDb(db).updateTable('legal_aid.cases').set(patch).where('id', '=', id).execute();
}

/** The cases of a unit's subtree as stored (the scope test's snapshot of a neighbour's rows). */
export async function casesUnder(db: Kysely<Database>, ids: readonly string[]): Promise<unknown[]> {
  if (!ids.length) return [];
  return (await sql`select * from legal_aid.cases where id = any(${ids}::uuid[]) order by id`.execute(db)).rows;
}
