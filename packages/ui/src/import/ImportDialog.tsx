import { DownloadOutlined, InboxOutlined, LoadingOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Table, Tag, Typography, Upload } from 'antd';
import type { TableColumnsType, UploadProps } from 'antd';
import { uploadProblem } from '../forms/upload-check';
import type { ReactNode } from 'react';
import { useMemo, useState } from 'react';
import { ApiError, downloadFile, saveBlob } from '../api/client';
import { notifyError } from '../api/notify';
import { useI18n } from '../i18n';

/** What every import report row says: the sheet's row number, whether it went in, and what to correct. */
export interface ImportRow {
  row: number;
  ok: boolean;
  problems: string[];
}

export interface ImportReport<R extends ImportRow> {
  created: number;
  rows: R[];
}

/** A column of the report between 结果 and 问题 (also a column of the problem-rows download). */
export interface ImportColumn<R> {
  title: string;
  value: (r: R) => string | null | undefined;
  width?: number;
}

/** The upload: a TanStack mutation of the file (its own `onSuccess` reloads what the rows changed). */
export interface ImportUpload<R extends ImportRow> {
  mutate: (file: File, callbacks: { onSuccess: (report: ImportReport<R>) => void; onError: (error: Error) => void }) => void;
  isPending: boolean;
}

export interface ImportDialogProps<R extends ImportRow> {
  title: string;
  /** The three steps, in a line. */
  steps: string;
  templateUrl: string;
  /** File name of the template when the server sends none. */
  templateName: string;
  /** What the server accepts, under the drop zone (e.g. 不超过 5 MB、2000 行). */
  limit: string;
  /** Larger files are refused before they are sent. */
  maxBytes?: number;
  /** Where the rows go: a line of text, or a unit picker. */
  unit: ReactNode;
  /** False while there is no unit to import into: the drop zone waits. */
  ready?: boolean;
  upload: ImportUpload<R>;
  columns: readonly ImportColumn<R>[];
  /** File name of the problem-rows download. */
  problemsName: string;
  onImported?: (report: ImportReport<R>) => void;
  onClose: () => void;
}

const PAGE_SIZE = 20;

/** One CSV field, quoted; a leading = + - @ is defused so Excel does not read a cell as a formula. */
const csvField = (value: string | number) => {
  const s = String(value);
  return `"${(/^[=+\-@\t\r]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"`;
};

/** The rows with problems as a CSV Excel opens as it is (UTF-8 with a byte-order mark). */
export function problemsCsv<R extends ImportRow>(rows: readonly R[], columns: readonly ImportColumn<R>[], headers: { row: string; problems: string }): string {
  const lines = [[headers.row, ...columns.map((c) => c.title), headers.problems].map(csvField).join(',')];
  for (const r of rows) {
    if (r.ok) continue;
    lines.push([r.row, ...columns.map((c) => c.value(r) ?? ''), r.problems.join('；')].map(csvField).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * 从 Excel 导入: the template to download, the file to upload, then the row-by-row report — rows with problems are
 * listed first with what to correct (and can be downloaded); the good rows are already in. A report of 10^5 rows is
 * paged here, never rendered whole.
 */
export function ImportDialog<R extends ImportRow>(props: ImportDialogProps<R>) {
  const { title, steps, templateUrl, templateName, limit, maxBytes, unit, ready = true, upload, columns, problemsName, onImported, onClose } = props;
  const { t } = useI18n();
  const [report, setReport] = useState<ImportReport<R> | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [downloading, setDownloading] = useState(false);

  const customRequest: NonNullable<UploadProps['customRequest']> = (options) => {
    const { file } = options;
    if (!(file instanceof File)) return;
    setProblem(undefined);
    // size and type checked before sending, as every upload is (issue #13 item 8); the server checks again
    const refused = uploadProblem(file, { maxBytes: maxBytes ?? Number.MAX_SAFE_INTEGER, exts: ['xlsx', 'csv'], typeNames: ['Excel (.xlsx)', 'CSV'] }, t);
    if (refused) {
      setProblem(refused);
      return;
    }
    upload.mutate(file, {
      onSuccess: (r) => {
        setReport(r);
        onImported?.(r);
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
    downloadFile(templateUrl, templateName)
      .catch((error: unknown) => notifyError(error, t('common.loadFailed')))
      .finally(() => setDownloading(false));
  };

  // what needs correcting first, then what went in
  const rows = useMemo(() => (report ? [...report.rows].sort((a, b) => Number(a.ok) - Number(b.ok) || a.row - b.row) : []), [report]);
  const failed = useMemo(() => rows.filter((r) => !r.ok).length, [rows]);

  const downloadProblems = () => {
    const csv = problemsCsv(rows, columns, { row: t('import.row'), problems: t('import.problems') });
    saveBlob({ blob: new Blob([csv], { type: 'text/csv;charset=utf-8' }), fileName: problemsName });
  };

  const tableColumns: TableColumnsType<R> = [
    { title: t('import.row'), dataIndex: 'row', width: 70 },
    {
      title: t('import.result'),
      dataIndex: 'ok',
      width: 90,
      render: (_v, r) => (r.ok ? <Tag color="green">{t('import.ok')}</Tag> : <Tag color="red">{t('import.failed')}</Tag>),
    },
    ...columns.map((c, i) => ({
      key: `extra-${String(i)}`,
      title: c.title,
      width: c.width ?? 160,
      render: (_v: unknown, r: R) => <span style={{ wordBreak: 'break-all' }}>{c.value(r) ?? t('common.none')}</span>,
    })),
    {
      title: t('import.problems'),
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

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      footer={
        <Button onClick={onClose} data-testid="import-close">
          {t('import.close')}
        </Button>
      }
      width={900}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Paragraph style={{ marginBottom: 0 }}>{steps}</Typography.Paragraph>
        <Space wrap>
          <Button icon={<DownloadOutlined />} loading={downloading} onClick={template} data-testid="import-template">
            {t('import.template')}
          </Button>
          {unit}
        </Space>
        {problem && <Alert type="error" showIcon title={problem} data-testid="import-problem" />}
        {report ? (
          <>
            <Alert
              type={failed ? 'warning' : 'success'}
              showIcon
              title={t('import.summary', { total: report.rows.length, created: report.created, failed })}
              data-testid="import-summary"
            />
            <Table<R>
              rowKey="row"
              size="small"
              tableLayout="fixed"
              columns={tableColumns}
              dataSource={rows}
              pagination={
                rows.length > PAGE_SIZE ? { pageSize: PAGE_SIZE, showSizeChanger: false, showTotal: (n) => t('common.total', { n }), size: 'small' } : false
              }
              data-testid="import-report"
            />
            <Space wrap>
              <Button onClick={() => setReport(undefined)}>{t('import.again')}</Button>
              {failed > 0 && (
                <Button icon={<DownloadOutlined />} onClick={downloadProblems} data-testid="import-download-problems">
                  {t('import.downloadProblems')}
                </Button>
              )}
            </Space>
          </>
        ) : (
          <>
            {upload.isPending && <Alert type="info" showIcon icon={<LoadingOutlined />} title={t('import.pending')} data-testid="import-pending" />}
            <Upload.Dragger
              accept=".xlsx,.csv"
              customRequest={customRequest}
              showUploadList={false}
              multiple={false}
              disabled={!ready || upload.isPending}
              data-testid="import-file"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('import.choose')}</p>
              <p className="ant-upload-hint">{limit}</p>
            </Upload.Dragger>
          </>
        )}
      </Space>
    </Modal>
  );
}
