import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { CaseChannel, CaseListItem, CaseStatus, ImportReport } from '@sifa/reconsideration/shared';
import { DeadlineBadge, ImportDialog, ListPage, StatusTag, useCan, useListState, useSessionUser } from '@sifa/ui';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { RegisterCaseDialog } from '../components/RegisterCaseDialog';
import { useCaseImport, useCasePage } from '../queries';
import { statusTone, useText } from '../text';

// A type alias (not an interface): list filters are a string-keyed record (useListState).
type Filters = { q?: string; status?: CaseStatus; channel?: CaseChannel; sector?: string; actType?: string };
const FILTER_KEYS = ['q', 'status', 'channel', 'sector', 'actType'] as const;
const toFilters = (v: Filters): Filters => ({ ...v, q: v.q?.trim() || undefined });
type ReportRow = ImportReport['rows'][number];
// server/routes.ts MAX_IMPORT_BYTES
const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** 导入历史案件 into the user's own unit (ImportDialog with the template and a row-by-row report). */
function CaseImportDialog({ onClose }: { onClose: () => void }) {
  const { tx } = useText();
  const user = useSessionUser();
  const upload = useCaseImport(user.orgId);
  return (
    <ImportDialog<ReportRow>
      title={tx('import')}
      steps={tx('importSteps')}
      templateUrl="/api/reconsideration/cases/template.xlsx"
      templateName={tx('importTemplate')}
      limit={tx('importLimit')}
      maxBytes={MAX_IMPORT_BYTES}
      unit={<Typography.Text type="secondary">{tx('importInto', { unit: user.orgName })}</Typography.Text>}
      upload={upload}
      columns={[{ title: tx('number'), value: (r) => r.number }]}
      problemsName={tx('importProblems')}
      onClose={onClose}
    />
  );
}

/** The list of cases: filters, a server-paginated table with status and deadline, Excel export, import; a row opens the case. */
export function CasesPage() {
  const { tx, lang, statusLabel, channelOptions, sectorOptions, actTypeOptions, statusOptions, closingLabel } = useText();
  const navigate = useNavigate();
  const canWrite = useCan('reconsideration.case.write');
  const [registering, setRegistering] = useState(false);
  const [importing, setImporting] = useState(false);
  const list = useListState<Filters>(FILTER_KEYS);
  const query = useCasePage({ ...list.params, page: list.page, pageSize: list.pageSize });

  const columns: TableColumnsType<CaseListItem> = [
    {
      title: tx('number'),
      dataIndex: 'number',
      render: (_v, c) => (
        <Link to={`/reconsideration/cases/${c.id}`} onClick={(e) => e.stopPropagation()}>
          {c.number}
        </Link>
      ),
    },
    {
      title: tx('title'),
      dataIndex: 'title',
      ellipsis: { showTitle: true },
      width: 240,
      render: (_v, c) => (
        <>
          {c.title} {c.reconsiderationFirst && <Tag color="orange">{tx('first')}</Tag>}
        </>
      ),
    },
    { title: tx('respondent'), dataIndex: 'respondent', ellipsis: { showTitle: true } },
    { title: tx('status'), dataIndex: 'status', render: (_v, c) => <StatusTag tone={statusTone(c.status)}>{statusLabel(c.status)}</StatusTag> },
    { title: tx('closing'), dataIndex: 'closing', render: (_v, c) => closingLabel(c.closing) || tx('none') },
    { title: tx('receivedOn'), dataIndex: 'receivedOn' },
    {
      title: tx('deadline'),
      key: 'deadline',
      render: (_v, c) => (c.level && c.dueDate ? <DeadlineBadge level={c.level} dueDate={c.dueDate} lang={lang} /> : tx('none')),
    },
  ];

  return (
    <ListPage<CaseListItem, Filters, Filters>
      title={tx('listTitle')}
      extra={
        canWrite && (
          <Space wrap>
            <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="case-import">
              {tx('import')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)} data-testid="case-register">
              {tx('register')}
            </Button>
          </Space>
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
        <Form.Item key="sector" name="sector" label={tx('sector')}>
          <Select allowClear placeholder={tx('all')} options={sectorOptions()} />
        </Form.Item>,
        <Form.Item key="actType" name="actType" label={tx('actType')}>
          <Select allowClear placeholder={tx('all')} options={actTypeOptions()} />
        </Form.Item>,
        <Form.Item key="channel" name="channel" label={tx('channel')}>
          <Select allowClear placeholder={tx('all')} options={channelOptions()} />
        </Form.Item>,
      ]}
      columns={columns}
      rowKey="id"
      rowTestId="case-row"
      onOpen={(c) => void navigate(`/reconsideration/cases/${c.id}`)}
      exportPath="/api/reconsideration/cases/export.xlsx"
      exportName={tx('exportName')}
      emptyText={tx('empty')}
    >
      {registering && <RegisterCaseDialog onClose={() => setRegistering(false)} onDone={(id) => void navigate(`/reconsideration/cases/${id}`)} />}
      {importing && <CaseImportDialog onClose={() => setImporting(false)} />}
    </ListPage>
  );
}
