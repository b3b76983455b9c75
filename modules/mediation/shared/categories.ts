/**
 * The standard statistical categories 统计口径 of the MoJ monthly mediation statistics (features.md M6; SF/T 0018-2019's
 * code table was not obtainable — standards.md). A dispute's category is a code of the table `mediation.categories`,
 * which an administrator keeps (migrations/0008_categories.sql): these fifteen are its built-in rows, and every
 * category added there names one of them as the one it is counted under in the monthly report (`report_as`).
 */
export const DISPUTE_CATEGORIES = {
  'marriage-family': { zh: '婚姻家庭', en: 'Marriage and family' },
  neighbour: { zh: '邻里', en: 'Neighbours' },
  'housing-homestead': { zh: '房屋宅基地', en: 'Housing and homestead' },
  contract: { zh: '合同', en: 'Contract' },
  business: { zh: '生产经营', en: 'Production and business' },
  damages: { zh: '损害赔偿', en: 'Damages' },
  'forest-land': { zh: '山林土地', en: 'Forest and land' },
  'expropriation-demolition': { zh: '征地拆迁', en: 'Expropriation and demolition' },
  environment: { zh: '环境污染', en: 'Environmental pollution' },
  labour: { zh: '劳动争议', en: 'Labour' },
  consumer: { zh: '消费', en: 'Consumer' },
  medical: { zh: '医疗', en: 'Medical' },
  traffic: { zh: '道路交通事故', en: 'Road traffic accident' },
  property: { zh: '物业', en: 'Property management' },
  other: { zh: '其他', en: 'Other' },
} as const;
/** A standard statistical category (not every dispute category: administrators add their own). */
export type StandardCategory = keyof typeof DISPUTE_CATEGORIES;
export const STANDARD_CATEGORY_CODES = Object.keys(DISPUTE_CATEGORIES) as StandardCategory[];
/** The category every dispute can fall back on: it cannot be deactivated. */
export const OTHER_CATEGORY = 'other' satisfies StandardCategory;
/** A category code: stable once created (disputes and indicators keep it), lowercase letters, digits and hyphens. */
export const CATEGORY_CODE_PATTERN = /^[a-z0-9-]{2,40}$/;

/** Where a dispute came from (features.md M2–M3, M6 sources). */
export const DISPUTE_SOURCES = {
  window: { zh: '窗口登记', en: 'Walk-in', group: 'application' },
  phone: { zh: '电话登记', en: 'Phone', group: 'application' },
  portal: { zh: '网上申请', en: 'Online application', group: 'application' },
  screening: { zh: '矛盾纠纷排查', en: 'Dispute screening', group: 'proactive' },
  'court-delegated': { zh: '法院委派调解', en: 'Court-delegated (pre-filing)', group: 'entrusted' },
  'court-entrusted': { zh: '法院委托调解', en: 'Court-entrusted (post-filing)', group: 'entrusted' },
  'court-invited': { zh: '法院邀请调解', en: 'Court-invited', group: 'entrusted' },
  petition: { zh: '信访部门移送', en: 'Petition office referral', group: 'entrusted' },
  police: { zh: '公安机关移送', en: 'Police referral', group: 'entrusted' },
} as const;
export type DisputeSource = keyof typeof DISPUTE_SOURCES;
export const DISPUTE_SOURCE_CODES = Object.keys(DISPUTE_SOURCES) as DisputeSource[];
export const isCourtSource = (s: DisputeSource) => s === 'court-delegated' || s === 'court-entrusted' || s === 'court-invited';

export const PARTY_ROLES = {
  applicant: { zh: '申请人', en: 'Applicant' },
  respondent: { zh: '被申请人', en: 'Respondent' },
  other: { zh: '其他当事人', en: 'Other party' },
} as const;
export type DisputePartyRole = keyof typeof PARTY_ROLES;
