import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { AppError, notFound } from '../errors';
import type { Ctx } from '../http/types';
import { findOrg } from '../orgs/org.repository';
import { indicatorValue, type IndicatorDefinition, type IndicatorResult } from '../shared/indicators';
import { filterSql, type IndicatorSource } from './sources';

export interface IndicatorCatalog {
  indicators: ReadonlyMap<string, IndicatorDefinition>;
  sources: ReadonlyMap<string, IndicatorSource>;
}

export interface Period {
  org?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

function resolve(ctx: Ctx, catalog: IndicatorCatalog, id: string) {
  const def = catalog.indicators.get(id);
  // Without the indicator's permission it does not exist for the caller.
  if (!def || !ctx.user.permissions.has(def.permission)) throw notFound(`指标 ${id} `);
  const source = catalog.sources.get(def.source);
  if (!source) throw new Error(`指标 ${id} 的来源 ${def.source} 未登记`);
  return { def, source };
}

async function unitOf(ctx: Ctx, org: string | undefined) {
  const unit = await findOrg(ctx.db, ctx.scope, org ?? ctx.scope.orgId);
  if (!unit) throw notFound('单位');
  return unit;
}

/** Scope, unit subtree and period conditions shared by the figure and its drill-down. */
function where(source: IndicatorSource, unitPath: string, p: Period) {
  const org = sql.ref(`s.${source.orgColumn}`);
  const date = sql.ref(`s.${source.dateColumn}`);
  const parts = [sql`${org} in (select u.id from kernel.orgs u where u.path like ${`${unitPath}%`})`];
  // Periods are Asia/Shanghai calendar days, inclusive of both ends.
  if (p.from) parts.push(sql`${date} >= (${p.from}::date)::timestamp at time zone 'Asia/Shanghai'`);
  if (p.to) parts.push(sql`${date} < (${p.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`);
  return sql.join(parts, sql` and `);
}

export async function computeIndicator(ctx: Ctx, catalog: IndicatorCatalog, id: string, p: Period): Promise<IndicatorResult> {
  const { def, source } = resolve(ctx, catalog, id);
  if (p.from && p.to && p.from > p.to) throw new AppError('VALIDATION_FAILED', { first: '开始日期不能晚于结束日期' });
  const unit = await unitOf(ctx, p.org);
  const num = filterSql(source, def.numerator);
  const den = def.denominator ? filterSql(source, def.denominator) : sql`false`;
  const r = await sql<{ n: number; d: number }>`
    select count(*) filter (where ${num}) as n, count(*) filter (where ${den}) as d
    from ${sql.table(source.table)} s where ${where(source, unit.path, p)}`.execute(ctx.db);
  const row = r.rows[0] ?? { n: 0, d: 0 };
  const denominator = def.denominator ? row.d : null;
  return {
    id: def.id,
    nameZh: def.nameZh,
    nameEn: def.nameEn,
    unit: def.unit,
    decimals: def.decimals,
    value: indicatorValue(row.n, denominator, def.unit, def.decimals),
    numerator: row.n,
    denominator,
    orgId: unit.id,
    orgName: unit.name,
    from: p.from ?? null,
    to: p.to ?? null,
    ...(def.description ? { description: def.description } : {}),
  };
}

// Result columns come back camelCased (CamelCasePlugin).
const camel = (s: string) => s.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/**
 * Several indicators for one unit and period: those sharing a source are counted in one scan (one
 * `count(*) filter (…)` pair per indicator), so a dashboard costs about one GROUP BY, not one query per figure.
 */
export async function computeIndicators(ctx: Ctx, catalog: IndicatorCatalog, ids: readonly string[], p: Period): Promise<IndicatorResult[]> {
  if (p.from && p.to && p.from > p.to) throw new AppError('VALIDATION_FAILED', { first: '开始日期不能晚于结束日期' });
  const unit = await unitOf(ctx, p.org);
  const resolved = ids.map((id) => ({ id, ...resolve(ctx, catalog, id) }));
  const bySource = new Map<string, typeof resolved>();
  for (const r of resolved) bySource.set(r.source.id, [...(bySource.get(r.source.id) ?? []), r]);
  const counts = new Map<string, { n: number; d: number }>();
  for (const group of bySource.values()) {
    const source = group[0]?.source;
    if (!source) continue;
    const cols = group.flatMap(({ def }, i) => [
      sql`count(*) filter (where ${filterSql(source, def.numerator)}) as ${sql.ref(`n${i}`)}`,
      sql`count(*) filter (where ${def.denominator ? filterSql(source, def.denominator) : sql`false`}) as ${sql.ref(`d${i}`)}`,
    ]);
    const r = await sql<Record<string, number>>`select ${sql.join(cols)} from ${sql.table(source.table)} s where ${where(source, unit.path, p)}`.execute(ctx.db);
    const row = r.rows[0] ?? {};
    group.forEach(({ id }, i) => counts.set(id, { n: row[`n${i}`] ?? 0, d: row[`d${i}`] ?? 0 }));
  }
  return resolved.map(({ id, def }) => {
    const c = counts.get(id) ?? { n: 0, d: 0 };
    const denominator = def.denominator ? c.d : null;
    return {
      id: def.id,
      nameZh: def.nameZh,
      nameEn: def.nameEn,
      unit: def.unit,
      decimals: def.decimals,
      value: indicatorValue(c.n, denominator, def.unit, def.decimals),
      numerator: c.n,
      denominator,
      orgId: unit.id,
      orgName: unit.name,
      from: p.from ?? null,
      to: p.to ?? null,
      ...(def.description ? { description: def.description } : {}),
    };
  });
}

export type DrillPart = 'numerator' | 'denominator';

/** The records behind a figure, newest first. */
export async function drillIndicator(ctx: Ctx, catalog: IndicatorCatalog, id: string, part: DrillPart, p: Period, page: number, pageSize: number) {
  const { def, source } = resolve(ctx, catalog, id);
  const filters = part === 'numerator' ? def.numerator : def.denominator;
  if (!filters) throw new AppError('VALIDATION_FAILED', { first: '该指标是计数，没有分母' });
  const unit = await unitOf(ctx, p.org);
  const cond = sql`${where(source, unit.path, p)} and ${filterSql(source, filters)}`;
  const cols = sql.join(source.drill.map(([c]) => sql.ref(`s.${c}`)));
  const db: Kysely<Database> = ctx.db;
  const [rows, total] = await Promise.all([
    sql<Record<string, unknown>>`select ${cols}, o.name as org_name from ${sql.table(source.table)} s
      join kernel.orgs o on o.id = ${sql.ref(`s.${source.orgColumn}`)}
      where ${cond} order by ${sql.ref(`s.${source.dateColumn}`)} desc limit ${pageSize} offset ${(page - 1) * pageSize}`.execute(db),
    sql<{ n: number }>`select count(*) as n from ${sql.table(source.table)} s where ${cond}`.execute(db),
  ]);
  return {
    columns: [...source.drill.map(([key, header]) => ({ key: camel(key), header })), { key: 'orgName', header: '单位' }],
    items: rows.rows,
    total: total.rows[0]?.n ?? 0,
    page,
    pageSize,
  };
}

export function listIndicators(ctx: Ctx, catalog: IndicatorCatalog) {
  return [...catalog.indicators.values()].filter((d) => ctx.user.permissions.has(d.permission));
}
