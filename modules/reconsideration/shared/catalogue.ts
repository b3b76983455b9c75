// 行政复议's fixed lists: channels, sectors, act types and how a case ends. Statute:
// ../shared/laws/administrative-reconsideration-law-2023.md (行政复议法); formulas: ../shared/domain/rules.md "Indicator formulas".

const keys = <T extends Record<string, unknown>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

/** How an application came in. `forwarded`: through the agency that imposed the penalty (第三十二条). */
export const CASE_CHANNELS = {
  window: { zh: '当面递交', en: 'In person' },
  post: { zh: '邮寄', en: 'By post' },
  portal: { zh: '网上申请', en: 'Online' },
  forwarded: { zh: '处罚机关转送', en: 'Forwarded by the penalising agency' },
  import: { zh: '历史数据导入', en: 'Imported' },
} as const;
export type CaseChannel = keyof typeof CASE_CHANNELS;
/** The channels staff register by (the portal and the import have their own routes). */
export const STAFF_CHANNELS = ['window', 'post', 'forwarded'] as const;

/** 行业领域 of the respondent (the figures' breakdown by sector). */
export const SECTORS = {
  'public-security': { zh: '公安' },
  'natural-resources': { zh: '自然资源' },
  'market-regulation': { zh: '市场监管' },
  'human-resources': { zh: '人力资源社会保障' },
  housing: { zh: '住房城乡建设' },
  'urban-management': { zh: '城市管理' },
  ecology: { zh: '生态环境' },
  transport: { zh: '交通运输' },
  health: { zh: '卫生健康' },
  government: { zh: '人民政府' },
  other: { zh: '其他' },
} as const;
export type Sector = keyof typeof SECTORS;
export const SECTOR_KEYS = keys(SECTORS);

/**
 * 行政行为类别. `firstBy` marks the kinds 第二十三条 makes reconsideration-first (复议前置); an on-the-spot penalty
 * (第二十三条第一款第一项) is the penalty kind with `onTheSpot` set at registration.
 */
export const ACT_TYPES = {
  penalty: { zh: '行政处罚', firstBy: null },
  coercion: { zh: '行政强制', firstBy: null },
  licensing: { zh: '行政许可', firstBy: null },
  'natural-resource-rights': { zh: '自然资源权属', firstBy: '第二十三条第一款第二项' },
  inaction: { zh: '不履行法定职责', firstBy: '第二十三条第一款第三项' },
  'information-disclosure': { zh: '政府信息公开', firstBy: '第二十三条第一款第四项' },
  expropriation: { zh: '征收征用', firstBy: null },
  'work-injury': { zh: '工伤认定', firstBy: null },
  registration: { zh: '行政登记', firstBy: null },
  other: { zh: '其他', firstBy: null },
} as const;
export type ActType = keyof typeof ACT_TYPES;
export const ACT_TYPE_KEYS = keys(ACT_TYPES);

/** Whether 第二十三条 makes the case reconsideration-first, and by which item. */
export function reconsiderationFirst(actType: ActType, onTheSpot: boolean): string | null {
  if (actType === 'penalty' && onTheSpot) return '第二十三条第一款第一项';
  return ACT_TYPES[actType].firstBy;
}

/**
 * How a case ends (结案方式) and the group each counts in (rules.md): `direct` 直接纠错, `mediation` 调解/和解,
 * `upheld` 维持/驳回复议请求, `other` (in S only). `by`: the action that records it — `decide` (a decision) or
 * `terminate` (终止, 第四十一条). `import`: the name the import template uses.
 */
export const CLOSINGS = {
  changed: { zh: '变更', group: 'direct', by: 'decide', article: '第六十三条', import: '变更' },
  revoked: { zh: '撤销', group: 'direct', by: 'decide', article: '第六十四条', import: '撤销' },
  'confirmed-illegal': { zh: '确认违法', group: 'direct', by: 'decide', article: '第六十五条', import: '确认违法' },
  'ordered-performance': { zh: '责令履行', group: 'direct', by: 'decide', article: '第六十六条', import: '责令履行' },
  'confirmed-void': { zh: '确认无效', group: 'direct', by: 'decide', article: '第六十七条', import: '确认无效' },
  upheld: { zh: '维持', group: 'upheld', by: 'decide', article: '第六十八条', import: '维持' },
  rejected: { zh: '驳回复议请求', group: 'upheld', by: 'decide', article: '第六十九条', import: '驳回' },
  dismissed: { zh: '驳回申请', group: 'other', by: 'decide', article: '第三十三条', import: '驳回申请' },
  mediated: { zh: '调解', group: 'mediation', by: 'decide', article: '第七十三条', import: '调解终止' },
  settled: { zh: '和解终止', group: 'mediation', by: 'terminate', article: '第七十四条、第四十一条第一项', import: '和解终止' },
  withdrawn: { zh: '撤回终止', group: 'other', by: 'terminate', article: '第四十一条第一项', import: '撤回终止' },
  'terminated-other': { zh: '其他终止', group: 'other', by: 'terminate', article: '第四十一条', import: '其他终止' },
} as const;
export type Closing = keyof typeof CLOSINGS;
export const CLOSING_KEYS = keys(CLOSINGS);
export const DECISION_CLOSINGS = CLOSING_KEYS.filter((k) => CLOSINGS[k].by === 'decide') as [Closing, ...Closing[]];
export const TERMINATION_CLOSINGS = CLOSING_KEYS.filter((k) => CLOSINGS[k].by === 'terminate') as [Closing, ...Closing[]];
export const closingsIn = (group: (typeof CLOSINGS)[Closing]['group']) => CLOSING_KEYS.filter((k) => CLOSINGS[k].group === group);
/** The import's 结案方式 → closing (the template's drop-down). */
export const CLOSING_BY_IMPORT_NAME: Readonly<Record<string, Closing>> = Object.fromEntries(CLOSING_KEYS.map((k) => [CLOSINGS[k].import, k]));

/** 审理程序 (第五十三条: simplified for on-the-spot acts, warnings, ≤ ¥3,000, information disclosure, or consent). */
export const PROCEDURES = {
  ordinary: { zh: '普通程序' },
  simplified: { zh: '简易程序' },
} as const;
export type Procedure = keyof typeof PROCEDURES;

/** 第三十九条第一款: the grounds of suspension (中止), by item. */
export const SUSPENSION_GROUNDS = [
  '作为申请人的公民死亡，其近亲属尚未确定是否参加行政复议',
  '作为申请人的公民丧失参加行政复议的行为能力，尚未确定法定代理人参加行政复议',
  '作为申请人的公民下落不明',
  '作为申请人的法人或者其他组织终止，尚未确定权利义务承受人',
  '申请人、被申请人因不可抗力或者其他正当理由，不能参加行政复议',
  '依照本法规定进行调解、和解，申请人和被申请人同意中止',
  '行政复议案件涉及的法律适用问题需要有权机关作出解释或者确认',
  '行政复议案件审理需要以其他案件的审理结果为依据，而其他案件尚未审结',
  '有本法第五十六条或者第五十七条规定的情形',
  '需要中止行政复议的其他情形',
] as const;
