import { describe, expect, test } from 'vitest';
import { translate } from '../i18n';
import type { MessageKey, MessageVars } from '../i18n';
import { isIsoDate, parseScheduleJson, rowProblems, scheduleFromRows } from './calendar-rows';
import type { CalendarRow } from './calendar-rows';

const t = (key: MessageKey, vars?: MessageVars) => translate('zh-CN', key, vars);
const row = (date: string, name: string, kind: CalendarRow['kind'] = 'holiday'): CalendarRow => ({
  key: date + kind,
  date,
  name,
  kind,
});

describe('calendar schedule rows', () => {
  test('real ISO dates only', () => {
    expect(isIsoDate('2027-02-28')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2027-2-1')).toBe(false);
  });

  test('a sound schedule has no problems; late-December New Year days belong to the next year', () => {
    const rows = [row('2026-12-31', '元旦'), row('2027-01-01', '元旦'), row('2027-02-06', '春节', 'workday')];
    expect(rowProblems(rows, 2027, t)).toEqual([]);
    expect(scheduleFromRows(rows)).toEqual({
      holidays: [
        { date: '2026-12-31', name: '元旦' },
        { date: '2027-01-01', name: '元旦' },
      ],
      workdays: [{ date: '2027-02-06', name: '春节' }],
    });
  });

  test('names what is wrong: bad date, other year, duplicate, weekday make-up day, no day off', () => {
    const messages = rowProblems(
      [row('2027-13-01', '元旦'), row('2028-01-01', '元旦'), row('2027-02-03', '春节', 'workday'), row('2027-02-03', '春节')],
      2027,
      t,
    ).map((p) => p.message);
    expect(messages.some((m) => m.includes('2027-13-01'))).toBe(true);
    expect(messages.some((m) => m.includes('2028-01-01') && m.includes('2027'))).toBe(true);
    expect(messages.some((m) => m.includes('重复'))).toBe(true);
    expect(messages.some((m) => m.includes('本来就是工作日'))).toBe(true);
    expect(rowProblems([row('2027-02-06', '春节', 'workday')], 2027, t).at(-1)?.message).toContain('没有 2027 年的放假日期');
  });

  test('pasted JSON becomes rows, or says where it is wrong', () => {
    const ok = parseScheduleJson('{"year":2027,"holidays":[{"date":"2027-10-01","name":"国庆节"}]}', t);
    expect(ok).toMatchObject({ ok: true, year: 2027, rows: [{ date: '2027-10-01', name: '国庆节', kind: 'holiday' }] });
    const bad = parseScheduleJson('{"holidays":[{"date":"2027-10-01"}]}', t);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems[0]).toContain('holidays.0.name');
    expect(parseScheduleJson('{', t).ok).toBe(false);
  });
});
