import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select } from 'antd';
import type { TableColumnsType } from 'antd';
import type { CaseChannel, CaseListItem, CaseStatus, MatterCategory } from '@sifa/legal-aid/shared';
import { DeadlineBadge, formatDate, ListPage, StatusTag, useCan, useListState } from '@sifa/ui';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { RegisterCaseDialog } from '../components/RegisterCaseDialog';
import { useCasePage } from '../queries';
import { statusTone, useText } from '../text';

// A type alias (not an interface): list filters are a string-keyed record (useListState).
type Filters = { q?: string; status?: CaseStatus; channel?: CaseChannel; category?: MatterCategory };
type QueryValues = Filters;

const FILTER_KEYS = ['q', 'status', 'channel', 'category'] as const;

const toFilters = (v: QueryValues): Filters => ({ q: v.q?.trim() || undefined, status: v.status, channel: v.channel, category: v.category });

/** The list of cases: filters, a server-paginated table with status and deadline, Excel export; a row opens the case. */
export function CasesPage() {
  const { tx, lang, statusLabel, channelLabel, channelOptions, statusOptions, categoryLabel, categoryOptions } = useText();
  const navigate = useNavigate();
  const canWrite = useCan('legal-aid.case.write');
  const [registering, setRegistering] = useState(false);
  const list = useListState<Filters>(FILTER_KEYS);
  const query = useCasePage({ ...list.params, page: list.page, pageSize: list.pageSize });

  const columns: TableColumnsType<CaseListItem> = [
    {
      title: tx('number'),
      dataIndex: 'number',
      render: (_v, c) => (
        <Link to={`/legal-aid/cases/${c.id}`} onClick={(e) => e.stopPropagation()}>
          {c.number}
        </Link>
      ),
    },
    { title: tx('title'), dataIndex: 'title', ellipsis: { showTitle: true }, width: 220 },
    { title: tx('category'), dataIndex: 'category', render: (_v, c) => categoryLabel(c.category), ellipsis: true },
    { title: tx('article'), dataIndex: 'eligibilityArticle' },
    { title: tx('channel'), dataIndex: 'channel', render: (_v, c) => channelLabel(c.channel) },
    { title: tx('status'), dataIndex: 'status', render: (_v, c) => <StatusTag tone={statusTone(c.status)}>{statusLabel(c.status)}</StatusTag> },
    { title: tx('lawyer'), dataIndex: 'lawyerName', render: (_v, c) => c.lawyerName ?? tx('none') },
    { title: tx('org'), dataIndex: 'orgName' },
    { title: tx('registered'), dataIndex: 'openedAt', render: (_v, c) => formatDate(c.openedAt) },
    {
      title: tx('deadline'),
      key: 'deadline',
      render: (_v, c) => (c.level && c.dueDate ? <DeadlineBadge level={c.level} dueDate={c.dueDate} lang={lang} /> : tx('none')),
    },
  ];

  return (
    <ListPage<CaseListItem, Filters, QueryValues>
      title={tx('listTitle')}
      extra={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)} data-testid="case-register">
            {tx('register')}
          </Button>
        )
      }
      state={list}
      query={query}
      toFilters={toFilters}
      toValues={(f) => f}
      fields={[
        <Form.Item key="q" name="q" label={tx('keyword')}>
          <Input allowClear maxLength={60} placeholder={tx('keywordHint')} />
        </Form.Item>,
        <Form.Item key="status" name="status" label={tx('status')}>
          <Select allowClear placeholder={tx('all')} options={statusOptions()} />
        </Form.Item>,
        <Form.Item key="channel" name="channel" label={tx('channel')}>
          <Select allowClear placeholder={tx('all')} options={channelOptions()} />
        </Form.Item>,
        <Form.Item key="category" name="category" label={tx('category')}>
          <Select allowClear placeholder={tx('all')} options={categoryOptions()} />
        </Form.Item>,
      ]}
      columns={columns}
      rowKey="id"
      rowTestId="case-row"
      onOpen={(c) => void navigate(`/legal-aid/cases/${c.id}`)}
      exportPath="/api/legal-aid/cases/export.xlsx"
      exportName={tx('exportName')}
      emptyText={tx('empty')}
    >
      {registering && <RegisterCaseDialog onClose={() => setRegistering(false)} onDone={(id) => void navigate(`/legal-aid/cases/${id}`)} />}
    </ListPage>
  );
}
