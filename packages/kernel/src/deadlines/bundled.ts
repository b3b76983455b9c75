import { createRequire } from 'node:module';
import type { CalendarDay } from './calendar';
import { yearOf } from './dates';

/**
 * The official schedules shipped with the `chinese-days` data package. It holds 2004–2026 and, for later
 * years, silently answers with plain weekends (TECH-NOTES.md) — so only this range is ever read from it, and
 * every later year must be loaded as data by an administrator.
 */
export const BUNDLED_YEARS: { readonly from: number; readonly to: number } = { from: 2004, to: 2026 };

interface ChineseDaysJson {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

// chinese-days names: 'National Day,国庆节,3' — English, Chinese, statutory days off.
const NAMES_ZH: Record<string, string> = { 中秋: '中秋节', 清明: '清明节', 端午: '端午节', 劳动节: '劳动节' };

export interface BundledCalendar {
  source: string;
  years: Map<number, CalendarDay[]>;
}

/** Schedule year of a date: late-December New Year arrangements belong to the next year's notice. */
const scheduleYear = (date: string, name: string) => (date.slice(5, 7) === '12' && name === '元旦' ? yearOf(date) + 1 : yearOf(date));

export function readBundledCalendar(): BundledCalendar {
  const require = createRequire(import.meta.url);
  const data = require('chinese-days/dist/chinese-days.json') as ChineseDaysJson;
  const { version } = require('chinese-days/package.json') as { version: string };
  const years = new Map<number, CalendarDay[]>();
  for (let y = BUNDLED_YEARS.from; y <= BUNDLED_YEARS.to; y++) years.set(y, []);
  const add = (kind: CalendarDay['kind'], entries: Record<string, string>) => {
    for (const [date, label] of Object.entries(entries)) {
      const raw = label.split(',')[1]?.trim() ?? '';
      const name = NAMES_ZH[raw] ?? raw;
      if (!name) throw new Error(`chinese-days 数据中 ${date} 缺少节日名称`);
      years.get(scheduleYear(date, raw))?.push({ date, kind, name });
    }
  };
  add('holiday', data.holidays);
  add('workday', data.workdays);
  for (const [y, days] of years) {
    if (!days.some((d) => d.kind === 'holiday')) throw new Error(`chinese-days ${version} 缺少 ${y} 年的节假日安排，无法作为内置日历`);
    days.sort((a, b) => a.date.localeCompare(b.date));
  }
  return { source: `chinese-days ${version}（国务院办公厅历年部分节假日安排通知）`, years };
}
