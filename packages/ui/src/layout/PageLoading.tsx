import { Spin } from 'antd';
import { useI18n } from '../i18n';

/** A centred spinner while a page's code or the session loads. */
export function PageLoading() {
  const { t } = useI18n();
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin description={t('app.loading')} />
    </div>
  );
}
