import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useI18n } from '../i18n';
import { ForbiddenPage } from '../pages/ForbiddenPage';
import { PageLoading, useSessionQuery } from '@sifa/ui';

/** Where an account that must still enrol its second factor is sent (and may only be). */
export const SECOND_FACTOR_PATH = '/me/second-factor';

/**
 * Renders its children for a signed-in user; anyone else goes to /login and comes back afterwards. An account
 * whose roles require a second factor and that has none goes to the enrolment page first (ADR 0020), unless
 * this is that page (`enrolment`).
 */
export function RequireAuth({ children, enrolment = false }: { children: ReactNode; enrolment?: boolean }) {
  const { t } = useI18n();
  const { data, isPending, isError, refetch } = useSessionQuery();
  const location = useLocation();
  if (isPending) return <PageLoading />;
  if (isError) {
    return (
      <Result
        status="error"
        title={t('common.loadFailed')}
        extra={
          <Button type="primary" onClick={() => void refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (!data) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (!enrolment && data.secondFactor?.required && !data.secondFactor.enrolled) return <Navigate to={SECOND_FACTOR_PATH} replace />;
  return children;
}

/** Renders its children only for a user holding `permission`; others see the 403 page. */
export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const { data } = useSessionQuery();
  if (!data?.user.permissions.includes(permission)) return <ForbiddenPage />;
  return children;
}
