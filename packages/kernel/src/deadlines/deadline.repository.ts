import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { inScope, type Scope } from '../scope';
import type { DeadlineLevel } from '../shared/deadline-model';
import './schema';

const columns = [
  'd.id',
  'd.matterId',
  'd.ruleId',
  'd.startDate',
  'd.dueDate',
  'd.warnDate',
  'd.calendarCovered',
  'd.status',
  'd.pauses',
  'd.pausedSince',
  'd.pausedDays',
  'd.extendedAmount',
  'd.extensionCount',
  'd.assigneeId',
  'd.orgId',
  'd.lastLevel',
] as const;

export interface DeadlineRow {
  id: string;
  matterId: string;
  ruleId: string;
  startDate: string;
  dueDate: string;
  warnDate: string;
  calendarCovered: boolean;
  status: string;
  pauses: { from: string; to: string }[];
  pausedSince: string | null;
  pausedDays: number;
  extendedAmount: number;
  extensionCount: number;
  assigneeId: string | null;
  orgId: string;
  lastLevel: string;
}

const base = (db: Kysely<Database>) => db.selectFrom('kernel.deadlines as d').select(columns);

/** A deadline of the caller's scope; `lock` holds the row until the caller's transaction ends. */
export async function findDeadline(db: Kysely<Database>, scope: Scope, id: string, lock = false): Promise<DeadlineRow | undefined> {
  let q = base(db).where('d.id', '=', id).where(inScope(scope, 'd.orgId'));
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function listMatterDeadlines(db: Kysely<Database>, scope: Scope, matterId: string): Promise<DeadlineRow[]> {
  return base(db).where('d.matterId', '=', matterId).where(inScope(scope, 'd.orgId')).orderBy('d.dueDate').orderBy('d.createdAt').execute();
}

export type NewDeadlineRow = Pick<
  DeadlineRow,
  'id' | 'matterId' | 'ruleId' | 'startDate' | 'dueDate' | 'warnDate' | 'calendarCovered' | 'assigneeId' | 'orgId'
> & {
  lastLevel: DeadlineLevel;
};

export async function insertDeadline(db: Kysely<Database>, row: NewDeadlineRow): Promise<void> {
  await db.insertInto('kernel.deadlines').values(row).execute();
}

export type DeadlinePatch = Partial<
  Pick<DeadlineRow, 'dueDate' | 'warnDate' | 'calendarCovered' | 'status' | 'pausedSince' | 'pausedDays' | 'extendedAmount' | 'extensionCount'>
> & { pauses?: { from: string; to: string }[]; metAt?: Date | null };

export async function updateDeadline(db: Kysely<Database>, id: string, patch: DeadlinePatch): Promise<void> {
  const { pauses, ...rest } = patch;
  await db
    .updateTable('kernel.deadlines')
    .set({ ...rest, ...(pauses ? { pauses: JSON.stringify(pauses) } : {}), updatedAt: sql`now()` })
    .where('id', '=', id)
    .execute();
}

/**
 * Open or paused deadlines a calendar load may move: those computed past the loaded calendar, and those whose
 * span touches the (re)loaded year (its schedule reaches back to late December of the year before).
 */
/** Open deadlines of one rule whose due date is before `today`, oldest first (a module's job acting on a lapse). */
export async function lapsedOpenDeadlines(db: Kysely<Database>, ruleId: string, today: string, limit: number) {
  return db
    .selectFrom('kernel.deadlines')
    .select(['id', 'matterId', 'dueDate'])
    .where('ruleId', '=', ruleId)
    .where('status', '=', 'open')
    .where('dueDate', '<', today)
    .orderBy('dueDate')
    .limit(limit)
    .execute();
}

export async function listDeadlinesTouchingYear(db: Kysely<Database>, year: number): Promise<DeadlineRow[]> {
  return base(db)
    .where('d.status', 'in', ['open', 'paused'])
    .where((eb) => eb.or([eb('d.calendarCovered', '=', false), eb.and([eb('d.startDate', '<=', `${year}-12-31`), eb('d.dueDate', '>=', `${year - 1}-12-25`)])]))
    .forUpdate()
    .execute();
}

/** The caller's to-do deadlines: open, of the caller's own unit or assigned to the caller, within the scope. */
export async function listTodoDeadlines(db: Kysely<Database>, scope: Scope, userId: string, orgId: string, limit: number) {
  const q = db
    .selectFrom('kernel.deadlines as d')
    .innerJoin('kernel.matters as m', 'm.id', 'd.matterId')
    .where('d.status', '=', 'open')
    .where((eb) => eb.or([eb('d.assigneeId', '=', userId), eb('d.orgId', '=', orgId)]))
    .where(inScope(scope, 'd.orgId'));
  const items = await q
    .select(['d.id', 'd.matterId', 'd.ruleId', 'd.dueDate', 'd.warnDate', 'm.module', 'm.title', 'm.number'])
    .orderBy('d.dueDate')
    .orderBy('d.id')
    .limit(limit)
    .execute();
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { items, total: total.n };
}

export interface SweepRow {
  id: string;
  matterId: string;
  ruleId: string;
  assigneeId: string | null;
  orgId: string;
  dueDate: string;
  matterTitle: string;
  matterNumber: string;
  fromLevel: DeadlineLevel;
  toLevel: DeadlineLevel;
}

/**
 * Sets `last_level` of every open deadline whose level on `today` differs from it and returns those rows.
 * `skip locked` lets several sweepers (one per app process on PostgreSQL) share the work without blocking.
 */
export async function sweepLevels(db: Kysely<Database>, today: string): Promise<SweepRow[]> {
  const r = await sql<SweepRow>`
    with changed as (
      select id, last_level as from_level,
        case when due_date < ${today}::date then 'overdue' when warn_date <= ${today}::date then 'due-soon' else 'normal' end as to_level
      from kernel.deadlines
      where status = 'open' and (
        (due_date < ${today}::date and last_level <> 'overdue')
        or (due_date >= ${today}::date and warn_date <= ${today}::date and last_level <> 'due-soon')
        or (warn_date > ${today}::date and last_level <> 'normal'))
      for update skip locked
    )
    update kernel.deadlines d set last_level = c.to_level, updated_at = now()
    from changed c, kernel.matters m
    where d.id = c.id and m.id = d.matter_id
    returning d.id, d.matter_id, d.rule_id, d.assignee_id, d.org_id, d.due_date, m.title as matter_title, m.number as matter_number,
      c.from_level, c.to_level`.execute(db);
  return r.rows;
}
