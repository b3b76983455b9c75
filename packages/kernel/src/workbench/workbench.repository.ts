import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/schema';
import type { Scope } from '../scope';

/** The units of the caller's subtree (materialised path, ADR 0002). */
const scopeOrgs = (scope: Scope) => sql`(select so.id from kernel.orgs so where so.path like ${`${scope.path}%`})`;

export interface CountRow {
  src: 'status' | 'deadline';
  module: string;
  kind: string;
  key: string;
  n: number;
}

/**
 * Every count of the workbench in one grouped query (ADR 0023): open matters of the subtree by kind and status
 * (index-only on matters_work_idx, which holds open matters only), and open deadlines whose warning date has come,
 * overdue or due soon (deadlines_org_warn_open_idx). Statuses that are nobody's work are left out in SQL.
 */
export async function countWork(db: Kysely<Database>, scope: Scope, statuses: readonly string[], today: string): Promise<CountRow[]> {
  if (statuses.length === 0) return [];
  const r = await sql<CountRow>`
    select 'status' as src, m.module, m.kind, m.status as key, count(*)::int as n
    from kernel.matters m
    where m.closed_at is null and m.org_id in ${scopeOrgs(scope)} and m.status = any(${statuses}::text[])
    group by m.module, m.kind, m.status
    union all
    select 'deadline' as src, m.module, m.kind, case when d.due_date < ${today}::date then 'overdue' else 'dueSoon' end as key, count(*)::int as n
    from kernel.deadlines d join kernel.matters m on m.id = d.matter_id
    where d.status = 'open' and d.warn_date <= ${today}::date and d.org_id in ${scopeOrgs(scope)}
    group by 2, 3, 4`.execute(db);
  return r.rows;
}

export interface ItemRow {
  id: string;
  module: string;
  kind: string;
  number: string;
  title: string;
  status: string;
  orgName: string;
  openedAt: Date | string;
  dueDate: string | null;
  ruleId: string | null;
  source: string | null;
}

/** The columns of a workbench row: the matter, its unit, its channel, and its nearest open deadline. */
const itemColumns = sql`m.id, m.module, m.kind, m.number, m.title, m.status, o.name as org_name, m.opened_at,
  nd.due_date::text as due_date, nd.rule_id,
  (select a.data->>'source' from kernel.matter_actions a where a.matter_id = m.id and a.action = 'register' order by a.id limit 1) as source`;
const nearest = sql`left join lateral (
    select dd.due_date, dd.rule_id from kernel.deadlines dd where dd.matter_id = m.id and dd.status = 'open' order by dd.due_date limit 1
  ) nd on true`;

const page = async (db: Kysely<Database>, rows: RawBuilder<ItemRow>, total: RawBuilder<{ n: number }>) => {
  const [items, count] = await Promise.all([rows.execute(db), total.execute(db)]);
  return { items: items.rows, total: count.rows[0]?.n ?? 0 };
};

/** Open matters of the subtree in the given kinds and statuses, oldest first (the longest waiting on top). */
export function listInStatuses(
  db: Kysely<Database>,
  scope: Scope,
  keys: readonly { module: string; kind: string; status: string }[],
  limit: number,
  offset: number,
) {
  if (keys.length === 0) return Promise.resolve({ items: [] as ItemRow[], total: 0 });
  const match = sql`(m.module, m.kind, m.status) in (${sql.join(keys.map((k) => sql`(${k.module}, ${k.kind}, ${k.status})`))})`;
  const where = sql`m.closed_at is null and m.org_id in ${scopeOrgs(scope)} and ${match}`;
  return page(
    db,
    sql<ItemRow>`select ${itemColumns} from kernel.matters m join kernel.orgs o on o.id = m.org_id ${nearest}
      where ${where} order by m.opened_at, m.id limit ${limit} offset ${offset}`,
    sql<{ n: number }>`select count(*)::int as n from kernel.matters m where ${where}`,
  );
}

/** Matters of the subtree with an open deadline overdue (`overdue`) or due soon (`dueSoon`) today, nearest first. */
export function listByDeadline(
  db: Kysely<Database>,
  scope: Scope,
  level: 'dueSoon' | 'overdue',
  today: string,
  kinds: readonly string[],
  limit: number,
  offset: number,
) {
  const due = level === 'overdue' ? sql`d.due_date < ${today}::date` : sql`d.due_date >= ${today}::date`;
  const where = sql`d.status = 'open' and d.warn_date <= ${today}::date and ${due} and d.org_id in ${scopeOrgs(scope)}
    and (m.module || '.' || m.kind) = any(${kinds}::text[])`;
  return page(
    db,
    sql<ItemRow>`select m.id, m.module, m.kind, m.number, m.title, m.status, o.name as org_name, m.opened_at, d.due_date::text as due_date, d.rule_id,
        (select a.data->>'source' from kernel.matter_actions a where a.matter_id = m.id and a.action = 'register' order by a.id limit 1) as source
      from kernel.deadlines d join kernel.matters m on m.id = d.matter_id join kernel.orgs o on o.id = m.org_id
      where ${where} order by d.due_date, d.id limit ${limit} offset ${offset}`,
    sql<{ n: number }>`select count(*)::int as n from kernel.deadlines d join kernel.matters m on m.id = d.matter_id where ${where}`,
  );
}

/** Open matters assigned to the user (as handler, mediator …) in the subtree, nearest deadline first. */
export function listMine(db: Kysely<Database>, scope: Scope, userId: string, limit: number) {
  const where = sql`m.closed_at is null and m.org_id in ${scopeOrgs(scope)}
    and m.id in (select x.matter_id from kernel.matter_assignments x where x.user_id = ${userId}::uuid and x.active)`;
  return page(
    db,
    sql<ItemRow>`select ${itemColumns} from kernel.matters m join kernel.orgs o on o.id = m.org_id ${nearest}
      where ${where} order by nd.due_date nulls last, m.opened_at, m.id limit ${limit}`,
    sql<{ n: number }>`select count(*)::int as n from kernel.matters m where ${where}`,
  );
}

/** Matters opened in the subtree since `since` in the given kinds, newest first, and their number by channel. */
export async function listArrivals(db: Kysely<Database>, scope: Scope, since: Date, kinds: readonly string[], limit: number) {
  const where = sql`m.org_id in ${scopeOrgs(scope)} and m.opened_at >= ${since.toISOString()}::timestamptz and (m.module || '.' || m.kind) = any(${kinds}::text[])`;
  const [items, byChannel] = await Promise.all([
    sql<ItemRow>`select ${itemColumns} from kernel.matters m join kernel.orgs o on o.id = m.org_id ${nearest}
      where ${where} order by m.opened_at desc, m.id limit ${limit}`.execute(db),
    sql<{ module: string; kind: string; source: string | null; n: number }>`
      select m.module, m.kind, a.data->>'source' as source, count(*)::int as n
      from kernel.matters m left join kernel.matter_actions a on a.matter_id = m.id and a.action = 'register'
      where ${where} group by 1, 2, 3`.execute(db),
  ]);
  return { items: items.rows, byChannel: byChannel.rows };
}
