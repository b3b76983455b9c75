import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { Calendar } from './calendar';
import { calendarVersion, readCalendarData } from './calendar.repository';

// Calendars by version (row count + last load time of kernel.calendar_years): one tiny query per use tells
// whether this process's copy is current, so a year loaded by another process (or inside the caller's own
// transaction) is seen at once. A few versions are kept because test files clone one template database.
const cache = new Map<string, Calendar>();
const MAX_VERSIONS = 4;

/** The official calendar as loaded in `db` (a transaction sees its own uncommitted loads). */
export async function getCalendar(db: Kysely<Database>): Promise<Calendar> {
  const version = await calendarVersion(db);
  const hit = cache.get(version);
  if (hit) return hit;
  const calendar = new Calendar(await readCalendarData(db));
  if (cache.size >= MAX_VERSIONS) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(version, calendar);
  return calendar;
}

export function invalidateCalendarCache(): void {
  cache.clear();
}
