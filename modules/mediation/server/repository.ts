import { sql, type Kysely } from 'kysely';
import { inScope, type Database, type Scope } from '@sifa/kernel';
import type { DisputeFilter, DisputeListItem } from '../shared/schemas';
import { mdb } from './schema';
import { chinaDay } from '@sifa/kernel/shared';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const day = (d: Date | string) => chinaDay(d);

/** Nearest open deadline of each dispute, for the list's deadline badge. */
const nearestDeadline = sql<string | null>`(select min(dl.due_date)::text from kernel.deadlines dl where dl.matter_id = d.id and dl.status = 'open')`;
const nearestLevel = sql<
  string | null
>`(select dl.last_level from kernel.deadlines dl where dl.matter_id = d.id and dl.status = 'open' order by dl.due_date limit 1)`;

function filtered(db: Kysely<Database>, scope: Scope, f: DisputeFilter) {
  let q = mdb(db)
    .selectFrom('mediation.disputes as d')
    .innerJoin('kernel.orgs as o', 'o.id', 'd.orgId')
    .leftJoin('kernel.orgs as c', 'c.id', 'd.committeeOrgId')
    .where(inScope(scope, 'd.orgId'));
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    q = q.where((eb) => eb.or([eb('d.number', 'like', like), eb('d.title', 'like', like), eb('d.courtCaseNumber', 'like', like)]));
  }
  if (f.status) q = q.where('d.status', '=', f.status);
  if (f.category) q = q.where('d.category', '=', f.category);
  if (f.source) q = q.where('d.source', '=', f.source);
  if (f.atRisk) q = q.where('d.atRisk', '=', f.atRisk === 'true');
  if (f.orgId) {
    const orgId = f.orgId;
    q = q.where('o.path', 'like', (eb) =>
      eb
        .selectFrom('kernel.orgs')
        .select(sql<string>`path || '%'`.as('p'))
        .where('id', '=', orgId),
    );
  }
  if (f.from) q = q.where('d.registeredAt', '>=', sql<Date>`(${f.from}::date)::timestamp at time zone 'Asia/Shanghai'`);
  if (f.to) q = q.where('d.registeredAt', '<', sql<Date>`(${f.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`);
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
        'd.number',
        'd.title',
        'd.status',
        'd.category',
        'd.source',
        'o.name as orgName',
        'c.name as committeeName',
        'd.mediatorName',
        'd.registeredAt',
        'd.closedAt',
        'd.atRisk',
      ])
      .select([nearestDeadline.as('dueDate'), nearestLevel.as('level')])
      .orderBy('d.registeredAt', 'desc')
      .orderBy('d.id')
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
      openedAt: new Date(r.registeredAt).toISOString(),
      closedAt: iso(r.closedAt),
      atRisk: r.atRisk,
      dueDate: r.dueDate,
      level: r.level as DisputeListItem['level'],
    })),
    total: count.n,
  };
}

export async function findDispute(db: Kysely<Database>, scope: Scope, id: string) {
  return mdb(db)
    .selectFrom('mediation.disputes as d')
    .leftJoin('kernel.orgs as c', 'c.id', 'd.committeeOrgId')
    .selectAll('d')
    .select('c.name as committeeName')
    .where('d.id', '=', id)
    .where(inScope(scope, 'd.orgId'))
    .executeTakeFirst();
}

/**
 * Earlier disputes (last 12 months, in the caller's scope) between the same parties — matched by ID or phone
 * blind index — or at the same address (features.md M5).
 */
export async function relatedDisputes(db: Kysely<Database>, scope: Scope, id: string, address: string | null) {
  const sameParty = sql<boolean>`exists (
    select 1 from kernel.matter_parties mine join kernel.parties p1 on p1.id = mine.party_id
    join kernel.matter_parties theirs on theirs.matter_id = d.id join kernel.parties p2 on p2.id = theirs.party_id
    where mine.matter_id = ${id} and (p1.id = p2.id or (p1.phone_index is not null and p1.phone_index = p2.phone_index)))`;
  const rows = await mdb(db)
    .selectFrom('mediation.disputes as d')
    .select(['d.id', 'd.number', 'd.title', 'd.status', 'd.registeredAt', 'd.address'])
    .select(sameParty.as('sameParty'))
    .where('d.id', '<>', id)
    .where(inScope(scope, 'd.orgId'))
    .where('d.registeredAt', '>', sql<Date>`now() - interval '12 months'`)
    .where((eb) => eb.or([sameParty, ...(address ? [eb('d.address', '=', address)] : [])]))
    .orderBy('d.registeredAt', 'desc')
    .limit(20)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    title: r.title,
    status: r.status,
    openedAt: day(r.registeredAt),
    reason: r.sameParty ? '同一当事人' : '同一地点',
  }));
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

export async function listCommittees(db: Kysely<Database>, scope: Scope) {
  return db
    .selectFrom('kernel.orgs as o')
    .leftJoin('kernel.orgs as p', 'p.id', 'o.parentId')
    .select(['o.id', 'o.name', 'p.name as parentName'])
    .where('o.kind', '=', 'mediation-committee')
    .where('o.active', '=', true)
    .where(inScope(scope, 'o.id'))
    .orderBy('o.path')
    .execute();
}
