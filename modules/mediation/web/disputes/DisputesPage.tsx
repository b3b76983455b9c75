import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Form, Input, Select, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { DisputeListItem, DisputeSource, DisputeStatus } from '@sifa/mediation/shared';
import { dateRangeFilters, dateRangeValue, DeadlineBadge, formatDate, ListPage, StatusTag, useCan, useCompact, useListState } from '@sifa/ui';
import type { DateRangeValue } from '@sifa/ui';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useCategories } from '../categories/category-queries';
import { categoryLabel, categoryOptions, sourceLabel, sourceOptions, statusLabel, statusOptions, statusTone } from '../common/labels';
import { useMediationText } from '../common/messages';
import { useDisputePage } from './queries';

interface QueryValues {
  q?: string;
  status?: DisputeStatus;
  category?: string;
  source?: DisputeSource;
  dates?: DateRangeValue;
  atRisk?: boolean;
}

type Filters = {
  q?: string;
  status?: DisputeStatus;
  category?: string;
  source?: DisputeSource;
  from?: string;
  to?: string;
  atRisk?: 'true';
};

const FILTER_KEYS = ['q', 'status', 'category', 'source', 'from', 'to', 'atRisk'] as const;

const toFilters = (v: QueryValues): Filters => ({
  q: v.q?.trim() || undefined,
  status: v.status,
  category: v.category,
  source: v.source,
  ...dateRangeFilters(v.dates),
  atRisk: v.atRisk ? 'true' : undefined,
});

const toValues = (f: Filters): QueryValues => ({
  q: f.q,
  status: f.status,
  category: f.category,
  source: f.source,
  dates: dateRangeValue(f.from, f.to),
  atRisk: f.atRisk === 'true',
});

/** 纠纷台账: filters, a server-paginated list with status, deadline and risk, Excel export; a row opens the dispute. */
export function DisputesPage() {
  const { t, mt, lang } = useMediationText();
  const compact = useCompact();
  const navigate = useNavigate();
  const canWrite = useCan('mediation.dispute.write');
  const list = useListState<Filters>(FILTER_KEYS);
  const query = useDisputePage({ ...list.params, page: list.page, pageSize: list.pageSize });

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
    <ListPage<DisputeListItem, Filters, QueryValues>
      title={mt('list.title')}
      extra={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/mediation/disputes/new')}>
            {mt('list.register')}
          </Button>
        )
      }
      state={list}
      query={query}
      toFilters={toFilters}
      toValues={toValues}
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
      columns={columns}
      rowKey="id"
      rowTestId="dispute-row"
      testId="disputes-table"
      onOpen={(d) => void navigate(`/mediation/disputes/${d.id}`)}
      exportPath="/api/mediation/disputes/export.xlsx"
      exportName={mt('list.exportName')}
      emptyText={mt('list.empty')}
      errorText={(error) => mt('common.loadFailed', { message: error.message })}
    />
  );
}
