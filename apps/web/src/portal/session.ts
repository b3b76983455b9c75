import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../api';
import { PublicSessionInfo, publicApi, setPublicCsrfToken } from './public-api';

export const PUBLIC_SESSION_KEY = ['portal', 'session'] as const;

async function fetchPublicSession(): Promise<PublicSessionInfo | null> {
  try {
    const session = await publicApi.get('/api/public/auth/session', PublicSessionInfo);
    setPublicCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setPublicCsrfToken(undefined);
      return null;
    }
    throw error;
  }
}

/** The citizen's session: the info when signed in, null when not. */
export function usePublicSession() {
  return useQuery({
    queryKey: PUBLIC_SESSION_KEY,
    queryFn: fetchPublicSession,
    staleTime: 5 * 60_000,
    retry: false,
    meta: { silent: true },
  });
}

/** Ask for an SMS code; the page shows refusals (too soon, daily limit, bad number) itself. */
export function useRequestCode() {
  return useMutation({
    mutationFn: (phone: string) => publicApi.call('POST', '/api/public/auth/code', { phone }),
    meta: { silent: true },
  });
}

export function usePublicLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { phone: string; code: string }) => publicApi.send('POST', '/api/public/auth/login', input, PublicSessionInfo),
    meta: { silent: true },
    onSuccess: (session) => {
      setPublicCsrfToken(session.csrfToken);
      client.setQueryData(PUBLIC_SESSION_KEY, session);
    },
  });
}

/** Sign out (with the citizen CSRF token); the session is forgotten here even if the server cannot be reached. */
export function usePublicLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => publicApi.call('POST', '/api/public/auth/logout'),
    meta: { silent: true },
    onSettled: () => {
      setPublicCsrfToken(undefined);
      client.setQueryData(PUBLIC_SESSION_KEY, null);
    },
  });
}
