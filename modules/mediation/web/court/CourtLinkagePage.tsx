import { ImportOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Card, Empty, Form, Input, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { CourtReferralReport, CourtResult } from '@sifa/mediation/shared';
import { ExportButton, ImportDialog, OrgTreeSelect, QueryForm, queryString, StatusTag, useCan, useCompact, useSessionUser, useUnitFilter } from '@sifa/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import type { ImportColumn } from '@sifa/ui';
import { useCourtText } from './court-messages';
import type { CourtKey } from './court-messages';
import { COURT_RESULTS, COURT_TEMPLATE, courtKeys, useCourtImport, useCourtResults } from './court-queries';
import type { CourtFilters } from './court-queries';
import { statusLabel, statusTone } from '../common/labels';

type ReportRow = CourtReferralReport['rows'][number];

// server/court/court-sheet.ts MAX_COURT_ROWS, MAX_COURT_BYTES
const MAX_ROWS = 100_000;
const MAX_BYTES = 50 * 1024 * 1024;

const OUTCOMES: Record<string, CourtKey> = {
  success: 'outcome.success',
  failed: 'outcome.failed',
  refused: 'outcome.refused',
  withdrawn: 'outcome.withdrawn',
  declined: 'outcome.declined',
};

const nowrap = { whiteSpace: 'nowrap' } as const;

/** 导入法院委派委托调解: ImportDialog with a receiving-unit picker (the top-bar unit or the user's own by default). */
function CourtImportModal({ onClose }: { onClose: () => void }) {
  const { ct } = useCourtText();
  const user = useSessionUser();
  const { orgId } = useUnitFilter();
  const [unitId, setUnitId] = useState<string | undefined>(orgId ?? user.orgId);
  const upload = useCourtImport(unitId);
  const columns: ImportColumn<ReportRow>[] = [
    { title: ct('court.caseNumber'), value: (r) => r.courtCaseNumber, width: 220 },
    { title: ct('court.number'), value: (r) => r.number, width: 170 },
  ];
  return (
    <ImportDialog<ReportRow>
      title={ct('court.importTitle')}
      steps={ct('court.importSteps')}
      templateUrl={COURT_TEMPLATE}
      templateName={ct('court.templateName')}
      limit={ct('court.importLimit', { rows: MAX_ROWS })}
      maxBytes={MAX_BYTES}
      unit={
        <Space>
          <Typography.Text type="secondary">{ct('court.unitLabel')}</Typography.Text>
          <OrgTreeSelect value={unitId} onChange={setUnitId} aria-label={ct('court.unit')} placeholder={ct('court.unit')} style={{ width: 280 }} />
        </Space>
      }
      ready={!!unitId}
      upload={upload}
      columns={columns}
      problemsName={ct('court.problemsName')}
      onClose={onClose}
    />
  );
}

/**
 * 诉调对接: the court-linked disputes of the user's scope with their results for the court (filter by court and case
 * number, Excel export with the same filters), and the import of a court's referral list (委派/委托/邀请).
 */
export function CourtLinkagePage() {
  const { t, mt, ct, lang } = useCourtText();
  const compact = useCompact();
  const canWrite = useCan('mediation.dispute.write');
  const client = useQueryClient();
  const [form] = Form.useForm<CourtFilters>();
  const [filters, setFilters] = useState<CourtFilters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [importing, setImporting] = useState(false);
  const { data, isFetching, isError, error, refetch } = useCourtResults(filters);
  const filtered = !!(filters.courtName ?? filters.courtCaseNumber);

  // the courts seen in the unfiltered list, to pick from (the server matches the full name)
  const all = client.getQueryData<CourtResult[]>(courtKeys.results({}));
  const courts = useMemo(() => {
    const names = new Set<string>();
    for (const r of all ?? data ?? []) if (r.courtName) names.add(r.courtName);
    return [...names].sort().map((value) => ({ value }));
  }, [all, data]);

  const columns: TableColumnsType<CourtResult> = [
    {
      title: ct('court.caseNumber'),
      dataIndex: 'courtCaseNumber',
      fixed: compact ? undefined : 'left',
      render: (v: string) => <span style={nowrap}>{v}</span>,
    },
    { title: ct('court.courtName'), dataIndex: 'courtName', render: (v: string | null) => v ?? t('common.none') },
    {
      title: ct('court.number'),
      dataIndex: 'number',
      render: (v: string, r: CourtResult) => (
        <Link to={`/mediation/disputes/${r.id}`} data-testid="court-dispute-link">
          {v}
        </Link>
      ),
    },
    { title: mt('field.status'), dataIndex: 'status', render: (_v, r) => <StatusTag tone={statusTone(r.status)}>{statusLabel(r.status, lang)}</StatusTag> },
    {
      title: ct('court.outcome'),
      dataIndex: 'outcome',
      render: (_v, r) => {
        const key = r.outcome ? OUTCOMES[r.outcome] : undefined;
        return key ? ct(key) : <Typography.Text type="secondary">{r.outcome ?? ct('outcome.pending')}</Typography.Text>;
      },
    },
    { title: ct('court.registered'), dataIndex: 'registeredOn', render: (v: string) => <span style={nowrap}>{v}</span> },
    { title: ct('court.closed'), dataIndex: 'closedOn', render: (v: string | null) => <span style={nowrap}>{v ?? t('common.none')}</span> },
    {
      title: ct('court.agreement'),
      key: 'agreement',
      render: (_v, r) =>
        r.agreementKind ? (
          <span style={nowrap}>
            {r.agreementKind === 'written' ? ct('agreement.written') : r.agreementKind === 'oral' ? ct('agreement.oral') : r.agreementKind}
            {r.agreementEffectiveOn ? ` · ${r.agreementEffectiveOn}` : ''}
          </span>
        ) : (
          t('common.none')
        ),
    },
  ];

  return (
    <Card
      title={ct('court.title')}
      extra={
        <Space wrap>
          {canWrite && (
            <Button type="primary" icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="court-import">
              {ct('court.import')}
            </Button>
          )}
          <ExportButton href={`${COURT_RESULTS}.xlsx${queryString({ ...filters })}`} fileName={ct('court.exportName')} />
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{ct('court.intro')}</Typography.Paragraph>
      <QueryForm<CourtFilters>
        form={form}
        onSearch={(v) => {
          setFilters({ courtName: v.courtName?.trim() || undefined, courtCaseNumber: v.courtCaseNumber?.trim() || undefined });
          setPaging((p) => ({ ...p, page: 1 }));
        }}
        onReset={() => {
          setFilters({});
          setPaging((p) => ({ ...p, page: 1 }));
        }}
        fields={[
          <Form.Item key="courtName" name="courtName" label={ct('court.courtName')}>
            <AutoComplete
              options={courts}
              allowClear
              placeholder={ct('court.courtNameHint')}
              showSearch={{ filterOption: (input, o) => (o?.value ?? '').includes(input.trim()) }}
            />
          </Form.Item>,
          <Form.Item key="courtCaseNumber" name="courtCaseNumber" label={ct('court.caseNumber')}>
            <Input allowClear maxLength={60} placeholder={ct('court.caseNumberHint')} />
          </Form.Item>,
        ]}
      />
      {isError && (
        <Typography.Paragraph type="danger">
          {mt('common.loadFailed', { message: error.message })} <Typography.Link onClick={() => void refetch()}>{t('common.retry')}</Typography.Link>
        </Typography.Paragraph>
      )}
      <Table<CourtResult>
        data-testid="court-results"
        rowKey={(r) => `${r.courtCaseNumber}\u0000${r.number}`}
        columns={columns}
        dataSource={data ?? []}
        loading={isFetching}
        scroll={{ x: 'max-content' }}
        size={compact ? 'small' : 'middle'}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={ct(filtered ? 'court.emptyFiltered' : 'court.empty')} /> }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          showTotal: (total) => t('common.total', { n: total }),
          showSizeChanger: !compact,
          pageSizeOptions: [10, 20, 50, 100],
          showLessItems: compact,
          size: compact ? 'small' : 'medium',
          onChange: (page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
        }}
      />
      {importing && <CourtImportModal onClose={() => setImporting(false)} />}
    </Card>
  );
}
