import { FileSearchOutlined, LogoutOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Card, Space, Typography } from 'antd';
import { Navigate, useNavigate } from 'react-router-dom';
import { useI18n } from '../../i18n';
import { PageLoading } from '@sifa/ui';
import { PortalEntryCard, usePublicLogout, usePublicSession } from '@sifa/ui';

/** 我的: who is signed in (masked phone), shortcuts, and signing out. */
export function PortalMePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const session = usePublicSession();
  const logout = usePublicLogout();
  if (session.isPending) return <PageLoading />;
  if (!session.data) return <Navigate to="/portal/login?next=/portal/me" replace />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Space size={16} align="center">
          <Avatar size={56} icon={<UserOutlined />} style={{ background: '#1f5fbf' }} />
          <div>
            <Typography.Text type="secondary">{t('portal.me.signedIn')}</Typography.Text>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="portal-phone">
              {session.data.account.phoneMasked}
            </Typography.Title>
          </div>
        </Space>
      </Card>
      <PortalEntryCard to="/portal/track" icon={<FileSearchOutlined />} title={t('portal.track')} description={t('portal.trackText')} />
      <PortalEntryCard to="/portal/verify" icon={<SafetyCertificateOutlined />} title={t('portal.verify')} description={t('portal.verifyText')} />
      <Button
        block
        danger
        icon={<LogoutOutlined />}
        loading={logout.isPending}
        style={{ height: 48 }}
        onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/portal', { replace: true }) })}
      >
        {t('portal.logout')}
      </Button>
    </Space>
  );
}
