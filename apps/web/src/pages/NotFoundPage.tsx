import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../i18n';

/** 404: no page at this address; the button leads to `home` (the portal passes its own). */
export function NotFoundPage({ home = '/' }: { home?: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('error.notFound.title')}
      subTitle={t('error.notFound.text')}
      extra={
        <Button type="primary" onClick={() => void navigate(home)}>
          {t('error.backHome')}
        </Button>
      }
    />
  );
}
