import { describe, expect, test } from 'vitest';
import { amountInCapitals, countSchema, parseNumberText, yuanAmountSchema } from './amount';

const amount = (text: string) => parseNumberText(text, { kind: 'amount' });
const count = (text: string) => parseNumberText(text, { kind: 'count' });

describe('reading an amount as staff type it (issue #13 item 3)', () => {
  // before: 12，000．50 became 1,200,050.00, １２０００ stayed blank, 1.2万 became 1.20
  test.each([
    ['12，000．50', 12000.5],
    ['１２０００', 12000],
    ['1.2万', 12000],
    ['12,000', 12000],
    ['12000.5', 12000.5],
    ['￥3,500.00元', 3500],
    ['3.5亿', 350_000_000],
    ['0.01', 0.01],
    [' 8 000 ', 8000],
    ['1.23456万', 12345.6],
  ])('%s reads as %d', (text, value) => {
    expect(amount(text)).toEqual({ ok: true, value });
  });

  test.each([
    ['12,00', '千位分隔符位置不对'],
    ['1,2', '千位分隔符位置不对'],
    ['12.345', '两位小数'],
    ['1.2.3', '小数点不止一个'],
    ['十二万', '无法识别“十”'],
    ['12、000', '无法识别“、”'],
    ['-5', '不能为负数'],
    ['万', '前缺少数字'],
    ['2000亿', '不能大于 100,000,000,000.00'],
    ['', '请填写数字'],
  ])('%s is refused: %s', (text, reason) => {
    const parsed = amount(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(reason);
  });
});

describe('reading a count', () => {
  test('full-width digits, separators, 万 and a trailing 人 read as whole numbers', () => {
    expect(count('１２')).toEqual({ ok: true, value: 12 });
    expect(count('1,200人')).toEqual({ ok: true, value: 1200 });
    expect(count('1.5万')).toEqual({ ok: true, value: 15000 });
  });
  test('a fraction of a person is refused', () => {
    expect(count('2.5')).toEqual({ ok: false, reason: '应为整数' });
  });
});

describe('amounts in capitals, as vouchers write them (支付结算办法)', () => {
  test.each([
    [12000, '壹万贰仟元整'],
    [12000.5, '壹万贰仟元零伍角'],
    [1409.5, '壹仟肆佰零玖元伍角'],
    [6007.14, '陆仟零柒元壹角肆分'],
    [107000.53, '壹拾万柒仟元零伍角叁分'],
    [100_010_000, '壹亿零壹万元整'],
    [10_500, '壹万零伍佰元整'],
    [0.05, '伍分'],
    [0, '零元整'],
    [325.04, '叁佰贰拾伍元零肆分'],
  ])('%d → %s', (value, words) => {
    expect(amountInCapitals(value)).toBe(words);
  });
});

describe('the API takes a clean number only, naming the field', () => {
  test('a typed text is refused with the field name in Chinese', () => {
    const r = yuanAmountSchema('协议涉及金额').safeParse('12,000');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('协议涉及金额应为数字 (元)，如 12000.50');
    expect(yuanAmountSchema('协议涉及金额').safeParse(12000.5).success).toBe(true);
    expect(yuanAmountSchema('协议涉及金额').safeParse(1.005).error?.issues[0]?.message).toBe('协议涉及金额最多到分 (两位小数)');
  });
  test('a count names its field', () => {
    expect(countSchema('涉及人数', 1, 100_000).safeParse(0).error?.issues[0]?.message).toBe('涉及人数至少为 1');
  });
});
