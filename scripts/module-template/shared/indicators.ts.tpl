import { defineIndicator } from '@sifa/kernel/shared';

/**
 * __zh__'s figures, counted over the module's matter-backed source `__name__.cases` on the registration date (the
 * matter's `opened_at`). TODO: the formulas of ../shared/domain/rules.md for this line.
 */
export const __CONST___INDICATORS = [
  defineIndicator({
    id: '__name__.close-rate',
    nameZh: '办结率',
    nameEn: 'Closure rate',
    permission: '__name__.case.read',
    source: '__name__.cases',
    numerator: [{ column: 'status', op: 'eq', value: 'closed' }],
    denominator: [{ column: 'status', op: 'in', value: ['accepted', 'closed'] }],
    unit: 'percent',
    decimals: 2,
    description: '办结数 ÷ 受理数（含已办结），按登记日期统计',
  }),
];
