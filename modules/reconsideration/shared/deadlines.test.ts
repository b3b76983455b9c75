import { describe, expect, test } from 'vitest';
import { applyDeadlineOverrides, Calendar, dueDate, extensionRefusal, readBundledCalendar, warnDateOf, type DeadlineRule } from '@sifa/kernel';
import { RECONSIDERATION_DEADLINES as R } from './deadlines';

// The official calendar as shipped (chinese-days 2004–2026); every date fact below was checked against it.
// Statutes: ../shared/laws/administrative-reconsideration-law-2023.md, administrative-litigation-law-2017.md.
const bundled = readBundledCalendar();
const calendar = new Calendar({ years: [...bundled.years.keys()], days: [...bundled.years.values()].flat() });
const due = (rule: DeadlineRule, start: string, opts = {}) => dueDate(rule, start, calendar, opts);

// Moved from the kernel's due-date.test.ts with the rules (assertions unchanged; the override is tried on this catalogue).
describe("行政复议's periods on the official calendar: the cases the kernel checked before the rules moved", () => {
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

  test('a [V] fact cannot be configured: 行政复议法 第三十条 five working days stay five working days', () => {
    expect(() => applyDeadlineOverrides({ 'reconsideration.intake-review': { length: { amount: 5, unit: 'day' }, reason: '试图改为自然日' } }, R)).toThrow(
      /不可配置/,
    );
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

  test('the warning date counts working days back from the due date: 2 working days before 2024-10-10 is 2024-10-08', () => {
    expect(warnDateOf(R['reconsideration.intake-review'], '2024-10-10', calendar)).toBe('2024-10-08');
  });
});

describe('行政复议 and 行政应诉 periods across the 2026 holidays and make-up working days', () => {
  // 2026 schedule (State Council, bundled): 春节 02-15..02-23 off, make-up Saturdays 02-14 and 02-28; 劳动节 05-01..05-05 off,
  // make-up Saturday 05-09; 中秋节 09-25..09-27 and 国庆节 10-01..10-07 off, make-up Sunday 09-20 and Saturday 10-10.
  test('行政复议法 第三十条 + 第八十八条第二款: 5 working days from Friday 2026-02-13 count make-up Saturday 02-14, skip 春节 02-15..02-23 → Friday 2026-02-27', () => {
    const r = due(R['reconsideration.intake-review'], '2026-02-13');
    expect(r.makeUpWorkdays.map((m) => m.date)).toContain('2026-02-14');
    expect(r.dueDate).toBe('2026-02-27');
    expect(r.calendarCovered).toBe(true);
  });

  test('行政复议法 第三十一条第二款: 10 working days to correct from Monday 2026-09-28 skip 国庆节 and count make-up Saturday 10-10 → 2026-10-16', () => {
    const r = due(R['reconsideration.correction'], '2026-09-28');
    expect(r.skippedHolidays.map((h) => h.date)).toEqual(['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07']);
    expect(r.makeUpWorkdays.map((m) => m.date)).toEqual(['2026-10-10']);
    expect(r.dueDate).toBe('2026-10-16');
  });

  test('行政复议法 第五十四条: the simplified copy (3 working days) from 2026-04-29 skips 劳动节 05-01..05-05 → 2026-05-07', () => {
    expect(due(R['reconsideration.copy-to-respondent.simplified'], '2026-04-29').dueDate).toBe('2026-05-07');
  });

  test('行政复议法 第二十条 + 民事诉讼法 第八十五条: 60 days from 2026-08-05 end 2026-10-04 in 国庆节 → roll over to 2026-10-08', () => {
    const r = due(R['reconsideration.application-window'], '2026-08-05');
    expect(r.rolledOver).toEqual({ from: '2026-10-04', to: '2026-10-08', reason: '国庆节假期' });
    expect(r.dueDate).toBe('2026-10-08');
  });

  test('行政复议法 第六十二条第二款: 30 days from 2026-01-20 end 2026-02-19 in 春节 → 2026-02-24; a last day on make-up Saturday 2026-02-28 stays', () => {
    expect(due(R['reconsideration.decision.simplified'], '2026-01-20').dueDate).toBe('2026-02-24');
    const r = due(R['reconsideration.decision.simplified'], '2026-01-29');
    expect(r.dueDate).toBe('2026-02-28');
    expect(r.rolledOver).toBeUndefined();
  });

  test('行政诉讼法 第六十七条: 15 days for the defence from 2026-04-20 end 2026-05-05 (劳动节) → 2026-05-06', () => {
    const r = due(R['reconsideration.litigation-defence'], '2026-04-20');
    expect(r.dueDate).toBe('2026-05-06');
    expect(r.cite).toEqual({ law: '行政诉讼法', file: 'administrative-litigation-law-2017.md', article: '第六十七条第一款' });
  });

  test('行政复议法 第三十九条 + 第六十二条: ordinary 60 days from 2026-03-02, suspended 04-01..04-10 (10 days), extended 30 days', () => {
    const rule = R['reconsideration.decision.ordinary'];
    expect(due(rule, '2026-03-02').dueDate).toBe('2026-05-06'); // 60th day 05-01 in 劳动节 → 05-06
    const paused = due(rule, '2026-03-02', { pauses: [{ from: '2026-04-01', to: '2026-04-10' }] });
    expect(paused.pausedDays).toBe(10);
    expect(paused.dueDate).toBe('2026-05-11');
    expect(due(rule, '2026-03-02', { pauses: [{ from: '2026-04-01', to: '2026-04-10' }], extensionDays: 30 }).dueDate).toBe('2026-06-10');
  });

  test('every rule cites a file and article of ../shared/laws and is verified against it', () => {
    for (const rule of Object.values(R)) {
      expect(rule.cite.file).toMatch(/^administrative-(reconsideration-law-2023|litigation-law-2017)\.md$/);
      expect(rule.cite.article).toMatch(/^第.+条/);
      expect(rule.verified).toBe('V');
    }
  });
});
