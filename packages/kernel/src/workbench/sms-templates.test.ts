import { afterEach, describe, expect, test } from 'vitest';
import { renderSms, setSmsTemplates, smsTemplates } from './runtime';

describe('the citizen’s SMS wording: a template per event, Chinese by default, configurable (SIFA_SMS_TEMPLATES)', () => {
  afterEach(() => setSmsTemplates({}));

  test('the defaults fill the number, unit and status', () => {
    expect(renderSms('accepted', { number: '赣章调〔2026〕7号', unit: '解放街道司法所' })).toBe('您的申请（编号 赣章调〔2026〕7号）已由解放街道司法所受理。');
    expect(renderSms('closed', { number: 'N1', status: '调解成功' })).toContain('已办结：调解成功');
  });

  test('a deployment rewords one event; the others keep the default', () => {
    setSmsTemplates({ receipt: '【章贡司法】已收到您的调解申请，编号{number}。' });
    expect(renderSms('receipt', { number: '赣章调〔2026〕8号' })).toBe('【章贡司法】已收到您的调解申请，编号赣章调〔2026〕8号。');
    expect(smsTemplates().accepted).toContain('{unit}受理');
  });

  test('an unknown event or placeholder is refused at start, naming what is allowed', () => {
    expect(() => setSmsTemplates({ rejected: '不予受理' })).toThrow(/没有“rejected”这一事件/);
    expect(() => setSmsTemplates({ accepted: '编号{caseNo}已受理' })).toThrow(/\{caseNo\} 无法填写，可用的是 \{number\}/);
    expect(() => setSmsTemplates({ accepted: '  ' })).toThrow(/应为非空文字/);
  });
});
