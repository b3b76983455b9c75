import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { actionPath, IndicatorComparison, IndicatorResult, IndicatorTable, Matter, pageOf } from '@sifa/kernel/shared';
import { ConfirmationInput, Dispute, DISPUTE_WORKFLOW, DisputeListItem, FollowUp } from '@sifa/mediation/shared';
import type { FollowUpInput } from '@sifa/mediation/shared';
import type { CreateDisputeInput } from '@sifa/mediation/shared';
import { apiGet, apiSend, matterKeys, queryString } from '@sifa/ui';
import type { QueryValue } from '@sifa/ui';

// `GET /api/mediation/disputes/:id/sessions` and `/committees` and the indicator drill-down declare no response
// schema on the server (or declare it inside the route file); they are written out here so every answer is checked.

export const Session = z.object({
  id: z.string(),
  heldOn: z.string(),
  place: z.string(),
  attendees: z.string(),
  record: z.string(),
  createdAt: z.string(),
});
export type Session = z.infer<typeof Session>;

export const Committee = z.object({ id: z.string(), name: z.string(), parentName: z.string().nullable() });
export type Committee = z.infer<typeof Committee>;

export const DisputePage = pageOf(DisputeListItem);

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

export type Params = Record<string, QueryValue>;

const base = (id: string) => `/api/mediation/disputes/${encodeURIComponent(id)}`;

export const mediationKeys = {
  all: ['mediation'] as const,
  list: (params: Params) => ['mediation', 'disputes', params] as const,
  dispute: (id: string) => ['mediation', 'dispute', id] as const,
  sessions: (id: string) => ['mediation', 'dispute', id, 'sessions'] as const,
  committees: ['mediation', 'committees'] as const,
};

export function useDisputePage(params: Params) {
  return useQuery({
    queryKey: mediationKeys.list(params),
    queryFn: () => apiGet(`/api/mediation/disputes${queryString(params)}`, DisputePage),
    placeholderData: keepPreviousData,
  });
}

/** The dispute with its related earlier disputes; the page shows a 404 itself. */
export function useDispute(id: string) {
  return useQuery({
    queryKey: mediationKeys.dispute(id),
    queryFn: () => apiGet(base(id), Dispute),
    meta: { silent: true },
  });
}

export function useSessions(id: string) {
  return useQuery({ queryKey: mediationKeys.sessions(id), queryFn: () => apiGet(`${base(id)}/sessions`, z.array(Session)) });
}

export function useCommittees(enabled = true) {
  return useQuery({
    queryKey: mediationKeys.committees,
    queryFn: () => apiGet('/api/mediation/committees', z.array(Committee)),
    staleTime: 5 * 60_000,
    enabled,
  });
}

/** After anything changed a dispute: its matter, the mediation lists, the to-do list and the figures reload. */
export async function refreshDispute(client: QueryClient, id: string): Promise<void> {
  await Promise.all([
    client.invalidateQueries({ queryKey: matterKeys.all(id) }),
    client.invalidateQueries({ queryKey: mediationKeys.all }),
    client.invalidateQueries({ queryKey: ['todos'] }),
    client.invalidateQueries({ queryKey: ['indicator'] }),
  ]);
}

export function useCreateDispute() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateDisputeInput) => apiSend('POST', '/api/mediation/disputes', input, Matter),
    // the form shows field errors itself
    meta: { silent: true },
    onSuccess: () => client.invalidateQueries({ queryKey: mediationKeys.all }),
  });
}

/**
 * One workflow action with its form (the body carries `expectedVersion`) on its kebab-case route
 * (`/api/mediation/disputes/:id/reach-agreement`, ADR 0014); the caller reports the outcome.
 */
export function useDisputeAction(id: string) {
  return useMutation({
    mutationFn: ({ action, body }: { action: string; body: Record<string, unknown> }) =>
      apiSend('POST', actionPath(DISPUTE_WORKFLOW, action, id), body, Matter),
    meta: { silent: true },
  });
}

export function useRecordConfirmation(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: z.infer<typeof ConfirmationInput>) => apiSend('POST', `${base(id)}/confirmation`, input, Dispute),
    meta: { silent: true },
    onSuccess: () => refreshDispute(client, id),
  });
}

export function useFollowUps(id: string) {
  return useQuery({ queryKey: [...mediationKeys.dispute(id), 'follow-ups'], queryFn: () => apiGet(`${base(id)}/follow-ups`, z.array(FollowUp)) });
}

export function useRecordFollowUp(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: FollowUpInput) => apiSend('POST', `${base(id)}/follow-ups`, input, z.array(FollowUp)),
    meta: { silent: true },
    onSuccess: () => refreshDispute(client, id),
  });
}

export function useMarkRisk(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { atRisk: boolean; reason?: string }) => apiSend('POST', `${base(id)}/risk`, input, Dispute),
    onSuccess: () => refreshDispute(client, id),
  });
}

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
