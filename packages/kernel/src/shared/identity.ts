import { z } from 'zod';
import { PageQuery } from './common';
import { chinaDay } from './china-time';

/** Outcome of checking an identifier: the normalised value and what it says, or what is wrong with it. */
export type Checked<T = unknown> = ({ ok: true; normalised: string } & T) | { ok: false; problem: string };

const fail = (problem: string): { ok: false; problem: string } => ({ ok: false, problem });

/** Drops spaces (also full-width) and upper-cases, so `3607 0219 … 123x` and `…123X` are the same number. */
export const normaliseIdNumber = (s: string) => s.replace(/[\s\u3000]+/g, '').toUpperCase();

// GB/T 2260 province-level codes that appear in GB 11643 resident ID numbers (mainland only).
export const PROVINCES: Readonly<Record<string, string>> = {
  '11': '北京市',
  '12': '天津市',
  '13': '河北省',
  '14': '山西省',
  '15': '内蒙古自治区',
  '21': '辽宁省',
  '22': '吉林省',
  '23': '黑龙江省',
  '31': '上海市',
  '32': '江苏省',
  '33': '浙江省',
  '34': '安徽省',
  '35': '福建省',
  '36': '江西省',
  '37': '山东省',
  '41': '河南省',
  '42': '湖北省',
  '43': '湖南省',
  '44': '广东省',
  '45': '广西壮族自治区',
  '46': '海南省',
  '50': '重庆市',
  '51': '四川省',
  '52': '贵州省',
  '53': '云南省',
  '54': '西藏自治区',
  '61': '陕西省',
  '62': '甘肃省',
  '63': '青海省',
  '64': '宁夏回族自治区',
  '65': '新疆维吾尔自治区',
};
// 港澳台居民居住证: address code 810000 / 820000 / 830000, otherwise GB 11643 (国办发〔2018〕81号).
export const RESIDENCE_PERMIT_PREFIXES: Readonly<Record<string, string>> = { '810000': '香港', '820000': '澳门', '830000': '台湾' };

// GB 11643: weights of the first 17 digits; the weighted sum mod 11 indexes the check characters.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

/** GB 11643 check character of the first 17 digits. */
export const residentIdCheckChar = (first17: string) => ID_CHECK_CHARS[ID_WEIGHTS.reduce((sum, w, i) => sum + w * Number(first17[i]), 0) % 11] ?? '';

/** Today as YYYY-MM-DD in Asia/Shanghai (birth dates are Chinese calendar days). */
export const todayInChina = () => chinaDay();

const daysInMonth = (y: number, m: number) => (m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);

export type Sex = 'male' | 'female';
export interface IdFacts {
  birthDate: string;
  sex: Sex;
}

/**
 * An 18-character GB 11643 number: characters, address prefix (`prefixProblem`), a real birth date, check
 * character — in that order, so the message names the first thing wrong. `label` names the document.
 */
function checkGb11643(id: string, label: string, today: string, prefixProblem: (id: string) => string | undefined): Checked<IdFacts> {
  if (id.length !== 18) return fail(`${label}号码应为 18 位，现为 ${id.length} 位`);
  for (let i = 0; i < 17; i++) {
    const c = id.charAt(i);
    if (c < '0' || c > '9') return fail(`第 ${i + 1} 位“${c}”无效：前 17 位应为数字`);
  }
  const last = id.charAt(17);
  if (!/^[0-9X]$/.test(last)) return fail(`第 18 位“${last}”无效：校验码应为数字或 X`);
  const prefix = prefixProblem(id);
  if (prefix) return fail(prefix);
  const raw = id.slice(6, 14);
  const y = Number(raw.slice(0, 4));
  const m = Number(raw.slice(4, 6));
  const d = Number(raw.slice(6, 8));
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return fail(`出生日期 ${raw} 不存在 (第 7–14 位)`);
  const birthDate = `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}`;
  if (birthDate < '1900-01-01') return fail(`出生日期 ${birthDate} 早于 1900-01-01 (第 7–14 位)`);
  if (birthDate > today) return fail(`出生日期 ${birthDate} 晚于今天 ${today} (第 7–14 位)`);
  const expected = residentIdCheckChar(id);
  if (last !== expected) return fail(`校验码应为 ${expected} 而不是 ${last}，请逐位核对号码`);
  return { ok: true, normalised: id, birthDate, sex: Number(id.charAt(16)) % 2 === 1 ? 'male' : 'female' };
}

export interface CheckOptions {
  /** YYYY-MM-DD; defaults to today in Asia/Shanghai. */
  today?: string;
}

/** GB 11643 居民身份证号码: province, real birth date between 1900-01-01 and today, check character. */
export function checkResidentId(s: string, opts: CheckOptions = {}): Checked<IdFacts & { provinceCode: string; provinceName: string }> {
  const id = normaliseIdNumber(s);
  if (!id) return fail('请填写居民身份证号码');
  const body = checkGb11643(id, '居民身份证', opts.today ?? todayInChina(), (n) => {
    const permit = RESIDENCE_PERMIT_PREFIXES[n.slice(0, 6)];
    if (permit) return `以 ${n.slice(0, 6)} 开头的是${permit}居民的港澳台居民居住证号码，请将证件类型改为“港澳台居民居住证”`;
    if (!PROVINCES[n.slice(0, 2)]) return `前 2 位“${n.slice(0, 2)}”不是有效的省级行政区划代码`;
    return undefined;
  });
  if (!body.ok) return body;
  const provinceCode = id.slice(0, 2);
  return { ...body, provinceCode, provinceName: PROVINCES[provinceCode] ?? '' };
}

/** 港澳台居民居住证: 810000 / 820000 / 830000 + GB 11643 birth date, sequence and check character. */
export function checkResidencePermit(s: string, opts: CheckOptions = {}): Checked<IdFacts & { region: string }> {
  const id = normaliseIdNumber(s);
  if (!id) return fail('请填写港澳台居民居住证号码');
  const body = checkGb11643(id, '港澳台居民居住证', opts.today ?? todayInChina(), (n) =>
    RESIDENCE_PERMIT_PREFIXES[n.slice(0, 6)]
      ? undefined
      : `港澳台居民居住证号码应以 810000 (香港)、820000 (澳门) 或 830000 (台湾) 开头，现为“${n.slice(0, 6)}”`,
  );
  return body.ok ? { ...body, region: RESIDENCE_PERMIT_PREFIXES[id.slice(0, 6)] ?? '' } : body;
}

/** Passport number formats; deployments may replace them (e.g. to admit a new series). */
export interface PassportPatterns {
  /** Chinese passports: E (ordinary, also EA…), G (older ordinary), D diplomatic, S service, P public affairs. */
  chinese: RegExp;
  foreign: RegExp;
}
export const PASSPORT_PATTERNS: PassportPatterns = {
  chinese: /^(?:E[A-HJ-NP-Z]\d{7}|[EGDSP]\d{7,8})$/,
  foreign: /^[A-Z0-9]{5,17}$/,
};

export function checkPassport(s: string, patterns: PassportPatterns = PASSPORT_PATTERNS): Checked<{ issuer: 'chinese' | 'foreign' }> {
  const id = normaliseIdNumber(s);
  if (!id) return fail('请填写护照号码');
  if (patterns.chinese.test(id)) return { ok: true, normalised: id, issuer: 'chinese' };
  if (patterns.foreign.test(id)) return { ok: true, normalised: id, issuer: 'foreign' };
  const bad = /[^A-Z0-9]/u.exec(id)?.[0];
  if (bad) return fail(`护照号码只能包含字母和数字，“${bad}”无效`);
  return fail(`护照号码应为 5–17 位字母或数字，现为 ${id.length} 位`);
}

/** 港澳居民来往内地通行证: H (Hong Kong) or M (Macau) + 8 or 10 digits. */
export function checkHkMacauPermit(s: string): Checked {
  const id = normaliseIdNumber(s);
  if (!id) return fail('请填写港澳居民来往内地通行证号码');
  if (!/^[HM]/.test(id)) return fail(`港澳居民来往内地通行证号码应以 H (香港) 或 M (澳门) 开头，现为“${id.charAt(0)}”`);
  const digits = id.slice(1);
  if (!/^\d*$/.test(digits)) return fail(`H/M 之后只能是数字，“${/\D/u.exec(digits)?.[0] ?? ''}”无效`);
  if (digits.length !== 8 && digits.length !== 10) return fail(`H/M 之后应为 8 位或 10 位数字，现为 ${digits.length} 位`);
  return { ok: true, normalised: id };
}

/** 台湾居民来往大陆通行证: 8 digits. */
export function checkTaiwanPermit(s: string): Checked {
  const id = normaliseIdNumber(s);
  if (!id) return fail('请填写台湾居民来往大陆通行证号码');
  if (!/^\d*$/.test(id)) return fail(`台湾居民来往大陆通行证号码只能是数字，“${/\D/u.exec(id)?.[0] ?? ''}”无效`);
  if (id.length !== 8) return fail(`台湾居民来往大陆通行证号码应为 8 位数字，现为 ${id.length} 位`);
  return { ok: true, normalised: id };
}

/** Mainland mobile number `1[3-9]` + 9 digits; +86 / 0086, spaces, dashes and brackets are accepted and dropped. */
export function checkMobile(s: string): Checked {
  let n = s.replace(/[\s\u3000\-()（）]+/g, '');
  if (!n) return fail('请填写手机号码');
  n = n.replace(/^(?:\+86|0086)/, '');
  if (n.length === 13 && n.startsWith('86')) n = n.slice(2);
  const bad = /\D/u.exec(n)?.[0];
  if (bad) return fail(`手机号码只能包含数字 (可带 +86、空格或短横线)，“${bad}”无效`);
  if (n.length !== 11) return fail(`手机号码应为 11 位，现为 ${n.length} 位`);
  if (!/^1[3-9]/.test(n)) return fail(`手机号码应以 13–19 开头，现为“${n.slice(0, 2)}”`);
  return { ok: true, normalised: n };
}

// GB 32100: alphabet without I, O, Z, S, V; weights of the first 17 characters; check = 31 − Σ mod 31, 31 → 0.
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100 registering authorities and the institution types each issues (standards.md). */
export const USCC_AUTHORITIES: Readonly<Record<string, { name: string; types: Readonly<Record<string, string>> }>> = {
  '1': { name: '机构编制', types: { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' } },
  '2': { name: '外交', types: { '1': '外国常驻新闻机构', '9': '其他' } },
  '3': { name: '司法行政', types: { '1': '律师事务所', '2': '公证处', '3': '基层法律服务所', '4': '司法鉴定机构', '5': '仲裁委员会', '9': '其他' } },
  '4': { name: '文化', types: { '1': '外国在华文化中心', '9': '其他' } },
  '5': { name: '民政', types: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' } },
  '6': { name: '旅游', types: { '1': '外国旅游部门常驻代表机构', '2': '港澳台地区旅游部门常驻内地(大陆)代表机构', '9': '其他' } },
  '7': { name: '宗教', types: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  '8': { name: '工会', types: { '1': '基层工会', '9': '其他' } },
  '9': { name: '市场监管 (工商)', types: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  A: { name: '中央军委改革和编制办公室', types: { '1': '军队事业单位', '9': '其他' } },
  N: { name: '农业农村', types: { '1': '组级集体经济组织', '2': '村级集体经济组织', '3': '乡镇级集体经济组织', '9': '其他' } },
  Y: { name: '其他', types: { '1': '其他' } },
};

/** GB 32100 check character of the first 17 characters (all from the code alphabet). */
export function usccCheckChar(first17: string): string {
  const sum = USCC_WEIGHTS.reduce((acc, w, i) => acc + w * USCC_ALPHABET.indexOf(first17.charAt(i)), 0);
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

export interface UsccFacts {
  authority: string;
  authorityName: string;
  /** Registering authority + institution type, e.g. `31`. */
  type: string;
  /** Meaning of `type`, e.g. 律师事务所; null for a type the table does not list. */
  typeName: string | null;
  divisionCode: string;
}

/** GB 32100 统一社会信用代码 (registering authority 3 = justice administration: law firms, notaries, …). */
export function checkUscc(s: string): Checked<UsccFacts> {
  const code = normaliseIdNumber(s);
  if (!code) return fail('请填写统一社会信用代码');
  if (code.length !== 18) return fail(`统一社会信用代码应为 18 位，现为 ${code.length} 位`);
  for (let i = 0; i < 18; i++) {
    const c = code.charAt(i);
    if (!USCC_ALPHABET.includes(c)) return fail(`第 ${i + 1} 位“${c}”不是有效字符 (只用数字和除 I、O、Z、S、V 以外的大写字母)`);
  }
  const authority = USCC_AUTHORITIES[code.charAt(0)];
  if (!authority) return fail(`第 1 位登记管理部门代码“${code.charAt(0)}”无效，应为 1–9、A、N 或 Y`);
  const divisionCode = code.slice(2, 8);
  if (!/^\d{6}$/.test(divisionCode)) return fail(`第 3–8 位登记管理机关行政区划码应为 6 位数字，现为“${divisionCode}”`);
  const expected = usccCheckChar(code);
  if (code.charAt(17) !== expected) return fail(`校验码应为 ${expected} 而不是 ${code.charAt(17)}，请逐位核对代码`);
  return {
    ok: true,
    normalised: code,
    authority: code.charAt(0),
    authorityName: authority.name,
    type: code.slice(0, 2),
    typeName: authority.types[code.charAt(1)] ?? null,
    divisionCode,
  };
}

export const ID_TYPES = ['resident-id', 'passport', 'hk-macau-permit', 'taiwan-permit', 'hmt-residence-permit'] as const;
export type IdType = (typeof ID_TYPES)[number];
export const IdTypeSchema = z.enum(ID_TYPES);

export const ID_TYPE_NAMES: Record<IdType, { zh: string; en: string }> = {
  'resident-id': { zh: '居民身份证', en: 'Resident identity card' },
  passport: { zh: '护照', en: 'Passport' },
  'hk-macau-permit': { zh: '港澳居民来往内地通行证', en: 'Mainland travel permit (Hong Kong / Macau)' },
  'taiwan-permit': { zh: '台湾居民来往大陆通行证', en: 'Mainland travel permit (Taiwan)' },
  'hmt-residence-permit': { zh: '港澳台居民居住证', en: 'Residence permit (Hong Kong / Macau / Taiwan)' },
};

/** Checks a document number against the format of its type. */
export function checkIdNumber(type: IdType, s: string, opts: CheckOptions = {}): Checked {
  switch (type) {
    case 'resident-id':
      return checkResidentId(s, opts);
    case 'passport':
      return checkPassport(s);
    case 'hk-macau-permit':
      return checkHkMacauPermit(s);
    case 'taiwan-permit':
      return checkTaiwanPermit(s);
    case 'hmt-residence-permit':
      return checkResidencePermit(s, opts);
  }
}

export const PARTY_KINDS = ['person', 'organisation'] as const;
export const PartyKindSchema = z.enum(PARTY_KINDS);
export type PartyKind = (typeof PARTY_KINDS)[number];

const optionalPhone = z.string().trim().max(30, '手机号码过长').optional();
const registeringUnit = z.uuid('登记单位编号格式不正确').optional();

export const PersonInput = z
  .object({
    kind: z.literal('person'),
    name: z.string().trim().min(1, '请填写姓名').max(100, '姓名不超过 100 个字'),
    idType: IdTypeSchema,
    idNumber: z.string({ error: '请填写证件号码' }).max(40, '证件号码过长'),
    phone: optionalPhone,
    /** Registering unit; defaults to the caller's own unit. */
    orgId: registeringUnit,
  })
  .superRefine((v, ctx) => {
    const id = checkIdNumber(v.idType, v.idNumber);
    if (!id.ok) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: id.problem });
    const phone = v.phone ? checkMobile(v.phone) : undefined;
    if (phone && !phone.ok) ctx.addIssue({ code: 'custom', path: ['phone'], message: phone.problem });
  });
export type PersonInput = z.infer<typeof PersonInput>;

export const OrganisationInput = z
  .object({
    kind: z.literal('organisation'),
    name: z.string().trim().min(2, '单位名称至少 2 个字').max(100, '单位名称不超过 100 个字'),
    uscc: z.string({ error: '请填写统一社会信用代码' }).max(30, '统一社会信用代码过长'),
    phone: optionalPhone,
    orgId: registeringUnit,
  })
  .superRefine((v, ctx) => {
    const code = checkUscc(v.uscc);
    if (!code.ok) ctx.addIssue({ code: 'custom', path: ['uscc'], message: code.problem });
    const phone = v.phone ? checkMobile(v.phone) : undefined;
    if (phone && !phone.ok) ctx.addIssue({ code: 'custom', path: ['phone'], message: phone.problem });
  });
export type OrganisationInput = z.infer<typeof OrganisationInput>;

export const PartyInput = z.discriminatedUnion('kind', [PersonInput, OrganisationInput]);
export type PartyInput = z.infer<typeof PartyInput>;

/** A party as every response shows it: ID number and phone masked. */
export const Party = z.object({
  id: z.uuid(),
  kind: PartyKindSchema,
  name: z.string(),
  idType: IdTypeSchema.nullable(),
  idMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  uscc: z.string().nullable(),
  /** Meaning of the code's first two characters, e.g. `31 律师事务所`. */
  usccCategory: z.string().nullable(),
  /** The caller's unit (or sub-unit) that registered the party. */
  orgId: z.uuid(),
  orgName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Party = z.infer<typeof Party>;

/**
 * A registration's answer. `recognised`: the caller's scope had registered the party before (200) — never whether
 * another unit has (issue #11 item 4); the fields are the caller's own unit's record of the party.
 */
export const RegisteredParty = Party.extend({ recognised: z.boolean() });
export type RegisteredParty = z.infer<typeof RegisteredParty>;

export const PartyQuery = PageQuery.extend({ q: z.string().trim().max(60, '查询内容不超过 60 个字').optional() });
export type PartyQuery = z.infer<typeof PartyQuery>;

export const UNMASK_FIELDS = ['idNumber', 'phone'] as const;
export type UnmaskField = (typeof UNMASK_FIELDS)[number];
export const UnmaskInput = z.object({
  field: z.enum(UNMASK_FIELDS, { error: '请选择要查看的字段：idNumber (证件号码) 或 phone (手机号码)' }),
  reason: z.string({ error: '请填写查看理由 (至少 4 个字)' }).trim().min(4, '查看理由至少 4 个字').max(200, '查看理由不超过 200 个字'),
});
export type UnmaskInput = z.infer<typeof UnmaskInput>;
export const UnmaskResult = z.object({ field: z.enum(UNMASK_FIELDS), value: z.string() });
