import { Card, Empty, Result, Typography } from 'antd';
import { indicatorValue } from '@sifa/kernel/shared';
import { ExportButton, FigureTable } from '@sifa/ui';
import type { FigureRow } from '@sifa/ui';
import { bucketLabel, bucketOrder, type Dimension } from './breakdown';
import { useCategories } from '../categories/category-queries';
import { useMediationText } from '../common/messages';
import { indicatorTableExportPath, useIndicatorBreakdown } from './indicator-queries';
import type { IndicatorParams } from './indicator-queries';

const IDS = ['mediation.accepted', 'mediation.successful', 'mediation.success-rate'] as const;

interface ShareRow extends FigureRow {
  accepted: number;
  share: number | null;
  successful: number;
  rate: number | null;
}

/**
 * The monthly report's breakdown by source group or by category (features.md M6): disputes accepted and their share
 * of the month's, mediated successfully and the success rate, with a total row; Excel export.
 */
export function ShareTable({ by, title, params }: { by: Dimension; title: string; params: IndicatorParams }) {
  const { t, mt, lang } = useMediationText();
  const categories = useCategories().data;
  const { data, isPending, isError, error, refetch } = useIndicatorBreakdown(IDS, by, params);

  let body;
  if (isError) {
    body = (
      <Result
        status="warning"
        title={mt('common.loadFailed', { message: error.message })}
        extra={<Typography.Link onClick={() => void refetch()}>{t('common.retry')}</Typography.Link>}
      />
    );
  } else if (!isPending && (data.series[0]?.total.numerator ?? 0) === 0) {
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={mt('report.noData')} />;
  } else {
    const [accepted, successful, rate] = IDS.map((id) => data?.series.find((s) => s.id === id));
    const total = accepted?.total.numerator ?? 0;
    const rows: ShareRow[] = data
      ? bucketOrder(data, by, categories).map((i) => {
          const n = accepted?.values[i]?.numerator ?? 0;
          return {
            key: data.buckets[i] ?? '',
            label: bucketLabel(by, data.buckets[i] ?? null, lang, mt('dash.unclassified'), categories),
            accepted: n,
            share: indicatorValue(n, total, 'percent', 2),
            successful: successful?.values[i]?.numerator ?? 0,
            rate: rate?.values[i]?.value ?? null,
          };
        })
      : [];
    if (data && rows.length > 0) {
      rows.push({
        key: 'total',
        label: mt('report.total'),
        total: true,
        accepted: total,
        share: total > 0 ? 100 : null,
        successful: successful?.total.numerator ?? 0,
        rate: rate?.total.value ?? null,
      });
    }
    body = (
      <FigureTable<ShareRow>
        labelTitle={by === 'source-group' ? mt('report.sourceGroup') : mt('report.category')}
        rows={rows}
        loading={isPending}
        data-testid={`share-${by}`}
        columns={[
          { key: 'accepted', title: mt('dash.accepted'), format: 'count', value: (r) => r.accepted },
          { key: 'share', title: mt('dash.share'), format: 'percent', value: (r) => r.share },
          { key: 'successful', title: mt('dash.successful'), format: 'count', value: (r) => r.successful },
          { key: 'rate', title: mt('dash.rate'), format: 'percent', value: (r) => r.rate },
        ]}
      />
    );
  }
  return (
    <Card
      title={title}
      style={{ height: '100%' }}
      extra={<ExportButton href={indicatorTableExportPath('breakdown', IDS, { ...params, by })} fileName={`${title}.xlsx`} />}
    >
      {body}
    </Card>
  );
}
