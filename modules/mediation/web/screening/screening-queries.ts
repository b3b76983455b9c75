import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { pageOf } from '@sifa/kernel/shared';
import { ScreeningDetail, ScreeningListItem } from '@sifa/mediation/shared';
import type { CreateScreeningInput, UpdateScreeningInput } from '@sifa/mediation/shared';
import { apiGet, apiSend, queryString } from '@sifa/ui';
import type { QueryValue } from '@sifa/ui';

export const SCREENINGS = '/api/mediation/screenings';

export type Params = Record<string, QueryValue>;

// Under ['mediation', …]: registering a dispute (queries.ts useCreateDispute) reloads the screenings too.
export const screeningKeys = {
  all: ['mediation', 'screenings'] as const,
  list: (params: Params) => ['mediation', 'screenings', 'list', params] as const,
  detail: (id: string) => ['mediation', 'screenings', 'detail', id] as const,
};

const ScreeningPage = pageOf(ScreeningListItem);

export function useScreeningPage(params: Params) {
  return useQuery({
    queryKey: screeningKeys.list(params),
    queryFn: () => apiGet(`${SCREENINGS}${queryString(params)}`, ScreeningPage),
    placeholderData: keepPreviousData,
  });
}

/** The screening with its disputes; the page shows a 404 itself. */
export function useScreening(id: string | undefined) {
  return useQuery({
    queryKey: screeningKeys.detail(id ?? ''),
    queryFn: () => apiGet(`${SCREENINGS}/${encodeURIComponent(id ?? '')}`, ScreeningDetail),
    meta: { silent: true },
    enabled: !!id,
  });
}

function useScreeningWrite<I>(fn: (input: I) => Promise<ScreeningDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    // the form shows the server's message itself
    meta: { silent: true },
    onSuccess: () => client.invalidateQueries({ queryKey: screeningKeys.all }),
  });
}

export const useCreateScreening = () => useScreeningWrite((input: CreateScreeningInput) => apiSend('POST', SCREENINGS, input, ScreeningDetail));

export const useUpdateScreening = (id: string) =>
  useScreeningWrite((input: UpdateScreeningInput) => apiSend('PATCH', `${SCREENINGS}/${encodeURIComponent(id)}`, input, ScreeningDetail));
