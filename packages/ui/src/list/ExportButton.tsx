import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { downloadFile } from '../api/client';
import { useI18n } from '../i18n';
import { notifyError } from '../api/notify';

export interface ExportButtonProps {
  /** The export URL with the list's current filters, e.g. `/api/users/export.xlsx?q=…`. */
  href: string;
  /** File name when the server sends none. */
  fileName: string;
}

/** 导出 Excel: downloads the filtered rows; a refusal or failure shows the API's message. */
export function ExportButton({ href, fileName }: ExportButtonProps) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const onClick = () => {
    setBusy(true);
    downloadFile(href, fileName)
      .catch((error: unknown) => notifyError(error, t('common.loadFailed')))
      .finally(() => setBusy(false));
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={onClick} data-testid="export">
      {busy ? t('common.exporting') : t('common.export')}
    </Button>
  );
}
