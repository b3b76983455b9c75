import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { pageOf } from '@sifa/kernel/shared';
import { CommitteeDetail, CommitteeListItem, Mediator, RegistryImportReport } from '@sifa/mediation/shared';
import type { CreateCommitteeInput, CreateMediatorInput, UpdateCommitteeInput, UpdateMediatorInput } from '@sifa/mediation/shared';
import { apiGet, apiSend, apiUpload, queryString } from '@sifa/ui';
import type { QueryValue } from '@sifa/ui';

export const REGISTRY = '/api/mediation/registry';

export type Params = Record<string, QueryValue>;

export const registryKeys = {
  all: ['mediation', 'registry'] as const,
  committees: (params: Params) => ['mediation', 'registry', 'committees', params] as const,
  committee: (id: string) => ['mediation', 'registry', 'committee', id] as const,
  mediators: (params: Params) => ['mediation', 'registry', 'mediators', params] as const,
};

const CommitteePage = pageOf(CommitteeListItem);
const MediatorPage = pageOf(Mediator);

export function useCommitteePage(params: Params) {
  return useQuery({
    queryKey: registryKeys.committees(params),
    queryFn: () => apiGet(`${REGISTRY}/committees${queryString(params)}`, CommitteePage),
    placeholderData: keepPreviousData,
  });
}

/** The committee with its people and warnings; the page shows a 404 itself. */
export function useCommittee(id: string) {
  return useQuery({
    queryKey: registryKeys.committee(id),
    queryFn: () => apiGet(`${REGISTRY}/committees/${encodeURIComponent(id)}`, CommitteeDetail),
    meta: { silent: true },
  });
}

export function useMediatorPage(params: Params, enabled = true) {
  return useQuery({
    queryKey: registryKeys.mediators(params),
    queryFn: () => apiGet(`${REGISTRY}/mediators${queryString(params)}`, MediatorPage),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The active mediators of one committee, for the assign and transfer forms (at most 200 people a committee). */
export function useCommitteeMediators(committeeOrgId: string | undefined, enabled: boolean) {
  return useMediatorPage({ committeeOrgId, pageSize: 200 }, enabled && !!committeeOrgId);
}

/** Anything written to the register: every register list and page reloads (dispute pages keep their cache). */
function useRegistryWrite<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    // forms show the server's message themselves
    meta: { silent: true },
    onSuccess: () => client.invalidateQueries({ queryKey: registryKeys.all }),
  });
}

export const useCreateCommittee = () => useRegistryWrite((input: CreateCommitteeInput) => apiSend('POST', `${REGISTRY}/committees`, input, CommitteeDetail));

export const useUpdateCommittee = (id: string) =>
  useRegistryWrite((input: UpdateCommitteeInput) => apiSend('PATCH', `${REGISTRY}/committees/${encodeURIComponent(id)}`, input, CommitteeDetail));

export const useCreateMediator = (committeeId: string) =>
  useRegistryWrite((input: CreateMediatorInput) => apiSend('POST', `${REGISTRY}/committees/${encodeURIComponent(committeeId)}/mediators`, input, Mediator));

export const useUpdateMediator = (id: string) =>
  useRegistryWrite((input: UpdateMediatorInput) => apiSend('PATCH', `${REGISTRY}/mediators/${encodeURIComponent(id)}`, input, Mediator));

export const useSetMediatorActive = () =>
  useRegistryWrite(({ id, active }: { id: string; active: boolean }) =>
    apiSend('POST', `${REGISTRY}/mediators/${encodeURIComponent(id)}/${active ? 'activate' : 'deactivate'}`, {}, Mediator),
  );

export type ImportKind = 'committees' | 'mediators';

/** Uploads a filled template into a unit (or a committee, for its mediators) and returns the row report. */
export const useRegistryImport = (kind: ImportKind, unitId: string) =>
  useRegistryWrite((file: File) => apiUpload(`${REGISTRY}/units/${encodeURIComponent(unitId)}/${kind}/import`, file, file.name, RegistryImportReport));
