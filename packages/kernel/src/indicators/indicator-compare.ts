import { addDays, addMonths } from '../deadlines/dates';
import { AppError } from '../errors';
import type { Ctx } from '../http/types';
import { indicatorChange, indicatorValue, type IndicatorComparison, type IndicatorPoint } from '../shared/indicators';
import { envOf, type IndicatorCatalog, type Period } from './engine';
import { indicatorSeries } from './indicator-table';

/** The month `k` months after `month` (YYYY-MM; k may be negative). */
const monthAfter = (month: string, k: number) => addMonths(`${month}-01`, k).slice(0, 7);

/**
 * Indicators of `month` against the month before (环比), the same month a year before (同比) and the year so far
 * (本年累计, January to `month`), for a unit: one monthly series from the same month last year to `month` — one
 * grouped scan per source — read at those months. A ratio's year so far is its numerators over its denominators,
 * not an average of months. A month after the current one is refused: it has no figures yet.
 */
export async function indicatorComparison(
  ctx: Ctx,
  catalog: IndicatorCatalog,
  ids: readonly string[],
  q: { org?: string | undefined; month: string; today?: string | undefined },
): Promise<IndicatorComparison> {
  const p: Period = { org: q.org, today: q.today };
  if (q.month > envOf(p).today.slice(0, 7)) throw new AppError('VALIDATION_FAILED', { first: `${q.month} 尚未到来，没有可统计的数据` });
  const lastYearMonth = monthAfter(q.month, -12);
  const previousMonth = monthAfter(q.month, -1);
  const table = await indicatorSeries(ctx, catalog, ids, { ...p, from: `${lastYearMonth}-01`, to: addDays(`${monthAfter(q.month, 1)}-01`, -1) });
  const at = (month: string) => table.buckets.indexOf(month);
  const yearStart = `${q.month.slice(0, 4)}-01`;
  return {
    month: q.month,
    previousMonth,
    lastYearMonth,
    orgId: table.orgId,
    orgName: table.orgName,
    rows: table.series.map(({ values, total: _total, ...s }) => {
      const point = (month: string): IndicatorPoint => values[at(month)] ?? { value: null, numerator: 0, denominator: null };
      const current = point(q.month);
      const previous = point(previousMonth);
      const lastYear = point(lastYearMonth);
      const year = table.buckets.flatMap((b, i) => (b !== null && b >= yearStart ? [values[i]] : []));
      const n = year.reduce((sum, v) => sum + (v?.numerator ?? 0), 0);
      const d = current.denominator === null ? null : year.reduce((sum, v) => sum + (v?.denominator ?? 0), 0);
      return {
        ...s,
        current,
        previous,
        lastYear,
        yearToDate: { value: indicatorValue(n, d, s.unit, s.decimals), numerator: n, denominator: d },
        monthOnMonth: indicatorChange(current.value, previous.value, s.unit, s.decimals),
        yearOnYear: indicatorChange(current.value, lastYear.value, s.unit, s.decimals),
      };
    }),
  };
}
