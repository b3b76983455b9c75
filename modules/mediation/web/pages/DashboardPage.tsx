import { Card, Col, DatePicker, Row, Select, Space, Typography } from 'antd';
import type { IndicatorResult } from '@sifa/kernel/shared';
import { useMemo, useState } from 'react';
import { useUnitFilter } from '@sifa/web/src/shell/UnitFilter';
import { FigureCard } from '../components/FigureCard';
import { RecordsDrawer } from '../components/RecordsDrawer';
import { UnitComparison } from '../components/UnitComparison';
import type { MediationKey } from '../messages';
import { useMediationText } from '../messages';
import { presetPeriod, PERIOD_KEYS } from '../period';
import type { Period, PeriodKey } from '../period';
import type { IndicatorParams } from '../queries';

/** What antd's date pickers hand back (a Dayjs); only its formatting is needed here. */
interface DateValue {
  format: (template: string) => string;
}

/** The figures on the board, in the order of the monthly report. */
const FIGURES = [
  'mediation.accepted',
  'mediation.successful',
  'mediation.success-rate',
  'mediation.court-accepted',
  'mediation.court-success-rate',
  'mediation.judicial-confirmations',
  'mediation.at-risk',
] as const;

const PERIOD_LABELS: Record<PeriodKey, MediationKey> = {
  thisYear: 'dash.thisYear',
  lastYear: 'dash.lastYear',
  thisQuarter: 'dash.thisQuarter',
  thisMonth: 'dash.thisMonth',
  all: 'dash.allTime',
  custom: 'dash.custom',
};

/**
 * 调解工作看板: the mediation figures for a period (this year by default) and the top-bar unit, each opening the
 * records behind it, and the comparison of the unit's sub-units.
 */
export function DashboardPage() {
  const { mt } = useMediationText();
  const { orgId } = useUnitFilter();
  const [periodKey, setPeriodKey] = useState<PeriodKey>('thisYear');
  const [custom, setCustom] = useState<Period>({});
  const [open, setOpen] = useState<IndicatorResult | undefined>(undefined);

  const period = periodKey === 'custom' ? custom : presetPeriod(periodKey);
  const params = useMemo<IndicatorParams>(
    () => ({ org: orgId, from: period.from, to: period.to }),
    [orgId, period.from, period.to],
  );

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
        <Row gutter={[12, 12]}>
          {FIGURES.map((id) => (
            <Col key={id} xs={12} md={8} xl={6}>
              <FigureCard id={id} batch={FIGURES} params={params} onOpen={setOpen} />
            </Col>
          ))}
        </Row>
        {/*
          TODO(mediation): a monthly trend (accepted / successful per month) and a breakdown by dispute category belong
          here. They need an indicator API that groups by month and by a column (e.g. GET /api/indicators/:id/by-month,
          /by-category); the kernel has none yet, and the board shows no made-up figures meanwhile.
        */}
      </Card>
      <UnitComparison params={params} />
      <RecordsDrawer indicator={open} params={params} onClose={() => setOpen(undefined)} />
    </Space>
  );
}
