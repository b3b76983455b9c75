import { Alert, Card, Col, Row, Select, Space, Table, Typography } from 'antd';
import { formatChange } from '@sifa/kernel/shared';
import type { IndicatorChange, IndicatorComparison } from '@sifa/kernel/shared';
import { MONTHLY_REPORT_FIGURES } from '@sifa/mediation/shared';
import { useState } from 'react';
import { ExportButton, formatFigure, useUnitFilter } from '@sifa/ui';
import { ShareTable } from './ShareTable';
import { useMediationText } from '../common/messages';
import { monthPeriod, reportMonths } from './period';
import { indicatorComparisonExportPath, useIndicatorComparison } from './indicator-queries';

type Row = IndicatorComparison['rows'][number];

/**
 * 调解工作月报 (features.md M6): a month's disputes accepted and mediated, the success rate, the amount agreed, the
 * disputes prevented from turning criminal or into mass petitions (cases and persons) — each against the month
 * before (环比), the same month last year (同比) and the year so far — and the month's disputes by source group and
 * by category with their shares. Every table exports to Excel.
 */
export function MonthlyReportPage() {
  const { mt, lang } = useMediationText();
  const { orgId } = useUnitFilter();
  const months = reportMonths();
  // a monthly report is read for the month just ended
  const [month, setMonth] = useState(months[1] ?? months[0] ?? '');
  const params = { ...(orgId ? { org: orgId } : {}), month };
  const comparison = useIndicatorComparison(MONTHLY_REPORT_FIGURES, params);
  const period = { ...(orgId ? { org: orgId } : {}), ...monthPeriod(month) };

  const change = (c: IndicatorChange) => formatChange(c, mt('report.points'));
  const tone = (c: IndicatorChange) => (c.value === null || c.value === 0 ? undefined : c.value > 0 ? 'success' : 'danger');
  const data = comparison.data;
  const columns = [
    { key: 'name', title: mt('report.figure'), render: (_: unknown, r: Row) => (lang === 'en' ? r.nameEn : r.nameZh) },
    {
      key: 'current',
      title: `${mt('report.current')} (${month})`,
      align: 'right' as const,
      render: (_: unknown, r: Row) => <strong>{formatFigure({ ...r, value: r.current.value }, lang)}</strong>,
    },
    {
      key: 'previous',
      title: `${mt('report.previous')} (${data?.previousMonth ?? ''})`,
      align: 'right' as const,
      render: (_: unknown, r: Row) => formatFigure({ ...r, value: r.previous.value }, lang),
    },
    {
      key: 'mom',
      title: mt('report.monthOnMonth'),
      align: 'right' as const,
      render: (_: unknown, r: Row) => <Typography.Text type={tone(r.monthOnMonth)}>{change(r.monthOnMonth)}</Typography.Text>,
    },
    {
      key: 'lastYear',
      title: `${mt('report.lastYear')} (${data?.lastYearMonth ?? ''})`,
      align: 'right' as const,
      render: (_: unknown, r: Row) => formatFigure({ ...r, value: r.lastYear.value }, lang),
    },
    {
      key: 'yoy',
      title: mt('report.yearOnYear'),
      align: 'right' as const,
      render: (_: unknown, r: Row) => <Typography.Text type={tone(r.yearOnYear)}>{change(r.yearOnYear)}</Typography.Text>,
    },
    {
      key: 'ytd',
      title: mt('report.yearToDate'),
      align: 'right' as const,
      render: (_: unknown, r: Row) => formatFigure({ ...r, value: r.yearToDate.value }, lang),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={mt('report.title')}
        extra={
          <Space wrap>
            <Typography.Text type="secondary">{mt('report.month')}</Typography.Text>
            <Select
              value={month}
              onChange={setMonth}
              style={{ width: 120 }}
              aria-label={mt('report.month')}
              options={months.map((m) => ({ value: m, label: m }))}
              data-testid="report-month"
            />
            <ExportButton href={indicatorComparisonExportPath(MONTHLY_REPORT_FIGURES, params)} fileName={mt('report.export', { month })} />
          </Space>
        }
      >
        <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
          {data ? `${data.orgName} · ` : ''}
          {mt('report.hint')}
        </Typography.Paragraph>
        {comparison.isError ? (
          <Alert type="error" showIcon title={mt('common.loadFailed', { message: comparison.error.message })} />
        ) : (
          <Table<Row>
            rowKey="id"
            size="small"
            pagination={false}
            loading={comparison.isFetching}
            dataSource={data?.rows ?? []}
            columns={columns}
            scroll={{ x: 'max-content' }}
            data-testid="report-figures"
          />
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <ShareTable by="source-group" title={mt('dash.bySourceGroup')} params={period} />
        </Col>
        <Col xs={24} xl={14}>
          <ShareTable by="report-category" title={mt('dash.byCategory')} params={period} />
        </Col>
      </Row>
    </Space>
  );
}
