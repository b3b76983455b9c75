import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, DatePicker, Empty, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { DisputeListItem, DisputeSource, DisputeStatus } from '@sifa/mediation/shared';
import { DeadlineBadge, ExportButton, formatDate, QueryForm, queryString, serverPagination, StatusTag, useCan, useCompact, useUnitFilter } from '@sifa/ui';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useCategories } from '../category-queries';
import { categoryLabel, categoryOptions, sourceLabel, sourceOptions, statusLabel, statusOptions, statusTone } from '../labels';
import { useMediationText } from '../messages';
import { useDisputePage } from '../queries';

/** What antd's date pickers hand back (a Dayjs); only its formatting is needed here. */
interface DateValue {
  format: (template: string) => string;
}

interface QueryValues {
  q?: string;
  status?: DisputeStatus;
  category?: string;
  source?: DisputeSource;
  dates?: [DateValue | null, DateValue | null] | null;
  atRisk?: boolean;
}

interface Filters {
  q?: string;
  status?: DisputeStatus;
  category?: string;
  source?: DisputeSource;
  from?: string;
  to?: string;
  atRisk?: 'true';
}

const toFilters = (v: QueryValues): Filters => ({
  q: v.q?.trim() || undefined,
  status: v.status,
  category: v.category,
  source: v.source,
  from: v.dates?.[0]?.format('YYYY-MM-DD'),
  to: v.dates?.[1]?.format('YYYY-MM-DD'),
  atRisk: v.atRisk ? 'true' : undefined,
});

/** 纠纷台账: filters, a server-paginated list with status, deadline and risk, Excel export; a row opens the dispute. */
export function DisputesPage() {
  const { t, mt, lang } = useMediationText();
  const compact = useCompact();
  const navigate = useNavigate();
  const canWrite = useCan('mediation.dispute.write');
  const { orgId } = useUnitFilter();
  const [form] = Form.useForm<QueryValues>();
  const [filters, setFilters] = useState<Filters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });

  useEffect(() => setPaging((p) => ({ ...p, page: 1 })), [orgId]);

  const filterParams = { ...filters, orgId };
  const { data, isFetching, isError, error, refetch } = useDisputePage({ ...filterParams, ...paging });

  const categories = useCategories().data;
  // the filter knows deactivated categories too: old disputes keep them
  const options = useMemo(
    () => ({ status: statusOptions(lang), category: categoryOptions(categories, lang, mt('category.inactiveMark')), source: sourceOptions(lang) }),
    [categories, lang, mt],
  );

  const columns: TableColumnsType<DisputeListItem> = [
    {
      title: mt('field.number'),
      dataIndex: 'number',
      fixed: compact ? undefined : 'left',
      render: (_v, d) => (
        <Link to={`/mediation/disputes/${d.id}`} onClick={(e) => e.stopPropagation()}>
          {d.number}
        </Link>
      ),
    },
    { title: mt('field.title'), dataIndex: 'title', ellipsis: { showTitle: true }, width: 200 },
    { title: mt('field.category'), dataIndex: 'category', render: (_v, d) => categoryLabel(categories, d.category, lang) },
    { title: mt('field.source'), dataIndex: 'source', render: (_v, d) => sourceLabel(d.source, lang) },
    {
      title: mt('field.status'),
      dataIndex: 'status',
      render: (_v, d) => <StatusTag tone={statusTone(d.status)}>{statusLabel(d.status, lang)}</StatusTag>,
    },
    { title: mt('field.org'), dataIndex: 'orgName' },
    {
      title: mt('field.committee'),
      dataIndex: 'committeeName',
      ellipsis: { showTitle: true },
      width: 150,
      render: (_v, d) => d.committeeName ?? t('common.none'),
    },
    { title: mt('field.mediator'), dataIndex: 'mediatorName', render: (_v, d) => d.mediatorName ?? t('common.none') },
    {
      title: mt('field.registered'),
      dataIndex: 'openedAt',
      render: (_v, d) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(d.openedAt)}</span>,
    },
    {
      title: mt('field.deadline'),
      key: 'deadline',
      fixed: compact ? undefined : 'right',
      render: (_v, d) => (d.level && d.dueDate ? <DeadlineBadge level={d.level} dueDate={d.dueDate} lang={lang} /> : t('common.none')),
    },
    {
      title: mt('field.risk'),
      dataIndex: 'atRisk',
      fixed: compact ? undefined : 'right',
      align: 'center',
      render: (_v, d) => (d.atRisk ? <Tag color="red">{mt('risk.tag')}</Tag> : null),
    },
  ];

  return (
    <Card
      title={mt('list.title')}
      extra={
        <Space wrap>
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/mediation/disputes/new')}>
              {mt('list.register')}
            </Button>
          )}
          <ExportButton href={`/api/mediation/disputes/export.xlsx${queryString(filterParams)}`} fileName={mt('list.exportName')} />
        </Space>
      }
    >
      <QueryForm<QueryValues>
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
          <Form.Item key="q" name="q" label={mt('list.keyword')}>
            <Input allowClear maxLength={60} placeholder={mt('list.keywordHint')} />
          </Form.Item>,
          <Form.Item key="status" name="status" label={mt('field.status')}>
            <Select allowClear placeholder={t('common.all')} options={options.status} />
          </Form.Item>,
          <Form.Item key="category" name="category" label={mt('field.category')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('common.all')} options={options.category} />
          </Form.Item>,
          <Form.Item key="source" name="source" label={mt('field.source')}>
            <Select allowClear placeholder={t('common.all')} options={options.source} />
          </Form.Item>,
          <Form.Item key="dates" name="dates" label={mt('list.dates')}>
            <DatePicker.RangePicker allowEmpty={[true, true]} placeholder={[mt('list.from'), mt('list.to')]} style={{ width: '100%' }} />
          </Form.Item>,
          <Form.Item key="atRisk" name="atRisk" valuePropName="checked" label={compact ? undefined : ' '} colon={false}>
            <Checkbox data-testid="at-risk-only">{mt('list.atRiskOnly')}</Checkbox>
          </Form.Item>,
        ]}
      />
      {isError && (
        <Typography.Paragraph type="danger">
          {mt('common.loadFailed', { message: error.message })} <Typography.Link onClick={() => void refetch()}>{t('common.retry')}</Typography.Link>
        </Typography.Paragraph>
      )}
      <Table<DisputeListItem>
        rowKey="id"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isFetching}
        scroll={{ x: 'max-content' }}
        size={compact ? 'small' : 'middle'}
        onRow={(d) => ({
          onClick: () => void navigate(`/mediation/disputes/${d.id}`),
          style: { cursor: 'pointer' },
          'data-testid': 'dispute-row',
        })}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={mt('list.empty')} /> }}
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
