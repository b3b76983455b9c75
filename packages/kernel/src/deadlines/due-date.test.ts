import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { defineDeadline, DEADLINE_RULES, type DeadlineRule } from '../shared/deadlines';
import { readBundledCalendar } from './bundled';
import { Calendar } from './calendar';
import { addDays, addMonths, dayNumber, daysBetween, fromDayNumber } from './dates';
import { dueDate, warnDateOf } from './due-date';
import { applyDeadlineOverrides, extensionRefusal } from './rules';

// The official calendar as shipped (chinese-days 2004–2026); every date fact below was checked against it.
const bundled = readBundledCalendar();
const calendar = new Calendar({ years: [...bundled.years.keys()], days: [...bundled.years.values()].flat() });
// The kernel's rules (lines with no module yet); a module's rules are tested in the module (mediation: shared/deadlines.test.ts).
const R = DEADLINE_RULES;
const due = (rule: DeadlineRule, start: string, opts = {}) => dueDate(rule, start, calendar, opts);

describe('dueDate: concrete cases from the statutes and the 2004–2026 official calendar', () => {
  test('行政复议法 第三十条/第八十八条: 5 working days from 2024-09-27 end 2024-10-10 — 2024-09-29 is a make-up working Sunday, 10-01..07 National Day', () => {
    const r = due(R['reconsideration.intake-review'], '2024-09-27');
    expect(r.dueDate).toBe('2024-10-10');
    expect(r.calendarCovered).toBe(true);
    expect(r.makeUpWorkdays).toEqual([{ date: '2024-09-29', name: '国庆节' }]);
    expect(r.skippedHolidays.map((h) => h.date)).toEqual(['2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-05', '2024-10-06', '2024-10-07']);
    expect(r.skippedWeekends).toEqual(['2024-09-28']);
    expect(r.cite).toEqual({ law: '行政复议法', file: 'administrative-reconsideration-law-2023.md', article: '第三十条第一款' });
    expect(r.explanation.join('')).toContain('2024-09-29（星期日）是国庆节调休上班日，计为工作日');
  });

  test('行政复议法 第三十条: the 2019 New Year schedule reaches back — 2018-12-29 was a make-up working Saturday, 12-30..01-01 off', () => {
    const r = due(R['reconsideration.intake-review'], '2018-12-28');
    expect(r.makeUpWorkdays).toEqual([{ date: '2018-12-29', name: '元旦' }]);
    expect(r.dueDate).toBe('2019-01-07');
  });

  test('行政复议法 第四十八条: the respondent’s 10 working days from 2025-01-24 skip Spring Festival 01-28..02-04 and count make-up days 01-26 and 02-08', () => {
    const r = due(R['reconsideration.respondent-reply'], '2025-01-24');
    expect(r.makeUpWorkdays.map((m) => m.date)).toEqual(['2025-01-26', '2025-02-08']);
    expect(r.dueDate).toBe('2025-02-13');
  });

  test('行政复议法 第六十二条 + 民事诉讼法 第八十五条: 60 days from 2024-12-03 end on 2025-02-01, inside Spring Festival (01-28..02-04), so roll over to 2025-02-05', () => {
    const r = due(R['reconsideration.decision.ordinary'], '2024-12-03');
    expect(r.rolledOver).toEqual({ from: '2025-02-01', to: '2025-02-05', reason: '春节假期' });
    expect(r.dueDate).toBe('2025-02-05');
    expect(r.skippedHolidays.map((h) => h.date)).toEqual(['2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04']);
    expect(r.explanation.join('')).toContain('《民事诉讼法》第八十五条第三款');
  });

  // 法律援助法 第四十三条's review and assignment moved with their rules to modules/legal-aid/shared/deadlines.test.ts

  test('a [V] fact cannot be configured: 行政复议法 第三十条 five working days stay five working days', () => {
    expect(() => applyDeadlineOverrides({ 'reconsideration.intake-review': { length: { amount: 5, unit: 'day' }, reason: '试图改为自然日' } })).toThrow(
      /不可配置/,
    );
  });

  test('社区矫正法 第二十一条: report within 10 days — from 2024-03-01 it is Monday 2024-03-11; from 2024-09-25 the 10th day 10-05 is a holiday → 2024-10-08 (刑事诉讼法 第一百零五条)', () => {
    expect(due(R['corrections.report'], '2024-03-01').dueDate).toBe('2024-03-11');
    const r = due(R['corrections.report'], '2024-09-25');
    expect(r.dueDate).toBe('2024-10-08');
    expect(r.explanation.join('')).toContain('《刑事诉讼法》第一百零五条第四款');
  });

  test('社区矫正法 第二十九条: a 3-month tagging period from 2024-11-30 ends on 2025-02-28 (no 30 February) and never rolls over', () => {
    const r = due(R['corrections.tagging-period'], '2024-11-30');
    expect(r.dueDate).toBe('2025-02-28');
    expect(r.explanation.join('')).toContain('以该月末日 2025-02-28 为最后一日');
    expect(due(R['corrections.tagging-period'], '2024-12-01').dueDate).toBe('2025-03-01'); // a Saturday, kept
  });

  test('社区矫正法 第二十九条: one 3-month extension of the tagging period from 2024-11-30 runs on from 2025-02-28 to 2025-05-28', () => {
    expect(due(R['corrections.tagging-period'], '2024-11-30', { extension: { amount: 3, unit: 'month' } }).dueDate).toBe('2025-05-28');
  });

  test('a start in 2027 (no official schedule loaded) answers calendarCovered false with uncoveredYears [2027] and says so', () => {
    const r = due(R['reconsideration.intake-review'], '2027-03-01');
    expect(r.calendarCovered).toBe(false);
    expect(r.uncoveredYears).toEqual([2027]);
    expect(r.explanation.join('')).toContain('2027 年的国务院节假日安排尚未载入');
  });

  test('late December 2026 depends on the unpublished 2027 New Year arrangement, so it is flagged too', () => {
    const r = due(R['reconsideration.decision.ordinary'], '2026-10-28'); // 60th day 2026-12-27
    expect(r.uncoveredYears).toEqual([2027]);
    expect(r.calendarCovered).toBe(false);
  });

  test('a period that never consults the calendar (tagging, no roll-over) is covered even in 2027', () => {
    expect(due(R['corrections.tagging-period'], '2027-01-15').calendarCovered).toBe(true);
  });

  test('行政复议法 第三十九条: a suspension 2024-08-10..2024-08-19 adds its 10 days; the 30-day extension of 第六十二条 comes after', () => {
    const rule = R['reconsideration.decision.ordinary'];
    expect(due(rule, '2024-08-01').dueDate).toBe('2024-09-30');
    const paused = due(rule, '2024-08-01', { pauses: [{ from: '2024-08-10', to: '2024-08-19' }] });
    expect(paused.dueDate).toBe('2024-10-10');
    expect(paused.pausedDays).toBe(10);
    const extended = due(rule, '2024-08-01', { pauses: [{ from: '2024-08-10', to: '2024-08-19' }], extensionDays: 30 });
    expect(extended.rolledOver).toEqual({ from: '2024-11-09', to: '2024-11-11', reason: '周末' });
  });

  test('行政复议法 第六十二条: the extension policy allows one extension of at most 30 days', () => {
    const rule = R['reconsideration.decision.ordinary'];
    expect(extensionRefusal(rule, 30, 'day', 0)).toBeUndefined();
    expect(extensionRefusal(rule, 31, 'day', 0)).toContain('不得超过 30 日');
    expect(extensionRefusal(rule, 10, 'day', 1)).toContain('最多延长 1 次');
    expect(extensionRefusal(R['reconsideration.decision.simplified'], 10, 'day', 0)).toContain('依法不得延长');
  });

  test('hour periods run from the next full hour (民诉法解释 第一百二十五条): 48 hours from 2024-10-01T10:25 end 2024-10-03T11:00', () => {
    const rule = defineDeadline({
      ...R['corrections.report'],
      id: 'test.hours',
      length: { amount: 48, unit: 'hour' },
      rollOverHoliday: false,
    });
    expect(dueDate(rule, '2024-10-01T10:25', calendar).dueAt).toBe('2024-10-03T11:00');
  });

  test('the warning date counts working days back from the due date: 2 working days before 2024-10-10 is 2024-10-08', () => {
    expect(warnDateOf(R['reconsideration.intake-review'], '2024-10-10', calendar)).toBe('2024-10-08');
  });

  test('a bad start date is refused in Chinese', () => {
    expect(() => due(R['corrections.report'], '2025-02-29')).toThrow('起算日期“2025-02-29”不是有效日期');
  });
});

const DAY0 = dayNumber('2004-01-01');
const anyDate = (to = '2027-12-31') => fc.integer({ min: DAY0, max: dayNumber(to) }).map(fromDayNumber);
const anyRule = fc.constantFrom(...Object.values(R));
const pauseOf = fc.tuple(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 30 }));

describe('dueDate: properties over every shipped rule and any start 2004–2027', () => {
  test('a calendar-day or month period ends no earlier than start + length', () => {
    fc.assert(
      fc.property(anyRule, anyDate(), (rule, start) => {
        const d = due(rule, start).dueDate;
        if (rule.length.unit === 'day') expect(daysBetween(start, d)).toBeGreaterThanOrEqual(rule.length.amount);
        if (rule.length.unit === 'month') expect(d >= addMonths(start, rule.length.amount)).toBe(true);
        expect(d > start).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  test('a working-day period ends on a working day, and a rolling period ends on one too', () => {
    fc.assert(
      fc.property(anyRule, anyDate(), (rule, start) => {
        const r = due(rule, start);
        if (rule.length.unit === 'workday' || (rule.rollOverHoliday && rule.rollOverWeekend)) expect(calendar.isWorkingDay(r.dueDate)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  test('a later start never gives an earlier due date', () => {
    fc.assert(
      fc.property(anyRule, anyDate(), fc.integer({ min: 0, max: 40 }), (rule, start, later) => {
        expect(due(rule, start).dueDate <= due(rule, addDays(start, later)).dueDate).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  test('pausing never shortens a period, and each paused day inside it moves a period without roll-over (tagging) by a day', () => {
    fc.assert(
      fc.property(anyRule, anyDate('2026-06-30'), pauseOf, (rule, start, [offset, length]) => {
        const pause = { from: addDays(start, offset), to: addDays(start, offset + length) };
        const plain = due(rule, start);
        const paused = due(rule, start, { pauses: [pause] });
        expect(paused.dueDate >= plain.dueDate).toBe(true);
        if (rule.length.unit !== 'workday' && !rule.rollOverHoliday && pause.from <= plain.dueDate) {
          expect(daysBetween(plain.dueDate, paused.dueDate)).toBe(length + 1);
        }
      }),
      { numRuns: 500 },
    );
  });

  test('an extension never shortens a period', () => {
    fc.assert(
      fc.property(anyRule, anyDate(), fc.integer({ min: 1, max: 30 }), (rule, start, days) => {
        expect(due(rule, start, { extensionDays: days }).dueDate >= due(rule, start).dueDate).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test('within the loaded calendar (periods ending before late December 2026) every answer is covered', () => {
    fc.assert(
      fc.property(anyRule, anyDate('2026-09-01'), (rule, start) => {
        expect(due(rule, start).calendarCovered).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
