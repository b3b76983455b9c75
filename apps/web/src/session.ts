import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { SessionInfo } from '@sifa/kernel/shared';
import type { LoginInput } from '@sifa/kernel/shared';
import { apiCall, apiSend, switchSession } from '@sifa/ui';

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
