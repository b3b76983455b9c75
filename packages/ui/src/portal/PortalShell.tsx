import { GlobalOutlined, LeftOutlined } from '@ant-design/icons';
import { Button, ConfigProvider, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import type { UiLang } from '../ui-text';
import { portalText } from './portal-text';

/** The portal's widths: one column, comfortable from 360 px phones up to a narrow desktop column. */
const MAX_WIDTH = 560;

export interface PortalShellProps {
  /** The name in the top bar, e.g. 智慧司法 · 便民服务. */
  brand: string;
  footer?: ReactNode;
  /** The portal's home; the top bar's name leads there and inner pages get a back button. */
  homePath?: string;
  lang: UiLang;
  onLangChange: (lang: UiLang) => void;
  /** The page. */
  children: ReactNode;
}

/**
 * The public portal's frame, phone first: no staff menu, one column, large type and touch targets (44 px controls),
 * a back button on inner pages and a language switch.
 */
export function PortalShell({ brand, footer, homePath = '/portal', lang, onLangChange, children }: PortalShellProps) {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const home = pathname === homePath || pathname === `${homePath}/`;

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
              aria-label={portalText(lang, 'shell.back')}
              onClick={() => (window.history.length > 1 ? void navigate(-1) : void navigate(homePath))}
              style={{ minWidth: 44 }}
            />
          )}
          <Link to={homePath} style={{ color: '#fff', flex: 1, minWidth: 0, paddingInline: home ? 8 : 0 }}>
            <Typography.Text strong ellipsis style={{ color: '#fff', fontSize: 18 }}>
              {brand}
            </Typography.Text>
          </Link>
          <Button
            type="text"
            icon={<GlobalOutlined />}
            aria-label={portalText(lang, 'shell.switchLang')}
            onClick={() => onLangChange(lang === 'en' ? 'zh-CN' : 'en')}
            style={{ color: '#fff', minWidth: 44 }}
          >
            {lang === 'en' ? '中' : 'EN'}
          </Button>
        </header>
        <main style={{ flex: 1, width: '100%', maxWidth: MAX_WIDTH, margin: '0 auto', padding: 16, boxSizing: 'border-box' }}>{children}</main>
        {footer && <footer style={{ textAlign: 'center', padding: '16px 16px 24px', color: '#8c8c8c', fontSize: 13 }}>{footer}</footer>}
      </div>
    </ConfigProvider>
  );
}
