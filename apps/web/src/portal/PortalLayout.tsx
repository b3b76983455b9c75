import { GlobalOutlined, LeftOutlined } from '@ant-design/icons';
import { Button, ConfigProvider, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useI18n } from '../i18n';
import { ErrorBoundary } from '../shell/ErrorBoundary';
import { PageLoading } from '../shell/PageLoading';
import { setPublicUnauthenticatedHandler } from './public-api';
import { PUBLIC_SESSION_KEY } from './session';

/** The portal's widths: one column, comfortable from 360 px phones up to a narrow desktop column. */
const MAX_WIDTH = 560;

/**
 * The public portal's frame: no staff menu, one column, large type and touch targets (44 px controls), a back
 * button on inner pages.
 */
export function PortalLayout() {
  const { t, lang, setLang } = useI18n();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const home = pathname === '/portal' || pathname === '/portal/';

  useEffect(() => {
    setPublicUnauthenticatedHandler(() => client.setQueryData(PUBLIC_SESSION_KEY, null));
    return () => setPublicUnauthenticatedHandler(undefined);
  }, [client]);

  useEffect(() => {
    document.title = t('portal.title');
  }, [t]);

  return (
    <ConfigProvider componentSize="large" theme={{ token: { fontSize: 16, controlHeight: 44, controlHeightLG: 48, borderRadius: 8 } }}>
      <div style={{ minHeight: '100vh', background: '#f3f6fb', display: 'flex', flexDirection: 'column' }}>
        <header
          style={{
            position: 'sticky',
            top: 0,
            zIndex: 10,
            background: '#1f5fbf',
            color: '#fff',
            height: 56,
            display: 'flex',
            alignItems: 'center',
            gap: 4,
            paddingInline: 8,
          }}
        >
          {!home && (
            <Button
              type="text"
              icon={<LeftOutlined style={{ color: '#fff' }} />}
              aria-label={t('portal.back')}
              onClick={() => (window.history.length > 1 ? void navigate(-1) : void navigate('/portal'))}
              style={{ minWidth: 44 }}
            />
          )}
          <Link to="/portal" style={{ color: '#fff', flex: 1, minWidth: 0, paddingInline: home ? 8 : 0 }}>
            <Typography.Text strong ellipsis style={{ color: '#fff', fontSize: 18 }}>
              {t('portal.brand')}
            </Typography.Text>
          </Link>
          <Button
            type="text"
            icon={<GlobalOutlined />}
            aria-label={t('lang.switchTitle')}
            onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}
            style={{ color: '#fff', minWidth: 44 }}
          >
            {lang === 'en' ? '中' : 'EN'}
          </Button>
        </header>
        <main
          style={{
            flex: 1,
            width: '100%',
            maxWidth: MAX_WIDTH,
            margin: '0 auto',
            padding: 16,
            boxSizing: 'border-box',
          }}
        >
          <ErrorBoundary key={pathname} title={t('error.pageCrashed')} retryLabel={t('common.retry')}>
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </main>
        <footer style={{ textAlign: 'center', padding: '16px 16px 24px', color: '#8c8c8c', fontSize: 13 }}>{t('portal.footer')}</footer>
      </div>
    </ConfigProvider>
  );
}
