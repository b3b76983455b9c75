import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { hashPassword } from '../auth/password';
import type { Database } from '../db/schema';
import { inScope, type Scope } from '../scope';
import { insertOrg, updateOrg } from './org.repository';

// Units and accounts as modules need them (issue #10 item 3: modules reach kernel data only through the kernel's
// functions). The scoped reads of the org tree are findOrg / listOrgs; these are the module's other uses.

export interface UnitRow {
  id: string;
  parentId: string | null;
  path: string;
  depth: number;
  kind: string;
  name: string;
  abbr: string | null;
  active: boolean;
  sort: number;
  divisionCode: string | null;
}

const unitColumns = ['id', 'parentId', 'path', 'depth', 'kind', 'name', 'abbr', 'active', 'sort', 'divisionCode'] as const;

/**
 * A unit by id whatever the caller's scope — for a check that must not tell "outside your scope" from "no such
 * unit" itself (the caller's scoped call says that), or for a public page choosing among all judicial offices.
 */
export async function findUnit(db: Kysely<Database>, id: string): Promise<UnitRow | undefined> {
  return db.selectFrom('kernel.orgs').select(unitColumns).where('id', '=', id).executeTakeFirst();
}

/**
 * Units of the given kinds for demo data and module registers: optionally only active ones, only those with a
 * numbering abbreviation, or those of a scope; in tree order (path) when `ordered`, else as stored (the order a
 * seeded demo was drawn in).
 */
export async function listUnits(
  db: Kysely<Database>,
  f: { kinds?: readonly string[]; active?: boolean; withAbbr?: boolean; scope?: Scope; ordered?: boolean } = {},
): Promise<UnitRow[]> {
  let q = db.selectFrom('kernel.orgs').select(unitColumns);
  if (f.kinds) q = q.where('kind', 'in', [...f.kinds]);
  if (f.active !== undefined) q = q.where('active', '=', f.active);
  if (f.withAbbr) q = q.where('abbr', 'is not', null);
  if (f.scope) q = q.where(inScope(f.scope, 'id'));
  return (f.ordered ? q.orderBy('path') : q).execute();
}

/** The root of the org tree (the city bureau). */
export async function rootUnit(db: Kysely<Database>): Promise<UnitRow> {
  return db.selectFrom('kernel.orgs').select(unitColumns).where('parentId', 'is', null).orderBy('sort').limit(1).executeTakeFirstOrThrow();
}

/**
 * A new unit of `kind` under `parent` (its path, depth and division derived from the parent), inside the
 * caller's transaction; the caller checks the parent and audits. Returns the new id.
 */
export async function insertUnit(
  trx: Kysely<Database>,
  parent: { id: string; path: string; depth: number; divisionCode: string | null },
  unit: { kind: string; name: string; sort?: number },
): Promise<string> {
  const id = randomUUID();
  await insertOrg(trx, {
    id,
    parentId: parent.id,
    path: `${parent.path}${id}/`,
    depth: parent.depth + 1,
    kind: unit.kind,
    name: unit.name,
    divisionCode: parent.divisionCode,
    sort: unit.sort ?? 0,
  });
  return id;
}

/** Renames a unit (the caller checks scope and uniqueness and audits). */
export const renameUnit = (trx: Kysely<Database>, id: string, name: string) => updateOrg(trx, id, { name });

/** An active or inactive staff account of the caller's scope: its id and display name. */
export async function staffInScope(db: Kysely<Database>, scope: Scope, userId: string) {
  return db.selectFrom('kernel.users').select(['id', 'displayName']).where('id', '=', userId).where(inScope(scope, 'orgId')).executeTakeFirst();
}

/**
 * A system account (e.g. the one a portal application is registered under): created on first use under the root
 * unit with no roles, a random password and `active = false`, so nobody can sign in with it.
 */
export async function systemAccount(db: Kysely<Database>, username: string, displayName: string) {
  const root = await rootUnit(db);
  const find = () => db.selectFrom('kernel.users').select(['id', 'displayName']).where('username', '=', username).executeTakeFirst();
  let row = await find();
  if (!row) {
    const passwordHash = await hashPassword(randomBytes(32).toString('base64url'));
    await db
      .insertInto('kernel.users')
      .values({ id: randomUUID(), username, displayName, passwordHash, orgId: root.id, roles: [], active: false })
      .onConflict((oc) => oc.column('username').doNothing())
      .execute();
    row = await find();
    if (!row) throw new Error(`系统账号 ${username} 创建失败`);
  }
  return { ...row, root };
}
