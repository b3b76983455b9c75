import { Card, Empty, Result, Segmented, Skeleton, Space, Typography } from 'antd';
import { indicatorValue } from '@sifa/kernel/shared';
import type { IndicatorResult, IndicatorTable } from '@sifa/kernel/shared';
import { useCallback, useMemo, useState } from 'react';
import { ExportButton, formatNumber } from '@sifa/ui';
import { CHART_FONT, textTooltip, useEChart } from '@sifa/ui/charts';
import { bucketLabel, bucketOrder, DIMENSION_LABELS, DIMENSIONS, type BoardDimension as Dimension } from './breakdown';
import { useCategories } from '../categories/category-queries';
import { useMediationText } from '../common/messages';
import { bucketResult, indicatorTableExportPath, useIndicatorBreakdown } from './indicator-queries';
import type { DrillBucket, IndicatorParams } from './indicator-queries';
import type { ChartClick, ChartOption } from '@sifa/ui/charts';

const IDS = ['mediation.accepted', 'mediation.successful', 'mediation.success-rate'] as const;

interface PlotProps {
  table: IndicatorTable;
  by: Dimension;
  onOpen: CategoryChartProps['onOpen'];
}

function CategoryPlot({ table, by, onOpen }: PlotProps) {
  const { mt, lang } = useMediationText();
  const categories = useCategories().data;
  const order = useMemo(() => bucketOrder(table, by, categories), [table, by, categories]);
  const names = useMemo(
    () => order.map((i) => bucketLabel(by, table.buckets[i] ?? null, lang, mt('dash.unclassified'), categories)),
    [order, table, by, lang, mt, categories],
  );
  const option = useMemo<ChartOption>(() => {
    const values = (id: string) => {
      const all = table.series.find((s) => s.id === id)?.values ?? [];
      return order.map((i) => all[i]);
    };
    const total = table.series[0]?.total.numerator ?? 0;
    const accepted = values(IDS[0]);
    const rates = values(IDS[2]);
    return {
      textStyle: { fontFamily: CHART_FONT },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (raw) => {
          const first = Array.isArray(raw) ? raw[0] : raw;
          const i = first?.dataIndex ?? 0;
          const n = accepted[i]?.numerator ?? 0;
          const share = indicatorValue(n, total, 'percent', 2);
          const rate = rates[i]?.value;
          return textTooltip(
            [
              names[i] ?? '',
              `${mt('dash.accepted')}：${formatNumber(n, lang)}（${mt('dash.share')} ${share === null ? '—' : `${share.toFixed(2)}%`}）`,
              `${mt('dash.successful')}：${formatNumber(values(IDS[1])[i]?.numerator ?? 0, lang)}`,
              `${mt('dash.rate')}：${rate === null || rate === undefined ? '—' : `${rate.toFixed(2)}%`}`,
            ],
            { boldFirst: true },
          );
        },
      },
      legend: { top: 0 },
      grid: { left: 8, right: 56, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      // The biggest bucket on top.
      yAxis: { type: 'category', data: names, inverse: true, axisLabel: { interval: 0 } },
      series: [
        {
          type: 'bar',
          name: mt('dash.accepted'),
          data: accepted.map((v) => v?.numerator ?? 0),
          barMaxWidth: 16,
          cursor: 'pointer',
          label: {
            show: true,
            position: 'right',
            formatter: (p) => {
              const share = indicatorValue(typeof p.value === 'number' ? p.value : 0, total, 'percent', 2);
              return share === null ? '' : `${share.toFixed(2)}%`;
            },
          },
        },
        { type: 'bar', name: mt('dash.successful'), data: values(IDS[1]).map((v) => v?.numerator ?? 0), barMaxWidth: 16, cursor: 'pointer' },
      ],
    };
  }, [table, order, names, mt, lang]);
  const onClick = useCallback(
    ({ dataIndex, seriesIndex }: ChartClick) => {
      const index = order[dataIndex];
      const key = index === undefined ? null : (table.buckets[index] ?? null);
      const figure = index === undefined ? undefined : bucketResult(table, IDS[seriesIndex ?? 0] ?? IDS[0], index);
      // The null bucket has no key to ask the server for.
      if (key !== null && figure) onOpen(figure, { by, key, label: names[dataIndex] ?? key });
    },
    [order, table, by, names, onOpen],
  );
  const ref = useEChart(option, lang === 'en' ? 'EN' : 'ZH', onClick, 'y');
  const height = Math.max(240, 48 + names.length * 26);
  return <div ref={ref} style={{ width: '100%', height }} data-testid="category-chart" data-by={by} role="img" aria-label={mt(DIMENSION_LABELS[by])} />;
}

export interface CategoryChartProps {
  params: IndicatorParams;
  /** Opens the records of one category or source: its figure and the bucket. */
  onOpen: (figure: IndicatorResult, bucket: DrillBucket) => void;
}

/** 分类统计: accepted and successful by dispute category, by source group or by source, with shares; Excel export. */
export function CategoryChart({ params, onOpen }: CategoryChartProps) {
  const { t, mt } = useMediationText();
  const [by, setBy] = useState<Dimension>('category');
  const { data, isPending, isError, error, refetch } = useIndicatorBreakdown(IDS, by, params);

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
  } else if (data.buckets.length === 0 || (data.series[0]?.total.numerator ?? 0) === 0) {
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={mt('dash.noData')} style={{ padding: '96px 0' }} data-testid="category-empty" />;
  } else body = <CategoryPlot key={data.by} table={data} by={data.by as Dimension} onOpen={onOpen} />;

  return (
    <Card
      title={mt('dash.breakdown')}
      style={{ height: '100%' }}
      extra={
        <ExportButton
          href={indicatorTableExportPath('breakdown', IDS, { ...params, by })}
          fileName={mt('dash.breakdownExport', { by: mt(DIMENSION_LABELS[by]) })}
        />
      }
    >
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Segmented<Dimension>
          value={by}
          onChange={setBy}
          options={DIMENSIONS.map((d) => ({ value: d, label: mt(DIMENSION_LABELS[d]) }))}
          data-testid="breakdown-by"
        />
        {body}
      </Space>
    </Card>
  );
}
