import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo } from 'react';
import type { ReactNode } from 'react';
import type { UiLang } from '../ui-text';
import { PUBLIC_SESSION_KEY, setPublicUnauthenticatedHandler } from './portal-api';
import type { PortalApiClient } from './portal-api';

/** What every portal page may use: the public API client and the page language. */
export interface PortalContextValue {
  api: PortalApiClient;
  lang: UiLang;
}

const PortalContext = createContext<PortalContextValue | undefined>(undefined);

/**
 * Gives the portal's pages (the app's and the modules') the public API client and the language, and forgets the
 * cached citizen session when a request says it ended.
 */
export function PortalProvider({ api, lang, children }: PortalContextValue & { children: ReactNode }) {
  const client = useQueryClient();
  useEffect(() => {
    setPublicUnauthenticatedHandler(() => client.setQueryData(PUBLIC_SESSION_KEY, null));
    return () => setPublicUnauthenticatedHandler(undefined);
  }, [client]);
  const value = useMemo(() => ({ api, lang }), [api, lang]);
  return <PortalContext.Provider value={value}>{children}</PortalContext.Provider>;
}

/** The portal's client and language; only inside `PortalProvider` (the portal layout). */
export function usePortal(): PortalContextValue {
  const value = useContext(PortalContext);
  if (!value) throw new Error('usePortal: not inside a PortalProvider (the portal layout provides it)');
  return value;
}

/** The public API client (public endpoints, the citizen session's CSRF token on writes). */
export function usePortalApi(): PortalApiClient {
  return usePortal().api;
}
