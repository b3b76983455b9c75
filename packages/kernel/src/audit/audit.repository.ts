import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { inScope, type Scope } from '../scope';
import type { AuditEntry } from '../shared/common';

export interface AuditFilter {
  from?: string | undefined;
  to?: string | undefined;
  actor?: string | undefined;
  action?: string | undefined;
  orgId?: string | undefined;
}

function filtered(db: Kysely<Database>, scope: Scope, rootScope: boolean, f: AuditFilter) {
  let q = db
    .selectFrom('kernel.auditLog as a')
    .leftJoin('kernel.orgs as o', 'o.id', 'a.orgId')
    // Entries without a unit (system jobs, sign-in attempts with unknown names) belong to the top of the tree.
    .where((eb) => (rootScope ? eb.or([inScope(scope, 'a.orgId'), eb('a.orgId', 'is', null)]) : inScope(scope, 'a.orgId')));
  // Dates are Asia/Shanghai calendar days.
  if (f.from) q = q.where('a.at', '>=', sql<Date>`(${f.from}::date)::timestamp at time zone 'Asia/Shanghai'`);
  if (f.to) q = q.where('a.at', '<', sql<Date>`(${f.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`);
  if (f.actor) q = q.where('a.actorName', '=', f.actor.toLowerCase());
  if (f.action) q = q.where('a.action', 'like', `${f.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
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
  return q;
}

export async function listAudit(
  db: Kysely<Database>,
  scope: Scope,
  rootScope: boolean,
  f: AuditFilter,
  page: number,
  pageSize: number,
): Promise<{ items: AuditEntry[]; total: number }> {
  const [rows, count] = await Promise.all([
    filtered(db, scope, rootScope, f)
      .select([
        'a.id',
        'a.seq',
        'a.at',
        'a.actorName',
        'a.action',
        'a.result',
        'a.orgId',
        'o.name as orgName',
        'a.requestId',
        'a.ip',
        'a.targetType',
        'a.targetId',
        'a.summary',
      ])
      .orderBy('a.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    filtered(db, scope, rootScope, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const matters = await mattersOf(db, scope, rows);
  return {
    items: rows.map((r) => ({ ...r, at: new Date(r.at).toISOString(), matter: (r.targetType === 'matter' && matters.get(r.targetId ?? '')) || null })),
    total: count.n,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The number and name of the matters a page of entries is about, those of the caller's scope only (an auditor of a
 * county sees ids of the city's matters it cannot read, not their names): one indexed lookup per page.
 */
async function mattersOf(db: Kysely<Database>, scope: Scope, rows: readonly { targetType: string | null; targetId: string | null }[]) {
  const ids = [...new Set(rows.filter((r) => r.targetType === 'matter' && r.targetId && UUID.test(r.targetId)).map((r) => r.targetId as string))];
  if (!ids.length) return new Map<string, { number: string; title: string }>();
  const found = await db
    .selectFrom('kernel.matters as m')
    .select(['m.id', 'm.number', 'm.title'])
    .where('m.id', 'in', ids)
    .where(inScope(scope, 'm.orgId'))
    .execute();
  return new Map(found.map((m) => [m.id, { number: m.number, title: m.title }]));
}
