import { Card, Empty, Result, Skeleton, Typography } from 'antd';
import type { IndicatorResult, IndicatorTable } from '@sifa/kernel/shared';
import { useCallback, useMemo } from 'react';
import { ExportButton, formatNumber } from '@sifa/ui';
import { CHART_FONT, useEChart } from '@sifa/ui/charts';
import { useMediationText } from '../common/messages';
import { bucketResult, indicatorTableExportPath, useIndicatorSeries } from './indicator-queries';
import type { DrillBucket, IndicatorParams } from './indicator-queries';
import type { ChartClick, ChartOption } from '@sifa/ui/charts';

/** The bars and the line, in the order of the chart's series (features.md M6: accepted, successful, rate). */
const IDS = ['mediation.accepted', 'mediation.successful', 'mediation.success-rate'] as const;

const pct = (v: unknown) => (typeof v === 'number' ? `${v.toFixed(2)}%` : '—');

function TrendPlot({ table, onOpen }: { table: IndicatorTable; onOpen: TrendChartProps['onOpen'] }) {
  const { mt, lang } = useMediationText();
  const option = useMemo<ChartOption>(() => {
    const values = (id: string) => table.series.find((s) => s.id === id)?.values ?? [];
    const count = (v: unknown) => (typeof v === 'number' ? formatNumber(v, lang) : '—');
    return {
      textStyle: { fontFamily: CHART_FONT },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 48, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: table.buckets.map((b) => b ?? ''), axisLabel: { hideOverlap: true } },
      yAxis: [
        { type: 'value', name: mt('dash.accepted'), minInterval: 1 },
        { type: 'value', name: mt('dash.rate'), min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
      ],
      series: [
        {
          type: 'bar',
          name: mt('dash.accepted'),
          data: values(IDS[0]).map((v) => v.value),
          barMaxWidth: 28,
          cursor: 'pointer',
          tooltip: { valueFormatter: count },
        },
        {
          type: 'bar',
          name: mt('dash.successful'),
          data: values(IDS[1]).map((v) => v.value),
          barMaxWidth: 28,
          cursor: 'pointer',
          tooltip: { valueFormatter: count },
        },
        // Months with nothing accepted have no rate: the line breaks there instead of dropping to 0.
        {
          type: 'line',
          name: mt('dash.rate'),
          yAxisIndex: 1,
          data: values(IDS[2]).map((v) => v.value),
          connectNulls: false,
          symbolSize: 6,
          tooltip: { valueFormatter: pct },
        },
      ],
    };
  }, [table, mt, lang]);
  const onClick = useCallback(
    ({ dataIndex, seriesIndex }: ChartClick) => {
      const month = table.buckets[dataIndex];
      const figure = bucketResult(table, IDS[seriesIndex ?? 0] ?? IDS[0], dataIndex);
      if (month && figure) onOpen(figure, { month, label: month });
    },
    [table, onOpen],
  );
  const ref = useEChart(option, lang === 'en' ? 'EN' : 'ZH', onClick);
  return <div ref={ref} style={{ width: '100%', height: 360 }} data-testid="trend-chart" role="img" aria-label={mt('dash.trend')} />;
}

export interface TrendChartProps {
  params: IndicatorParams;
  /** Opens the records of a month: the figure of that month and the month as the drawer's bucket. */
  onOpen: (figure: IndicatorResult, bucket: DrillBucket) => void;
}

/** 月度趋势: accepted and successful per month (bars) and the success rate (line, right axis); Excel export. */
export function TrendChart({ params, onOpen }: TrendChartProps) {
  const { t, mt } = useMediationText();
  const { data, isPending, isError, error, refetch } = useIndicatorSeries(IDS, params);

  let body;
  if (isPending) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (isError) {
    body = (
      <Result
        status="warning"
        title={mt('common.loadFailed', { message: error.message })}
        extra={<Typography.Link onClick={() => void refetch()}>{t('common.retry')}</Typography.Link>}
      />
    );
  } else if ((data.series[0]?.total.numerator ?? 0) === 0) {
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={mt('dash.noData')} style={{ padding: '96px 0' }} data-testid="trend-empty" />;
  } else body = <TrendPlot table={data} onOpen={onOpen} />;

  return (
    <Card
      title={mt('dash.trend')}
      style={{ height: '100%' }}
      extra={<ExportButton href={indicatorTableExportPath('series', IDS, { ...params })} fileName={mt('dash.trendExport')} />}
    >
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {mt('dash.clickHint')}
      </Typography.Text>
      {body}
    </Card>
  );
}
