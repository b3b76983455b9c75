import { describe, expect, test } from 'vitest';
import { assignmentRefusal, suggestLawyer, type Lawyer } from './lawyers';

const base: Lawyer = {
  id: 'a',
  orgId: 'o',
  orgName: '章贡区法律援助中心',
  name: '甲',
  kind: 'firm-lawyer',
  firm: '章贡律师事务所',
  practiceYears: 5,
  specialties: [],
  phone: '138****0000',
  active: true,
  openCases: 0,
  lastAssignedAt: null,
};
const l = (over: Partial<Lawyer>): Lawyer => ({ ...base, ...over });

describe('assignment: fair rotation and 法律援助法 第二十六条 (legal-aid-law-2021.md)', () => {
  test('the fewest open cases first, then the longest wait since the last assignment, and the reason says so', () => {
    const pool = [
      l({ id: '1', name: '张律师', openCases: 2 }),
      l({ id: '2', name: '李律师', openCases: 1, lastAssignedAt: '2026-03-01T02:00:00.000Z' }),
      l({ id: '3', name: '王律师', openCases: 1, lastAssignedAt: '2026-02-01T02:00:00.000Z' }),
    ];
    const s = suggestLawyer(pool, { capitalCase: false });
    expect(s.lawyer?.name).toBe('王律师');
    expect(s.reasonZh).toContain('当前在办 1 件');
    expect(s.reasonZh).toContain('最近一次指派于 2026-02-01');
  });

  test('a matching specialty comes first', () => {
    const pool = [l({ id: '1', name: '张律师' }), l({ id: '2', name: '李律师', openCases: 3, specialties: ['劳动争议'] })];
    expect(suggestLawyer(pool, { capitalCase: false, specialty: '劳动争议' }).lawyer?.name).toBe('李律师');
  });

  test('第二十六条: a possible death or life sentence only to a lawyer with at least 3 years — 2 years and grassroots workers are left out', () => {
    const pool = [
      l({ id: '1', name: '新律师', practiceYears: 2 }),
      l({ id: '2', name: '基层工作者', kind: 'grassroots', practiceYears: 10 }),
      l({ id: '3', name: '老律师', practiceYears: 3, openCases: 5 }),
    ];
    const s = suggestLawyer(pool, { capitalCase: true });
    expect(s.lawyer?.name).toBe('老律师');
    expect(s.excluded).toBe(2);
    expect(assignmentRefusal(pool[0] as Lawyer, { capitalCase: true })).toContain('三年以上相关执业经历');
    expect(assignmentRefusal(pool[1] as Lawyer, { capitalCase: true })).toContain('应当指派律师');
    expect(assignmentRefusal(pool[0] as Lawyer, { capitalCase: false })).toBeUndefined();
  });

  test('nobody fits: no suggestion, and the reason says what to do', () => {
    const s = suggestLawyer([l({ practiceYears: 1 })], { capitalCase: true });
    expect(s.lawyer).toBeNull();
    expect(s.reasonZh).toContain('请先补充人员库');
  });
});
