import { Spin } from 'antd';
import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { usePublicSession } from './citizen-session';
import type { PublicSessionInfo } from './portal-api';

const CitizenContext = createContext<PublicSessionInfo | undefined>(undefined);

export interface RequireCitizenProps {
  /** The sign-in page; it gets `?next=` the page asked for, and returns there after sign-in. */
  loginPath?: string;
  /** Shown while the session loads. */
  fallback?: ReactNode;
  children: ReactNode;
}

/**
 * A page only for a signed-in citizen (phone + SMS code): others are sent to sign-in and come back after it. Inside,
 * `useCitizen()` gives the session.
 */
export function RequireCitizen({ loginPath = '/portal/login', fallback, children }: RequireCitizenProps) {
  const session = usePublicSession();
  const { pathname, search } = useLocation();
  if (session.isPending) {
    return (
      fallback ?? (
        <div style={{ padding: 48, textAlign: 'center' }}>
          <Spin />
        </div>
      )
    );
  }
  if (!session.data) return <Navigate to={`${loginPath}?next=${encodeURIComponent(pathname + search)}`} replace />;
  return <CitizenContext.Provider value={session.data}>{children}</CitizenContext.Provider>;
}

/** The signed-in citizen of a page under `RequireCitizen` (a portal page declared with `citizen: true`). */
export function useCitizen(): PublicSessionInfo {
  const citizen = useContext(CitizenContext);
  if (!citizen) throw new Error('useCitizen: the page is not under RequireCitizen (declare it with citizen: true)');
  return citizen;
}
