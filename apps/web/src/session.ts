import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { SessionInfo } from '@sifa/kernel/shared';
import type { LoginInput, SessionUser } from '@sifa/kernel/shared';
import { ApiError, apiCall, apiGet, apiSend, setCsrfToken } from './api';

export const SESSION_KEY = ['session'] as const;

async function fetchSession(): Promise<SessionInfo | null> {
  try {
    const session = await apiGet('/api/auth/session', SessionInfo);
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(undefined);
      return null;
    }
    throw error;
  }
}

/** The current session: SessionInfo when signed in, null when not, undefined while loading. */
export function useSessionQuery() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: fetchSession,
    staleTime: Infinity,
    retry: false,
    meta: { silent: true },
  });
}

/** The signed-in user. Only for pages behind RequireAuth, where a session is known to exist. */
export function useSessionUser(): SessionUser {
  const { data } = useSessionQuery();
  if (!data) throw new Error('useSessionUser() outside a signed-in page');
  return data.user;
}

/** Whether the signed-in user holds `permission`. */
export function useCan(permission: string): boolean {
  const { data } = useSessionQuery();
  return data?.user.permissions.includes(permission) ?? false;
}

/**
 * Switch the cache to another session (or none): every answer fetched for the previous user is dropped. The session
 * entry is updated in place, not removed, so mounted pages see the change and leave rather than read a stale user.
 */
function switchSession(client: QueryClient, session: SessionInfo | null): void {
  setCsrfToken(session?.csrfToken);
  client.setQueryData(SESSION_KEY, session);
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
}

/** Sign in; on success every cached answer of a previous user is dropped. */
export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => apiSend('POST', '/api/auth/login', input, SessionInfo),
    meta: { silent: true },
    onSuccess: (session) => switchSession(client, session),
  });
}

/** Sign out and go to the sign-in page; the session is forgotten even if the server cannot be reached. */
export function useLogout(onSignedOut?: () => void) {
  const client = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => apiCall('POST', '/api/auth/logout'),
    meta: { silent: true },
    onSuccess: onSignedOut,
    onSettled: () => {
      // leave the signed-in pages in the same render that forgets the user
      void navigate('/login', { replace: true });
      switchSession(client, null);
    },
  });
}
