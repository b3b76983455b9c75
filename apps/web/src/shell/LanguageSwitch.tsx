import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useI18n } from '../i18n';

/** One button that switches between Chinese and English; the choice is remembered on this browser. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { lang, setLang, t } = useI18n();
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      title={t('lang.switchTitle')}
      aria-label={t('lang.switchTitle')}
      onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}
    >
      {compact ? (lang === 'en' ? '中' : 'EN') : t('lang.switch')}
    </Button>
  );
}
