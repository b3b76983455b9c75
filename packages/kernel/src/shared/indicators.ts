import { z } from 'zod';

/** A condition on one column of an indicator's source; columns are checked against the source's allow-list. */
export type IndicatorFilter =
  | { column: string; op: 'eq' | 'neq'; value: string | number | boolean }
  | { column: string; op: 'in' | 'notIn'; value: readonly (string | number)[] }
  | { column: string; op: 'isNull' | 'notNull' };

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
  /** Absent for a plain count. */
  denominator?: readonly IndicatorFilter[];
  unit: 'percent' | 'count' | 'days' | 'yuan';
  decimals: number;
  /** What the figure means and where its formula comes from (rules.md "Indicator formulas"). */
  description?: string;
}

export const defineIndicator = (d: IndicatorDefinition) => d;

/**
 * numerator / denominator (× 100 for percentages), rounded half up to `decimals` with exact integer arithmetic:
 * 61 / 195 → 31.28, 37,860 / 39,728 → 95.30.
 */
export function indicatorValue(numerator: number, denominator: number | null, unit: IndicatorDefinition['unit'], decimals: number): number | null {
  if (denominator === null) return numerator;
  if (denominator === 0) return null;
  const scale = 10n ** BigInt(decimals + (unit === 'percent' ? 2 : 0));
  const n = BigInt(Math.round(numerator));
  const d = BigInt(Math.round(denominator));
  const scaled = (2n * n * scale + d) / (2n * d); // floor((n·scale)/d + 1/2)
  return Number(scaled) / 10 ** decimals;
}

export const IndicatorQuery = z.object({
  org: z.uuid('单位编号格式不正确').optional(),
  from: z.iso.date('开始日期格式应为 YYYY-MM-DD').optional(),
  to: z.iso.date('结束日期格式应为 YYYY-MM-DD').optional(),
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
