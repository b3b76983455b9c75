import { describe, expect, test } from 'vitest';
import { applyDeadlineOverrides, Calendar, dueDate, readBundledCalendar, type DeadlineRule } from '@sifa/kernel';
import { LEGAL_AID_DEADLINES as R } from './deadlines';

// The official calendar as shipped (chinese-days 2004–2026). 2026 facts used below, checked against it: Spring
// Festival 02-15..02-23 off with make-up working Saturdays 02-14 and 02-28; Labour Day 05-01..05-05 off, 05-09 a
// make-up Saturday; Mid-Autumn 09-25..09-27 off; National Day 10-01..10-07 off, 09-20 (Sun) and 10-10 (Sat) make-up days.
const bundled = readBundledCalendar();
const calendar = new Calendar({ years: [...bundled.years.keys()], days: [...bundled.years.values()].flat() });
const due = (rule: DeadlineRule, start: string, opts = {}) => dueDate(rule, start, calendar, opts);

describe('法律援助法 第四十三条: the 7-day review (legal-aid-law-2021.md)', () => {
  test('7 calendar days by default — from 2024-09-30 the 7th day 10-07 is National Day, so 2024-10-08 (moved from the kernel)', () => {
    expect(due(R['legal-aid.review'], '2024-09-30').dueDate).toBe('2024-10-08');
  });

  test('from 2026-02-10 the 7th day 02-17 falls in the Spring Festival (02-15..02-23): rolls over to 2026-02-24 (民事诉讼法 第八十五条第三款)', () => {
    const r = due(R['legal-aid.review'], '2026-02-10');
    expect(r.rolledOver).toEqual({ from: '2026-02-17', to: '2026-02-24', reason: '春节假期' });
    expect(r.dueDate).toBe('2026-02-24');
    expect(r.calendarCovered).toBe(true);
  });

  test('a last day on a make-up working Saturday does not roll over: from 2026-02-21 the 7th day 2026-02-28 is a working day', () => {
    const r = due(R['legal-aid.review'], '2026-02-21');
    expect(r.dueDate).toBe('2026-02-28');
    expect(r.rolledOver).toBeUndefined();
  });

  test('[P] configured as 7 working days (浙江省法律援助条例 第十七条): from 2026-02-12 count 02-13, make-up Sat 02-14, 02-24..02-27 and make-up Sat 02-28', () => {
    const rules = applyDeadlineOverrides(
      { 'legal-aid.review': { length: { amount: 7, unit: 'workday' }, reason: '浙江省法律援助条例第十七条：七个工作日' } },
      R,
    );
    const rule = rules['legal-aid.review'];
    if (!rule) throw new Error('rule missing');
    const r = due(rule, '2026-02-12');
    expect(r.dueDate).toBe('2026-02-28');
    expect(r.makeUpWorkdays.map((m) => m.date)).toEqual(['2026-02-14', '2026-02-28']);
    expect(rule.note).toContain('【本地配置】浙江省法律援助条例第十七条');
  });

  test('[P] the same configuration from 2024-09-30 counts make-up Saturday 2024-10-12 → 2024-10-15 (moved from the kernel)', () => {
    const rule = applyDeadlineOverrides({ 'legal-aid.review': { length: { amount: 7, unit: 'workday' }, reason: '七个工作日' } }, R)['legal-aid.review'];
    if (!rule) throw new Error('rule missing');
    expect(due(rule, '2024-09-30').dueDate).toBe('2024-10-15');
  });

  test('第四十三条第二款: the days waiting for missing materials (2026-03-04..03-08) do not count — 2026-03-09 + 5 = Sat 03-14, rolls to Mon 03-16', () => {
    expect(due(R['legal-aid.review'], '2026-03-02').dueDate).toBe('2026-03-09');
    const r = due(R['legal-aid.review'], '2026-03-02', { pauses: [{ from: '2026-03-04', to: '2026-03-08' }] });
    expect(r.pausedDays).toBe(5);
    expect(r.rolledOver).toEqual({ from: '2026-03-14', to: '2026-03-16', reason: '周末' });
  });
});

describe('法律援助法 第四十三条、第三十六条: assignment within 3 days', () => {
  test('from a grant on 2026-09-30 the 3rd day 10-03 is National Day: 2026-10-08', () => {
    expect(due(R['legal-aid.assignment'], '2026-09-30').dueDate).toBe('2026-10-08');
  });

  test('a court notice received on 2026-04-30: the 3rd day 05-03 is Labour Day (05-01..05-05) → 2026-05-06', () => {
    const r = due(R['legal-aid.assignment'], '2026-04-30');
    expect(r.dueDate).toBe('2026-05-06');
    expect(r.skippedHolidays.map((h) => h.date)).toContain('2026-05-05');
  });

  test('a notice received on Thursday 2026-09-17: the 3rd day is Sunday 09-20, a make-up working day, so no roll-over', () => {
    expect(due(R['legal-aid.assignment'], '2026-09-17').dueDate).toBe('2026-09-20');
  });

  test('assignment is not pausable: 第四十三条 names no suspension', () => {
    expect(R['legal-aid.assignment'].pausable).toBeFalsy();
  });
});

describe('法律援助法 第四十九条: the bureau decides an objection within 5 days', () => {
  test('an objection received on 2026-09-22: the 5th day 09-27 is Mid-Autumn → Monday 2026-09-28', () => {
    expect(due(R['legal-aid.objection'], '2026-09-22').dueDate).toBe('2026-09-28');
  });

  test('configured as 5 working days from 2026-09-28: 09-29, 09-30, 10-08, 10-09, make-up Sat 10-10', () => {
    const rule = applyDeadlineOverrides({ 'legal-aid.objection': { length: { amount: 5, unit: 'workday' }, reason: '本省规定五个工作日' } }, R)[
      'legal-aid.objection'
    ];
    if (!rule) throw new Error('rule missing');
    expect(due(rule, '2026-09-28').dueDate).toBe('2026-10-10');
  });

  test('every rule cites the statute file and is a legal-aid rule', () => {
    for (const rule of Object.values(R)) {
      expect(rule.cite.file).toBe('legal-aid-law-2021.md');
      expect(rule.module).toBe('legal-aid');
    }
  });
});
