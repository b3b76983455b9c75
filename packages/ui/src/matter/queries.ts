import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { Attachment, DeadlinePreview, DocumentSummary, Matter, MatterActionEntry } from '@sifa/kernel/shared';
import type { ActInput, IssueDocumentInput } from '@sifa/kernel/shared';
import { ApiError, apiCall, apiGet, apiSend, apiUpload, queryString } from '../api/client';
import { MatterDeadline, MatterDetail, MatterParty } from './schemas';

export const matterKeys = {
  all: (id: string) => ['matter', id] as const,
  detail: (id: string) => ['matter', id, 'detail'] as const,
  timeline: (id: string) => ['matter', id, 'timeline'] as const,
  parties: (id: string) => ['matter', id, 'parties'] as const,
  deadlines: (id: string) => ['matter', id, 'deadlines'] as const,
  documents: (id: string) => ['matter', id, 'documents'] as const,
  attachments: (id: string) => ['matter', id, 'attachments'] as const,
};

const base = (id: string) => `/api/matters/${encodeURIComponent(id)}`;

export function useMatter(id: string) {
  return useQuery({
    queryKey: matterKeys.detail(id),
    queryFn: () => apiGet(base(id), MatterDetail),
    // the page shows a 404 itself
    meta: { silent: true },
  });
}

export function useMatterTimeline(id: string) {
  return useQuery({
    queryKey: matterKeys.timeline(id),
    queryFn: () => apiGet(`${base(id)}/timeline`, z.array(MatterActionEntry)),
  });
}

export function useMatterParties(id: string) {
  return useQuery({
    queryKey: matterKeys.parties(id),
    queryFn: () => apiGet(`${base(id)}/parties`, z.array(MatterParty)),
  });
}

/** The matter's deadlines; the tab shows a failure itself (the header just leaves the badge out). */
export function useMatterDeadlines(id: string) {
  return useQuery({
    queryKey: matterKeys.deadlines(id),
    queryFn: () => apiGet(`${base(id)}/deadlines`, z.array(MatterDeadline)),
    meta: { silent: true },
  });
}

export function useMatterDocuments(id: string) {
  return useQuery({
    queryKey: matterKeys.documents(id),
    queryFn: () => apiGet(`${base(id)}/documents`, z.array(DocumentSummary)),
  });
}

export function useMatterAttachments(id: string) {
  return useQuery({
    queryKey: matterKeys.attachments(id),
    queryFn: () => apiGet(`${base(id)}/attachments`, z.array(Attachment)),
  });
}

/**
 * How a deadline's date was reached, for a deadline the server sent without its explanation: the preview of the same
 * rule, start, completed suspensions and extension. Asked only once `enabled` (the hover card or the tab opened).
 */
export function useDeadlineExplanation(d: MatterDeadline, enabled: boolean) {
  const params = {
    rule: d.ruleId,
    start: d.startDate,
    pauses: d.pauses.map((p) => `${p.from}..${p.to}`).join(',') || undefined,
    extension: d.extendedAmount > 0 ? d.extendedAmount : undefined,
  };
  return useQuery({
    queryKey: ['deadline-preview', params],
    queryFn: () => apiGet(`/api/deadlines/preview${queryString(params)}`, DeadlinePreview),
    enabled: enabled && d.explanation === undefined,
    staleTime: 10 * 60_000,
    meta: { silent: true },
  });
}

/** A workflow action with the version the user saw; the caller reports success and failure. */
export function useMatterAction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ActInput) => apiSend('POST', `${base(id)}/actions`, input, Matter),
    meta: { silent: true },
    onSettled: async (_data, error) => {
      // after a success the matter moved on; after a conflict someone else moved it: either way, reload
      if (!error || (error instanceof ApiError && error.status === 409)) {
        await Promise.all([client.invalidateQueries({ queryKey: matterKeys.all(id) }), client.invalidateQueries({ queryKey: ['todos'] })]);
      }
    },
  });
}

export type IssueNoticeInput = Omit<IssueDocumentInput, 'issuingOrgId' | 'number'>;

export function useIssueDocument(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: IssueNoticeInput) => apiSend('POST', `${base(id)}/documents`, input, DocumentSummary),
    onSuccess: () => client.invalidateQueries({ queryKey: matterKeys.documents(id) }),
  });
}

export function useRevokeDocument(matterId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      apiSend('POST', `/api/documents/${encodeURIComponent(id)}/revoke`, { reason }, DocumentSummary),
    onSuccess: () => client.invalidateQueries({ queryKey: matterKeys.documents(matterId) }),
  });
}

export function useUploadAttachment(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => apiUpload(`${base(id)}/attachments`, file, file.name, Attachment),
    onSuccess: () => client.invalidateQueries({ queryKey: matterKeys.attachments(id) }),
  });
}

export function useDeleteAttachment(matterId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (attachmentId: string) => apiCall('DELETE', `/api/attachments/${encodeURIComponent(attachmentId)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: matterKeys.attachments(matterId) }),
  });
}

/** A party's phone revealed for the matter (`POST /api/matters/:id/party-phone`, ADR 0025). */
export const RevealedPhone = z.object({ partyId: z.string(), phone: z.string(), masked: z.string(), reason: z.string(), repeat: z.boolean() });
export type RevealedPhone = z.infer<typeof RevealedPhone>;

/**
 * Phones revealed in this sign-in stay in the query cache (outside the matter's own keys, so reloading the matter keeps
 * them; a change of session drops them with everything else): the second look at a party needs no second request.
 */
export const revealedPhoneKey = (matterId: string, partyId: string) => ['party-phone', matterId, partyId] as const;

export function useRevealedPhone(matterId: string, partyId: string): RevealedPhone | undefined {
  const { data } = useQuery<RevealedPhone>({
    queryKey: revealedPhoneKey(matterId, partyId),
    queryFn: () => Promise.reject(new Error('not revealed')),
    enabled: false,
    staleTime: Infinity,
  });
  return data;
}

export function useRevealPhone(matterId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { partyId: string; reason?: string }) => apiSend('POST', `${base(matterId)}/party-phone`, input, RevealedPhone),
    meta: { silent: true },
    onSuccess: (data) => client.setQueryData(revealedPhoneKey(matterId, data.partyId), data),
  });
}
