import { useQuery } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { SessionInfo } from '@sifa/kernel/shared';
import type { SessionUser } from '@sifa/kernel/shared';
import { ApiError, apiGet, setCsrfToken } from './client';

/** The query key of the staff session; the shell's sign-in and sign-out update it in place. */
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
export function switchSession(client: QueryClient, session: SessionInfo | null): void {
  setCsrfToken(session?.csrfToken);
  client.setQueryData(SESSION_KEY, session);
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
}
