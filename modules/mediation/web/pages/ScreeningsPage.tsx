import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Empty, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ScreeningKind, ScreeningListItem } from '@sifa/mediation/shared';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ExportButton, formatNumber, QueryForm, queryString, serverPagination, useCan, useCompact, useSessionUser, useUnitFilter } from '@sifa/ui';
import { ScreeningFormModal } from '../components/ScreeningFormModal';
import { screeningKindLabel, screeningKindOptions, useScreeningText } from '../screening-messages';
import { SCREENINGS, useScreeningPage } from '../screening-queries';

/** What antd's date pickers hand back (a Dayjs); only its formatting is needed here. */
interface DateValue {
  format: (template: string) => string;
}

interface QueryValues {
  q?: string;
  kind?: ScreeningKind;
  dates?: [DateValue | null, DateValue | null] | null;
}

interface Filters {
  q?: string;
  kind?: ScreeningKind;
  from?: string;
  to?: string;
}

const toFilters = (v: QueryValues): Filters => ({
  q: v.q?.trim() || undefined,
  kind: v.kind,
  from: v.dates?.[0]?.format('YYYY-MM-DD'),
  to: v.dates?.[1]?.format('YYYY-MM-DD'),
});

/**
 * 矛盾纠纷排查: the screening records of the user's scope (or the top-bar unit) with what each found and how many
 * disputes were registered from it; filters, pages, Excel export and a new record. A row opens the screening.
 */
export function ScreeningsPage() {
  const { t, mt, st, lang } = useScreeningText();
  const compact = useCompact();
  const navigate = useNavigate();
  const user = useSessionUser();
  const canWrite = useCan('mediation.dispute.write');
  const { orgId } = useUnitFilter();
  const [form] = Form.useForm<QueryValues>();
  const [filters, setFilters] = useState<Filters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [adding, setAdding] = useState(false);

  useEffect(() => setPaging((p) => ({ ...p, page: 1 })), [orgId]);

  const filterParams = { ...filters, orgId };
  const { data, isFetching, isError, error, refetch } = useScreeningPage({ ...filterParams, ...paging });
  const count = (n: number) => formatNumber(n, lang);

  const columns: TableColumnsType<ScreeningListItem> = [
    {
      title: st('field.screenedOn'),
      dataIndex: 'screenedOn',
      fixed: compact ? undefined : 'left',
      render: (_v, s) => (
        <Link to={`/mediation/screenings/${s.id}`} onClick={(e) => e.stopPropagation()} style={{ whiteSpace: 'nowrap' }}>
          {s.screenedOn}
        </Link>
      ),
    },
    { title: st('field.area'), dataIndex: 'area', ellipsis: { showTitle: true }, width: 220 },
    { title: st('field.org'), dataIndex: 'orgName' },
    { title: st('field.kind'), dataIndex: 'kind', render: (_v, s) => screeningKindLabel(s.kind, lang) },
    { title: st('field.screeners'), dataIndex: 'screeners', ellipsis: { showTitle: true }, width: 160 },
    { title: st('field.found'), dataIndex: 'foundCount', align: 'right', render: (_v, s) => count(s.foundCount) },
    {
      title: st('field.risk'),
      dataIndex: 'riskCount',
      align: 'right',
      render: (_v, s) => (s.riskCount > 0 ? <Tag color="red">{count(s.riskCount)}</Tag> : count(0)),
    },
    {
      title: st('field.registered'),
      dataIndex: 'disputeCount',
      align: 'right',
      fixed: compact ? undefined : 'right',
      render: (_v, s) => count(s.disputeCount),
    },
  ];

  return (
    <Card
      title={st('list.title')}
      extra={
        <Space wrap>
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="screening-add">
              {st('list.add')}
            </Button>
          )}
          <ExportButton href={`${SCREENINGS}/export.xlsx${queryString(filterParams)}`} fileName={st('list.exportName')} />
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{st('list.intro')}</Typography.Paragraph>
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
            <Input allowClear maxLength={60} placeholder={st('list.keywordHint')} />
          </Form.Item>,
          <Form.Item key="kind" name="kind" label={st('field.kind')}>
            <Select allowClear placeholder={t('common.all')} options={screeningKindOptions(lang)} />
          </Form.Item>,
          <Form.Item key="dates" name="dates" label={st('list.dates')}>
            <DatePicker.RangePicker allowEmpty={[true, true]} placeholder={[mt('list.from'), mt('list.to')]} style={{ width: '100%' }} />
          </Form.Item>,
        ]}
      />
      {isError && (
        <Typography.Paragraph type="danger">
          {mt('common.loadFailed', { message: error.message })} <Typography.Link onClick={() => void refetch()}>{t('common.retry')}</Typography.Link>
        </Typography.Paragraph>
      )}
      <Table<ScreeningListItem>
        rowKey="id"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isFetching}
        scroll={{ x: 'max-content' }}
        size={compact ? 'small' : 'middle'}
        onRow={(s) => ({ onClick: () => void navigate(`/mediation/screenings/${s.id}`), style: { cursor: 'pointer' }, 'data-testid': 'screening-row' })}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={st('list.empty')} /> }}
        pagination={serverPagination(
          t,
          { ...paging, total: data?.total ?? 0 },
          (page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
          compact,
        )}
      />
      {adding && (
        <ScreeningFormModal
          defaultOrgId={orgId ?? user.orgId}
          onClose={() => setAdding(false)}
          onSaved={(s) => void navigate(`/mediation/screenings/${s.id}`)}
        />
      )}
    </Card>
  );
}
