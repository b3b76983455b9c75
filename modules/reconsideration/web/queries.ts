import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { actionPath, Matter } from '@sifa/kernel/shared';
import { apiGet, apiSend, apiUpload, matterKeys, queryString } from '@sifa/ui';
import type { QueryValue } from '@sifa/ui';
import { Agency, CASE_WORKFLOW, CaseDetail, CasePage, ImportReport, type CreateCaseInput, type FormAction } from '@sifa/reconsideration/shared';

export const reconsiderationKeys = {
  all: ['reconsideration'] as const,
  list: (params: Record<string, QueryValue>) => ['reconsideration', 'cases', params] as const,
  case: (id: string) => ['reconsideration', 'case', id] as const,
  agencies: ['reconsideration', 'agencies'] as const,
};

/** A page of cases for the list's filters. */
export function useCasePage(params: Record<string, QueryValue>) {
  return useQuery({
    queryKey: reconsiderationKeys.list(params),
    queryFn: () => apiGet(`/api/reconsideration/cases${queryString(params)}`, CasePage),
    placeholderData: keepPreviousData,
  });
}

/** One case; the page shows its 404 itself. */
export function useCase(id: string) {
  return useQuery({ queryKey: reconsiderationKeys.case(id), queryFn: () => apiGet(`/api/reconsideration/cases/${id}`, CaseDetail), meta: { silent: true } });
}

/** The register of respondent agencies in the caller's scope. */
export function useAgencies() {
  return useQuery({ queryKey: reconsiderationKeys.agencies, queryFn: () => apiGet('/api/reconsideration/agencies', z.array(Agency)), staleTime: 60_000 });
}

export function useRegisterCase() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateCaseInput) => apiSend('POST', '/api/reconsideration/cases', input, Matter),
    meta: { silent: true },
    onSuccess: () => client.invalidateQueries({ queryKey: reconsiderationKeys.all }),
  });
}

/** A typed action through its own route; the case and its matter reload after it. */
export function useCaseAction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: FormAction; body: Record<string, unknown> }) =>
      apiSend('POST', actionPath(CASE_WORKFLOW, action, id), body, Matter),
    meta: { silent: true },
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: reconsiderationKeys.all }), client.invalidateQueries({ queryKey: matterKeys.all(id) })]),
  });
}

/** The import of earlier years into one unit (row-by-row report). */
export function useCaseImport(unitId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => apiUpload(`/api/reconsideration/units/${encodeURIComponent(unitId)}/cases/import`, file, file.name, ImportReport),
    onSuccess: () => client.invalidateQueries({ queryKey: reconsiderationKeys.all }),
  });
}
