import { sql, type ColumnType, type Kysely } from 'kysely';
import { inScope, type Database, type Scope } from '@sifa/kernel';
import type { ScreeningFilter } from '../shared/screening';
import { mdb } from './schema';

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
  return sdb(db).selectFrom('mediation.screenings as s').innerJoin('kernel.orgs as o', 'o.id', 's.orgId').where(inScope(scope, 's.orgId'));
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
const disputeCount = (scope: Scope) =>
  sql<number>`(select count(*)::int from mediation.disputes d where d.screening_id = s.id and ${inScope(scope, 'd.org_id')})`;

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
  if (f.orgId) {
    const orgId = f.orgId;
    q = q.where('o.path', 'like', (eb) =>
      eb
        .selectFrom('kernel.orgs')
        .select(sql<string>`path || '%'`.as('p'))
        .where('id', '=', orgId),
    );
  }
  return q;
}

export async function listScreenings(db: Kysely<Database>, scope: Scope, f: ScreeningFilter, page: number, pageSize: number) {
  const [rows, count] = await Promise.all([
    filtered(db, scope, f)
      .select(columns)
      .select(disputeCount(scope).as('disputeCount'))
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
    .leftJoin('kernel.users as u', 'u.id', 's.createdBy')
    .select(columns)
    .select(disputeCount(scope).as('disputeCount'))
    .select('u.displayName as createdByName')
    .where('s.id', '=', id)
    .executeTakeFirst();
}

/** The disputes registered from a screening, of the caller's scope, newest first. */
export async function disputesOf(db: Kysely<Database>, scope: Scope, screeningId: string) {
  return sdb(db)
    .selectFrom('mediation.disputes as d')
    .innerJoin('kernel.orgs as o', 'o.id', 'd.orgId')
    .select(['d.id', 'd.number', 'd.title', 'd.status', 'd.category', 'o.name as orgName', 'd.registeredAt'])
    .where('d.screeningId', '=', screeningId)
    .where(inScope(scope, 'd.orgId'))
    .orderBy('d.registeredAt', 'desc')
    .orderBy('d.id')
    .execute();
}
