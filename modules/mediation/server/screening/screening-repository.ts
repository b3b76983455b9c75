import { sql, type ColumnType, type Insertable, type Kysely, type Updateable } from 'kysely';
import { inScope, matterSummary, underUnit, unitSummary, userName, type Database, type Scope } from '@sifa/kernel';
import type { ScreeningFilter } from '../../shared/screening';
import { mdb } from '../disputes/schema';

type Ts = ColumnType<Date, Date | string | undefined, Date | string>;
type Opt<T> = ColumnType<T, T | undefined, T>;

export interface ScreeningsTable {
  id: string;
  orgId: string;
  screenedOn: string;
  area: string;
  screeners: string;
  kind: string;
  foundCount: Opt<number>;
  riskCount: Opt<number>;
  notes: Opt<string | null>;
  createdBy: Opt<string | null>;
  createdAt: Ts;
  updatedAt: Ts;
}

// A type alias (not an interface) so it satisfies Kysely's Record<string, …> constraint (as schema.ts does).
export type ScreeningTables = { 'mediation.screenings': ScreeningsTable };

/** The kernel's database handle (or transaction) seen with the mediation tables and the screenings. */
export const sdb = (db: Kysely<Database>) => mdb(db).$extendTables<ScreeningTables>();

const like = (q: string) => `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

function screenings(db: Kysely<Database>, scope: Scope) {
  return sdb(db).selectFrom('mediation.screenings as s').innerJoin(unitSummary(db).as('o'), 'o.id', 's.orgId').where(inScope(scope, 's.orgId'));
}

const columns = [
  's.id',
  's.orgId',
  'o.name as orgName',
  's.screenedOn',
  's.area',
  's.screeners',
  's.kind',
  's.foundCount',
  's.riskCount',
  's.notes',
  's.createdAt',
  's.updatedAt',
  's.createdBy',
] as const;

/** Disputes registered from the screening that the caller may see. */
const disputeCount = (db: Kysely<Database>, scope: Scope) =>
  sql<number>`(select count(*)::int from mediation.disputes d join ${matterSummary(db, 'mediation').as('m')} on m.id = d.id
    where d.screening_id = s.id and ${inScope(scope, 'm.orgId')})`;

function filtered(db: Kysely<Database>, scope: Scope, f: ScreeningFilter) {
  let q = screenings(db, scope);
  if (f.q) {
    const pattern = like(f.q);
    q = q.where((eb) =>
      eb.or([eb('s.area', 'like', pattern), eb('s.screeners', 'like', pattern), eb('s.notes', 'like', pattern), eb('o.name', 'like', pattern)]),
    );
  }
  if (f.kind) q = q.where('s.kind', '=', f.kind);
  if (f.from) q = q.where('s.screenedOn', '>=', f.from);
  if (f.to) q = q.where('s.screenedOn', '<=', f.to);
  if (f.orgId) q = q.where(underUnit(f.orgId, 'o.path'));
  return q;
}

export async function listScreenings(db: Kysely<Database>, scope: Scope, f: ScreeningFilter, page: number, pageSize: number) {
  const [rows, count] = await Promise.all([
    filtered(db, scope, f)
      .select(columns)
      .select(disputeCount(db, scope).as('disputeCount'))
      .orderBy('s.screenedOn', 'desc')
      .orderBy('s.createdAt', 'desc')
      .orderBy('s.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    filtered(db, scope, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n };
}

export type ScreeningRow = Awaited<ReturnType<typeof listScreenings>>['rows'][number];

export async function findScreening(db: Kysely<Database>, scope: Scope, id: string) {
  return screenings(db, scope)
    .select(columns)
    .select(disputeCount(db, scope).as('disputeCount'))
    .select(userName('s.createdBy').as('createdByName'))
    .where('s.id', '=', id)
    .executeTakeFirst();
}

/** The disputes registered from a screening, of the caller's scope, newest first. */
export async function disputesOf(db: Kysely<Database>, scope: Scope, screeningId: string) {
  return sdb(db)
    .selectFrom('mediation.disputes as d')
    .innerJoin(matterSummary(db, 'mediation').as('m'), 'm.id', 'd.id')
    .select(['d.id', 'm.number', 'm.title', 'm.status', 'd.category', 'm.orgName', 'm.openedAt'])
    .where('d.screeningId', '=', screeningId)
    .where(inScope(scope, 'm.orgId'))
    .orderBy('m.openedAt', 'desc')
    .orderBy('d.id')
    .execute();
}

export async function updateScreeningRow(db: Kysely<Database>, id: string, patch: Updateable<ScreeningsTable>) {
  await sdb(db).updateTable('mediation.screenings').set(patch).where('id', '=', id).execute();
}

/** Inserts screening records (500 per statement). */
export async function insertScreenings(db: Kysely<Database>, rows: readonly Insertable<ScreeningsTable>[]) {
  for (let i = 0; i < rows.length; i += 500)
    await sdb(db)
      .insertInto('mediation.screenings')
      .values(rows.slice(i, i + 500))
      .execute();
}

/**
 * A demo start's links: two thirds of the screening-source disputes (a deterministic share by id) to their unit's
 * latest screening on or before their registration, and each screening counting at least what it found.
 */
export async function linkDemoScreenings(db: Kysely<Database>) {
  await sql`update mediation.disputes d set screening_id = (
      select s.id from mediation.screenings s
      where s.org_id = m.org_id and s.screened_on <= (m.opened_at at time zone 'Asia/Shanghai')::date
      order by s.screened_on desc, s.id limit 1)
    from ${matterSummary(db, 'mediation').as('m')}
    where m.id = d.id and d.source = 'screening' and d.screening_id is null and abs(hashtext(d.id::text)) % 3 < 2`.execute(db);
  await sql`update mediation.screenings s set found_count = greatest(s.found_count, l.n)
    from (select screening_id, count(*)::int as n from mediation.disputes where screening_id is not null group by screening_id) l
    where l.screening_id = s.id and s.found_count < l.n`.execute(db);
}

/** The scope test's snapshot (scope-fixtures.ts): every column of these units' screening records, as stored. */
export async function screeningRowsOf(db: Kysely<Database>, orgIds: readonly string[]) {
  return (await sql`select * from mediation.screenings where org_id = any(${orgIds}::uuid[]) order by id`.execute(db)).rows;
}
