import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { actionPath, Matter } from '@sifa/kernel/shared';
import { apiGet, apiSend, matterKeys, queryString } from '@sifa/ui';
import type { QueryValue } from '@sifa/ui';
import { CASE_WORKFLOW, CaseDetail, CasePage, LawyerPage, LawyerSuggestion, type CreateCaseInput, type FormAction } from '@sifa/legal-aid/shared';

export const legalAidKeys = {
  all: ['legal-aid'] as const,
  list: (params: Record<string, QueryValue>) => ['legal-aid', 'cases', params] as const,
  case: (id: string) => ['legal-aid', 'case', id] as const,
};

/** A page of cases for the list's filters. */
export function useCasePage(params: Record<string, QueryValue>) {
  return useQuery({
    queryKey: legalAidKeys.list(params),
    queryFn: () => apiGet(`/api/legal-aid/cases${queryString(params)}`, CasePage),
    placeholderData: keepPreviousData,
  });
}

/** One case; the page shows its 404 itself. */
export function useCase(id: string) {
  return useQuery({ queryKey: legalAidKeys.case(id), queryFn: () => apiGet(`/api/legal-aid/cases/${id}`, CaseDetail), meta: { silent: true } });
}

export function useRegisterCase() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateCaseInput) => apiSend('POST', '/api/legal-aid/cases', input, Matter),
    meta: { silent: true },
    onSuccess: () => client.invalidateQueries({ queryKey: legalAidKeys.all }),
  });
}

/** The rotation's suggestion for a case and the pool to choose from (the assignment form). */
export function useLawyerChoice(caseId: string) {
  const suggestion = useQuery({
    queryKey: ['legal-aid', 'suggestion', caseId],
    queryFn: () => apiGet(`/api/legal-aid/cases/${caseId}/lawyer-suggestion`, LawyerSuggestion),
  });
  const pool = useQuery({ queryKey: ['legal-aid', 'lawyers'], queryFn: () => apiGet('/api/legal-aid/lawyers?pageSize=100', LawyerPage) });
  return { suggestion, pool };
}

/** A typed action through its own route; the case and its matter reload after it. */
export function useCaseAction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: FormAction; body: Record<string, unknown> }) =>
      apiSend('POST', actionPath(CASE_WORKFLOW, action, id), body, Matter),
    meta: { silent: true },
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: legalAidKeys.all }), client.invalidateQueries({ queryKey: matterKeys.all(id) })]),
  });
}
