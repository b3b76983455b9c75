import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { Org } from '@sifa/kernel/shared';
import { apiGet, queryString } from '../api/client';

/** Query keys of the unit tree; the system pages invalidate `orgKeys.all` after a change. */
export const orgKeys = {
  all: ['orgs'] as const,
  tree: (includeInactive: boolean) => ['orgs', 'tree', includeInactive] as const,
};

/** The units of the user's scope, flat, in tree order. */
export function useOrgList(includeInactive: boolean) {
  return useQuery({
    queryKey: orgKeys.tree(includeInactive),
    queryFn: () => apiGet(`/api/orgs/tree${queryString({ includeInactive: includeInactive || undefined })}`, z.array(Org)),
    staleTime: 5 * 60_000,
  });
}
