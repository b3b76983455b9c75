import { AppstoreOutlined, FileSearchOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { Space, Typography } from 'antd';
import { PortalEntryCard, usePublicSession } from '@sifa/ui';
import { pick, useI18n } from '../../i18n';
import { PORTAL_SERVICES } from '../../registry';

/** The portal's home: the modules' services (申请人民调解 …), then 查询办理进度, 验证文书真伪, 我的. */
export function PortalHomePage() {
  const { t, lang } = useI18n();
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
      {PORTAL_SERVICES.map((s) => {
        const Icon = s.icon ?? AppstoreOutlined;
        return (
          <PortalEntryCard
            key={s.key}
            to={s.path}
            icon={<Icon />}
            title={pick(lang, s.titleZh, s.titleEn)}
            description={pick(lang, s.descriptionZh, s.descriptionEn)}
            testId={`entry-${s.key}`}
          />
        );
      })}
      <PortalEntryCard to="/portal/track" icon={<FileSearchOutlined />} title={t('portal.track')} description={t('portal.trackText')} testId="entry-track" />
      <PortalEntryCard
        to="/portal/verify"
        icon={<SafetyCertificateOutlined />}
        title={t('portal.verify')}
        description={t('portal.verifyText')}
        testId="entry-verify"
      />
      <PortalEntryCard
        to={phone ? '/portal/me' : '/portal/login?next=/portal/me'}
        icon={<UserOutlined />}
        title={t('portal.me')}
        description={phone ? t('portal.signedInAs', { phone }) : t('portal.meText')}
        testId="entry-me"
      />
    </Space>
  );
}
