import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Select, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ScreeningKind, ScreeningListItem } from '@sifa/mediation/shared';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { dateRangeFilters, dateRangeValue, formatNumber, ListPage, useCan, useCompact, useListState, useSessionUser } from '@sifa/ui';
import type { DateRangeValue } from '@sifa/ui';
import { ScreeningFormModal } from './ScreeningFormModal';
import { screeningKindLabel, screeningKindOptions, useScreeningText } from './screening-messages';
import { SCREENINGS, useScreeningPage } from './screening-queries';

interface QueryValues {
  q?: string;
  kind?: ScreeningKind;
  dates?: DateRangeValue;
}

type Filters = {
  q?: string;
  kind?: ScreeningKind;
  from?: string;
  to?: string;
};

const FILTER_KEYS = ['q', 'kind', 'from', 'to'] as const;

const toFilters = (v: QueryValues): Filters => ({
  q: v.q?.trim() || undefined,
  kind: v.kind,
  ...dateRangeFilters(v.dates),
});

const toValues = (f: Filters): QueryValues => ({ q: f.q, kind: f.kind, dates: dateRangeValue(f.from, f.to) });

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
  const list = useListState<Filters>(FILTER_KEYS);
  const { orgId } = list;
  const [adding, setAdding] = useState(false);
  const query = useScreeningPage({ ...list.params, page: list.page, pageSize: list.pageSize });
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
    <ListPage<ScreeningListItem, Filters, QueryValues>
      title={st('list.title')}
      extra={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="screening-add">
            {st('list.add')}
          </Button>
        )
      }
      intro={<Typography.Paragraph type="secondary">{st('list.intro')}</Typography.Paragraph>}
      state={list}
      query={query}
      toFilters={toFilters}
      toValues={toValues}
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
      columns={columns}
      rowKey="id"
      rowTestId="screening-row"
      onOpen={(s) => void navigate(`/mediation/screenings/${s.id}`)}
      exportPath={`${SCREENINGS}/export.xlsx`}
      exportName={st('list.exportName')}
      emptyText={st('list.empty')}
      errorText={(error) => mt('common.loadFailed', { message: error.message })}
    >
      {adding && (
        <ScreeningFormModal
          defaultOrgId={orgId ?? user.orgId}
          onClose={() => setAdding(false)}
          onSaved={(s) => void navigate(`/mediation/screenings/${s.id}`)}
        />
      )}
    </ListPage>
  );
}
