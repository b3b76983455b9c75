import { Card, Empty, Result, Skeleton, Space, Switch, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { IndicatorResult } from '@sifa/kernel/shared';
import { useMemo, useState } from 'react';
import { ExportButton, formatFigure, formatNumber, useCompact } from '@sifa/ui';
import { CHART_FONT, useEChart } from '@sifa/ui/charts';
import { useMediationText } from '../common/messages';
import { indicatorExportPath, useIndicatorByUnit } from './indicator-queries';
import type { IndicatorParams } from './indicator-queries';
import type { ChartOption } from '@sifa/ui/charts';

interface UnitRow {
  orgId: string;
  orgName: string;
  accepted: number;
  successful: number;
  rate: IndicatorResult;
  total?: boolean;
}

function ComparisonChart({ rows }: { rows: UnitRow[] }) {
  const { mt, lang } = useMediationText();
  const option = useMemo<ChartOption>(
    () => ({
      textStyle: { fontFamily: CHART_FONT },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: rows.map((r) => r.orgName), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
      yAxis: [
        { type: 'value', name: mt('dash.accepted'), minInterval: 1 },
        { type: 'value', name: mt('dash.rate'), min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      ],
      series: [
        { type: 'bar', name: mt('dash.accepted'), data: rows.map((r) => r.accepted), barMaxWidth: 36 },
        { type: 'bar', name: mt('dash.successful'), data: rows.map((r) => r.successful), barMaxWidth: 36 },
        {
          type: 'line',
          name: mt('dash.rate'),
          yAxisIndex: 1,
          data: rows.map((r) => r.rate.value),
          tooltip: { valueFormatter: (v) => (typeof v === 'number' ? `${v.toFixed(2)}%` : '—') },
          label: { show: true, position: 'top', formatter: (p) => (typeof p.value === 'number' ? `${p.value.toFixed(2)}%` : '') },
        },
      ],
    }),
    [rows, mt],
  );
  const ref = useEChart(option, lang === 'en' ? 'EN' : 'ZH');
  return <div ref={ref} style={{ width: '100%', height: 340 }} data-testid="unit-chart" role="img" aria-label={mt('dash.compare')} />;
}

/** 下级单位对比: accepted, successful and success rate for each direct sub-unit of the chosen unit, chart and table. */
export function UnitComparison({ params }: { params: IndicatorParams }) {
  const { t, mt, lang } = useMediationText();
  const compact = useCompact();
  const [hideEmpty, setHideEmpty] = useState(true);
  const rate = useIndicatorByUnit('mediation.success-rate', params);
  const accepted = useIndicatorByUnit('mediation.accepted', params);

  const rows = useMemo<UnitRow[]>(() => {
    if (!rate.data || !accepted.data) return [];
    const counts = new Map(accepted.data.rows.map((r) => [r.orgId, r.numerator]));
    return rate.data.rows.map((r) => ({
      orgId: r.orgId,
      orgName: r.orgName,
      accepted: counts.get(r.orgId) ?? r.denominator ?? 0,
      successful: r.numerator,
      rate: r,
    }));
  }, [rate.data, accepted.data]);
  const shown = hideEmpty ? rows.filter((r) => r.accepted > 0) : rows;

  const columns: TableColumnsType<UnitRow> = [
    { title: mt('dash.unit'), dataIndex: 'orgName', render: (_v, r) => (r.total ? <strong>{r.orgName}</strong> : r.orgName) },
    { title: mt('dash.accepted'), dataIndex: 'accepted', align: 'right', render: (_v, r) => formatNumber(r.accepted, lang) },
    { title: mt('dash.successful'), dataIndex: 'successful', align: 'right', render: (_v, r) => formatNumber(r.successful, lang) },
    { title: mt('dash.rate'), key: 'rate', align: 'right', render: (_v, r) => formatFigure(r.rate, lang) },
  ];

  let body;
  if (rate.isPending || accepted.isPending) body = <Skeleton active />;
  else if (rate.isError || accepted.isError) {
    const error = rate.error ?? accepted.error;
    body = (
      <Result
        status="warning"
        title={mt('common.loadFailed', { message: error?.message ?? '' })}
        extra={<Typography.Link onClick={() => void Promise.all([rate.refetch(), accepted.refetch()])}>{t('common.retry')}</Typography.Link>}
      />
    );
  } else if (rows.length === 0) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={mt('dash.noSubUnits')} />;
  else {
    const { total } = rate.data;
    const totalRow: UnitRow = {
      orgId: 'total',
      orgName: mt('dash.total', { name: total.orgName }),
      accepted: total.denominator ?? 0,
      successful: total.numerator,
      rate: total,
      total: true,
    };
    body = (
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {shown.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={mt('dash.noData')} /> : <ComparisonChart rows={shown} />}
        <Table<UnitRow>
          rowKey="orgId"
          columns={columns}
          dataSource={[...shown, totalRow]}
          pagination={false}
          size={compact ? 'small' : 'middle'}
          scroll={{ x: 'max-content' }}
          data-testid="unit-table"
        />
      </Space>
    );
  }

  return (
    <Card
      title={mt('dash.compare')}
      extra={
        <Space wrap>
          <Space size={4}>
            <Switch size="small" checked={hideEmpty} onChange={setHideEmpty} aria-label={mt('dash.hideEmpty')} />
            <Typography.Text>{mt('dash.hideEmpty')}</Typography.Text>
          </Space>
          <ExportButton href={indicatorExportPath('mediation.success-rate', 'by-unit', { ...params })} fileName={mt('dash.compareExport')} />
        </Space>
      }
    >
      {body}
    </Card>
  );
}
