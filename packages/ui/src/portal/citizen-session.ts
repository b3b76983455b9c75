import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PUBLIC_SESSION_KEY, PublicSessionInfo, errorStatus, setPublicCsrfToken } from './portal-api';
import type { PortalApiClient } from './portal-api';
import { usePortalApi } from './PortalProvider';

async function fetchPublicSession(api: PortalApiClient): Promise<PublicSessionInfo | null> {
  try {
    const session = await api.get('/api/public/auth/session', PublicSessionInfo);
    setPublicCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (errorStatus(error) === 401) {
      setPublicCsrfToken(undefined);
      return null;
    }
    throw error;
  }
}

/** The citizen's session: the info when signed in, null when not. */
export function usePublicSession() {
  const api = usePortalApi();
  return useQuery({
    queryKey: PUBLIC_SESSION_KEY,
    queryFn: () => fetchPublicSession(api),
    staleTime: 5 * 60_000,
    retry: false,
    meta: { silent: true },
  });
}

/** Ask for an SMS code for a phone; the page shows refusals (too soon, daily limit, bad number) itself. */
export function useRequestCode() {
  const api = usePortalApi();
  return useMutation({
    mutationFn: (phone: string) => api.call('POST', '/api/public/auth/code', { phone }),
    meta: { silent: true },
  });
}

/** Sign in with phone and SMS code; the session is cached at once, so guarded pages open without a reload. */
export function usePublicLogin() {
  const api = usePortalApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { phone: string; code: string }) => api.send('POST', '/api/public/auth/login', input, PublicSessionInfo),
    meta: { silent: true },
    onSuccess: (session) => {
      setPublicCsrfToken(session.csrfToken);
      client.setQueryData(PUBLIC_SESSION_KEY, session);
    },
  });
}

/** Sign out (with the citizen CSRF token); the session is forgotten here even if the server cannot be reached. */
export function usePublicLogout() {
  const api = usePortalApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.call('POST', '/api/public/auth/logout'),
    meta: { silent: true },
    onSettled: () => {
      setPublicCsrfToken(undefined);
      client.setQueryData(PUBLIC_SESSION_KEY, null);
    },
  });
}
