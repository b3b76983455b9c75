import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import type { ModuleDefinition } from '../define-module';
import { systemClock } from '../deadlines/clock';
import { indicatorComparison } from '../indicators/indicator-compare';
import { bucketLabels, indicatorBreakdown, indicatorSeries } from '../indicators/indicator-table';
import { computeByUnit, computeIndicator, computeIndicators, drillIndicator, listIndicators, type IndicatorCatalog } from '../indicators/indicator.service';
import { MATTERS_SOURCE } from '../indicators/sources';
import { notFound } from '../errors';
import { PageQuery } from '../shared/common';
import {
  IndicatorBucketQuery,
  IndicatorComparison,
  IndicatorQuery,
  IndicatorResult,
  IndicatorTable,
  MonthSchema,
  formatChange,
  type IndicatorPoint,
} from '../shared/indicators';
import { ctxOf, EXPORT_LIMIT, sendXlsx } from './context';
import type { ModuleDeps, SifaApp } from './types';

const tags = ['指标'];
const IdParam = z.object({ id: z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, '指标编号格式不正确') });
const DrillQuery = IndicatorQuery.extend({ part: z.enum(['numerator', 'denominator']).default('numerator'), ...IndicatorBucketQuery.shape });
const Ids = z
  .string()
  .regex(/^[a-z0-9.,-]+$/, '指标编号以逗号分隔')
  .max(2000);
const TableQuery = IndicatorQuery.extend({ ids: Ids });
const BreakdownQuery = TableQuery.extend({
  by: z
    .string()
    .regex(/^[a-z][a-z0-9_-]*$/, '分组维度格式不正确')
    .max(40),
});
const CompareQuery = z.object({ org: IndicatorQuery.shape.org, ids: Ids, month: MonthSchema });
const idList = (ids: string) => [...new Set(ids.split(',').filter(Boolean))];
const Definition = z.object({
  id: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  decimals: z.number(),
  description: z.string().optional(),
});

export function catalogOf(modules: readonly ModuleDefinition[]): IndicatorCatalog {
  return {
    indicators: new Map(modules.flatMap((m) => m.indicators ?? []).map((d) => [d.id, d])),
    sources: new Map([MATTERS_SOURCE, ...modules.flatMap((m) => m.indicatorSources ?? [])].map((s) => [s.id, s])),
  };
}

const fmtValue = (r: Pick<IndicatorResult, 'value' | 'unit' | 'decimals'>) =>
  r.value === null ? '—' : r.unit === 'percent' ? `${r.value.toFixed(r.decimals)}%` : r.value.toFixed(r.decimals);

/** Counts and days stay numbers a spreadsheet can add up; a percentage is written as it is shown. */
const cellValue = (s: Pick<IndicatorResult, 'unit' | 'decimals'>, value: number | null) =>
  value === null ? '—' : s.unit === 'percent' ? `${value.toFixed(s.decimals)}%` : value;

/** A series or breakdown as a sheet: one row per bucket and a total row; a ratio also gets its numerator and denominator. */
async function tableColumns(db: Kysely<Database>, catalog: IndicatorCatalog, table: IndicatorTable) {
  const { header, label } = await bucketLabels(db, catalog, table);
  type Row = { label: string; points: IndicatorPoint[] };
  const rows: Row[] = [
    ...table.buckets.map((b, i) => ({ label: label(b), points: table.series.map((s) => s.values[i] ?? { value: null, numerator: 0, denominator: null }) })),
    { label: '合计', points: table.series.map((s) => s.total) },
  ];
  const columns = [
    { header, width: 18, value: (r: Row) => r.label },
    ...table.series.flatMap((s, i) => [
      { header: s.nameZh, width: 16, value: (r: Row) => cellValue(s, r.points[i]?.value ?? null) },
      ...(s.total.denominator === null
        ? []
        : [
            { header: `${s.nameZh}·分子`, value: (r: Row) => r.points[i]?.numerator ?? null },
            { header: `${s.nameZh}·分母`, value: (r: Row) => r.points[i]?.denominator ?? null },
          ]),
    ]),
  ];
  return { rows, columns };
}

/** One figure for each direct sub-unit of `org` (county comparison) and the unit as a whole. */
export function indicatorRoutes(app: SifaApp, { engine, clock = systemClock }: ModuleDeps, modules: () => readonly ModuleDefinition[]) {
  const db = engine.db;
  // Deadline conditions (overdue) are judged on the app's today.
  const at = <T extends object>(q: T) => ({ ...q, today: clock.today() });
  let cached: IndicatorCatalog | undefined;
  const catalog = () => (cached ??= catalogOf(modules()));
  const probe = { kind: 'list', orgQuery: 'org' } as const;

  app.get(
    '/api/indicators',
    {
      config: { permission: 'kernel.indicator.read', scopeProbe: { kind: 'unscoped', reason: '只列出指标定义，不含数据' } },
      schema: { tags, summary: '可查看的指标定义', response: { 200: z.array(Definition) } },
    },
    (req) =>
      listIndicators(ctxOf(req, db), catalog()).map(({ id, nameZh, nameEn, unit, decimals, description }) => ({
        id,
        nameZh,
        nameEn,
        unit,
        decimals,
        ...(description ? { description } : {}),
      })),
  );

  app.get(
    '/api/indicator-values',
    {
      config: { permission: 'kernel.indicator.read', scopeProbe: { kind: 'list', query: { ids: 'sample.accepted,sample.close-rate' }, orgQuery: 'org' } },
      schema: {
        tags,
        summary: '一次取多个指标 (同一来源的指标一次扫描)，供看板使用',
        querystring: IndicatorQuery.extend({
          ids: z
            .string()
            .regex(/^[a-z0-9.,-]+$/, '指标编号以逗号分隔')
            .max(2000),
        }),
        response: { 200: z.array(IndicatorResult) },
      },
    },
    (req) => {
      const { ids, ...p } = req.query;
      return computeIndicators(ctxOf(req, db), catalog(), idList(ids), at(p));
    },
  );

  const tableProbe = { kind: 'list', query: { ids: 'sample.accepted,sample.close-rate', from: '2026-01-01', to: '2026-12-31' }, orgQuery: 'org' } as const;
  app.get(
    '/api/indicator-series',
    {
      config: { permission: 'kernel.indicator.read', scopeProbe: tableProbe },
      schema: { tags, summary: '月度趋势：多个指标按月 (Asia/Shanghai) 的值，无记录的月份为 0', querystring: TableQuery, response: { 200: IndicatorTable } },
    },
    (req) => {
      const { ids, ...p } = req.query;
      return indicatorSeries(ctxOf(req, db), catalog(), idList(ids), at(p));
    },
  );

  app.get(
    '/api/indicator-series.xlsx',
    { config: { permission: 'kernel.indicator.read', scopeProbe: tableProbe }, schema: { tags, summary: '导出月度趋势表 (Excel)', querystring: TableQuery } },
    async (req, reply) => {
      const ctx = ctxOf(req, db);
      const { ids, ...p } = req.query;
      const table = await indicatorSeries(ctx, catalog(), idList(ids), at(p));
      const { rows, columns } = await tableColumns(ctx.db, catalog(), table);
      return sendXlsx(ctx, reply, {
        filename: `${table.orgName}-月度趋势.xlsx`,
        sheet: '月度趋势',
        action: 'kernel.indicator.export',
        filter: req.query,
        rows,
        columns,
      });
    },
  );

  const breakdownProbe = { ...tableProbe, query: { ...tableProbe.query, by: 'status' } } as const;
  app.get(
    '/api/indicator-breakdown',
    {
      config: { permission: 'kernel.indicator.read', scopeProbe: breakdownProbe },
      schema: {
        tags,
        summary: '分类统计：多个指标按来源声明的维度 (如纠纷类型、来源) 分组的值',
        querystring: BreakdownQuery,
        response: { 200: IndicatorTable },
      },
    },
    (req) => {
      const { ids, by, ...p } = req.query;
      return indicatorBreakdown(ctxOf(req, db), catalog(), idList(ids), by, at(p));
    },
  );

  app.get(
    '/api/indicator-breakdown.xlsx',
    {
      config: { permission: 'kernel.indicator.read', scopeProbe: breakdownProbe },
      schema: { tags, summary: '导出分类统计表 (Excel)', querystring: BreakdownQuery },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, db);
      const { ids, by, ...p } = req.query;
      const table = await indicatorBreakdown(ctx, catalog(), idList(ids), by, at(p));
      const { rows, columns } = await tableColumns(ctx.db, catalog(), table);
      const title = `按${(await bucketLabels(ctx.db, catalog(), table)).header}统计`;
      return sendXlsx(ctx, reply, {
        filename: `${table.orgName}-${title}.xlsx`,
        sheet: title.slice(0, 31),
        action: 'kernel.indicator.export',
        filter: req.query,
        rows,
        columns,
      });
    },
  );

  const compareProbe = { kind: 'list', query: { ids: 'sample.accepted,sample.close-rate', month: '2026-01' }, orgQuery: 'org' } as const;
  app.get(
    '/api/indicator-comparison',
    {
      config: { permission: 'kernel.indicator.read', scopeProbe: compareProbe },
      schema: {
        tags,
        summary: '月度对比：本月、上月、环比、去年同月、同比、本年累计 (月报)',
        querystring: CompareQuery,
        response: { 200: IndicatorComparison },
      },
    },
    (req) => {
      const { ids, ...q } = req.query;
      return indicatorComparison(ctxOf(req, db), catalog(), idList(ids), at(q));
    },
  );

  app.get(
    '/api/indicator-comparison.xlsx',
    {
      config: { permission: 'kernel.indicator.read', scopeProbe: compareProbe },
      schema: { tags, summary: '导出月度对比表 (Excel)', querystring: CompareQuery },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, db);
      const { ids, ...q } = req.query;
      const c = await indicatorComparison(ctx, catalog(), idList(ids), at(q));
      type Row = IndicatorComparison['rows'][number];
      return sendXlsx(ctx, reply, {
        filename: `${c.orgName}-${c.month}-月度对比.xlsx`,
        sheet: `${c.month} 月度对比`,
        action: 'kernel.indicator.export',
        filter: req.query,
        rows: c.rows,
        columns: [
          { header: '指标', width: 24, value: (r: Row) => r.nameZh },
          { header: `本月 (${c.month})`, width: 16, value: (r: Row) => cellValue(r, r.current.value) },
          { header: `上月 (${c.previousMonth})`, width: 16, value: (r: Row) => cellValue(r, r.previous.value) },
          { header: '环比', width: 16, value: (r: Row) => formatChange(r.monthOnMonth) },
          { header: `去年同月 (${c.lastYearMonth})`, width: 18, value: (r: Row) => cellValue(r, r.lastYear.value) },
          { header: '同比', width: 16, value: (r: Row) => formatChange(r.yearOnYear) },
          { header: `本年累计 (${c.month.slice(0, 4)}-01 至 ${c.month})`, width: 24, value: (r: Row) => cellValue(r, r.yearToDate.value) },
        ],
      });
    },
  );

  app.get(
    '/api/indicators/:id',
    {
      config: { permission: 'kernel.indicator.read', scopeProbe: probe },
      schema: {
        tags,
        summary: '指标值 (分子、分母)，默认为本人全部管辖范围',
        params: IdParam,
        querystring: IndicatorQuery,
        response: { 200: IndicatorResult },
      },
    },
    (req) => computeIndicator(ctxOf(req, db), catalog(), req.params.id, at(req.query)),
  );

  app.get(
    '/api/indicators/:id/by-unit',
    {
      config: { permission: 'kernel.indicator.read', scopeProbe: probe },
      schema: {
        tags,
        summary: '按下级单位比较 (如各县对比)',
        params: IdParam,
        querystring: IndicatorQuery,
        response: { 200: z.object({ total: IndicatorResult, rows: z.array(IndicatorResult) }) },
      },
    },
    (req) => computeByUnit(ctxOf(req, db), catalog(), req.params.id, at(req.query)),
  );

  app.get(
    '/api/indicators/:id/by-unit.xlsx',
    {
      config: { permission: 'kernel.indicator.read', scopeProbe: probe },
      schema: { tags, summary: '导出按单位比较表 (Excel)', params: IdParam, querystring: IndicatorQuery },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, db);
      const { total, rows } = await computeByUnit(ctx, catalog(), req.params.id, at(req.query));
      return sendXlsx(ctx, reply, {
        filename: `${total.nameZh}.xlsx`,
        sheet: total.nameZh.slice(0, 31),
        action: 'kernel.indicator.export',
        filter: { id: req.params.id, ...req.query },
        rows: [...rows, { ...total, orgName: `${total.orgName}（合计）` }],
        columns: [
          { header: '单位', width: 30, value: (r) => r.orgName },
          { header: total.nameZh, width: 16, value: fmtValue },
          { header: '分子', value: (r) => r.numerator },
          { header: '分母', value: (r) => r.denominator },
          { header: '统计期间', width: 24, value: (r) => `${r.from ?? '不限'} 至 ${r.to ?? '不限'}` },
        ],
      });
    },
  );

  app.get(
    '/api/indicators/:id/records',
    {
      config: { permission: 'kernel.indicator.read', scopeProbe: probe },
      schema: { tags, summary: '指标下钻：分子或分母背后的记录', params: IdParam, querystring: DrillQuery.extend(PageQuery.shape) },
    },
    (req) => {
      const { page, pageSize, part, ...p } = req.query;
      return drillIndicator(ctxOf(req, db), catalog(), req.params.id, part, at(p), page, pageSize);
    },
  );

  app.get(
    '/api/indicators/:id/records.xlsx',
    {
      config: { permission: 'kernel.indicator.read', scopeProbe: probe },
      schema: { tags, summary: '导出下钻记录 (Excel)', params: IdParam, querystring: DrillQuery },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, db);
      const { part, ...p } = req.query;
      const def = catalog().indicators.get(req.params.id);
      if (!def) throw notFound(`指标 ${req.params.id} `);
      const { columns, items } = await drillIndicator(ctx, catalog(), req.params.id, part, at(p), 1, EXPORT_LIMIT);
      return sendXlsx(ctx, reply, {
        filename: `${def.nameZh}-${part === 'numerator' ? '分子' : '分母'}.xlsx`,
        sheet: '记录',
        action: 'kernel.indicator.export',
        filter: { id: req.params.id, ...req.query },
        rows: items,
        columns: columns.filter((c) => c.key !== 'id').map((c) => ({ header: c.header, width: 20, value: (r: Record<string, unknown>) => cell(r[c.key]) })),
      });
    },
  );
}

function cell(v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai', hour12: false });
  if (typeof v === 'number' || typeof v === 'string') return v;
  return JSON.stringify(v);
}
