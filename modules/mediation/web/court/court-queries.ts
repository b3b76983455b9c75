import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { CourtReferralReport, CourtResult } from '@sifa/mediation/shared';
import { apiGet, apiUpload, queryString } from '@sifa/ui';
import { mediationKeys } from '../disputes/queries';

export const COURT_RESULTS = '/api/mediation/court-results';
export const COURT_TEMPLATE = '/api/mediation/court-referrals/template.xlsx';

/** The court-results filters: both are exact matches on the server. */
export interface CourtFilters {
  courtName?: string;
  courtCaseNumber?: string;
}

export const courtKeys = {
  results: (f: CourtFilters) => ['mediation', 'court-results', f] as const,
};

/** Court-linked disputes of the caller's scope with their results (one array, newest first; at most 10^5). */
export function useCourtResults(f: CourtFilters) {
  return useQuery({
    queryKey: courtKeys.results(f),
    queryFn: () => apiGet(`${COURT_RESULTS}${queryString({ ...f })}`, z.array(CourtResult)),
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
