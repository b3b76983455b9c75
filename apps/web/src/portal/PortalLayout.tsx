import { PortalProvider, PortalShell } from '@sifa/ui';
import { Suspense, useEffect } from 'react';
import { Outlet, useLocation } from 'react-router-dom';
import { useI18n } from '../i18n';
import { ErrorBoundary } from '../shell/ErrorBoundary';
import { PageLoading } from '@sifa/ui';
import { publicApi } from './public-api';

/**
 * The public portal: @sifa/ui's phone-first shell around the page, with the public API client and the console's
 * language handed to every portal page (the modules' too).
 */
export function PortalLayout() {
  const { t, lang, setLang } = useI18n();
  const { pathname } = useLocation();

  useEffect(() => {
    document.title = t('portal.title');
  }, [t]);

  return (
    <PortalProvider api={publicApi} lang={lang}>
      <PortalShell brand={t('portal.brand')} footer={t('portal.footer')} homePath="/portal" lang={lang} onLangChange={setLang}>
        <ErrorBoundary key={pathname} title={t('error.pageCrashed')} retryLabel={t('common.retry')}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </PortalShell>
    </PortalProvider>
  );
}
