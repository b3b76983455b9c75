import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { AppError } from '../errors';
import type { Ctx } from '../http/types';
import type { IndicatorTable } from '../shared/indicators';
import {
  aggregate,
  checkPeriod,
  describe,
  envOf,
  monthSql,
  pointOf,
  resolve,
  unitOf,
  type Counts,
  type IndicatorCatalog,
  type Period,
  type Resolved,
} from './engine';
import { dimensionSql, type IndicatorDimension, type IndicatorSource } from './sources';

/** A series longer than this is refused: a dashboard's trend is a few years at most. */
export const MAX_MONTHS = 120;

function months(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  for (let key = first; key <= last; key = `${y}-${String(m).padStart(2, '0')}`) {
    out.push(key);
    if (out.length > MAX_MONTHS) throw new AppError('VALIDATION_FAILED', { first: `月度趋势最多 ${MAX_MONTHS} 个月，请缩小统计期间` });
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

function tableOf(
  resolved: readonly Resolved[],
  by: string,
  buckets: (string | null)[],
  data: Map<string | null, Map<string, Counts>>,
  unit: { id: string; name: string },
  p: Period,
): IndicatorTable {
  return {
    by,
    buckets,
    orgId: unit.id,
    orgName: unit.name,
    from: p.from ?? null,
    to: p.to ?? null,
    series: resolved.map(({ id, def }) => {
      const total = { n: 0, d: 0 };
      // Buckets partition the records, so the total is the sum of the buckets' numerators and denominators.
      for (const c of data.values()) {
        total.n += c.get(id)?.n ?? 0;
        total.d += c.get(id)?.d ?? 0;
      }
      return { ...describe(def), values: buckets.map((b) => pointOf(def, data.get(b)?.get(id))), total: pointOf(def, total) };
    }),
  };
}

/**
 * Indicators month by month (Asia/Shanghai, on the source's date column) over the period, in one grouped scan per
 * source. Every month of the period is there, those without records as 0 (a ratio's value null). Without `from`
 * the series starts at the first month with records; without `to` it ends in the current month. Records without a
 * date belong to no month.
 */
export async function indicatorSeries(ctx: Ctx, catalog: IndicatorCatalog, ids: readonly string[], p: Period): Promise<IndicatorTable> {
  checkPeriod(p);
  const resolved = ids.map((id) => resolve(ctx, catalog, id));
  const unit = await unitOf(ctx, p.org);
  const data = await aggregate(ctx, resolved, unit.path, p, {
    bucket: monthSql,
    extra: (source) => sql`${sql.ref(`s.${source.dateColumn}`)} is not null`,
  });
  const seen = [...data.keys()].filter((k): k is string => k !== null).sort();
  const last = [(p.to ?? envOf(p).today).slice(0, 7), ...seen].sort().at(-1) ?? '';
  const first = [p.from?.slice(0, 7) ?? seen[0] ?? last, last].sort()[0] ?? last;
  return tableOf(resolved, 'month', months(first, last), data, unit, p);
}

function dimensionOf(source: IndicatorSource, by: string): IndicatorDimension {
  const dim = source.dimensions?.[by];
  if (!dim) throw new AppError('VALIDATION_FAILED', { first: `指标来源“${source.id}”不能按“${by}”分组` });
  return dim;
}

/**
 * Indicators by the values of a dimension the source declares (`by`), in one grouped scan per source. Buckets are
 * the keys that occur with a non-zero figure, in code order, the null bucket (no value or no group) last.
 */
export async function indicatorBreakdown(ctx: Ctx, catalog: IndicatorCatalog, ids: readonly string[], by: string, p: Period): Promise<IndicatorTable> {
  checkPeriod(p);
  const resolved = ids.map((id) => resolve(ctx, catalog, id));
  for (const r of resolved) dimensionOf(r.source, by);
  const unit = await unitOf(ctx, p.org);
  const data = await aggregate(ctx, resolved, unit.path, p, {
    bucket: (source) => dimensionSql(source, dimensionOf(source, by)),
  });
  const buckets = [...data.entries()]
    .filter(([, counts]) => [...counts.values()].some((c) => c.n !== 0 || c.d !== 0))
    .map(([k]) => k)
    .sort((a, b) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0));
  return tableOf(resolved, by, buckets, data, unit, p);
}

/** Header and Chinese labels of a table's buckets, for exports: months as they are, dimension keys by the source. */
export async function bucketLabels(
  db: Kysely<Database>,
  catalog: IndicatorCatalog,
  table: IndicatorTable,
): Promise<{ header: string; label: (key: string | null) => string }> {
  if (table.by === 'month') return { header: '月份', label: (k) => k ?? '' };
  const first = table.series[0] ? catalog.indicators.get(table.series[0].id) : undefined;
  const dim = first ? catalog.sources.get(first.source)?.dimensions?.[table.by] : undefined;
  const labels = typeof dim?.labels === 'function' ? await dim.labels(db) : dim?.labels;
  return { header: dim?.nameZh ?? table.by, label: (k) => (k === null ? '未分类' : (labels?.[k] ?? k)) };
}
