/**
 * Calendar-date arithmetic on 'YYYY-MM-DD' strings. Dates are Asia/Shanghai calendar dates; all arithmetic
 * runs on UTC day numbers so the host's time zone can never shift a day.
 */

const DAY_MS = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEKDAYS_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;

/** True for a real calendar date written as YYYY-MM-DD (2025-02-29 is not one). */
export function isIsoDate(s: string): boolean {
  const m = ISO.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function assertIsoDate(s: string, what = '日期'): void {
  if (!isIsoDate(s)) throw new RangeError(`${what}“${s}”不是有效日期，应为 YYYY-MM-DD，例如 2024-09-27`);
}

/** Days since 1970-01-01 (UTC day number). */
export function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}

export function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export const addDays = (iso: string, n: number): string => fromDayNumber(dayNumber(iso) + n);

/** Calendar days from `a` to `b` (positive when b is later). */
export const daysBetween = (a: string, b: string): number => dayNumber(b) - dayNumber(a);

export const yearOf = (iso: string): number => Number(iso.slice(0, 4));

/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (iso: string): number => new Date(dayNumber(iso) * DAY_MS).getUTCDay();

export const isWeekend = (iso: string): boolean => {
  const w = weekdayOf(iso);
  return w === 0 || w === 6;
};

export const weekdayZh = (iso: string): string => WEEKDAYS_ZH[weekdayOf(iso)] ?? '';

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The corresponding day `n` months later; when that month has no such day, its last day (2024-11-30 + 3 months
 * = 2025-02-28). The usual rule for periods counted in months (民法典 第二百零二条).
 */
export function addMonths(iso: string, n: number): string {
  const y = yearOf(iso);
  const m = Number(iso.slice(5, 7)) - 1 + n;
  const ty = y + Math.floor(m / 12);
  const tm = (((m % 12) + 12) % 12) + 1;
  const d = Math.min(Number(iso.slice(8, 10)), daysInMonth(ty, tm));
  return `${String(ty).padStart(4, '0')}-${String(tm).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Today's date in Asia/Shanghai (China has no daylight saving: UTC+8 all year). */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Compact Chinese rendering of a list of dates: consecutive days become ranges (2024-10-01 至 2024-10-07). */
export function formatDateRuns(dates: readonly string[]): string {
  const sorted = [...dates].sort();
  const runs: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    const first = sorted[i] ?? '';
    let last = first;
    while (i + 1 < sorted.length && sorted[i + 1] === addDays(last, 1)) last = sorted[++i] ?? last;
    runs.push(first === last ? first : `${first} 至 ${last}`);
    i++;
  }
  return runs.join('、');
}
