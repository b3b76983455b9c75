import { describe, expect, test } from 'vitest';
import { addYears, compositionWarnings, memberCount, type CompositionMember } from './registry';

// 人民调解法 第八条、第九条、第十三条 (people-mediation-law-2010.md)
const TODAY = '2026-03-15';
const person = (name: string, over: Partial<CompositionMember> = {}): CompositionMember => ({
  name,
  position: 'member',
  gender: 'male',
  termStart: '2024-01-01',
  termEnd: '2026-12-31',
  ...over,
});
/** A lawful committee of `n` 委员: a woman director and n − 1 male members. */
const committeeOf = (n: number) => [
  person('主任甲', { position: 'director', gender: 'female' }),
  ...Array.from({ length: n - 1 }, (_, i) => person(`委员${i + 1}`)),
];
const codes = (people: CompositionMember[], committee: { multiEthnicArea?: boolean } = {}) => compositionWarnings(committee, people, TODAY).map((w) => w.code);

describe('committee composition (人民调解法 第八条：委员三至九人，设主任一人，应当有妇女成员)', () => {
  test('three and nine 委员 are lawful; two and ten are not', () => {
    expect(codes(committeeOf(3))).toEqual([]);
    expect(codes(committeeOf(9))).toEqual([]);
    expect(codes(committeeOf(2))).toEqual(['too-few-members']);
    expect(codes(committeeOf(10))).toEqual(['too-many-members']);
  });

  test('hired mediators (第十三条) and deactivated people do not count as 委员', () => {
    const people = [...committeeOf(2), person('聘甲', { position: 'hired' }), person('聘乙', { position: 'hired' }), person('离任', { active: false })];
    expect(codes(people)).toEqual(['too-few-members']);
    expect(memberCount(people)).toBe(2);
  });

  test('deputies count as 委员', () => {
    expect(codes([person('主任', { position: 'director', gender: 'female' }), person('副主任', { position: 'deputy' }), person('委员')])).toEqual([]);
  });

  test('no director, or more than one, is warned', () => {
    expect(codes([person('甲', { gender: 'female' }), person('乙'), person('丙')])).toEqual(['no-director']);
    const two = [...committeeOf(3), person('二号主任', { position: 'director' })];
    const w = compositionWarnings({}, two, TODAY);
    expect(w.map((x) => x.code)).toEqual(['several-directors']);
    expect(w[0]?.zh).toContain('主任甲、二号主任');
  });

  test('a committee without a woman member is warned, with the article', () => {
    const men = committeeOf(3).map((p) => ({ ...p, gender: 'male' as const }));
    const [w] = compositionWarnings({}, men, TODAY);
    expect(w?.code).toBe('no-woman');
    expect(w?.zh).toContain('人民调解法 第八条第三款');
    expect(w?.cite).toEqual({ file: 'people-mediation-law-2010.md', article: '第八条' });
  });

  test('a hired woman does not make up for a committee of men', () => {
    const people = [...committeeOf(3).map((p) => ({ ...p, gender: 'male' as const })), person('聘女', { position: 'hired', gender: 'female' })];
    expect(codes(people)).toEqual(['no-woman']);
  });

  test('in a multi-ethnic area a member of a less populous ethnic group is expected; Han does not count', () => {
    expect(codes(committeeOf(3), { multiEthnicArea: true })).toEqual(['no-minority']);
    expect(
      codes(
        committeeOf(3).map((p) => ({ ...p, ethnicity: '汉族' })),
        { multiEthnicArea: true },
      ),
    ).toEqual(['no-minority']);
    expect(codes([...committeeOf(2), person('畲族委员', { ethnicity: '畲族' })], { multiEthnicArea: true })).toEqual([]);
    expect(codes(committeeOf(3), { multiEthnicArea: false })).toEqual([]);
  });

  test('no 委员 at all is one warning that says what to register', () => {
    const w = compositionWarnings({}, [person('聘甲', { position: 'hired' })], TODAY);
    expect(w.map((x) => x.code)).toEqual(['no-members']);
    expect(w[0]?.zh).toContain('请登记委员名单');
  });
});

describe('terms (人民调解法 第九条：委员每届任期三年，可以连选连任)', () => {
  test('exactly three years is lawful, one day more is too long', () => {
    expect(codes([...committeeOf(2), person('三年', { termStart: '2024-01-01', termEnd: '2027-01-01' })])).toEqual([]);
    const w = compositionWarnings({}, [...committeeOf(2), person('超期', { termStart: '2024-01-01', termEnd: '2027-01-02' })], TODAY);
    expect(w.map((x) => x.code)).toEqual(['term-too-long']);
    expect(w[0]?.zh).toContain('超期');
  });

  test('a term that ended before today is expired; one ending today is not', () => {
    expect(codes([...committeeOf(2), person('今日届满', { termEnd: TODAY })])).toEqual([]);
    const w = compositionWarnings({}, [...committeeOf(2), person('已届满', { termStart: '2023-03-01', termEnd: '2026-02-28' })], TODAY);
    expect(w.map((x) => x.code)).toEqual(['term-expired']);
    expect(w[0]?.cite.article).toBe('第九条');
  });

  test('a hired mediator past the appointment is warned under 第十三条, not counted as an expired 委员', () => {
    const w = compositionWarnings({}, [...committeeOf(3), person('聘期满', { position: 'hired', termEnd: '2025-12-31' })], TODAY);
    expect(w.map((x) => [x.code, x.cite.article])).toEqual([['hire-expired', '第十三条']]);
  });

  test('29 February plus three years is 1 March', () => {
    expect(addYears('2024-02-29', 3)).toBe('2027-03-01');
    expect(addYears('2024-01-01', 3)).toBe('2027-01-01');
  });
});
