import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Popconfirm, Space, Table, Tooltip, Typography, Upload } from 'antd';
import type { TableColumnsType, UploadProps } from 'antd';
import type { Attachment } from '@sifa/kernel/shared';
import { useState } from 'react';
import { downloadFile } from '../api/client';
import { useI18n } from '../i18n';
import { formatBytes, formatDateTime } from '../format/date';
import { useCompact } from '../layout/use-compact';
import { notifyError, notifySuccess } from '../api/notify';
import { useCan } from '../api/session';
import { acceptOf, attachmentRule, uploadProblem, useUploadLimits } from '../forms/upload-check';
import { useDeleteAttachment, useMatterAttachments, useUploadAttachment } from './queries';

// What the server accepts by default (kernel files/file-types.ts) until its limits are read; it checks extension and content again.
const ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx,.doc,.xls,.txt,.mp3,.mp4';
const ACCEPT_NAMES = ['PDF', 'JPG', 'PNG', 'Word', 'Excel', 'TXT', 'MP3', 'MP4'];
const DEFAULT_LIMIT = '20 MB';

/** 附件: upload (type and size hint; the server's refusal is shown as it words it), list, download, delete. */
export function AttachmentsTab({ matterId }: { matterId: string }) {
  const { t, lang } = useI18n();
  const compact = useCompact();
  const canWrite = useCan('kernel.attachment.write');
  const { data, isFetching } = useMatterAttachments(matterId);
  const upload = useUploadAttachment(matterId);
  const remove = useDeleteAttachment(matterId);
  const [downloading, setDownloading] = useState<string | undefined>(undefined);
  const limits = useUploadLimits();
  const rule = limits.data ? attachmentRule(limits.data) : undefined;
  // a file refused in the browser: over the limit or of a type the server will not take (issue #13 item 8)
  const [refused, setRefused] = useState<string | undefined>(undefined);

  const customRequest: NonNullable<UploadProps['customRequest']> = (options) => {
    const { file } = options;
    if (!(file instanceof File)) return;
    const problem = rule ? uploadProblem(file, rule, t) : undefined;
    setRefused(problem);
    if (problem) {
      options.onError?.(new Error(problem));
      return;
    }
    upload.mutate(file, {
      onSuccess: (a) => {
        notifySuccess(t('attachment.uploaded', { name: a.filename }));
        options.onSuccess?.(a);
      },
      onError: (error) => options.onError?.(error),
    });
  };

  const download = (a: Attachment) => {
    setDownloading(a.id);
    downloadFile(`/api/attachments/${encodeURIComponent(a.id)}/download`, a.filename)
      .catch((error: unknown) => notifyError(error, t('common.loadFailed')))
      .finally(() => setDownloading(undefined));
  };

  const columns: TableColumnsType<Attachment> = [
    {
      title: t('attachment.name'),
      dataIndex: 'filename',
      render: (_v, a) => <span style={{ wordBreak: 'break-all' }}>{a.filename}</span>,
    },
    { title: t('attachment.size'), dataIndex: 'sizeBytes', render: (_v, a) => formatBytes(a.sizeBytes) },
    { title: t('attachment.by'), dataIndex: 'uploadedByName', render: (_v, a) => a.uploadedByName ?? t('common.none') },
    { title: t('attachment.at'), dataIndex: 'uploadedAt', render: (_v, a) => formatDateTime(a.uploadedAt) },
    {
      title: t('attachment.hash'),
      dataIndex: 'sha256',
      render: (_v, a) => (
        <Tooltip title={a.sha256}>
          <Typography.Text code>{a.sha256.slice(0, 12)}…</Typography.Text>
        </Tooltip>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: compact ? undefined : 'right',
      render: (_v, a) => (
        <Space size={0} wrap={false}>
          <Button type="link" size="small" icon={<DownloadOutlined />} loading={downloading === a.id} onClick={() => download(a)}>
            {t('attachment.download')}
          </Button>
          {canWrite && (
            <Popconfirm
              title={t('attachment.deleteConfirm', { name: a.filename })}
              okText={t('attachment.delete')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true, loading: remove.isPending }}
              onConfirm={() => remove.mutate(a.id, { onSuccess: () => notifySuccess(t('attachment.deleted', { name: a.filename })) })}
            >
              <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                {t('attachment.delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 12, flexWrap: 'wrap' }}>
        {canWrite && (
          <Upload accept={rule ? acceptOf(rule) : ACCEPT} customRequest={customRequest} showUploadList={false} multiple={false}>
            <Button type="primary" icon={<UploadOutlined />} loading={upload.isPending} data-testid="upload-attachment">
              {t('attachment.upload')}
            </Button>
          </Upload>
        )}
        <Typography.Text type="secondary">
          {t('attachment.hint', {
            size: limits.data ? formatBytes(limits.data.maxBytes) : DEFAULT_LIMIT,
            types: ACCEPT_NAMES.join(lang === 'en' ? ', ' : '、'),
          })}
        </Typography.Text>
      </div>
      {refused && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setRefused(undefined) }}
          title={refused}
          style={{ marginBottom: 12 }}
          data-testid="upload-refused"
        />
      )}
      <Table<Attachment>
        rowKey="id"
        columns={columns}
        dataSource={data ?? []}
        loading={isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        size={compact ? 'small' : 'middle'}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('attachment.none')} /> }}
      />
    </>
  );
}
