import { describe, expect, test } from 'vitest';
import { legalAidStandard } from './settings';

// 法律援助法 第三十四条: the province sets the standard (legal-aid-law-2021.md); the deployment tells the platform.
describe('the local means standard and commitment share come from the environment', () => {
  test('defaults: 2,000 yuan a person a month, 10 % of commitments checked', () => {
    expect(legalAidStandard({})).toEqual({ monthlyIncomeFen: 200_000, commitmentCheckShare: 0.1 });
  });

  test('the figures of a province are taken', () => {
    expect(legalAidStandard({ SIFA_LEGAL_AID_INCOME_STANDARD_YUAN: '2490.5', SIFA_LEGAL_AID_COMMITMENT_CHECK_SHARE: '0.2' })).toEqual({
      monthlyIncomeFen: 249_050,
      commitmentCheckShare: 0.2,
    });
  });

  test('a bad value stops the start with a message naming the variable', () => {
    expect(() => legalAidStandard({ SIFA_LEGAL_AID_INCOME_STANDARD_YUAN: '两千' })).toThrow('SIFA_LEGAL_AID_INCOME_STANDARD_YUAN 应为正数');
    expect(() => legalAidStandard({ SIFA_LEGAL_AID_COMMITMENT_CHECK_SHARE: '10' })).toThrow('SIFA_LEGAL_AID_COMMITMENT_CHECK_SHARE 应为 0～1');
  });
});
