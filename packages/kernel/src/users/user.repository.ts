import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { inScope, type Scope } from '../scope';
import type { RoleCode } from '../shared/permissions';
import type { User } from '../shared/users';

export interface UserFilter {
  q?: string | undefined;
  orgId?: string | undefined;
  role?: string | undefined;
  active?: boolean | undefined;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

const selectUsers = (db: Kysely<Database>, scope: Scope) =>
  db.selectFrom('kernel.users as u').innerJoin('kernel.orgs as o', 'o.id', 'u.orgId').where(inScope(scope, 'u.orgId'));

function filtered(db: Kysely<Database>, scope: Scope, f: UserFilter) {
  let q = selectUsers(db, scope);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('u.username', 'like', like), eb('u.displayName', 'like', like)]));
  }
  if (f.orgId) {
    const orgId = f.orgId;
    q = q.where((eb) =>
      eb(
        'o.path',
        'like',
        eb
          .selectFrom('kernel.orgs')
          .select(sql<string>`path || '%'`.as('p'))
          .where('id', '=', orgId),
      ),
    );
  }
  if (f.role) q = q.where(sql<boolean>`${f.role} = any(u.roles)`);
  if (f.active !== undefined) q = q.where('u.active', '=', f.active);
  return q;
}

const userColumns = [
  'u.id',
  'u.username',
  'u.displayName',
  'u.orgId',
  'o.name as orgName',
  'u.roles',
  'u.active',
  'u.lockedUntil',
  'u.lastLoginAt',
  'u.createdAt',
  'u.totpEnabledAt',
] as const;

type Row = {
  id: string;
  username: string;
  displayName: string;
  orgId: string;
  orgName: string;
  roles: string[];
  active: boolean;
  lockedUntil: Date | string | null;
  lastLoginAt: Date | string | null;
  createdAt: Date | string;
  totpEnabledAt: Date | string | null;
};

const toUser = ({ totpEnabledAt, ...r }: Row): User => ({
  ...r,
  secondFactorEnrolled: totpEnabledAt !== null,
  roles: r.roles as RoleCode[],
  // Lockouts run on the wall clock, as sign-in does (session.service.ts): a test clock must not lift or extend them.
  lockedUntil: r.lockedUntil && new Date(r.lockedUntil) > new Date() ? iso(r.lockedUntil) : null,
  lastLoginAt: iso(r.lastLoginAt),
  createdAt: new Date(r.createdAt).toISOString(),
});

export async function listUsers(db: Kysely<Database>, scope: Scope, f: UserFilter, page: number, pageSize: number) {
  const [rows, count] = await Promise.all([
    filtered(db, scope, f)
      .select(userColumns)
      .orderBy('o.depth')
      .orderBy('o.sort')
      .orderBy('o.name')
      .orderBy('u.username')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    filtered(db, scope, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toUser), total: count.n };
}

export async function findUser(db: Kysely<Database>, scope: Scope, id: string): Promise<User | undefined> {
  const r = await selectUsers(db, scope).select(userColumns).where('u.id', '=', id).executeTakeFirst();
  return r ? toUser(r) : undefined;
}

/** Sign-in looks a user up by name before any scope exists. */
export async function findLoginUser(db: Kysely<Database>, username: string) {
  return db.selectFrom('kernel.users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function usernameTaken(db: Kysely<Database>, username: string): Promise<boolean> {
  return !!(await db.selectFrom('kernel.users').select('id').where('username', '=', username).executeTakeFirst());
}

export async function insertUser(
  db: Kysely<Database>,
  row: { id: string; username: string; displayName: string; passwordHash: string; orgId: string; roles: string[] },
) {
  await db.insertInto('kernel.users').values(row).execute();
}

export async function updateUser(
  db: Kysely<Database>,
  id: string,
  patch: Partial<{
    displayName: string;
    orgId: string;
    roles: string[];
    active: boolean;
    passwordHash: string;
    passwordChangedAt: Date;
    failedLogins: number;
    lockedUntil: Date | null;
    lastLoginAt: Date;
  }>,
) {
  await db
    .updateTable('kernel.users')
    .set({ ...patch, updatedAt: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export async function deleteSessionsOf(db: Kysely<Database>, userId: string) {
  await db.deleteFrom('kernel.sessions').where('userId', '=', userId).execute();
}
