import { describe, expect, test } from 'vitest';
import { assessEligibility, DEFAULT_STANDARD, EligibilityInput, inCommitmentSample } from './eligibility';

// 法律援助法 第二十四～三十四条、第四十一条、第四十二条、第四十四条 (../shared/laws/legal-aid-law-2021.md)
const S = DEFAULT_STANDARD; // 2,000.00 yuan a person a month
const on = '2026-03-02';

describe('eligibility: the article shown is the one that makes the applicant eligible', () => {
  test('第二十五条 notified defence needs no means test', () => {
    const e = assessEligibility({ category: 'criminal-notified' }, S, on);
    expect(e).toMatchObject({ eligible: true, meansTest: 'not-required', articles: ['第二十五条'] });
    expect(e.basisZh).toContain('《法律援助法》第二十五条');
  });

  test('第三十一条第（五）项 wages with an income under the standard pass the means test of 第三十四条', () => {
    const e = assessEligibility({ category: 'labour', monthlyIncomeYuan: 1500 }, S, on);
    expect(e).toMatchObject({ eligible: true, meansTest: 'income', articles: ['第三十一条第（五）项', '第三十四条'] });
    expect(e.basisZh).toContain('2000.00 元');
  });

  test('an income over the standard fails, unless a commitment (第四十一条第二款) is signed', () => {
    expect(assessEligibility({ category: 'labour', monthlyIncomeYuan: 2000.01 }, S, on)).toMatchObject({ eligible: false, meansTest: 'failed' });
    expect(assessEligibility({ category: 'labour', commitment: true }, S, on)).toMatchObject({ eligible: true, meansTest: 'commitment' });
  });

  test('the standard is configurable: 2,500 yuan makes 2,200 eligible', () => {
    expect(assessEligibility({ category: 'maintenance', monthlyIncomeYuan: 2200 }, { ...S, monthlyIncomeFen: 250_000 }, on).eligible).toBe(true);
  });

  test('第三十二条 groups are not means-tested, whatever the income', () => {
    const e = assessEligibility({ category: 'other-civil', noMeansTest: 'abuse-victim', monthlyIncomeYuan: 50000 }, S, on);
    expect(e).toMatchObject({ eligible: true, meansTest: 'exempt', articles: ['第三十一条第（九）项', '第三十二条第（四）项'] });
  });

  test('第四十二条 groups are not checked', () => {
    const e = assessEligibility({ category: 'labour', noMeansCheck: 'migrant-worker' }, S, on);
    expect(e).toMatchObject({ eligible: true, meansTest: 'not-checked' });
    expect(e.basisZh).toContain('免予核查经济困难状况');
  });

  test('nothing said about means: not yet eligible, and the message says what to add', () => {
    const e = assessEligibility({ category: 'pension' }, S, on);
    expect(e.eligible).toBe(false);
    expect(e.basisZh).toContain('请补充收入情况或签署诚信承诺');
  });

  test('第四十四条 help first: a limitation 6 days away (2026-03-08) qualifies, 7 days away (2026-03-09) does not', () => {
    expect(assessEligibility({ category: 'labour', commitment: true, limitationDate: '2026-03-08' }, S, on).priorAid).toBe(true);
    expect(assessEligibility({ category: 'labour', commitment: true, limitationDate: '2026-03-09' }, S, on).priorAid).toBe(false);
    expect(assessEligibility({ category: 'labour', commitment: true, urgentPreservation: true }, S, on).priorAid).toBe(true);
  });

  test('the schema refuses bad input in Chinese, naming the field', () => {
    const r = EligibilityInput.safeParse({ category: 'nope', monthlyIncomeYuan: -1 });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual(['请选择援助事项类别', '家庭人均月收入不能为负数']);
  });

  test('the commitment sample is stable per case and near its share over many cases', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const n = ids.filter((id) => inCommitmentSample(id, 0.1)).length;
    expect(n).toBeGreaterThan(140);
    expect(n).toBeLessThan(260);
    expect(inCommitmentSample(ids[7] as string, 0.1)).toBe(inCommitmentSample(ids[7] as string, 0.1));
    expect(ids.some((id) => inCommitmentSample(id, 0))).toBe(false);
  });
});
