import { DownloadOutlined, FileAddOutlined, PrinterOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Empty, Space, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { DocumentSummary } from '@sifa/kernel/shared';
import { StatusTag } from '../StatusTag';
import { useState } from 'react';
import { downloadFile, printPdf } from '../api/client';
import { useI18n } from '../i18n';
import { formatDateTime } from '../format/date';
import { useCompact } from '../layout/use-compact';
import { notifyError, notifySuccess } from '../api/notify';
import { useCan } from '../api/session';
import { useMatterDocuments, useRevokeDocument } from './queries';
import { IssueNoticeModal, RevokeDocumentModal } from './IssueNoticeModal';

/** The verification page on this site (the printed QR names the public address, which may be another host). */
function verifyPath(url: string): string {
  try {
    return new URL(url, window.location.origin).pathname;
  } catch {
    return url;
  }
}

/** 文书: issued documents (download, print, check the public verification page), issuing a notice, revoking. */
export function DocumentsTab({ matterId, module }: { matterId: string; module: string }) {
  const { t } = useI18n();
  const compact = useCompact();
  const canIssue = useCan('kernel.document.issue');
  const { data, isFetching } = useMatterDocuments(matterId);
  const revoke = useRevokeDocument(matterId);
  const [issuing, setIssuing] = useState(false);
  const [revoking, setRevoking] = useState<DocumentSummary | undefined>(undefined);
  const [busy, setBusy] = useState<string | undefined>(undefined);

  const run = (key: string, work: () => Promise<void>) => {
    setBusy(key);
    work()
      .catch((error: unknown) => notifyError(error, t('common.loadFailed')))
      .finally(() => setBusy(undefined));
  };
  const pdfPath = (d: DocumentSummary) => `/api/documents/${encodeURIComponent(d.id)}/pdf`;
  const pdfName = (d: DocumentSummary) => `${d.title}-${d.number}.pdf`;

  const columns: TableColumnsType<DocumentSummary> = [
    {
      title: t('document.number'),
      dataIndex: 'number',
      render: (_v, d) => <span style={{ whiteSpace: 'nowrap' }}>{d.number}</span>,
    },
    { title: t('document.title'), dataIndex: 'title' },
    { title: t('document.issuer'), dataIndex: 'orgName' },
    { title: t('document.issuedAt'), dataIndex: 'issuedAt', render: (_v, d) => formatDateTime(d.issuedAt) },
    { title: t('document.issuedBy'), dataIndex: 'issuedByName', render: (_v, d) => d.issuedByName ?? t('common.none') },
    {
      title: t('common.status'),
      key: 'status',
      render: (_v, d) =>
        d.revokedAt ? (
          <StatusTag tone="error" title={d.revokeReason ?? undefined}>
            {t('document.revoked')}
          </StatusTag>
        ) : (
          <StatusTag tone="success">{t('document.valid')}</StatusTag>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: compact ? undefined : 'right',
      render: (_v, d) => (
        <Space size={0} wrap={false}>
          <Button
            type="link"
            size="small"
            icon={<DownloadOutlined />}
            loading={busy === `dl:${d.id}`}
            onClick={() => run(`dl:${d.id}`, () => downloadFile(pdfPath(d), pdfName(d)))}
          >
            {t('document.download')}
          </Button>
          <Button
            type="link"
            size="small"
            icon={<PrinterOutlined />}
            loading={busy === `print:${d.id}`}
            onClick={() => run(`print:${d.id}`, () => printPdf(pdfPath(d), pdfName(d)))}
            data-testid="print-document"
          >
            {t('document.print')}
          </Button>
          <Tooltip title={t('document.verifyHint')}>
            <Button type="link" size="small" icon={<SafetyCertificateOutlined />} href={verifyPath(d.verifyUrl)} target="_blank" rel="noopener">
              {t('document.verifyPage')}
            </Button>
          </Tooltip>
          {canIssue && !d.revokedAt && (
            <Button type="link" size="small" danger onClick={() => setRevoking(d)}>
              {t('document.revoke')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, marginBottom: 12, flexWrap: 'wrap' }}>
        <Typography.Text type="secondary">{t('document.hint')}</Typography.Text>
        {canIssue && (
          <Button type="primary" icon={<FileAddOutlined />} onClick={() => setIssuing(true)}>
            {t('document.issue')}
          </Button>
        )}
      </div>
      <Table<DocumentSummary>
        rowKey="id"
        columns={columns}
        dataSource={data ?? []}
        loading={isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        size={compact ? 'small' : 'middle'}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('document.none')} /> }}
      />
      {issuing && <IssueNoticeModal matterId={matterId} module={module} onClose={() => setIssuing(false)} />}
      {revoking && (
        <RevokeDocumentModal
          number={revoking.number}
          pending={revoke.isPending}
          onClose={() => setRevoking(undefined)}
          onRevoke={(reason) =>
            revoke.mutate(
              { id: revoking.id, reason },
              {
                onSuccess: () => {
                  notifySuccess(t('document.revokedDone', { number: revoking.number }));
                  setRevoking(undefined);
                },
              },
            )
          }
        />
      )}
    </>
  );
}
