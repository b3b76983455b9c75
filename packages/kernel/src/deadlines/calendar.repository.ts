import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { CalendarData, CalendarDay, CalendarDayKind } from './calendar';
import './schema';

// The holiday calendar is national reference data (State Council schedules): no org scope applies.

const asKind = (k: string): CalendarDayKind => (k === 'workday' ? 'workday' : 'holiday');

/** Changes whenever a year is loaded or reloaded, in any process: the cache key of the in-memory calendar. */
export async function calendarVersion(db: Kysely<Database>): Promise<string> {
  const r = await db
    .selectFrom('kernel.calendarYears')
    .select((eb) => [eb.fn.countAll<number>().as('n'), sql<string | null>`max(loaded_at)::text`.as('at')])
    .executeTakeFirstOrThrow();
  return `${r.n}@${r.at ?? ''}`;
}

export async function readCalendarData(db: Kysely<Database>): Promise<CalendarData> {
  const years = await db.selectFrom('kernel.calendarYears').select('year').orderBy('year').execute();
  const days = await db.selectFrom('kernel.calendarDays').select(['date', 'kind', 'name']).orderBy('date').execute();
  return { years: years.map((y) => y.year), days: days.map((d) => ({ date: d.date, kind: asKind(d.kind), name: d.name })) };
}

export async function listCalendarYears(db: Kysely<Database>) {
  return db
    .selectFrom('kernel.calendarYears as y')
    .select(['y.year', 'y.source', 'y.loadedAt', 'y.loadedByName'])
    .select((eb) => [
      eb
        .selectFrom('kernel.calendarDays as d')
        .whereRef('d.year', '=', 'y.year')
        .where('d.kind', '=', 'holiday')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('holidays'),
      eb
        .selectFrom('kernel.calendarDays as d')
        .whereRef('d.year', '=', 'y.year')
        .where('d.kind', '=', 'workday')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('workdays'),
    ])
    .orderBy('y.year')
    .execute();
}

export async function findCalendarYear(db: Kysely<Database>, year: number) {
  return db.selectFrom('kernel.calendarYears').select(['year', 'source', 'loadedAt', 'loadedByName']).where('year', '=', year).executeTakeFirst();
}

export async function listCalendarDays(db: Kysely<Database>, year: number): Promise<CalendarDay[]> {
  const rows = await db.selectFrom('kernel.calendarDays').select(['date', 'kind', 'name']).where('year', '=', year).orderBy('date').execute();
  return rows.map((d) => ({ date: d.date, kind: asKind(d.kind), name: d.name }));
}

export async function loadedYears(db: Kysely<Database>): Promise<number[]> {
  return (await db.selectFrom('kernel.calendarYears').select('year').execute()).map((r) => r.year);
}

/** Dates among `dates` that another year's schedule already holds. */
export async function datesOwnedElsewhere(db: Kysely<Database>, year: number, dates: string[]) {
  if (!dates.length) return [];
  return db.selectFrom('kernel.calendarDays').select(['date', 'year']).where('date', 'in', dates).where('year', '<>', year).execute();
}

/** Replaces one year's schedule (its year row and all its days). */
export async function replaceCalendarYear(
  db: Kysely<Database>,
  row: { year: number; source: string; loadedBy: string | null; loadedByName: string | null; days: readonly CalendarDay[] },
): Promise<void> {
  const { days, ...year } = row;
  await db
    .insertInto('kernel.calendarYears')
    .values({ ...year, loadedAt: sql`now()` })
    .onConflict((oc) => oc.column('year').doUpdateSet({ source: year.source, loadedBy: year.loadedBy, loadedByName: year.loadedByName, loadedAt: sql`now()` }))
    .execute();
  await db.deleteFrom('kernel.calendarDays').where('year', '=', row.year).execute();
  if (days.length)
    await db
      .insertInto('kernel.calendarDays')
      .values(days.map((d) => ({ ...d, year: row.year })))
      .execute();
}
