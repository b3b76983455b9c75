import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { appendAudit, SYSTEM_ACTOR, type Actor } from '../audit/audit';
import type { Database } from '../db/schema';
import { AppError } from '../errors';
import type { Ctx } from '../http/types';
import { CalendarSchedule, NamedDate, type CalendarYear } from '../shared/deadline-model';
import { readBundledCalendar } from './bundled';
import type { CalendarDay } from './calendar';
import { invalidateCalendarCache } from './calendar.cache';
import * as repo from './calendar.repository';
import { isIsoDate, isWeekend, weekdayZh, yearOf } from './dates';
import { recomputeDeadlinesForYear } from './deadline.service';

export { getCalendar, invalidateCalendarCache } from './calendar.cache';

const CALENDAR_LOCK = 7_348_125; // one calendar load at a time per database (several app processes may boot at once)

const invalid = (year: number, reason: string) => new AppError('CALENDAR_INVALID', { year, reason });

/**
 * Checks a published schedule before it becomes the calendar: real dates of the year (or of the New Year days
 * at the end of the previous December), each listed once, make-up working days only on weekends.
 */
export function validateSchedule(year: number, schedule: CalendarSchedule): CalendarDay[] {
  const days: CalendarDay[] = [];
  const seen = new Map<string, string>();
  const earliest = `${year - 1}-12-25`;
  const add = (kind: CalendarDay['kind'], { date, name }: { date: string; name: string }) => {
    const label = kind === 'holiday' ? '放假日期' : '调休上班日期';
    if (!isIsoDate(date)) throw invalid(year, `${label}“${date}”不是有效日期，应为 YYYY-MM-DD`);
    if (yearOf(date) !== year && !(date >= earliest && date < `${year}-01-01`)) {
      throw invalid(year, `${label} ${date} 不属于 ${year} 年（只接受 ${year} 年的日期，以及元旦调休涉及的 ${earliest} 至 ${year - 1}-12-31）`);
    }
    const prior = seen.get(date);
    if (prior) throw invalid(year, `${date} 重复列出（已列为${prior}）`);
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > 20) throw invalid(year, `${date} 的节日名称应为 1 至 20 个字，例如“国庆节”`);
    if (kind === 'workday' && !isWeekend(date)) throw invalid(year, `${date}（${weekdayZh(date)}）本来就是工作日，不需要列为调休上班日`);
    seen.set(date, label);
    days.push({ date, kind, name: trimmed });
  };
  for (const h of schedule.holidays) add('holiday', h);
  for (const w of schedule.workdays) add('workday', w);
  if (!days.some((d) => d.kind === 'holiday' && yearOf(d.date) === year)) throw invalid(year, `没有 ${year} 年的放假日期`);
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

export interface LoadResult {
  year: number;
  holidays: number;
  workdays: number;
  replaced: boolean;
  /** Open or paused deadlines whose due date or coverage changed. */
  recomputed: number;
}

async function loadYear(
  db: Kysely<Database>,
  actor: Actor,
  loadedBy: string | null,
  loadedByName: string,
  year: number,
  schedule: CalendarSchedule,
  source: string,
): Promise<LoadResult> {
  const days = validateSchedule(year, schedule);
  const result = await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${CALENDAR_LOCK})`.execute(trx);
    const clash = await repo.datesOwnedElsewhere(
      trx,
      year,
      days.map((d) => d.date),
    );
    if (clash[0]) throw invalid(year, `${clash[0].date} 已属于 ${clash[0].year} 年的安排，请先更正该年度`);
    const before = await repo.findCalendarYear(trx, year);
    await repo.replaceCalendarYear(trx, { year, source, loadedBy, loadedByName, days });
    const recomputed = await recomputeDeadlinesForYear(trx, year);
    const counts = { holidays: days.filter((d) => d.kind === 'holiday').length, workdays: days.filter((d) => d.kind === 'workday').length };
    await appendAudit(trx, actor, {
      action: 'kernel.calendar.load',
      targetType: 'calendar-year',
      targetId: String(year),
      summary: { year, source, ...counts, replaced: before ? { source: before.source } : null, recomputed },
    });
    return { year, ...counts, replaced: Boolean(before), recomputed };
  });
  invalidateCalendarCache();
  return result;
}

/** An administrator loads a newly published schedule (e.g. 2027) or corrects a year; audited, deadlines recomputed. */
export async function loadCalendarYear(ctx: Ctx, year: number, schedule: CalendarSchedule, source: string): Promise<LoadResult> {
  return loadYear(ctx.db, ctx.actor, ctx.user.id, ctx.user.displayName, year, schedule, source);
}

export const CalendarFile = CalendarSchedule.extend({
  year: z.number().int().min(1990).max(2200).optional(),
  source: z.string().trim().min(2).optional(),
  holidays: z.array(NamedDate).min(1, '至少应有一个放假日期'),
});

/** The year of a schedule file without a `year`: the year of its dates, leaving out late-December New Year days. */
function inferYear(file: z.infer<typeof CalendarFile>): number {
  const years = new Set([...file.holidays, ...file.workdays].filter((d) => d.date.slice(5) < '12-25').map((d) => yearOf(d.date)));
  const [only] = years;
  if (years.size !== 1 || only === undefined) throw new Error('无法从文件中的日期判断年度，请在文件中写明 "year"');
  return only;
}

/**
 * For the command line (`npm run calendar:load <file>`): loads `{ year?, source?, holidays: [{date,name}],
 * workdays: [{date,name}] }` from a JSON file.
 */
export async function loadCalendarFile(db: Kysely<Database>, path: string, opts: { year?: number; source?: string } = {}): Promise<LoadResult> {
  const parsed = CalendarFile.safeParse(JSON.parse(readFileSync(path, 'utf8')) as unknown);
  if (!parsed.success) throw new Error(`节假日安排文件 ${path} 格式有误：${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}`);
  const year = opts.year ?? parsed.data.year ?? inferYear(parsed.data);
  const source = opts.source ?? parsed.data.source ?? `文件 ${basename(path)}`;
  return loadYear(db, { id: null, username: 'command-line', orgId: null }, null, '命令行', year, parsed.data, source);
}

/**
 * Loads the schedules bundled with the `chinese-days` package (2004–2026) that the database lacks. Idempotent;
 * never overwrites a year an administrator loaded. Runs at every start and when building test databases.
 */
export async function ensureBundledCalendar(db: Kysely<Database>): Promise<{ loaded: number[] }> {
  const have = new Set(await repo.loadedYears(db));
  const bundled = readBundledCalendar();
  if ([...bundled.years.keys()].every((y) => have.has(y))) return { loaded: [] };
  const loaded = await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${CALENDAR_LOCK})`.execute(trx);
    const present = new Set(await repo.loadedYears(trx));
    const missing = [...bundled.years.keys()].filter((y) => !present.has(y));
    for (const year of missing) {
      await repo.replaceCalendarYear(trx, { year, source: bundled.source, loadedBy: null, loadedByName: 'system', days: bundled.years.get(year) ?? [] });
    }
    if (missing.length) {
      let recomputed = 0;
      for (const year of missing) recomputed += await recomputeDeadlinesForYear(trx, year);
      await appendAudit(trx, SYSTEM_ACTOR, { action: 'kernel.calendar.load-bundled', summary: { years: missing, source: bundled.source, recomputed } });
    }
    return missing;
  });
  invalidateCalendarCache();
  return { loaded };
}

/** One year as the console shows it; a year not loaded answers `covered: false` with empty lists. */
export async function getCalendarYear(db: Kysely<Database>, year: number): Promise<CalendarYear> {
  const row = await repo.findCalendarYear(db, year);
  const days = row ? await repo.listCalendarDays(db, year) : [];
  const pick = (kind: CalendarDay['kind']) => days.filter((d) => d.kind === kind).map(({ date, name }) => ({ date, name }));
  return {
    year,
    covered: Boolean(row),
    source: row?.source ?? null,
    loadedAt: row ? new Date(row.loadedAt).toISOString() : null,
    loadedBy: row?.loadedByName ?? null,
    holidays: pick('holiday'),
    workdays: pick('workday'),
  };
}

export async function listCalendarYears(db: Kysely<Database>) {
  return (await repo.listCalendarYears(db)).map((r) => ({
    year: r.year,
    source: r.source,
    loadedAt: new Date(r.loadedAt).toISOString(),
    loadedBy: r.loadedByName,
    holidays: r.holidays ?? 0,
    workdays: r.workdays ?? 0,
  }));
}
