import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Layout, Typography, theme } from 'antd';
import { Suspense, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useI18n } from '../i18n';
import { ErrorBoundary } from './ErrorBoundary';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from './NotificationBell';
import { SideMenu } from './SideMenu';
import { UserMenu } from './UserMenu';
import { PageLoading, UnitFilterSelect, useCompact } from '@sifa/ui';

const SIDER_WIDTH = 220;

function Brand({ short = false }: { short?: boolean }) {
  const { t } = useI18n();
  return (
    <Link to="/" style={{ color: 'inherit', minWidth: 0, display: 'flex', alignItems: 'center', lineHeight: 1.4 }}>
      <Typography.Text strong ellipsis style={{ color: 'inherit', fontSize: 16, lineHeight: 1.4, display: 'block' }}>
        {short ? t('app.shortTitle') : t('app.brand')}
      </Typography.Text>
    </Link>
  );
}

/**
 * The console frame: grouped menu on the left (a drawer below 768 px), top bar with the unit filter, notifications,
 * language switch and user menu; the page in the middle.
 */
export function ConsoleLayout() {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { pathname } = useLocation();
  const mobile = useCompact();

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!mobile && (
        <Layout.Sider width={SIDER_WIDTH} style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}>
          <div style={{ height: 56, display: 'flex', alignItems: 'center', paddingInline: 20, color: '#fff' }}>
            <Brand />
          </div>
          <SideMenu />
        </Layout.Sider>
      )}
      {mobile && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={SIDER_WIDTH + 40}
          title={t('app.brand')}
          styles={{ body: { padding: 0, background: '#001529' } }}
        >
          <SideMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
      <Layout>
        <Layout.Header
          style={{
            position: 'sticky',
            top: 0,
            zIndex: 10,
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            height: 56,
            lineHeight: '56px',
            paddingInline: mobile ? 8 : 24,
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          {mobile && (
            <>
              <Button type="text" icon={<MenuOutlined />} aria-label={t('menu.open')} data-testid="menu-button" onClick={() => setDrawerOpen(true)} />
              <Brand short />
            </>
          )}
          <div style={{ flex: 1 }} />
          {!mobile && <UnitFilterSelect width={240} />}
          <NotificationBell />
          <LanguageSwitch compact={mobile} />
          <UserMenu compact={mobile} />
        </Layout.Header>
        {mobile && (
          <div style={{ padding: '8px 8px 0' }}>
            <UnitFilterSelect width="100%" />
          </div>
        )}
        <Layout.Content style={{ padding: mobile ? 8 : 24, minWidth: 0 }}>
          <ErrorBoundary key={pathname} title={t('error.pageCrashed')} retryLabel={t('common.retry')}>
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
