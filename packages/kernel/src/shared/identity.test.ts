import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  checkHkMacauPermit,
  checkIdNumber,
  checkMobile,
  checkPassport,
  checkResidencePermit,
  checkResidentId,
  checkTaiwanPermit,
  checkUscc,
  OrganisationInput,
  PartyInput,
  PersonInput,
  PROVINCES,
  UnmaskInput,
  USCC_AUTHORITIES,
} from './identity';

// Reference check characters written from the standards' definitions, not from the tables under test:
// GB 11643 weight of position i (1-based) is 2^(18−i) mod 11 and the check value is (12 − Σ mod 11) mod 11;
// GB 32100 weight of position i is 3^(i−1) mod 31 and the check value is (31 − Σ mod 31) mod 31.
const refIdCheck = (first17: string) => {
  const sum = Array.from(first17).reduce((s, c, i) => s + (2 ** (17 - i) % 11) * Number(c), 0);
  const v = (12 - (sum % 11)) % 11;
  return v === 10 ? 'X' : String(v);
};
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const refUsccCheck = (first17: string) => {
  const sum = Array.from(first17).reduce((s, c, i) => s + (3 ** i % 31) * USCC_CHARS.indexOf(c), 0);
  return USCC_CHARS.charAt((31 - (sum % 31)) % 31);
};

const TODAY = '2026-06-30';
const digits = (n: number) => fc.array(fc.constantFrom(...Array.from('0123456789')), { minLength: n, maxLength: n }).map((a) => a.join(''));
const ymd = (d: Date) => d.toISOString().slice(0, 10).replace(/-/g, '');
const birth = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date(`${TODAY}T00:00:00Z`), noInvalidDate: true });

const residentId = fc
  .tuple(fc.constantFrom(...Object.keys(PROVINCES)), digits(4), birth, digits(3))
  .map(([p, area, b, seq]) => {
    const first17 = `${p}${area}${ymd(b)}${seq}`;
    return first17 + refIdCheck(first17);
  })
  .filter((id) => !['810000', '820000', '830000'].includes(id.slice(0, 6)));

const uscc = fc
  .constantFrom(...Object.entries(USCC_AUTHORITIES).flatMap(([a, { types }]) => Object.keys(types).map((t) => a + t)))
  .chain((type) => fc.tuple(fc.constant(type), digits(6), fc.array(fc.constantFrom(...Array.from(USCC_CHARS)), { minLength: 9, maxLength: 9 })))
  .map(([type, division, entity]) => {
    const first17 = `${type}${division}${entity.join('')}`;
    return first17 + refUsccCheck(first17);
  });

/** The code with one character replaced by a different one. */
const withOneChange = (gen: fc.Arbitrary<string>, alphabet: string) =>
  gen.chain((code) =>
    fc.tuple(fc.constant(code), fc.nat(code.length - 1), fc.constantFrom(...Array.from(alphabet))).filter(([c, i, ch]) => c.charAt(i) !== ch),
  );

describe('GB 11643 resident ID numbers', () => {
  test('a generated valid number passes, and its birth date and sex are read from it', () => {
    fc.assert(
      fc.property(residentId, (id) => {
        const r = checkResidentId(id, { today: TODAY });
        expect(r).toMatchObject({ ok: true, normalised: id, birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}` });
        expect(r.ok && r.sex).toBe(Number(id.charAt(16)) % 2 ? 'male' : 'female');
      }),
      { numRuns: 500 },
    );
  });

  test('changing any single character of a valid number is rejected', () => {
    fc.assert(
      fc.property(withOneChange(residentId, '0123456789XA'), ([id, i, ch]) => {
        expect(checkResidentId(id.slice(0, i) + ch + id.slice(i + 1), { today: TODAY }).ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  test("the standard's own example 11010519491231002X: Beijing, 1949-12-31, female; lower-case x and spaces are accepted", () => {
    expect(checkResidentId('11010519491231002X')).toEqual({
      ok: true,
      normalised: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
      provinceCode: '11',
      provinceName: '北京市',
    });
    expect(checkResidentId(' 110105 19491231 002x ')).toMatchObject({ ok: true, normalised: '11010519491231002X' });
  });

  test.each([
    ['11010519491231002', '居民身份证号码应为 18 位，现为 17 位'],
    ['110105194912310025', '校验码应为 X 而不是 5'],
    ['11010519491331002X', '出生日期 19491331 不存在'],
    ['11010519000229002X', '出生日期 19000229 不存在'],
    ['11010518991231002X', '出生日期 1899-12-31 早于 1900-01-01'],
    ['11010520260701002X', '出生日期 2026-07-01 晚于今天 2026-06-30'],
    ['99010519491231002X', '前 2 位“99”不是有效的省级行政区划代码'],
    ['110105194912A1002X', '第 13 位“A”无效：前 17 位应为数字'],
    ['11010519491231002Y', '第 18 位“Y”无效：校验码应为数字或 X'],
    ['810000199408230021', '请将证件类型改为“港澳台居民居住证”'],
    ['', '请填写居民身份证号码'],
  ])('%s is rejected: %s', (id, problem) => {
    const r = checkResidentId(id, { today: TODAY });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problem).toContain(problem);
  });

  test('29 February exists in leap years only (2000 is one, 1900 is not)', () => {
    const first17 = '36070220000229001';
    expect(checkResidentId(first17 + refIdCheck(first17), { today: TODAY })).toMatchObject({ ok: true, birthDate: '2000-02-29', sex: 'male' });
  });
});

describe('GB 32100 unified social credit codes', () => {
  test('a generated valid code passes and says what kind of organisation it is', () => {
    fc.assert(
      fc.property(uscc, (code) => {
        const r = checkUscc(code);
        expect(r).toMatchObject({ ok: true, normalised: code, type: code.slice(0, 2), divisionCode: code.slice(2, 8) });
        expect(r.ok && r.typeName).toBe(USCC_AUTHORITIES[code.charAt(0)]?.types[code.charAt(1)]);
      }),
      { numRuns: 500 },
    );
  });

  test('changing any single character of a valid code is rejected', () => {
    fc.assert(
      fc.property(withOneChange(uscc, `${USCC_CHARS}IOZSV`), ([code, i, ch]) => {
        expect(checkUscc(code.slice(0, i) + ch + code.slice(i + 1)).ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  test('a real-format enterprise code 91350100M000100Y43 is an enterprise registered in 350100', () => {
    expect(checkUscc('91350100M000100Y43')).toEqual({
      ok: true,
      normalised: '91350100M000100Y43',
      authority: '9',
      authorityName: '市场监管 (工商)',
      type: '91',
      typeName: '企业',
      divisionCode: '350100',
    });
  });

  test('a law firm code starting 31 is accepted as justice administration / 律师事务所 (authority 3, which 1/5/9/Y-only validators refuse)', () => {
    expect(checkUscc('31360000MD0183456L')).toMatchObject({ ok: true, authorityName: '司法行政', type: '31', typeName: '律师事务所' });
    expect(checkUscc('31360000md0183456l')).toMatchObject({ ok: true, normalised: '31360000MD0183456L' });
  });

  test('a check value of 31 is written as 0', () => {
    const first17 =
      fc.sample(
        uscc.map((c) => c.slice(0, 17)).filter((c) => refUsccCheck(c) === '0'),
        1,
      )[0] ?? '';
    expect(checkUscc(`${first17}0`).ok).toBe(true);
  });

  test.each([
    ['91350100M000100Y4', '统一社会信用代码应为 18 位，现为 17 位'],
    ['91350100M000100Y44', '校验码应为 3 而不是 4'],
    ['91350100M0001I0Y43', '第 14 位“I”不是有效字符'],
    ['01350100M000100Y43', '第 1 位登记管理部门代码“0”无效，应为 1–9、A、N 或 Y'],
    ['9135A100M000100Y43', '第 3–8 位登记管理机关行政区划码应为 6 位数字，现为“35A100”'],
  ])('%s is rejected: %s', (code, problem) => {
    const r = checkUscc(code);
    expect(!r.ok && r.problem).toContain(problem);
  });
});

describe('other documents and phones', () => {
  test.each([
    ['passport', 'E12345678', true],
    ['passport', 'EA1234567', true],
    ['passport', 'g1234567', true],
    ['passport', 'X1234567AB', true],
    ['passport', 'AB12', '护照号码应为 5–17 位字母或数字，现为 4 位'],
    ['passport', 'E1234-5678', '护照号码只能包含字母和数字，“-”无效'],
    ['hk-macau-permit', 'H12345678', true],
    ['hk-macau-permit', 'M1234567890', true],
    ['hk-macau-permit', 'C12345678', '应以 H (香港) 或 M (澳门) 开头'],
    ['hk-macau-permit', 'H1234567', 'H/M 之后应为 8 位或 10 位数字，现为 7 位'],
    ['taiwan-permit', '12345678', true],
    ['taiwan-permit', '1234567', '应为 8 位数字，现为 7 位'],
    ['taiwan-permit', '1234567A', '只能是数字，“A”无效'],
    ['hmt-residence-permit', '810000199408230021', true],
    ['hmt-residence-permit', '11010519491231002X', '应以 810000 (香港)、820000 (澳门) 或 830000 (台湾) 开头，现为“110105”'],
    ['hmt-residence-permit', '810000199408230022', '校验码应为 1 而不是 2'],
  ] as const)('%s %s → %s', (type, value, expected) => {
    const r = checkIdNumber(type, value);
    if (expected === true) expect(r.ok).toBe(true);
    else expect(!r.ok && r.problem).toContain(expected);
  });

  test('the typed checkers agree with checkIdNumber', () => {
    expect(checkPassport('E12345678')).toMatchObject({ ok: true, issuer: 'chinese' });
    expect(checkPassport('X1234567AB')).toMatchObject({ ok: true, issuer: 'foreign' });
    expect(checkPassport('E1234', { chinese: /^E\d{8}$/, foreign: /^[A-Z]{2}\d{7}$/ }).ok).toBe(false);
    expect(checkHkMacauPermit('h 1234 5678')).toMatchObject({ ok: true, normalised: 'H12345678' });
    expect(checkTaiwanPermit('12345678').ok).toBe(true);
    expect(checkResidencePermit('810000199408230021')).toMatchObject({ ok: true, region: '香港', birthDate: '1994-08-23' });
  });

  test.each([
    ['13800138000', '13800138000'],
    ['+86 138-0013-8000', '13800138000'],
    ['0086 13800138000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['(138) 0013 8000', '13800138000'],
  ])('mobile %s is normalised to %s', (input, normalised) => {
    expect(checkMobile(input)).toEqual({ ok: true, normalised });
  });

  test.each([
    ['1380013800', '手机号码应为 11 位，现为 10 位'],
    ['12800138000', '手机号码应以 13–19 开头，现为“12”'],
    ['138O0138000', '“O”无效'],
  ])('mobile %s is rejected: %s', (input, problem) => {
    const r = checkMobile(input);
    expect(!r.ok && r.problem).toContain(problem);
  });
});

describe('input schemas', () => {
  test('a person with a wrong ID number fails on idNumber with the check-character message', () => {
    const r = PersonInput.safeParse({ kind: 'person', name: '张三', idType: 'resident-id', idNumber: '110105194912310025', phone: '12345' });
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['idNumber', '校验码应为 X 而不是 5，请逐位核对号码'],
      ['phone', '手机号码应为 11 位，现为 5 位'],
    ]);
  });

  test('persons and organisations are told apart by kind', () => {
    expect(PartyInput.safeParse({ kind: 'person', name: '张三', idType: 'resident-id', idNumber: '11010519491231002X' }).success).toBe(true);
    expect(PartyInput.safeParse({ kind: 'organisation', name: '某律师事务所', uscc: '31360000MD0183456L' }).success).toBe(true);
    const bad = OrganisationInput.safeParse({ kind: 'organisation', name: '某公司', uscc: '91350100M000100Y44' });
    expect(bad.error?.issues[0]?.message).toContain('校验码应为 3 而不是 4');
  });

  test('unmasking needs a field and a reason of at least 4 characters', () => {
    expect(UnmaskInput.safeParse({ field: 'idNumber' }).error?.issues[0]?.message).toBe('请填写查看理由 (至少 4 个字)');
    expect(UnmaskInput.safeParse({ field: 'idNumber', reason: ' 核对 ' }).error?.issues[0]?.message).toBe('查看理由至少 4 个字');
    expect(UnmaskInput.safeParse({ field: 'idNumber', reason: '核对当事人身份' }).success).toBe(true);
  });
});
