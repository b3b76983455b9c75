import { defineIndicator, type IndicatorFilter } from '@sifa/kernel/shared';

const accepted: IndicatorFilter[] = [{ column: 'accepted_at', op: 'notNull' }];
const court: IndicatorFilter = { column: 'source', op: 'in', value: ['court-delegated', 'court-entrusted', 'court-invited'] };
const read = 'mediation.indicator.read';

/**
 * Mediation indicators (features.md M2, M6; rules.md "Indicator formulas"). The success rate is successful /
 * accepted — Ganzhou 2024: 37,860 / 39,728 = 95.30%. All count on the acceptance date.
 */
export const MEDIATION_INDICATORS = [
  defineIndicator({ id: 'mediation.accepted', nameZh: '受理纠纷', nameEn: 'Disputes accepted', permission: read, source: 'mediation.disputes', numerator: accepted, unit: 'count', decimals: 0 }),
  defineIndicator({ id: 'mediation.successful', nameZh: '调解成功', nameEn: 'Mediated successfully', permission: read, source: 'mediation.disputes', numerator: [...accepted, { column: 'outcome', op: 'eq', value: 'success' }], unit: 'count', decimals: 0 }),
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
  defineIndicator({ id: 'mediation.court-accepted', nameZh: '法院委派委托邀请调解', nameEn: 'Court-linked disputes', permission: read, source: 'mediation.disputes', numerator: [...accepted, court], unit: 'count', decimals: 0 }),
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
  defineIndicator({ id: 'mediation.judicial-confirmations', nameZh: '司法确认', nameEn: 'Judicial confirmations', permission: read, source: 'mediation.disputes', numerator: [{ column: 'confirmation_result', op: 'eq', value: 'confirmed' }], unit: 'count', decimals: 0 }),
  defineIndicator({ id: 'mediation.at-risk', nameZh: '有激化风险的纠纷', nameEn: 'Disputes at risk of escalation', permission: read, source: 'mediation.disputes', numerator: [{ column: 'at_risk', op: 'eq', value: true }, { column: 'closed_at', op: 'isNull' }], unit: 'count', decimals: 0 }),
];
