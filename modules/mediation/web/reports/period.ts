import { todayInShanghai } from '@sifa/ui';

/** The dashboard's period choices; figures count disputes by their acceptance date. */
export const PERIOD_KEYS = ['thisYear', 'lastYear', 'thisQuarter', 'thisMonth', 'all', 'custom'] as const;
export type PeriodKey = (typeof PERIOD_KEYS)[number];

export interface Period {
  from?: string;
  to?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const monthSpan = (year: number, first: number, last: number): Period => ({
  from: `${year}-${pad(first)}-01`,
  to: `${year}-${pad(last)}-${pad(lastDay(year, last))}`,
});

/** The dates of a preset period around `today` (Asia/Shanghai); `custom` has none of its own. */
export function presetPeriod(key: PeriodKey, today: string = todayInShanghai()): Period {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  switch (key) {
    case 'thisYear':
      return monthSpan(year, 1, 12);
    case 'lastYear':
      return monthSpan(year - 1, 1, 12);
    case 'thisQuarter': {
      const first = Math.floor((month - 1) / 3) * 3 + 1;
      return monthSpan(year, first, first + 2);
    }
    case 'thisMonth':
      return monthSpan(year, month, month);
    case 'all':
    case 'custom':
      return {};
  }
}

/** The months a monthly report can be asked for, newest first: the current month and the `count - 1` before it. */
export function reportMonths(count = 36, today: string = todayInShanghai()): string[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, k) => {
    const i = y * 12 + (m - 1) - k;
    return `${String(Math.floor(i / 12))}-${pad((i % 12) + 1)}`;
  });
}

/** The first and last day of a month (YYYY-MM). */
export function monthPeriod(month: string): Period {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return monthSpan(y, m, m);
}
