import { Card, DatePicker, Empty, Form, Input, Space, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { AuditEntry } from '@sifa/kernel/shared';
import { compactJson, ExportButton, pick, formatDateTime, QueryForm, queryString, serverPagination, StatusTag, useCompact, useUnitFilter } from '@sifa/ui';
import type { StatusTone } from '@sifa/ui';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { AuditVerifyAlert, AuditVerifyButton, useAuditVerify } from '../components/AuditVerify';
import { useAuditPage } from '../queries';

/** What antd's date pickers hand back (a Dayjs); only its formatting is needed here. */
interface DateValue {
  format: (template: string) => string;
}

interface AuditForm {
  dates?: [DateValue | null, DateValue | null] | null;
  actor?: string;
  action?: string;
}

interface Filters {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
}

const RESULTS: Record<string, { tone: StatusTone; key: MessageKey }> = {
  success: { tone: 'success', key: 'audit.result.success' },
  ok: { tone: 'success', key: 'audit.result.success' },
  denied: { tone: 'warning', key: 'audit.result.denied' },
  forbidden: { tone: 'warning', key: 'audit.result.denied' },
  failure: { tone: 'error', key: 'audit.result.failure' },
  failed: { tone: 'error', key: 'audit.result.failure' },
  error: { tone: 'error', key: 'audit.result.failure' },
};

const toFilters = (v: AuditForm): Filters => ({
  from: v.dates?.[0]?.format('YYYY-MM-DD'),
  to: v.dates?.[1]?.format('YYYY-MM-DD'),
  actor: v.actor?.trim() || undefined,
  action: v.action?.trim() || undefined,
});

/** 审计日志: who did what, when, where; searchable, exportable, and the hash chain verifiable. */
export function AuditPage() {
  const { t, lang } = useI18n();
  const compact = useCompact();
  const { orgId } = useUnitFilter();
  const [form] = Form.useForm<AuditForm>();
  const [filters, setFilters] = useState<Filters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const verify = useAuditVerify();

  useEffect(() => setPaging((p) => ({ ...p, page: 1 })), [orgId]);

  const filterParams = { ...filters, orgId };
  const { data, isFetching } = useAuditPage({ ...filterParams, ...paging });

  const columns: TableColumnsType<AuditEntry> = [
    {
      title: t('audit.seq'),
      dataIndex: 'seq',
      align: 'right',
      render: (_v, e) => e.seq ?? <Typography.Text type="secondary">{t('audit.unsealed')}</Typography.Text>,
    },
    {
      title: t('audit.at'),
      dataIndex: 'at',
      render: (_v, e) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</span>,
    },
    { title: t('audit.actor'), dataIndex: 'actorName', render: (_v, e) => e.actorName ?? t('common.none') },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      // the action in words (the kernel's and the modules' catalogue); the code stays on hover, for searching by it
      render: (_v, e) =>
        e.actionLabel ? (
          <Tooltip title={e.action}>
            <span data-testid="audit-action">{pick(lang, e.actionLabel.zh, e.actionLabel.en)}</span>
          </Tooltip>
        ) : (
          <Typography.Text code>{e.action}</Typography.Text>
        ),
    },
    {
      title: t('audit.result'),
      dataIndex: 'result',
      render: (_v, e) => {
        const known = RESULTS[e.result.toLowerCase()];
        return <StatusTag tone={known?.tone ?? 'default'}>{known ? t(known.key) : e.result}</StatusTag>;
      },
    },
    { title: t('audit.org'), dataIndex: 'orgName', render: (_v, e) => e.orgName ?? t('common.none') },
    {
      title: t('audit.target'),
      key: 'target',
      render: (_v, e) =>
        e.matter && e.targetId ? (
          <Tooltip title={`${e.matter.number} ${e.matter.title}`}>
            <Link to={`/matters/${e.targetId}`} data-testid="audit-matter" style={{ display: 'inline-block', maxWidth: 260 }}>
              <Typography.Text ellipsis style={{ maxWidth: 260, color: 'inherit' }}>
                {e.matter.number} {e.matter.title}
              </Typography.Text>
            </Link>
          </Tooltip>
        ) : e.targetType ? (
          <Tooltip title={e.targetId}>
            <span>
              {e.targetType}
              {e.targetId ? ` · ${e.targetId.slice(0, 8)}` : ''}
            </span>
          </Tooltip>
        ) : (
          t('common.none')
        ),
    },
    {
      title: t('audit.requestId'),
      dataIndex: 'requestId',
      render: (_v, e) => (e.requestId ? <Typography.Text copyable={{ text: e.requestId }}>{e.requestId.slice(0, 12)}</Typography.Text> : t('common.none')),
    },
    { title: t('audit.ip'), dataIndex: 'ip', render: (_v, e) => e.ip ?? t('common.none') },
    {
      title: t('audit.summary'),
      dataIndex: 'summary',
      render: (_v, e) => {
        const text = compactJson(e.summary);
        if (!text) return t('common.none');
        return (
          <Tooltip title={<pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(e.summary, null, 2)}</pre>}>
            <Typography.Text code ellipsis style={{ maxWidth: 320, display: 'inline-block' }}>
              {text}
            </Typography.Text>
          </Tooltip>
        );
      },
    },
  ];

  return (
    <Card
      title={t('audit.title')}
      extra={
        <Space wrap>
          <AuditVerifyButton verify={verify} />
          <ExportButton href={`/api/audit/export.xlsx${queryString(filterParams)}`} fileName={t('audit.exportName')} />
        </Space>
      }
    >
      <AuditVerifyAlert verify={verify} />
      <QueryForm<AuditForm>
        form={form}
        onSearch={(v) => {
          setFilters(toFilters(v));
          setPaging((p) => ({ ...p, page: 1 }));
        }}
        onReset={() => {
          setFilters({});
          setPaging((p) => ({ ...p, page: 1 }));
        }}
        fields={[
          <Form.Item key="dates" name="dates" label={t('audit.dates')}>
            <DatePicker.RangePicker allowEmpty={[true, true]} placeholder={[t('audit.from'), t('audit.to')]} style={{ width: '100%' }} />
          </Form.Item>,
          <Form.Item key="actor" name="actor" label={t('audit.actor')}>
            <Input allowClear maxLength={64} />
          </Form.Item>,
          <Form.Item key="action" name="action" label={t('audit.action')}>
            <Input allowClear maxLength={100} placeholder="kernel.user.create" />
          </Form.Item>,
        ]}
      />
      <Table<AuditEntry>
        rowKey="id"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isFetching}
        scroll={{ x: 'max-content' }}
        size={compact ? 'small' : 'middle'}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.empty')} /> }}
        pagination={serverPagination(
          t,
          { ...paging, total: data?.total ?? 0 },
          (page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
          compact,
        )}
      />
    </Card>
  );
}
