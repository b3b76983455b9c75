import { describe, expect, test } from 'vitest';
import { Calendar, dueDate, readBundledCalendar, type DeadlineRule } from '@sifa/kernel';
import { MEDIATION_DEADLINES as R } from './deadlines';

// The official calendar as shipped (chinese-days 2004–2026); every date fact below was checked against it.
const bundled = readBundledCalendar();
const calendar = new Calendar({ years: [...bundled.years.keys()], days: [...bundled.years.values()].flat() });
const due = (rule: DeadlineRule, start: string) => dueDate(rule, start, calendar);

describe("mediation's periods on the official calendar (人民调解法 第三十三条 with 民事诉讼法 第八十五条)", () => {
  test('民事诉讼法 第八十五条: a last day on an ordinary Saturday (2024-11-16) rolls over to Monday 2024-11-18', () => {
    const r = due(R['mediation.judicial-confirmation'], '2024-10-17');
    expect(r.rolledOver).toEqual({ from: '2024-11-16', to: '2024-11-18', reason: '周末' });
  });

  test('民事诉讼法 第八十五条: a last day on a make-up working Sunday (2024-09-29) does not roll over', () => {
    const r = due(R['mediation.judicial-confirmation'], '2024-08-30');
    expect(r.dueDate).toBe('2024-09-29');
    expect(r.rolledOver).toBeUndefined();
    expect(r.explanation.join('')).toContain('届满日不顺延');
  });
});
