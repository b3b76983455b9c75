import { FileSearchOutlined, SafetyCertificateOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { Space, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { EntryCard } from '../components/EntryCard';
import { usePublicSession } from '../session';

/** The portal's home: 申请人民调解, 查询办理进度, 验证文书真伪, 我的. */
export function PortalHomePage() {
  const { t } = useI18n();
  const session = usePublicSession();
  const phone = session.data?.account.phoneMasked;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div style={{ padding: '8px 4px' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('portal.welcome')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('portal.welcomeText')}</Typography.Text>
      </div>
      <EntryCard
        to="/portal/mediation/apply"
        icon={<TeamOutlined />}
        title={t('portal.apply')}
        description={t('portal.applyText')}
        testId="entry-mediation-apply"
      />
      <EntryCard to="/portal/track" icon={<FileSearchOutlined />} title={t('portal.track')} description={t('portal.trackText')} testId="entry-track" />
      <EntryCard
        to="/portal/verify"
        icon={<SafetyCertificateOutlined />}
        title={t('portal.verify')}
        description={t('portal.verifyText')}
        testId="entry-verify"
      />
      <EntryCard
        to={phone ? '/portal/me' : '/portal/login?next=/portal/me'}
        icon={<UserOutlined />}
        title={t('portal.me')}
        description={phone ? t('portal.signedInAs', { phone }) : t('portal.meText')}
        testId="entry-me"
      />
    </Space>
  );
}
