import { defineIndicator, type IndicatorFilter } from '@sifa/kernel/shared';
import type { MediationDeadlineId } from './deadlines';

const accepted: IndicatorFilter[] = [{ column: 'accepted_at', op: 'notNull' }];
const court: IndicatorFilter = { column: 'source', op: 'in', value: ['court-delegated', 'court-entrusted', 'court-invited'] };
const read = 'mediation.indicator.read';
const open: IndicatorFilter = { column: 'closed_at', op: 'isNull' };
const closed: IndicatorFilter = { column: 'closed_at', op: 'notNull' };

/**
 * The mediation periods a dispute runs against: the court's limits for delegated and entrusted mediation
 * (特邀调解规定 第二十七条, spc-court-invited-mediation-provisions-2016.md), counted from the mediator's sign-off.
 * The judicial-confirmation window (人民调解法 第三十三条) opens after an agreement and is not a mediation deadline.
 */
export const MEDIATION_DEADLINE_RULES = [
  'mediation.court-delegated',
  'mediation.court-entrusted.ordinary',
  'mediation.court-entrusted.simplified',
] as const satisfies readonly MediationDeadlineId[];

/** The three source groups of the monthly report (features.md M6): 主动调解, 申请调解, 接受委托移送调解. */
export const SOURCE_GROUPS = {
  proactive: { zh: '主动调解', en: 'Proactive' },
  application: { zh: '申请调解', en: 'On application' },
  entrusted: { zh: '接受委托移送调解', en: 'Entrusted or transferred' },
} as const;
export type SourceGroup = keyof typeof SOURCE_GROUPS;

/** A rating of 4 or 5 stars counts as satisfied: 满意 and 非常满意 of the five levels of 国办发〔2019〕51号 (operations.md). */
export const SATISFIED_SCORE = 4;

const success: IndicatorFilter[] = [...accepted, { column: 'outcome', op: 'eq', value: 'success' }];

/** 防止民转刑 / 防止群体性上访 of the monthly report (features.md M6): the disputes so recorded, and their persons. */
function prevented(key: string, column: string, zh: string, en: string) {
  const numerator: IndicatorFilter[] = [...success, { column, op: 'eq', value: true }];
  return [
    defineIndicator({
      id: `mediation.prevented-${key}`,
      nameZh: `${zh}（件）`,
      nameEn: `${en} (cases)`,
      permission: read,
      source: 'mediation.disputes',
      numerator,
      unit: 'count',
      decimals: 0,
      description: `调解成功并认定${zh}的纠纷数 (按受理日期统计)`,
    }),
    defineIndicator({
      id: `mediation.prevented-${key}-persons`,
      nameZh: `${zh}（人）`,
      nameEn: `${en} (persons)`,
      permission: read,
      source: 'mediation.disputes',
      sum: 'persons',
      numerator,
      unit: 'count',
      decimals: 0,
      description: `调解成功并认定${zh}的纠纷的涉及人数之和 (按受理日期统计)`,
    }),
  ];
}

/**
 * Mediation indicators (features.md M2, M6; rules.md "Indicator formulas"). The success rate is successful /
 * accepted — Ganzhou 2024: 37,860 / 39,728 = 95.30%. All count on the acceptance date.
 */
export const MEDIATION_INDICATORS = [
  defineIndicator({
    id: 'mediation.accepted',
    nameZh: '受理纠纷',
    nameEn: 'Disputes accepted',
    permission: read,
    source: 'mediation.disputes',
    numerator: accepted,
    unit: 'count',
    decimals: 0,
  }),
  defineIndicator({
    id: 'mediation.successful',
    nameZh: '调解成功',
    nameEn: 'Mediated successfully',
    permission: read,
    source: 'mediation.disputes',
    numerator: [...accepted, { column: 'outcome', op: 'eq', value: 'success' }],
    unit: 'count',
    decimals: 0,
  }),
  defineIndicator({
    id: 'mediation.success-rate',
    nameZh: '调解成功率',
    nameEn: 'Mediation success rate',
    permission: read,
    source: 'mediation.disputes',
    numerator: [...accepted, { column: 'outcome', op: 'eq', value: 'success' }],
    denominator: accepted,
    unit: 'percent',
    decimals: 2,
    description: '调解成功数 ÷ 受理数 (按受理日期统计)',
  }),
  defineIndicator({
    id: 'mediation.court-accepted',
    nameZh: '法院委派委托邀请调解',
    nameEn: 'Court-linked disputes',
    permission: read,
    source: 'mediation.disputes',
    numerator: [...accepted, court],
    unit: 'count',
    decimals: 0,
  }),
  defineIndicator({
    id: 'mediation.court-success-rate',
    nameZh: '诉调对接调解成功率',
    nameEn: 'Success rate of court-linked disputes',
    permission: read,
    source: 'mediation.disputes',
    numerator: [...accepted, court, { column: 'outcome', op: 'eq', value: 'success' }],
    denominator: [...accepted, court],
    unit: 'percent',
    decimals: 2,
  }),
  defineIndicator({
    id: 'mediation.judicial-confirmations',
    nameZh: '司法确认',
    nameEn: 'Judicial confirmations',
    permission: read,
    source: 'mediation.disputes',
    numerator: [{ column: 'confirmation_result', op: 'eq', value: 'confirmed' }],
    unit: 'count',
    decimals: 0,
  }),
  defineIndicator({
    id: 'mediation.average-duration',
    nameZh: '平均办理天数',
    nameEn: 'Average duration',
    permission: read,
    source: 'mediation.disputes',
    // Calendar days from acceptance to closing (Asia/Shanghai dates) of the closed disputes, whatever the outcome;
    // 人民调解工作若干规定 第三十三条 expects about one month (rules.md §4).
    sum: 'duration',
    numerator: [...accepted, closed],
    denominator: [...accepted, closed],
    unit: 'days',
    decimals: 1,
    description: '已办结纠纷自受理至办结的天数之和 ÷ 已办结纠纷数 (按受理日期统计)',
  }),
  defineIndicator({
    id: 'mediation.overdue',
    nameZh: '超期未结纠纷',
    nameEn: 'Overdue disputes',
    permission: read,
    source: 'mediation.disputes',
    numerator: [...accepted, open, { op: 'deadlineOverdue', rules: MEDIATION_DEADLINE_RULES }],
    unit: 'count',
    decimals: 0,
    description: '调解期限 (特邀调解规定 第二十七条) 已届满而尚未办结的纠纷，截至今日 (按受理日期统计)',
  }),
  defineIndicator({
    id: 'mediation.agreement-amount',
    nameZh: '协议涉及金额',
    nameEn: 'Amount covered by agreements',
    permission: read,
    source: 'mediation.disputes',
    sum: 'agreement-amount',
    numerator: success,
    unit: 'yuan',
    decimals: 2,
    description: '调解成功纠纷的协议涉及金额之和 (元，按受理日期统计)',
  }),
  ...prevented('criminal', 'prevented_criminal', '防止民转刑', 'Prevented from turning criminal'),
  ...prevented('mass-petition', 'prevented_mass_petition', '防止群体性上访', 'Mass petitions prevented'),
  defineIndicator({
    id: 'mediation.at-risk',
    nameZh: '有激化风险的纠纷',
    nameEn: 'Disputes at risk of escalation',
    permission: read,
    source: 'mediation.disputes',
    numerator: [
      { column: 'at_risk', op: 'eq', value: true },
      { column: 'closed_at', op: 'isNull' },
    ],
    unit: 'count',
    decimals: 0,
  }),
  // Citizens' ratings on the portal after closing (portal.ts), counted on the day they were given.
  defineIndicator({
    id: 'mediation.rating-average',
    nameZh: '群众评价平均分（5 分制）',
    nameEn: 'Average citizen rating (of 5)',
    permission: read,
    source: 'mediation.ratings',
    sum: 'score',
    numerator: [],
    denominator: [],
    unit: 'count',
    decimals: 2,
    description: '评分之和 ÷ 评价数 (群众在公众门户对办结纠纷的评价，按评价日期统计)',
  }),
  defineIndicator({
    id: 'mediation.rating-satisfied',
    nameZh: '群众满意率',
    nameEn: 'Citizens satisfied',
    permission: read,
    source: 'mediation.ratings',
    numerator: [{ column: 'score', op: 'in', value: [SATISFIED_SCORE, 5] }],
    denominator: [],
    unit: 'percent',
    decimals: 2,
    description: '评为 4 星或 5 星 (满意、非常满意) 的评价数 ÷ 评价数 (国办发〔2019〕51号 好差评五级；按评价日期统计)',
  }),
];

/** The monthly report's figures in its order (features.md M6; Huangshi's 矛盾纠纷排查化解工作要情). */
export const MONTHLY_REPORT_FIGURES = [
  'mediation.accepted',
  'mediation.successful',
  'mediation.success-rate',
  'mediation.agreement-amount',
  'mediation.prevented-criminal',
  'mediation.prevented-criminal-persons',
  'mediation.prevented-mass-petition',
  'mediation.prevented-mass-petition-persons',
] as const;
