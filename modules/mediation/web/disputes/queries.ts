import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { actionPath, Matter, pageOf } from '@sifa/kernel/shared';
import { ConfirmationInput, Dispute, DisputeListItem, DisputeRatings, DISPUTE_WORKFLOW, FollowUp } from '@sifa/mediation/shared';
import type { FollowUpInput } from '@sifa/mediation/shared';
import type { CreateDisputeInput } from '@sifa/mediation/shared';
import { apiGet, apiSend, matterKeys, queryString } from '@sifa/ui';
import type { QueryValue } from '@sifa/ui';

// `GET /api/mediation/disputes/:id/sessions` and `/committees` declare no response schema on the server (or declare
// it inside the route file); they are written out here so every answer is checked.

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

/** The citizens' ratings of the dispute (portal, after closing). */
export function useDisputeRatings(id: string, enabled = true) {
  return useQuery({ queryKey: [...mediationKeys.dispute(id), 'ratings'], queryFn: () => apiGet(`${base(id)}/ratings`, DisputeRatings), enabled });
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
