import { sql, type Expression, type SqlBool } from 'kysely';
import { AppError } from '../errors';
import type { Ctx } from '../http/types';
import type { IndicatorResult } from '../shared/indicators';
import { aggregate, checkPeriod, describe, envOf, inMonth, pointOf, resolve, unitOf, where, type IndicatorCatalog, type Period } from './engine';
import { dimensionSql, filterSql, getMeasure, measureSql, relationSql, type IndicatorSource } from './sources';

export type { IndicatorCatalog, Period } from './engine';

/**
 * Several indicators for one unit and period: those sharing a source are counted in one scan (one
 * `count(*) filter (…)` pair per indicator), so a dashboard costs about one GROUP BY, not one query per figure.
 */
export async function computeIndicators(ctx: Ctx, catalog: IndicatorCatalog, ids: readonly string[], p: Period): Promise<IndicatorResult[]> {
  checkPeriod(p);
  const resolved = ids.map((id) => resolve(ctx, catalog, id));
  const unit = await unitOf(ctx, p.org);
  const counts = (await aggregate(ctx, resolved, unit.path, p)).get(null);
  return resolved.map(({ id, def }) => ({
    ...describe(def),
    ...pointOf(def, counts?.get(id)),
    orgId: unit.id,
    orgName: unit.name,
    from: p.from ?? null,
    to: p.to ?? null,
  }));
}

/**
 * The indicator for a unit and for each of its direct sub-units (county comparison): one scan, grouped by the
 * sub-unit each record's unit lies under.
 */
export async function computeByUnit(ctx: Ctx, catalog: IndicatorCatalog, id: string, p: Period): Promise<{ total: IndicatorResult; rows: IndicatorResult[] }> {
  checkPeriod(p);
  const resolved = resolve(ctx, catalog, id);
  const unit = await unitOf(ctx, p.org);
  const byChild = await aggregate(ctx, [resolved], unit.path, p, { byChildUnit: true });
  const base = { ...describe(resolved.def), from: p.from ?? null, to: p.to ?? null };
  const sum = { n: 0, d: 0 };
  for (const c of byChild.values()) {
    const x = c.get(id);
    sum.n += x?.n ?? 0;
    sum.d += x?.d ?? 0;
  }
  const children = await ctx.db
    .selectFrom('kernel.orgs')
    .select(['id', 'name'])
    .where('parentId', '=', unit.id)
    .where('active', '=', true)
    .orderBy('sort')
    .orderBy('name')
    .execute();
  return {
    total: { ...base, ...pointOf(resolved.def, sum), orgId: unit.id, orgName: unit.name },
    rows: children.map((c) => ({ ...base, ...pointOf(resolved.def, byChild.get(c.id)?.get(id)), orgId: c.id, orgName: c.name })),
  };
}

export async function computeIndicator(ctx: Ctx, catalog: IndicatorCatalog, id: string, p: Period): Promise<IndicatorResult> {
  const [r] = await computeIndicators(ctx, catalog, [id], p);
  if (!r) throw new Error(`指标 ${id} 没有结果`);
  return r;
}

export type DrillPart = 'numerator' | 'denominator';

/** One bucket of a series (`month`, YYYY-MM) or of a breakdown (`by` and `key`; an empty key is the null bucket). */
export interface Bucket {
  month?: string | undefined;
  by?: string | undefined;
  key?: string | undefined;
}

function bucketSql(source: IndicatorSource, b: Bucket): Expression<SqlBool>[] {
  const parts: Expression<SqlBool>[] = [];
  if (b.month) parts.push(inMonth(source, b.month));
  if (b.key !== undefined && !b.by) throw new AppError('VALIDATION_FAILED', { first: '指定分组值时须同时指定分组维度 (by)' });
  if (b.by) {
    const dim = source.dimensions?.[b.by];
    if (!dim) throw new AppError('VALIDATION_FAILED', { first: `该指标不能按“${b.by}”分组` });
    if (b.key === undefined) throw new AppError('VALIDATION_FAILED', { first: '请指定分组值 (key)' });
    const expr = dimensionSql(source, dim);
    parts.push(b.key === '' ? sql<SqlBool>`${expr} is null` : sql<SqlBool>`${expr} = ${b.key}`);
  }
  return parts;
}

/**
 * The records behind a figure, newest first — of the whole period or of one bucket of its series or breakdown.
 * For an indicator that sums a measure, the numerator's records carry the measure's value.
 */
export async function drillIndicator(ctx: Ctx, catalog: IndicatorCatalog, id: string, part: DrillPart, p: Period & Bucket, page: number, pageSize: number) {
  const { def, source } = resolve(ctx, catalog, id);
  const filters = part === 'numerator' ? def.numerator : def.denominator;
  if (!filters) throw new AppError('VALIDATION_FAILED', { first: '该指标是计数，没有分母' });
  checkPeriod(p);
  const unit = await unitOf(ctx, p.org);
  const cond = sql.join([where(source, unit.path, p), filterSql(source, filters, envOf(p)), ...bucketSql(source, p)], sql` and `);
  const measure = def.sum && part === 'numerator' ? { name: getMeasure(source, def.sum).nameZh, expr: measureSql(source, def.sum) } : undefined;
  const cols = sql.join([...source.drill.map(([c]) => sql.ref(`s.${c}`)), ...(measure ? [sql`${measure.expr} as measure_value`] : [])]);
  const [rows, total] = await Promise.all([
    sql<Record<string, unknown>>`select ${cols}, o.name as org_name from ${relationSql(source)}
      join kernel.orgs o on o.id = ${sql.ref(`s.${source.orgColumn}`)}
      where ${cond} order by ${sql.ref(`s.${source.dateColumn}`)} desc, ${sql.ref(`s.${source.drill[0]?.[0] ?? 'id'}`)}
      limit ${pageSize} offset ${(page - 1) * pageSize}`.execute(ctx.db),
    sql<{ n: number }>`select count(*) as n from ${relationSql(source)} where ${cond}`.execute(ctx.db),
  ]);
  return {
    columns: [
      ...source.drill.map(([key, header]) => ({ key: camel(key), header })),
      ...(measure ? [{ key: 'measureValue', header: measure.name }] : []),
      { key: 'orgName', header: '单位' },
    ],
    items: rows.rows,
    total: total.rows[0]?.n ?? 0,
    page,
    pageSize,
  };
}

// Result columns come back camelCased (CamelCasePlugin).
const camel = (s: string) => s.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

export function listIndicators(ctx: Ctx, catalog: IndicatorCatalog) {
  return [...catalog.indicators.values()].filter((d) => ctx.user.permissions.has(d.permission));
}
