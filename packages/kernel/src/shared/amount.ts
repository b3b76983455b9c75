import { z } from 'zod';

/**
 * Reading amounts and counts as office staff type them (issue #13 item 3): full-width digits and punctuation
 * (`１２０００`, `12，000．50`), thousands separators, 万/亿 (`1.2万` = 12,000), a leading ¥ or a trailing 元/人/件.
 * One parser for every amount and count input, console and portal; it refuses what it cannot read and says why,
 * rather than guessing (`12，000．50` once became 1,200,050.00 and `1.2万` became 1.20).
 */

/** What is being read: money in yuan (two decimals at most) or a whole count. */
export type NumberKind = 'amount' | 'count';

export interface ParseNumberOptions {
  kind: NumberKind;
  /** Smallest value accepted (default 0: amounts and counts are never negative). */
  min?: number;
  /** Largest value accepted (default 1e11 for amounts, 1e9 for counts). */
  max?: number;
}

export type ParsedNumber = { ok: true; value: number } | { ok: false; reason: string };

const UNITS: Record<string, number> = { 万: 4, 亿: 8 };
const DEFAULT_MAX: Record<NumberKind, number> = { amount: 1e11, count: 1e9 };
const SUFFIXES: Record<NumberKind, RegExp> = { amount: /元$/, count: /(人|件|个|次|户|名|起)$/ };

const fail = (reason: string): ParsedNumber => ({ ok: false, reason });

/**
 * Reads `text` as an amount (yuan) or a count; `{ ok: false, reason }` in Chinese when it cannot. An empty text is
 * not a number: the caller decides whether the field may stay empty.
 */
export function parseNumberText(text: string, opts: ParseNumberOptions): ParsedNumber {
  // NFKC folds full-width digits, ，．and the ideographic space into their ASCII forms; ￥ becomes ¥.
  let s = text.normalize('NFKC').replace(/\s+/g, '');
  if (s === '') return fail('请填写数字');
  if (opts.kind === 'amount') s = s.replace(/^[¥$]/, '');
  s = s.replace(SUFFIXES[opts.kind], '');
  if (s.startsWith('-') || s.startsWith('−')) return fail('不能为负数');
  let shift = 0;
  const unit = /(万|亿)$/.exec(s)?.[1];
  if (unit) {
    shift = UNITS[unit] ?? 0;
    s = s.slice(0, -1);
  }
  if (s === '') return fail(`“${unit ?? ''}”前缺少数字`);
  if (/[^\d.,]/.test(s)) {
    const bad = /[^\d.,]/.exec(s)?.[0] ?? '';
    return fail(`无法识别“${bad}”：请只填写数字，可带千位分隔符和“万”“亿”`);
  }
  if ((s.match(/\./g) ?? []).length > 1) return fail('小数点不止一个');
  const [intPart = '', fracPart = ''] = s.split('.');
  if (intPart.includes(',') && !/^\d{1,3}(,\d{3})+$/.test(intPart)) return fail('千位分隔符位置不对：应每三位一个，如 12,000.50');
  if (fracPart.includes(',')) return fail('小数点后不能有千位分隔符');
  const digits = intPart.replace(/,/g, '');
  if (digits === '' && fracPart === '') return fail('缺少数字');
  // exact decimal arithmetic on the digit string: 1.2万 is 12000, not 12000.000000000002
  let mantissa = (digits + fracPart).replace(/^0+(?=\d)/, '');
  let exponent = shift - fracPart.length;
  while (exponent < 0 && mantissa.length > 1 && mantissa.endsWith('0')) {
    mantissa = mantissa.slice(0, -1);
    exponent += 1;
  }
  if (/^0+$/.test(mantissa)) exponent = 0;
  const decimals = opts.kind === 'amount' ? 2 : 0;
  if (-exponent > decimals) return fail(opts.kind === 'amount' ? '金额最多到分 (两位小数)' : '应为整数');
  const value = Number(`${mantissa}e${String(exponent)}`);
  const min = opts.min ?? 0;
  const max = opts.max ?? DEFAULT_MAX[opts.kind];
  if (value < min) return fail(`不能小于 ${formatNumberText(min, opts.kind)}`);
  if (value > max) return fail(`不能大于 ${formatNumberText(max, opts.kind)}`);
  return { ok: true, value };
}

/** `12000.5` → `12,000.50` (amounts) or `12,000` (counts): the console's number format. */
export function formatNumberText(value: number, kind: NumberKind): string {
  const d = kind === 'amount' ? 2 : 0;
  return value.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
}

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const PLACES = ['', '拾', '佰', '仟'];
const SECTIONS = ['', '万', '亿', '万亿'];

/** 0 < n < 10000 in capitals, zeros inside written once (1009 → 壹仟零玖). */
function sectionCapitals(n: number): string {
  let out = '';
  let zero = false;
  for (let place = 3; place >= 0; place -= 1) {
    const d = Math.floor(n / 10 ** place) % 10;
    if (d === 0) {
      zero = out !== '';
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += (DIGITS[d] ?? '') + (PLACES[place] ?? '');
  }
  return out;
}

function integerCapitals(n: number): string {
  const sections: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 10_000)) sections.push(rest % 10_000);
  let out = '';
  let gap = false;
  for (let i = sections.length - 1; i >= 0; i -= 1) {
    const s = sections[i] ?? 0;
    if (s === 0) {
      gap = out !== '';
      continue;
    }
    // a zero between sections, or a section that does not fill its thousands, reads 零 (壹万零伍佰, 壹亿零壹万)
    if (out !== '' && (gap || s < 1000)) out += '零';
    out += sectionCapitals(s) + (SECTIONS[i] ?? '');
    gap = false;
  }
  return out;
}

/**
 * An amount in yuan in Chinese capital numerals as cheques and vouchers write it (中国人民银行《支付结算办法》附件
 * 正确填写票据和结算凭证的基本规定): 12000 → 壹万贰仟元整, 1409.5 → 壹仟肆佰零玖元伍角, 6007.14 → 陆仟零柒元壹角肆分,
 * 107000.53 → 壹拾万柒仟元零伍角叁分 (a leading ten is written 壹拾).
 */
export function amountInCapitals(yuan: number): string {
  const fen = Math.round(yuan * 100);
  if (!Number.isFinite(fen) || fen < 0) return '';
  if (fen === 0) return '零元整';
  const whole = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const fenDigit = fen % 10;
  let out = whole > 0 ? `${integerCapitals(whole)}元` : '';
  if (out.startsWith('拾')) out = `壹${out}`;
  if (jiao === 0 && fenDigit === 0) return `${out}整`;
  // 元 followed by a zero 角, or an amount ending in zeros before 元, reads 零 before what follows
  if (whole > 0 && (jiao === 0 || whole % 10 === 0)) out += '零';
  if (jiao > 0) out += `${DIGITS[jiao] ?? ''}角`;
  if (fenDigit > 0) out += `${DIGITS[fenDigit] ?? ''}分`;
  return out;
}

/**
 * The API's schema of an amount in yuan: a clean JSON number only (the console parses what people type), with a
 * message naming the field — `协议涉及金额应为数字 (元)，如 12000.50`.
 */
export function yuanAmountSchema(label: string) {
  return z
    .number({ error: `${label}应为数字 (元)，如 12000.50` })
    .min(0, `${label}不能为负数`)
    .max(DEFAULT_MAX.amount, `${label}不能大于 ${formatNumberText(DEFAULT_MAX.amount, 'amount')} 元`)
    .refine((v) => Math.round(v * 100) === Number((v * 100).toFixed(6)), `${label}最多到分 (两位小数)`);
}

/** The API's schema of a count (persons, cases): a whole JSON number within its bounds, the field named in each message. */
export function countSchema(label: string, min: number, max: number) {
  return z
    .number({ error: `${label}应为整数` })
    .int(`${label}应为整数`)
    .min(min, `${label}至少为 ${String(min)}`)
    .max(max, `${label}不能大于 ${formatNumberText(max, 'count')}`);
}
