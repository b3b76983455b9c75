import { ImportOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Form, Input, Space, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { CourtReferralReport, CourtResult } from '@sifa/mediation/shared';
import { ImportDialog, ListPage, OrgTreeSelect, StatusTag, useCan, useCompact, useListState, useSessionUser, useUnitFilter } from '@sifa/ui';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import type { ImportColumn } from '@sifa/ui';
import { useCourtText } from './court-messages';
import type { CourtKey } from './court-messages';
import { COURT_RESULTS, COURT_TEMPLATE, useCourtImport, useCourtResults } from './court-queries';
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

const FILTER_KEYS = ['courtName', 'courtCaseNumber'] as const;
const toFilters = (v: CourtFilters): CourtFilters => ({ courtName: v.courtName?.trim() || undefined, courtCaseNumber: v.courtCaseNumber?.trim() || undefined });
const toValues = (f: CourtFilters): CourtFilters => f;

/**
 * 诉调对接: the court-linked disputes of the user's scope with their results for the court, a page at a time (filter
 * by court and case number, Excel export with the same filters), and the import of a court's referral list
 * (委派/委托/邀请). Filters and page live in the URL (ListPage).
 */
export function CourtLinkagePage() {
  const { t, mt, ct, lang } = useCourtText();
  const compact = useCompact();
  const canWrite = useCan('mediation.dispute.write');
  const list = useListState<CourtFilters>(FILTER_KEYS);
  const [importing, setImporting] = useState(false);
  const { courtName, courtCaseNumber } = list.filters;
  const query = useCourtResults({ courtName, courtCaseNumber, page: list.page, pageSize: list.pageSize });
  const filtered = !!(courtName ?? courtCaseNumber);

  // the courts on the page shown, to pick from (the server matches the full name)
  const rows = query.data?.items;
  const courts = useMemo(() => {
    const names = new Set<string>();
    for (const r of rows ?? []) if (r.courtName) names.add(r.courtName);
    return [...names].sort().map((value) => ({ value }));
  }, [rows]);

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
    <ListPage<CourtResult, CourtFilters, CourtFilters>
      title={ct('court.title')}
      extra={
        canWrite && (
          <Button type="primary" icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="court-import">
            {ct('court.import')}
          </Button>
        )
      }
      intro={<Typography.Paragraph type="secondary">{ct('court.intro')}</Typography.Paragraph>}
      state={list}
      query={query}
      toFilters={toFilters}
      toValues={toValues}
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
      columns={columns}
      rowKeyOf={(r) => `${r.courtCaseNumber}\u0000${r.number}`}
      testId="court-results"
      exportPath={`${COURT_RESULTS}.xlsx`}
      exportName={ct('court.exportName')}
      emptyText={ct(filtered ? 'court.emptyFiltered' : 'court.empty')}
      errorText={(error) => mt('common.loadFailed', { message: error.message })}
    >
      {importing && <CourtImportModal onClose={() => setImporting(false)} />}
    </ListPage>
  );
}
