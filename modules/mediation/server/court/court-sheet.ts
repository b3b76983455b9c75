import { ID_TYPE_NAMES, type IdType } from '@sifa/kernel/shared';
import { text, type SheetColumn, type SheetRow } from '@sifa/kernel';

/** Referrals per file: a court's year of referrals to one county fits (the bench imports 10^5). */
export const MAX_COURT_ROWS = 100_000;
export const MAX_COURT_BYTES = 50 * 1024 * 1024;

const KINDS = { 委派: 'court-delegated', 委托: 'court-entrusted', 邀请: 'court-invited' } as const;
const PROCEDURES = { 普通程序: 'ordinary', 简易程序: 'simplified' } as const;
const USCC = '统一社会信用代码';
const ID_TYPES = Object.entries(ID_TYPE_NAMES).map(([code, n]) => ({ code: code as IdType, zh: n.zh }));
/** A category as the sheet names it: its code and Chinese name (the active ones of mediation.categories). */
export interface SheetCategory {
  code: string;
  nameZh: string;
}
/** Excel keeps a drop-down's list in a formula of at most 255 characters; a longer list is left to the hint. */
const MAX_LIST_CHARS = 250;

type Key =
  | 'courtCaseNumber'
  | 'courtName'
  | 'kind'
  | 'procedure'
  | 'category'
  | 'summary'
  | 'description'
  | 'applicant'
  | 'applicantIdType'
  | 'applicantId'
  | 'applicantPhone'
  | 'respondent'
  | 'respondentIdType'
  | 'respondentId'
  | 'respondentPhone';

const idTypeList = [...ID_TYPES.map((t) => t.zh), USCC];

/**
 * The court's referral list (特邀调解规定 第七条、第八条: 委派 before filing, 委托 after; spc-court-invited-mediation-
 * provisions-2016.md): one referral per row, an applicant and optionally a respondent.
 */
export function courtColumns(categories: readonly SheetCategory[]): SheetColumn<Key>[] {
  const names = categories.map((c) => c.nameZh);
  return [
    {
      key: 'courtCaseNumber',
      header: '法院案号*',
      aliases: ['案号'],
      required: true,
      width: 26,
      hint: '法院的案号，如 (2026)赣0702民诉前调12号；同一案号只登记一次',
    },
    { key: 'courtName', header: '法院*', aliases: ['法院名称', '委派法院'], required: true, width: 18, hint: '委派、委托或邀请调解的人民法院' },
    { key: 'kind', header: '调解类型*', required: true, width: 10, list: Object.keys(KINDS), hint: '委派 (立案前)、委托 (立案后) 或 邀请' },
    {
      key: 'procedure',
      header: '适用程序',
      width: 10,
      list: Object.keys(PROCEDURES),
      hint: '委托调解填写：普通程序 (15 日) 或 简易程序 (7 日)；不填按普通程序',
    },
    {
      key: 'category',
      header: '纠纷类型*',
      required: true,
      width: 12,
      ...(names.join(',').length <= MAX_LIST_CHARS ? { list: names } : {}),
      hint: `其中之一：${names.join('、')}`,
    },
    { key: 'summary', header: '纠纷名称*', aliases: ['案由'], required: true, width: 20, hint: '如 买卖合同纠纷，2–60 字' },
    { key: 'description', header: '纠纷情况*', aliases: ['简要案情'], required: true, width: 40, hint: '纠纷事实与当事人请求，至少 5 字' },
    { key: 'applicant', header: '申请人*', aliases: ['原告'], required: true, width: 12, hint: '姓名或单位名称' },
    { key: 'applicantIdType', header: '申请人证件类型', width: 14, list: idTypeList, hint: `不填为居民身份证；单位填“${USCC}”` },
    { key: 'applicantId', header: '申请人证件号码*', aliases: ['申请人身份证号'], required: true, width: 22, hint: '身份证号码或统一社会信用代码' },
    { key: 'applicantPhone', header: '申请人电话', width: 14, hint: '11 位手机号，选填' },
    { key: 'respondent', header: '被申请人', aliases: ['被告'], width: 12, hint: '姓名或单位名称，选填' },
    { key: 'respondentIdType', header: '被申请人证件类型', width: 14, list: idTypeList, hint: '同申请人' },
    { key: 'respondentId', header: '被申请人证件号码', width: 22, hint: '填写被申请人时必填' },
    { key: 'respondentPhone', header: '被申请人电话', width: 14, hint: '选填' },
  ];
}

function party(name: string | undefined, idType: string | undefined, id: string | undefined, phone: string | undefined, role: 'applicant' | 'respondent') {
  if (!name && !id) return undefined;
  const base = { name: name ?? '', role, ...(phone ? { phone } : {}) };
  if (idType === USCC) return { kind: 'organisation', uscc: id ?? '', ...base };
  const type = idType ? (ID_TYPES.find((t) => t.zh === idType)?.code ?? idType) : 'resident-id';
  return { kind: 'person', idType: type, idNumber: id ?? '', ...base };
}

/**
 * A row of the sheet as the API's referral (shared/court.ts CourtReferral): Chinese labels become codes — a
 * category's by the active `categories` — and an unknown label is passed on as it is so validation names it.
 */
export function referralOfRow(r: SheetRow<Key>, categories: readonly SheetCategory[]): Record<string, unknown> {
  const v = (k: Key) => text(r.values[k]);
  const kind = v('kind');
  const procedure = v('procedure');
  const category = v('category');
  const parties = [
    party(v('applicant'), v('applicantIdType'), v('applicantId'), v('applicantPhone'), 'applicant'),
    party(v('respondent'), v('respondentIdType'), v('respondentId'), v('respondentPhone'), 'respondent'),
  ].filter((p) => p !== undefined);
  return {
    courtCaseNumber: v('courtCaseNumber'),
    courtName: v('courtName'),
    kind: kind ? ((KINDS as Record<string, string>)[kind.replace(/调解$/, '')] ?? kind) : undefined,
    ...(procedure ? { courtProcedure: (PROCEDURES as Record<string, string>)[procedure] ?? procedure } : {}),
    category: category ? (categories.find((c) => c.nameZh === category)?.code ?? category) : undefined,
    summary: v('summary'),
    description: v('description'),
    parties,
  };
}
