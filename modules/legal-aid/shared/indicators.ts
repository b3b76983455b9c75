import { defineIndicator } from '@sifa/kernel/shared';

/**
 * 法律援助's figures, counted over the module's matter-backed source `legal-aid.cases` on the registration date (the
 * matter's `opened_at`). TODO: the formulas of ../shared/domain/rules.md for this line.
 */
export const LEGAL_AID_INDICATORS = [
  defineIndicator({
    id: 'legal-aid.close-rate',
    nameZh: '办结率',
    nameEn: 'Closure rate',
    permission: 'legal-aid.case.read',
    source: 'legal-aid.cases',
    numerator: [{ column: 'status', op: 'eq', value: 'closed' }],
    denominator: [{ column: 'status', op: 'in', value: ['accepted', 'closed'] }],
    unit: 'percent',
    decimals: 2,
    description: '办结数 ÷ 受理数（含已办结），按登记日期统计',
  }),
];
