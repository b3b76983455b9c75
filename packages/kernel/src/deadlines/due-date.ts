import type { DeadlineRule, DeadlineUnit, DueDateResult, NamedDate, Pause } from '../shared/deadline-model';
import type { Calendar } from './calendar';
import { addDays, addMonths, assertIsoDate, daysBetween, isWeekend } from './dates';
import { explain, type Trace } from './explain';

export type ExtensionUnit = Exclude<DeadlineUnit, 'hour'>;

export interface DueDateOptions {
  /** Suspensions: the days from `from` through `to` are not counted (rule must be pausable; callers check). */
  pauses?: readonly Pause[];
  /** Extension in calendar days, counted on from the end of the period. */
  extensionDays?: number;
  /** Extension in the unit of the rule's extension policy (e.g. months for electronic tagging). */
  extension?: { amount: number; unit: ExtensionUnit };
}

/** Sorted, merged, validated pauses. */
export function normalisePauses(pauses: readonly Pause[]): Pause[] {
  for (const p of pauses) {
    assertIsoDate(p.from, '中止开始日期');
    assertIsoDate(p.to, '中止结束日期');
    if (p.to < p.from) throw new RangeError(`中止期间 ${p.from} 至 ${p.to} 的结束日期早于开始日期`);
  }
  const out: Pause[] = [];
  for (const p of [...pauses].sort((a, b) => a.from.localeCompare(b.from))) {
    const last = out[out.length - 1];
    if (last && p.from <= addDays(last.to, 1)) {
      if (p.to > last.to) last.to = p.to;
    } else out.push({ from: p.from, to: p.to });
  }
  return out;
}

const HOUR_START = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;

/**
 * The last day of a statutory period. Pure: the same rule, start, calendar and options give the same answer.
 *
 * - The start day is not counted (民事诉讼法 第八十五条第二款, civil-procedure-law-2023.md; 最高人民法院 民诉法解释
 *   第一百二十五条: periods in days and months run from the next day, in hours from the next hour).
 * - Working-day rules skip weekends and holidays and count make-up working weekends (行政复议法 第八十八条第二款).
 * - Calendar-day and month rules whose last day is a rest day end on the next working day when the rule rolls
 *   over (民事诉讼法 第八十五条第三款).
 * - Months end on the corresponding day, else on the month's last day.
 * - A day the answer depends on that lies past the loaded calendar sets `calendarCovered: false` and names the
 *   missing year; the weekend rule is used for it and the explanation says so.
 */
export function dueDate(rule: DeadlineRule, start: string, calendar: Calendar, opts: DueDateOptions = {}): DueDateResult {
  if (rule.length.unit === 'hour') return hourDue(rule, start);
  assertIsoDate(start, '起算日期');
  const pauses = normalisePauses(opts.pauses ?? []);
  const isPaused = (d: string) => pauses.some((p) => p.from <= d && d <= p.to);
  const trace: Trace = { uncovered: new Set(), holidays: [], weekends: [], makeUps: [], paused: [], monthEnd: undefined };
  const consult = (d: string) => {
    const y = calendar.missingYear(d);
    if (y !== undefined) trace.uncovered.add(y);
  };

  const walkDays = (from: string, n: number) => {
    let d = from;
    for (let c = 0; c < n; ) {
      d = addDays(d, 1);
      if (isPaused(d)) trace.paused.push(d);
      else c++;
    }
    return d;
  };
  const walkWorkdays = (from: string, n: number) => {
    let d = from;
    for (let c = 0; c < n; ) {
      d = addDays(d, 1);
      consult(d);
      if (isPaused(d)) trace.paused.push(d);
      else if (calendar.isWorkingDay(d)) {
        c++;
        const day = calendar.dayOf(d);
        if (day) trace.makeUps.push({ date: d, name: day.name });
      } else {
        const day = calendar.dayOf(d);
        if (day) trace.holidays.push({ date: d, name: day.name });
        else trace.weekends.push(d);
      }
    }
    return d;
  };
  const advance = (from: string, amount: number, unit: ExtensionUnit) => {
    switch (unit) {
      case 'day':
        return walkDays(from, amount);
      case 'workday':
        return walkWorkdays(from, amount);
      case 'month': {
        const target = addMonths(from, amount);
        if (Number(target.slice(8)) < Number(from.slice(8))) trace.monthEnd = target;
        return walkDays(from, daysBetween(from, target));
      }
    }
  };

  const base = advance(start, rule.length.amount, rule.length.unit);
  const ext = opts.extension ?? (opts.extensionDays ? { amount: opts.extensionDays, unit: 'day' as const } : undefined);
  const end = ext && ext.amount > 0 ? advance(base, ext.amount, ext.unit) : base;

  let due = end;
  let rolledOver: DueDateResult['rolledOver'];
  const rolls = rule.length.unit !== 'workday' && rule.rollOverHoliday;
  if (rolls) {
    consult(end);
    const rest: NamedDate[] = [];
    const isRest = (d: string) => calendar.isHoliday(d) || (rule.rollOverWeekend && isWeekend(d) && !calendar.isMakeUpWorkday(d));
    while (isRest(due)) {
      const day = calendar.dayOf(due);
      if (day) trace.holidays.push({ date: due, name: day.name });
      else trace.weekends.push(due);
      rest.push({ date: due, name: day?.name ?? '周末' });
      due = addDays(due, 1);
      consult(due);
    }
    if (rest.length) rolledOver = { from: end, to: due, reason: restReason(rest) };
    const endDay = calendar.dayOf(end);
    if (!rest.length && endDay?.kind === 'workday') trace.makeUps.push({ date: end, name: endDay.name });
  }

  const uncoveredYears = [...trace.uncovered].sort((a, b) => a - b);
  const result: DueDateResult = {
    startDate: start,
    dueDate: due,
    calendarCovered: uncoveredYears.length === 0,
    uncoveredYears,
    skippedHolidays: trace.holidays,
    skippedWeekends: trace.weekends,
    makeUpWorkdays: trace.makeUps,
    ...(rolledOver ? { rolledOver } : {}),
    pausedDays: trace.paused.length,
    explanation: [],
    cite: rule.cite,
  };
  result.explanation = explain(rule, result, { end, base, ext, trace, rolls });
  return result;
}

function restReason(rest: readonly NamedDate[]): string {
  const names = [...new Set(rest.map((r) => (r.name === '周末' ? '周末' : `${r.name}假期`)))];
  return names.join('、');
}

/** Hour periods run from the next full hour (民诉法解释 第一百二十五条); no calendar, no roll-over. */
function hourDue(rule: DeadlineRule, start: string): DueDateResult {
  const m = HOUR_START.exec(start);
  if (!m?.[1]) throw new RangeError(`按小时计算的期限须提供起算时间，格式 YYYY-MM-DDTHH:mm，而不是“${start}”`);
  assertIsoDate(m[1], '起算日期');
  const startMs = Date.parse(`${m[1]}T${m[2] ?? '00'}:00:00Z`);
  const firstHour = Math.floor(startMs / 3_600_000) + 1;
  const due = new Date((firstHour + rule.length.amount) * 3_600_000).toISOString();
  const dueAt = `${due.slice(0, 10)}T${due.slice(11, 16)}`;
  return {
    startDate: start,
    dueDate: due.slice(0, 10),
    dueAt,
    calendarCovered: true,
    uncoveredYears: [],
    skippedHolidays: [],
    skippedWeekends: [],
    makeUpWorkdays: [],
    pausedDays: 0,
    explanation: [
      `依据《${rule.cite.law}》${rule.cite.article}，期限为 ${rule.length.amount} 小时，自${rule.startsOnZh}（${start}）的下一个整点起算（最高人民法院关于适用《民事诉讼法》的解释 第一百二十五条）。`,
      `期限届满时间为 ${dueAt.replace('T', ' ')}（北京时间）。`,
    ],
    cite: rule.cite,
  };
}

/** The first day of the warning window: `warnBefore` before the due date (working days per the calendar). */
export function warnDateOf(rule: DeadlineRule, due: string, calendar: Calendar): string {
  const { amount, unit } = rule.warnBefore;
  if (unit === 'day') return addDays(due, -amount);
  let d = due;
  for (let c = 0; c < amount; ) {
    d = addDays(d, -1);
    if (calendar.isWorkingDay(d)) c++;
  }
  return d;
}
