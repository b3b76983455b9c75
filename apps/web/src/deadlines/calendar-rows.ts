import { z } from 'zod';
import type { CalendarSchedule } from '@sifa/kernel/shared';
import type { Translate } from '../i18n';
import { weekdayOf } from '@sifa/ui';

export type DayKind = 'holiday' | 'workday';

/** One line of the schedule editor: a date, the festival's name, and whether it is a day off or a make-up workday. */
export interface CalendarRow {
  key: string;
  date: string;
  name: string;
  kind: DayKind;
}

export interface RowProblem {
  /** The row concerned; none for a problem of the whole schedule. */
  key?: string;
  message: string;
}

let nextKey = 0;
export const newRowKey = (): string => `row-${String(++nextKey)}`;

export function rowsFromSchedule(schedule: Pick<CalendarSchedule, 'holidays' | 'workdays'>): CalendarRow[] {
  const rows: CalendarRow[] = [
    ...schedule.holidays.map((d) => ({ key: newRowKey(), date: d.date, name: d.name, kind: 'holiday' as const })),
    ...schedule.workdays.map((d) => ({ key: newRowKey(), date: d.date, name: d.name, kind: 'workday' as const })),
  ];
  return rows.sort((a, b) => a.date.localeCompare(b.date));
}

export function scheduleFromRows(rows: readonly CalendarRow[]): CalendarSchedule {
  const pick = (kind: DayKind) => rows.filter((r) => r.kind === kind).map((r) => ({ date: r.date.trim(), name: r.name.trim() }));
  return { holidays: pick('holiday'), workdays: pick('workday') };
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  const m = ISO.exec(text);
  if (!m) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/**
 * What is wrong with the rows as the schedule of `year`, checked as the server will (real dates of the year or of the
 * New Year days from 12-25 of the year before, each date once, names of 1–20 characters, make-up workdays on weekends
 * only, at least one day off in the year). Empty when fine.
 */
export function rowProblems(rows: readonly CalendarRow[], year: number, t: Translate): RowProblem[] {
  const problems: RowProblem[] = [];
  const seen = new Set<string>();
  const earliest = `${String(year - 1)}-12-25`;
  for (const row of rows) {
    const date = row.date.trim();
    const name = row.name.trim();
    if (!isIsoDate(date)) {
      problems.push({ key: row.key, message: t('calendar.problem.date', { date: date || '—' }) });
      continue;
    }
    if (!date.startsWith(`${String(year)}-`) && !(date >= earliest && date < `${String(year)}-01-01`)) {
      problems.push({ key: row.key, message: t('calendar.problem.year', { date, year: String(year) }) });
    }
    if (seen.has(date)) problems.push({ key: row.key, message: t('calendar.problem.duplicate', { date }) });
    seen.add(date);
    if (!name || name.length > 20) problems.push({ key: row.key, message: t('calendar.problem.name', { date }) });
    const weekday = weekdayOf(date);
    if (row.kind === 'workday' && weekday !== 0 && weekday !== 6) {
      problems.push({ key: row.key, message: t('calendar.problem.workday', { date }) });
    }
  }
  if (!rows.some((r) => r.kind === 'holiday' && r.date.trim().startsWith(`${String(year)}-`))) {
    problems.push({ message: t('calendar.problem.noHoliday', { year: String(year) }) });
  }
  return problems;
}

const NamedDay = z.object({ date: z.string(), name: z.string() });
const ScheduleJson = z.object({
  year: z.number().int().optional(),
  source: z.string().optional(),
  holidays: z.array(NamedDay),
  workdays: z.array(NamedDay).default([]),
});

export type ParsedSchedule = { ok: true; rows: CalendarRow[]; year?: number; source?: string } | { ok: false; problems: string[] };

/**
 * A pasted schedule: `{ "year"?, "source"?, "holidays": [{ "date", "name" }], "workdays": [{ "date", "name" }] }` — the
 * same shape as the command line's calendar file.
 */
export function parseScheduleJson(text: string, t: Translate): ParsedSchedule {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      problems: [t('calendar.problem.json', { reason: e instanceof Error ? e.message : String(e) })],
    };
  }
  const parsed = ScheduleJson.safeParse(value);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => t('calendar.problem.shape', { path: i.path.join('.') || '—', reason: i.message })),
    };
  }
  const { year, source, holidays, workdays } = parsed.data;
  return {
    ok: true,
    rows: rowsFromSchedule({ holidays, workdays }),
    ...(year !== undefined ? { year } : {}),
    ...(source ? { source } : {}),
  };
}
