import { defineIndicator, type IndicatorFilter } from '@sifa/kernel/shared';
import { CLOSING_KEYS, closingsIn } from './catalogue';

/**
 * 行政复议's figures (../shared/domain/rules.md "Indicator formulas", A = accepted 受理, S = closed 审结), counted over
 * the source `reconsideration.cases` by the **acceptance date** (`accepted_at`): of the cases accepted in the period,
 * how many were closed and how. Cases never accepted (declined, abandoned, still under review) are in no figure.
 * Some cities count S by the closing date instead; that variant is not built (README "Indicators").
 */
const ACCEPTED: IndicatorFilter = { column: 'accepted_at', op: 'notNull' };
const CLOSED: IndicatorFilter = { column: 'closing', op: 'in', value: CLOSING_KEYS };
const DIRECT = closingsIn('direct');
const MEDIATION = closingsIn('mediation');
const UPHELD = closingsIn('upheld');

const base = { permission: 'reconsideration.case.read', source: 'reconsideration.cases' } as const;

export const RECONSIDERATION_INDICATORS = [
  defineIndicator({
    ...base,
    id: 'reconsideration.accepted',
    nameZh: '受理数',
    nameEn: 'Accepted',
    numerator: [ACCEPTED],
    unit: 'count',
    decimals: 0,
    description: '受理的行政复议案件数 A（含视为受理），按受理日期统计',
  }),
  defineIndicator({
    ...base,
    id: 'reconsideration.closed',
    nameZh: '审结数',
    nameEn: 'Closed',
    numerator: [CLOSED],
    unit: 'count',
    decimals: 0,
    description: '已审结的案件数 S：作出决定（含调解、驳回申请）或者终止，按受理日期统计',
  }),
  defineIndicator({
    ...base,
    id: 'reconsideration.closure-rate',
    nameZh: '结案率',
    nameEn: 'Closure rate',
    numerator: [CLOSED],
    denominator: [ACCEPTED],
    unit: 'percent',
    decimals: 2,
    description: '结案率 = 审结数 S ÷ 受理数 A，按受理日期统计',
  }),
  defineIndicator({
    ...base,
    id: 'reconsideration.mediation-rate',
    nameZh: '调解率（调撤率）',
    nameEn: 'Mediation rate',
    numerator: [{ column: 'closing', op: 'in', value: MEDIATION }],
    denominator: [CLOSED],
    unit: 'percent',
    decimals: 2,
    description: '调解率 = 经调解、和解结案的案件数（调解、和解终止）÷ 审结数 S，按受理日期统计',
  }),
  defineIndicator({
    ...base,
    id: 'reconsideration.direct-correction-rate',
    nameZh: '直接纠错率',
    nameEn: 'Direct correction rate',
    numerator: [{ column: 'closing', op: 'in', value: DIRECT }],
    denominator: [CLOSED],
    unit: 'percent',
    decimals: 2,
    description: '直接纠错率 = （变更 + 撤销 + 确认违法 + 责令履行 + 确认无效）÷ 审结数 S，按受理日期统计',
  }),
  defineIndicator({
    ...base,
    id: 'reconsideration.comprehensive-correction-rate',
    nameZh: '综合纠错率',
    nameEn: 'Comprehensive correction rate',
    numerator: [{ column: 'closing', op: 'in', value: [...DIRECT, ...MEDIATION] }],
    denominator: [CLOSED],
    unit: 'percent',
    decimals: 2,
    description: '综合纠错率 = （直接纠错 + 调解、和解终止）÷ 审结数 S，按受理日期统计',
  }),
  defineIndicator({
    ...base,
    id: 'reconsideration.upheld-rate',
    nameZh: '维持率',
    nameEn: 'Upheld rate',
    numerator: [{ column: 'closing', op: 'in', value: UPHELD }],
    denominator: [CLOSED],
    unit: 'percent',
    decimals: 2,
    description: '维持率 = （维持 + 驳回复议请求）÷ 审结数 S，按受理日期统计',
  }),
];
