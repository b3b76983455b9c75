import { Card, Col, DatePicker, Row, Select, Space, Typography } from 'antd';
import type { IndicatorResult } from '@sifa/kernel/shared';
import { useCallback, useMemo, useState } from 'react';
import { useUnitFilter } from '@sifa/ui';
import { CategoryChart } from './CategoryChart';
import { FigureCard } from './FigureCard';
import { RecordsDrawer } from './RecordsDrawer';
import { TrendChart } from './TrendChart';
import { UnitComparison } from './UnitComparison';
import type { MediationKey } from '../common/messages';
import { useMediationText } from '../common/messages';
import { presetPeriod, PERIOD_KEYS } from './period';
import type { Period, PeriodKey } from './period';
import type { DrillBucket, IndicatorParams } from './indicator-queries';

/** What antd's date pickers hand back (a Dayjs); only its formatting is needed here. */
interface DateValue {
  format: (template: string) => string;
}

/** The figures on the board, in the order of the monthly report. */
const FIGURES = [
  'mediation.accepted',
  'mediation.successful',
  'mediation.success-rate',
  'mediation.agreement-amount',
  'mediation.court-accepted',
  'mediation.court-success-rate',
  'mediation.judicial-confirmations',
  'mediation.average-duration',
  'mediation.overdue',
  'mediation.at-risk',
  'mediation.rating-average',
  'mediation.rating-satisfied',
] as const;

const PERIOD_LABELS: Record<PeriodKey, MediationKey> = {
  thisYear: 'dash.thisYear',
  lastYear: 'dash.lastYear',
  thisQuarter: 'dash.thisQuarter',
  thisMonth: 'dash.thisMonth',
  all: 'dash.allTime',
  custom: 'dash.custom',
};

/** What the records drawer shows: a figure, of the whole period or of one month or category of a chart. */
interface Opened {
  indicator: IndicatorResult;
  bucket?: DrillBucket;
}

/**
 * 调解工作看板 (features.md M6): the mediation figures for a period (this year by default) and the top-bar unit, the
 * monthly trend, the breakdown by category and source, and the comparison of the unit's sub-units — every figure,
 * bar and row opening the records behind it.
 */
export function DashboardPage() {
  const { mt } = useMediationText();
  const { orgId } = useUnitFilter();
  const [periodKey, setPeriodKey] = useState<PeriodKey>('thisYear');
  const [custom, setCustom] = useState<Period>({});
  const [open, setOpen] = useState<Opened | undefined>(undefined);
  const openFigure = useCallback((indicator: IndicatorResult) => setOpen({ indicator }), []);
  const openBucket = useCallback((indicator: IndicatorResult, bucket: DrillBucket) => setOpen({ indicator, bucket }), []);

  const period = periodKey === 'custom' ? custom : presetPeriod(periodKey);
  const params = useMemo<IndicatorParams>(() => ({ org: orgId, from: period.from, to: period.to }), [orgId, period.from, period.to]);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={mt('dash.title')}
        extra={
          <Space wrap>
            <Typography.Text type="secondary">{mt('dash.period')}</Typography.Text>
            <Select<PeriodKey>
              value={periodKey}
              onChange={setPeriodKey}
              style={{ width: 120 }}
              aria-label={mt('dash.period')}
              options={PERIOD_KEYS.map((k) => ({ value: k, label: mt(PERIOD_LABELS[k]) }))}
              data-testid="period"
            />
            {periodKey === 'custom' && (
              <DatePicker.RangePicker
                allowEmpty={[true, true]}
                placeholder={[mt('list.from'), mt('list.to')]}
                onChange={(v: [DateValue | null, DateValue | null] | null) =>
                  setCustom({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })
                }
              />
            )}
          </Space>
        }
      >
        <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
          {period.from || period.to ? `${period.from ?? '…'} ~ ${period.to ?? '…'}` : mt('dash.allTime')} · {mt('dash.periodHint')}
        </Typography.Paragraph>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(190px, 45%), 1fr))', gap: 12 }} data-testid="figures">
          {FIGURES.map((id) => (
            <FigureCard key={id} id={id} batch={FIGURES} params={params} onOpen={openFigure} />
          ))}
        </div>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <TrendChart params={params} onOpen={openBucket} />
        </Col>
        <Col xs={24} xl={12}>
          <CategoryChart params={params} onOpen={openBucket} />
        </Col>
      </Row>
      <UnitComparison params={params} />
      <RecordsDrawer indicator={open?.indicator} bucket={open?.bucket} params={params} onClose={() => setOpen(undefined)} />
    </Space>
  );
}
