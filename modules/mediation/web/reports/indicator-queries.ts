import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { IndicatorComparison, IndicatorResult, IndicatorTable } from '@sifa/kernel/shared';
import { apiGet, queryString } from '@sifa/ui';
import type { QueryValue } from '@sifa/ui';

// The kernel's indicator routes as the dashboard and the monthly report read them. `by-unit` and the drill-down
// declare no response schema on the server; they are written out here so every answer is checked.

export const ByUnit = z.object({ total: IndicatorResult, rows: z.array(IndicatorResult) });
export type ByUnit = z.infer<typeof ByUnit>;

export const DrillPage = z.object({
  columns: z.array(z.object({ key: z.string(), header: z.string() })),
  items: z.array(z.record(z.string(), z.unknown())),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type DrillPage = z.infer<typeof DrillPage>;

type Params = Record<string, QueryValue>;

/** Period and unit of the dashboard; `org` is the top-bar unit. */
export interface IndicatorParams {
  org?: string;
  from?: string;
  to?: string;
}

const indicatorPath = (id: string) => `/api/indicators/${encodeURIComponent(id)}`;

/**
 * One figure of a dashboard: every card of the same `batch` shares one request to the batch endpoint, which
 * counts all indicators of a source in one scan (docs/benchmarks.md).
 */
export function useIndicator(id: string, params: IndicatorParams, batch: readonly string[] = [id]) {
  return useQuery({
    queryKey: ['indicator', 'values', batch, params],
    queryFn: () => apiGet(`/api/indicator-values${queryString({ ...params, ids: batch.join(',') })}`, z.array(IndicatorResult)),
    select: (rows) => {
      const row = rows.find((r) => r.id === id);
      if (!row) throw new Error(`indicator ${id} missing from the batch`);
      return row;
    },
  });
}

export function useIndicatorByUnit(id: string, params: IndicatorParams) {
  return useQuery({
    queryKey: ['indicator', id, 'by-unit', params],
    queryFn: () => apiGet(`${indicatorPath(id)}/by-unit${queryString({ ...params })}`, ByUnit),
  });
}

export type DrillPart = 'numerator' | 'denominator';

/** Indicators month by month over the dashboard's period (every month there, empty ones as 0). */
export function useIndicatorSeries(ids: readonly string[], params: IndicatorParams) {
  return useQuery({
    queryKey: ['indicator', 'series', ids, params],
    queryFn: () => apiGet(`/api/indicator-series${queryString({ ...params, ids: ids.join(',') })}`, IndicatorTable),
    placeholderData: keepPreviousData,
  });
}

/** Indicators by a dimension of mediation.disputes: `category`, `source` or `source-group`. */
export function useIndicatorBreakdown(ids: readonly string[], by: string, params: IndicatorParams) {
  return useQuery({
    queryKey: ['indicator', 'breakdown', ids, by, params],
    queryFn: () => apiGet(`/api/indicator-breakdown${queryString({ ...params, ids: ids.join(','), by })}`, IndicatorTable),
    placeholderData: keepPreviousData,
  });
}

/** A month against the month before, the same month last year and the year so far (the monthly report). */
export function useIndicatorComparison(ids: readonly string[], params: { org?: string; month: string }) {
  return useQuery({
    queryKey: ['indicator', 'comparison', ids, params],
    queryFn: () => apiGet(`/api/indicator-comparison${queryString({ ...params, ids: ids.join(',') })}`, IndicatorComparison),
    placeholderData: keepPreviousData,
  });
}

export const indicatorComparisonExportPath = (ids: readonly string[], params: { org?: string; month: string }) =>
  `/api/indicator-comparison.xlsx${queryString({ ...params, ids: ids.join(',') })}`;

export const indicatorTableExportPath = (kind: 'series' | 'breakdown', ids: readonly string[], params: Params) =>
  `/api/indicator-${kind}.xlsx${queryString({ ...params, ids: ids.join(',') })}`;

/** One bucket of a chart — a month, or a key of a breakdown — whose records the drawer lists. */
export interface DrillBucket {
  month?: string;
  by?: string;
  /** A key of the breakdown (the null bucket is not offered: an empty value is dropped from the query). */
  key?: string;
  label: string;
}

/** The figure of one bucket of a table, shaped as the drawer takes a figure. */
export function bucketResult(table: IndicatorTable, id: string, index: number): IndicatorResult | undefined {
  const series = table.series.find((s) => s.id === id);
  const point = series?.values[index];
  if (!series || !point) return undefined;
  const { values: _values, total: _total, ...definition } = series;
  return { ...definition, ...point, orgId: table.orgId, orgName: table.orgName, from: table.from, to: table.to };
}

export const bucketParams = (b: DrillBucket | undefined): Params => (b ? { month: b.month, by: b.by, key: b.key } : {});

export function useIndicatorRecords(id: string, part: DrillPart, params: Params, enabled: boolean) {
  return useQuery({
    queryKey: ['indicator', id, 'records', part, params],
    queryFn: () => apiGet(`${indicatorPath(id)}/records${queryString({ ...params, part })}`, DrillPage),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export const indicatorExportPath = (id: string, kind: 'records' | 'by-unit', params: Params) => `${indicatorPath(id)}/${kind}.xlsx${queryString(params)}`;
