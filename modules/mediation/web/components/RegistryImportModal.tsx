import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Table, Tag, Typography, Upload } from 'antd';
import type { TableColumnsType, UploadProps } from 'antd';
import type { RegistryImportReport } from '@sifa/mediation/shared';
import { useState } from 'react';
import { ApiError, downloadFile } from '@sifa/web/src/api';
import { notifyError } from '@sifa/web/src/notify';
import { useRegistryText } from '../registry-messages';
import { REGISTRY, useRegistryImport, type ImportKind } from '../registry-queries';

type ReportRow = RegistryImportReport['rows'][number];

export interface RegistryImportModalProps {
  kind: ImportKind;
  /** The unit the rows go into (a judicial office or bureau; a committee for its own mediators). */
  unitId: string;
  unitName: string;
  onClose: () => void;
}

/**
 * 从 Excel 导入: the template to download, the file to upload, then the row-by-row report — rows with problems are
 * listed first with what to correct; the good rows are already in the register.
 */
export function RegistryImportModal({ kind, unitId, unitName, onClose }: RegistryImportModalProps) {
  const { t, rt } = useRegistryText();
  const what = rt(kind === 'committees' ? 'import.what.committees' : 'import.what.mediators');
  const upload = useRegistryImport(kind, unitId);
  const [report, setReport] = useState<RegistryImportReport | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [downloading, setDownloading] = useState(false);

  const customRequest: NonNullable<UploadProps['customRequest']> = (options) => {
    const { file } = options;
    if (!(file instanceof File)) return;
    setProblem(undefined);
    upload.mutate(file, {
      onSuccess: (r) => {
        setReport(r);
        options.onSuccess?.(r);
      },
      onError: (error) => {
        setProblem(error instanceof ApiError ? error.message : t('common.loadFailed'));
        options.onError?.(error);
      },
    });
  };

  const template = () => {
    setDownloading(true);
    downloadFile(`${REGISTRY}/${kind}/template.xlsx`, rt('import.templateName', { what }))
      .catch((error: unknown) => notifyError(error, t('common.loadFailed')))
      .finally(() => setDownloading(false));
  };

  const columns: TableColumnsType<ReportRow> = [
    { title: rt('import.row'), dataIndex: 'row', width: 70 },
    {
      title: rt('import.result'),
      dataIndex: 'ok',
      width: 90,
      render: (_v, r) => (r.ok ? <Tag color="green">{rt('import.ok')}</Tag> : <Tag color="red">{rt('import.failed')}</Tag>),
    },
    { title: rt('field.name'), dataIndex: 'name', width: 160, render: (_v, r) => <span style={{ wordBreak: 'break-all' }}>{r.name ?? t('common.none')}</span> },
    {
      title: rt('import.problems'),
      dataIndex: 'problems',
      render: (_v, r) =>
        r.problems.length ? (
          <ul style={{ margin: 0, paddingInlineStart: 16 }}>
            {r.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : null,
    },
  ];
  // what needs correcting first, then what went in
  const rows = report ? [...report.rows].sort((a, b) => Number(a.ok) - Number(b.ok) || a.row - b.row) : [];

  return (
    <Modal open title={rt('import.title', { what })} onCancel={onClose} footer={<Button onClick={onClose} data-testid="import-close">{rt('import.close')}</Button>} width={820} destroyOnHidden>
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Paragraph style={{ marginBottom: 0 }}>{rt('import.steps')}</Typography.Paragraph>
        <Space wrap>
          <Button icon={<DownloadOutlined />} loading={downloading} onClick={template} data-testid="import-template">
            {rt('import.template')}
          </Button>
          <Typography.Text type="secondary">{rt('import.into', { unit: unitName })}</Typography.Text>
        </Space>
        {problem && <Alert type="error" showIcon title={problem} data-testid="import-problem" />}
        {report ? (
          <>
            <Alert
              type={report.failed ? 'warning' : 'success'}
              showIcon
              title={rt('import.summary', { total: report.rows.length, created: report.created, failed: report.failed })}
              data-testid="import-summary"
            />
            <Table<ReportRow> rowKey="row" size="small" tableLayout="fixed" columns={columns} dataSource={rows} pagination={rows.length > 20 ? { pageSize: 20 } : false} data-testid="import-report" />
            <Button onClick={() => setReport(undefined)}>{rt('import.again')}</Button>
          </>
        ) : (
          <Upload.Dragger accept=".xlsx,.csv" customRequest={customRequest} showUploadList={false} multiple={false} disabled={upload.isPending} data-testid="import-file">
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{rt('import.choose')}</p>
            <p className="ant-upload-hint">{rt('import.limit')}</p>
          </Upload.Dragger>
        )}
      </Space>
    </Modal>
  );
}
