import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { systemClock } from '../deadlines/clock';
import { AppError, notFound } from '../errors';
import type { Ctx } from '../http/types';
import { findOrg } from '../orgs/org.repository';
import { indicatorValue, type IndicatorDefinition, type IndicatorPoint } from '../shared/indicators';
import { filterSql, getMeasure, measureSql, relationSql, type FilterEnv, type IndicatorSource } from './sources';

// The engine's inner parts, shared by figures, tables and drill-down (not exported from the kernel).

export interface IndicatorCatalog {
  indicators: ReadonlyMap<string, IndicatorDefinition>;
  sources: ReadonlyMap<string, IndicatorSource>;
}

export interface Period {
  org?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** The day deadline conditions are judged on (the app's clock); today in Asia/Shanghai when absent. */
  today?: string | undefined;
}

export interface Resolved {
  id: string;
  def: IndicatorDefinition;
  source: IndicatorSource;
}

export function resolve(ctx: Ctx, catalog: IndicatorCatalog, id: string): Resolved {
  const def = catalog.indicators.get(id);
  // Without the indicator's permission it does not exist for the caller.
  if (!def || !ctx.user.permissions.has(def.permission)) throw notFound(`指标 ${id} `);
  const source = catalog.sources.get(def.source);
  if (!source) throw new Error(`指标 ${id} 的来源 ${def.source} 未登记`);
  if (def.sum) getMeasure(source, def.sum);
  return { id, def, source };
}

export function checkPeriod(p: Period) {
  if (p.from && p.to && p.from > p.to) throw new AppError('VALIDATION_FAILED', { first: '开始日期不能晚于结束日期' });
}

export async function unitOf(ctx: Ctx, org: string | undefined) {
  const unit = await findOrg(ctx.db, ctx.scope, org ?? ctx.scope.orgId);
  if (!unit) throw notFound('单位');
  return unit;
}

export const envOf = (p: Period): FilterEnv => ({ today: p.today ?? systemClock.today() });

/** Scope, unit subtree and period conditions shared by the figure and its drill-down. */
export function where(source: IndicatorSource, unitPath: string, p: Period): Expression<SqlBool> {
  const org = sql.ref(`s.${source.orgColumn}`);
  const date = sql.ref(`s.${source.dateColumn}`);
  const parts = [sql`${org} in (select u.id from kernel.orgs u where u.path like ${`${unitPath}%`})`];
  // Periods are Asia/Shanghai calendar days, inclusive of both ends.
  if (p.from) parts.push(sql`${date} >= (${p.from}::date)::timestamp at time zone 'Asia/Shanghai'`);
  if (p.to) parts.push(sql`${date} < (${p.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`);
  return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}

/** The month (`YYYY-MM`, Asia/Shanghai) a record counts in. */
export const monthSql = (source: IndicatorSource): RawBuilder<string | null> =>
  sql<string | null>`to_char(date_trunc('month', ${sql.ref(`s.${source.dateColumn}`)} at time zone 'Asia/Shanghai'), 'YYYY-MM')`;

/** Records of one month (`YYYY-MM`, Asia/Shanghai). */
export function inMonth(source: IndicatorSource, month: string): Expression<SqlBool> {
  const date = sql.ref(`s.${source.dateColumn}`);
  const first = `${month}-01`;
  return sql<SqlBool>`${date} >= (${first}::date)::timestamp at time zone 'Asia/Shanghai'
    and ${date} < (${first}::date + interval '1 month') at time zone 'Asia/Shanghai'`;
}

export interface Counts {
  n: number;
  d: number;
}

/**
 * Numerators and denominators of several indicators, one scan per source: a `count(*) filter (…)` (or a
 * `sum(measure) filter (…)`) pair per indicator, grouped by `bucket` when given (one row per bucket), restricted
 * further by `extra`. Returns bucket → indicator id → counts; without a bucket the only key is null.
 */
export async function aggregate(
  ctx: Ctx,
  resolved: readonly Resolved[],
  unitPath: string,
  p: Period,
  opts: {
    bucket?: (source: IndicatorSource) => RawBuilder<string | null>;
    extra?: (source: IndicatorSource) => Expression<SqlBool>;
    byChildUnit?: boolean;
  } = {},
): Promise<Map<string | null, Map<string, Counts>>> {
  const env = envOf(p);
  const bySource = new Map<string, Resolved[]>();
  for (const r of resolved) bySource.set(r.source.id, [...(bySource.get(r.source.id) ?? []), r]);
  const out = new Map<string | null, Map<string, Counts>>();
  for (const group of bySource.values()) {
    const source = group[0]?.source;
    if (!source) continue;
    const cols = group.flatMap(({ def }, i) => {
      const num = filterSql(source, def.numerator, env);
      const den = def.denominator ? filterSql(source, def.denominator, env) : sql`false`;
      return [
        def.sum
          ? sql`coalesce(sum(${measureSql(source, def.sum)}) filter (where ${num}), 0) as ${sql.ref(`n${i}`)}`
          : sql`count(*) filter (where ${num}) as ${sql.ref(`n${i}`)}`,
        sql`count(*) filter (where ${den}) as ${sql.ref(`d${i}`)}`,
      ];
    });
    const cond = opts.extra ? sql`${where(source, unitPath, p)} and ${opts.extra(source)}` : where(source, unitPath, p);
    // By child unit: each record's unit mapped to the child of `unitPath` it lies under, in one hash join (the
    // path segment after the unit's), instead of one scan per child.
    const from = opts.byChildUnit
      ? sql`${relationSql(source)} join (select u.id as unit_id, split_part(substr(u.path, ${unitPath.length + 1}), '/', 1) as child
          from kernel.orgs u where u.path like ${`${unitPath}%`}) m on m.unit_id = ${sql.ref(`s.${source.orgColumn}`)}`
      : relationSql(source);
    const bucket = opts.byChildUnit ? sql<string | null>`m.child` : opts.bucket?.(source);
    const r = bucket
      ? await sql<Record<string, number | string | null>>`select ${bucket} as bucket, ${sql.join(cols)} from ${from} where ${cond} group by 1`.execute(ctx.db)
      : await sql<Record<string, number | string | null>>`select ${sql.join(cols)} from ${from} where ${cond}`.execute(ctx.db);
    for (const row of r.rows) {
      const key = bucket ? (row.bucket as string | null) : null;
      const counts = out.get(key) ?? new Map<string, Counts>();
      group.forEach(({ id }, i) => counts.set(id, { n: Number(row[`n${i}`] ?? 0), d: Number(row[`d${i}`] ?? 0) }));
      out.set(key, counts);
    }
  }
  return out;
}

/** The figure of counts under a definition: no denominator for a count, null value when it is 0. */
export function pointOf(def: IndicatorDefinition, c: Counts | undefined): IndicatorPoint {
  const n = c?.n ?? 0;
  const denominator = def.denominator ? (c?.d ?? 0) : null;
  return { value: indicatorValue(n, denominator, def.unit, def.decimals), numerator: n, denominator };
}

export const describe = (def: IndicatorDefinition) => ({
  id: def.id,
  nameZh: def.nameZh,
  nameEn: def.nameEn,
  unit: def.unit,
  decimals: def.decimals,
  ...(def.description ? { description: def.description } : {}),
});
