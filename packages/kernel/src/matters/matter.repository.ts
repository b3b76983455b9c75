import { sql, type InferResult, type Kysely } from 'kysely';
import { runPrepared } from '../db/prepared';
import type { Database } from '../db/schema';
import { inScope, type Scope } from '../scope';
import type { Matter, MatterActionEntry } from '../shared/matters';

const iso = (d: Date | string) => new Date(d).toISOString();

const columns = [
  'm.id',
  'm.module',
  'm.kind',
  'm.number',
  'm.orgId',
  'o.name as orgName',
  'o.path as orgPath',
  'm.status',
  'm.title',
  'm.outcome',
  'm.version',
  'm.openedAt',
  'm.closedAt',
] as const;

export type MatterRow = Matter & { orgPath: string };

/** A matter of the caller's scope; `lock` takes the row lock the action transaction holds until commit. */
export async function findMatter(
  db: Kysely<Database>,
  scope: Scope,
  id: string,
  opts: { module?: string; lock?: boolean } = {},
): Promise<MatterRow | undefined> {
  let q = db
    .selectFrom('kernel.matters as m')
    .innerJoin('kernel.orgs as o', 'o.id', 'm.orgId')
    .select(columns)
    .where('m.id', '=', id)
    .where(inScope(scope, 'm.orgId'));
  if (opts.module) q = q.where('m.module', '=', opts.module);
  if (opts.lock) q = q.forUpdate('m');
  // every matter page's request reads its matter first: prepared, planned once (ADR 0021)
  const query = q.compile();
  const r = (await runPrepared<InferResult<typeof query>[number]>(db, opts.lock ? 'matter_find_lock' : 'matter_find', query)).rows[0];
  return r ? { ...r, openedAt: iso(r.openedAt), closedAt: r.closedAt ? iso(r.closedAt) : null } : undefined;
}

export async function setStatus(db: Kysely<Database>, id: string, patch: { status: string; version: number; closedAt?: Date | null; outcome?: string | null }) {
  await db
    .updateTable('kernel.matters')
    .set({ ...patch, updatedAt: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export async function appendAction(
  db: Kysely<Database>,
  a: {
    matterId: string;
    action: string;
    fromStatus: string | null;
    toStatus: string;
    actorId: string | null;
    actorName: string | null;
    note: string | null;
    data: unknown;
    /** When the action was taken: the request's `now` (the app's clock), so its day is the day the user acted. */
    at?: Date;
  },
) {
  await db
    .insertInto('kernel.matterActions')
    .values({ ...a, data: JSON.stringify(a.data ?? {}) })
    .execute();
}

export async function listActions(db: Kysely<Database>, matterId: string): Promise<MatterActionEntry[]> {
  const rows = await db
    .selectFrom('kernel.matterActions')
    .select(['id', 'action', 'fromStatus', 'toStatus', 'actorName', 'at', 'note', 'data'])
    .where('matterId', '=', matterId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, at: iso(r.at) }));
}

export async function endAssignments(db: Kysely<Database>, matterId: string, role: string, at: Date) {
  await db
    .updateTable('kernel.matterAssignments')
    .set({ active: false, endedAt: at })
    .where('matterId', '=', matterId)
    .where('role', '=', role)
    .where('active', '=', true)
    .execute();
}

export async function addAssignment(db: Kysely<Database>, a: { matterId: string; userId: string | null; orgId: string | null; role: string }) {
  await db.insertInto('kernel.matterAssignments').values(a).execute();
}

export async function listAssignments(db: Kysely<Database>, matterId: string) {
  return db
    .selectFrom('kernel.matterAssignments as a')
    .leftJoin('kernel.users as u', 'u.id', 'a.userId')
    .leftJoin('kernel.orgs as o', 'o.id', 'a.orgId')
    .select(['a.userId', 'u.displayName as userName', 'a.orgId', 'o.name as orgName', 'a.role', 'a.active', 'a.assignedAt', 'a.endedAt'])
    .where('a.matterId', '=', matterId)
    .orderBy('a.assignedAt')
    .execute();
}
