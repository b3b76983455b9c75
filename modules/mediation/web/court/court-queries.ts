import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CourtReferralReport, CourtResult } from '@sifa/mediation/shared';
import { apiGet, apiUpload, queryString } from '@sifa/ui';
import { pageOf } from '@sifa/kernel/shared';
import { mediationKeys } from '../disputes/queries';

export const COURT_RESULTS = '/api/mediation/court-results';
export const COURT_TEMPLATE = '/api/mediation/court-referrals/template.xlsx';

/** The court-results filters: both are exact matches on the server. */
export type CourtFilters = {
  courtName?: string;
  courtCaseNumber?: string;
};

export const courtKeys = {
  results: (f: CourtFilters & { page: number; pageSize: number }) => ['mediation', 'court-results', f] as const,
};

/** One page of the court-linked disputes of the caller's scope with their results, newest first, and the total. */
export function useCourtResults(f: CourtFilters & { page: number; pageSize: number }) {
  return useQuery({
    queryKey: courtKeys.results(f),
    queryFn: () => apiGet(`${COURT_RESULTS}${queryString({ ...f })}`, pageOf(CourtResult)),
    placeholderData: keepPreviousData,
  });
}

/**
 * Uploads the court's filled template into a receiving unit and returns the row report. The rows become disputes,
 * so every mediation list (the results here, the dispute register) reloads.
 */
export function useCourtImport(unitId: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      if (!unitId) throw new Error('no receiving unit');
      return apiUpload(`/api/mediation/units/${encodeURIComponent(unitId)}/court-referrals/import`, file, file.name, CourtReferralReport);
    },
    // the dialog shows the server's message itself
    meta: { silent: true },
    onSuccess: () => client.invalidateQueries({ queryKey: mediationKeys.all }),
  });
}
