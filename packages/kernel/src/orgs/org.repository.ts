import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { inScope, type Scope } from '../scope';
import type { Org, OrgKind } from '../shared/orgs';

const orgColumns = ['o.id', 'o.parentId', 'o.kind', 'o.name', 'o.divisionCode', 'd.name as divisionName', 'o.depth', 'o.active', 'o.sort', 'o.path'] as const;

export type OrgRow = Org & { path: string };

const base = (db: Kysely<Database>) => db.selectFrom('kernel.orgs as o').leftJoin('kernel.divisions as d', 'd.code', 'o.divisionCode').select(orgColumns);

const asOrg = (r: Omit<OrgRow, 'kind'> & { kind: string }): OrgRow => ({ ...r, kind: r.kind as OrgKind });

export async function listOrgs(db: Kysely<Database>, scope: Scope, includeInactive: boolean): Promise<OrgRow[]> {
  let q = base(db).where(inScope(scope, 'o.id'));
  if (!includeInactive) q = q.where('o.active', '=', true);
  const rows = await q.orderBy('o.depth').orderBy('o.sort').orderBy('o.divisionCode').orderBy('o.name').execute();
  return rows.map(asOrg);
}

export async function findOrg(db: Kysely<Database>, scope: Scope, id: string): Promise<OrgRow | undefined> {
  const r = await base(db).where('o.id', '=', id).where(inScope(scope, 'o.id')).executeTakeFirst();
  return r ? asOrg(r) : undefined;
}

export async function insertOrg(
  db: Kysely<Database>,
  row: { id: string; parentId: string | null; path: string; depth: number; kind: string; name: string; divisionCode: string | null; sort: number },
): Promise<void> {
  await db.insertInto('kernel.orgs').values(row).execute();
}

export async function updateOrg(db: Kysely<Database>, id: string, patch: { name?: string; sort?: number }): Promise<void> {
  await db
    .updateTable('kernel.orgs')
    .set({ ...patch, updatedAt: sql`now()` })
    .where('id', '=', id)
    .execute();
}

/** Sets `active` on a unit and, when deactivating, on its whole subtree; returns the number of units changed. */
export async function setSubtreeActive(db: Kysely<Database>, path: string, active: boolean): Promise<number> {
  const q = db.updateTable('kernel.orgs').set({ active, updatedAt: sql`now()` });
  const res = await (active ? q.where('path', '=', path) : q.where('path', 'like', `${path}%`)).where('active', '<>', active).executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function countActiveUsersUnder(db: Kysely<Database>, path: string): Promise<number> {
  const r = await db
    .selectFrom('kernel.users as u')
    .innerJoin('kernel.orgs as o', 'o.id', 'u.orgId')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('o.path', 'like', `${path}%`)
    .where('u.active', '=', true)
    .executeTakeFirstOrThrow();
  return r.n;
}

export async function findDivision(db: Kysely<Database>, code: string) {
  return db.selectFrom('kernel.divisions').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function listDivisions(db: Kysely<Database>, parentCode: string | null) {
  const q = db.selectFrom('kernel.divisions').selectAll().orderBy('code');
  return (parentCode ? q.where('parentCode', '=', parentCode) : q.where('parentCode', 'is', null)).execute();
}
