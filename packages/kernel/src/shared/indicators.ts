import { z } from 'zod';

/**
 * A condition on one column of an indicator's source; columns are checked against the source's allow-list.
 * `deadlineOverdue` needs no column: the record's matter (the source's `matterColumn`) has a statutory deadline
 * still running whose due date is before today (Asia/Shanghai) — the to-do list's red "已逾期" level — optionally
 * of the named deadline rules only. Paused, met and cancelled deadlines are never overdue.
 */
export type IndicatorFilter =
  | { column: string; op: 'eq' | 'neq'; value: string | number | boolean }
  | { column: string; op: 'in' | 'notIn'; value: readonly (string | number)[] }
  | { column: string; op: 'isNull' | 'notNull' }
  | { op: 'deadlineOverdue'; rules?: readonly string[] };

/**
 * An indicator is data (features.md K7): numerator and denominator are filters over a source; the engine
 * computes it for any unit subtree and period and lists the records behind either figure.
 */
export interface IndicatorDefinition {
  id: string;
  nameZh: string;
  nameEn: string;
  /** Permission needed to read it, e.g. mediation.indicator.read. */
  permission: string;
  source: string;
  numerator: readonly IndicatorFilter[];
  /**
   * With `sum`, the numerator is the sum of this measure of the source (e.g. days from acceptance to closing)
   * over the numerator's records instead of their count — an average when the denominator counts the same records.
   */
  sum?: string;
  /** Absent for a plain count. */
  denominator?: readonly IndicatorFilter[];
  /** 'yuan': money, which is kept in fen — the numerator (a `sum` of a fen measure) is fen, the value yuan. */
  unit: 'percent' | 'count' | 'days' | 'yuan';
  decimals: number;
  /** What the figure means and where its formula comes from (rules.md "Indicator formulas"). */
  description?: string;
}

export const defineIndicator = (d: IndicatorDefinition) => d;

/**
 * numerator / denominator (× 100 for percentages, ÷ 100 for yuan from fen), rounded half up to `decimals` with
 * exact integer arithmetic: 61 / 195 → 31.28, 37,860 / 39,728 → 95.30, 123,456 fen → 1,234.56 yuan.
 */
export function indicatorValue(numerator: number, denominator: number | null, unit: IndicatorDefinition['unit'], decimals: number): number | null {
  if (denominator === null && unit !== 'yuan') return numerator;
  if (denominator === 0) return null;
  const scale = 10n ** BigInt(decimals + (unit === 'percent' ? 2 : 0));
  const n = BigInt(Math.round(numerator));
  const d = BigInt(Math.round(denominator ?? 1)) * (unit === 'yuan' ? 100n : 1n);
  const scaled = (2n * n * scale + d) / (2n * d); // floor((n·scale)/d + 1/2)
  return Number(scaled) / 10 ** decimals;
}

export const IndicatorQuery = z.object({
  org: z.uuid('单位编号格式不正确').optional(),
  from: z.iso.date('开始日期格式应为 YYYY-MM-DD').optional(),
  to: z.iso.date('结束日期格式应为 YYYY-MM-DD').optional(),
});

/** `YYYY-MM`: a calendar month (Asia/Shanghai). */
export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');

/** Drill-down into one bucket of a series (`month`) or of a breakdown (`by` + `key`; an empty key is the null bucket). */
export const IndicatorBucketQuery = z.object({
  month: MonthSchema.optional(),
  by: z
    .string()
    .regex(/^[a-z][a-z0-9_-]*$/, '分组维度格式不正确')
    .max(40)
    .optional(),
  key: z.string().max(100).optional(),
});

export const IndicatorResult = z.object({
  id: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  unit: z.enum(['percent', 'count', 'days', 'yuan']),
  decimals: z.number().int(),
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number().nullable(),
  orgId: z.string(),
  orgName: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  description: z.string().optional(),
});
export type IndicatorResult = z.infer<typeof IndicatorResult>;

/** One cell of an indicator table: the figure of one bucket (a month, a category …). */
export const IndicatorPoint = z.object({ value: z.number().nullable(), numerator: z.number(), denominator: z.number().nullable() });
export type IndicatorPoint = z.infer<typeof IndicatorPoint>;

/**
 * Several indicators over buckets — months (series) or the values of a source dimension (breakdown). `values[i]`
 * belongs to `buckets[i]`; `total` is the figure over all buckets. Bucket keys are codes (`2026-03`, `neighbour`;
 * null for records without a value): labels are the module's business.
 */
/** What a table's row or series says about its indicator. */
const IndicatorHead = {
  id: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  unit: z.enum(['percent', 'count', 'days', 'yuan']),
  decimals: z.number().int(),
  description: z.string().optional(),
};

export const IndicatorTable = z.object({
  by: z.string(),
  buckets: z.array(z.string().nullable()),
  orgId: z.string(),
  orgName: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  series: z.array(
    z.object({
      ...IndicatorHead,
      values: z.array(IndicatorPoint),
      total: IndicatorPoint,
    }),
  ),
});
export type IndicatorTable = z.infer<typeof IndicatorTable>;

/**
 * A figure against an earlier one (the monthly report's 同比 and 环比): a percentage moves in percentage points
 * (95.30% → 96.10%: +0.80 points); any other figure by its relative change in percent (120 → 150: +25.00%), null
 * when the earlier figure is 0 or missing.
 */
export const IndicatorChange = z.object({ kind: z.enum(['points', 'relative']), value: z.number().nullable() });
export type IndicatorChange = z.infer<typeof IndicatorChange>;

export function indicatorChange(current: number | null, earlier: number | null, unit: IndicatorDefinition['unit'], decimals: number): IndicatorChange {
  if (unit === 'percent') {
    const scale = 10 ** decimals;
    return { kind: 'points', value: current === null || earlier === null ? null : Math.round((current - earlier) * scale) / scale };
  }
  if (current === null || earlier === null || earlier === 0) return { kind: 'relative', value: null };
  return { kind: 'relative', value: Math.round(((current - earlier) / Math.abs(earlier)) * 10_000) / 100 };
}

/** A change as shown: +0.80 个百分点 for a rate (`points` names the unit), +25.00% otherwise; — when nothing compares. */
export const formatChange = (c: IndicatorChange, points = ' 个百分点'): string =>
  c.value === null ? '—' : `${c.value > 0 ? '+' : ''}${c.value.toFixed(2)}${c.kind === 'points' ? points : '%'}`;

/**
 * Indicators of one month against the month before, the same month a year before, and the year so far (the
 * monthly report: 本月、上月、环比、去年同月、同比、本年累计).
 */
export const IndicatorComparison = z.object({
  month: z.string(),
  previousMonth: z.string(),
  lastYearMonth: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  rows: z.array(
    z.object({
      ...IndicatorHead,
      current: IndicatorPoint,
      previous: IndicatorPoint,
      lastYear: IndicatorPoint,
      yearToDate: IndicatorPoint,
      monthOnMonth: IndicatorChange,
      yearOnYear: IndicatorChange,
    }),
  ),
});
export type IndicatorComparison = z.infer<typeof IndicatorComparison>;
