import { Card, Col, Input, Radio, Row, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { IndicatorResult, IndicatorTable } from '@sifa/kernel/shared';
import { RECONSIDERATION_INDICATORS } from '@sifa/reconsideration/shared';
import { apiGet, downloadFile, ExportButton, FigureTable, IndicatorCard, notifyError, queryString, useUnitFilter } from '@sifa/ui';
import type { FigureRow } from '@sifa/ui';
import { useState } from 'react';
import { useText } from '../text';

const IDS = RECONSIDERATION_INDICATORS.map((i) => i.id);
const RATES = IDS.filter((id) => id.endsWith('-rate'));
type By = 'respondent' | 'sector' | 'act-type';
type Row = FigureRow & { values: (number | null)[] };

/**
 * 行政复议统计: the figures of rules.md for the unit (top-bar filter) and the acceptance period, each with its numerator
 * and denominator on hover; a card downloads the records behind it; the rates by respondent, sector or act type.
 */
export function DashboardPage() {
  const { tx, sectorLabel, actTypeLabel } = useText();
  const { orgId } = useUnitFilter();
  const year = new Date().getFullYear();
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState(`${year}-12-31`);
  const [by, setBy] = useState<By>('sector');
  const params = { org: orgId, from, to };
  const values = useQuery({
    queryKey: ['reconsideration', 'figures', params],
    queryFn: () => apiGet(`/api/indicator-values${queryString({ ...params, ids: IDS.join(',') })}`, z.array(IndicatorResult)),
  });
  const table = useQuery({
    queryKey: ['reconsideration', 'breakdown', by, params],
    queryFn: () => apiGet(`/api/indicator-breakdown${queryString({ ...params, by, ids: ['reconsideration.closed', ...RATES].join(',') })}`, IndicatorTable),
  });
  const cardQuery = (id: string) => ({ ...values, data: values.data?.find((r) => r.id === id) });
  const label = (key: string | null) => (key === null ? '—' : by === 'sector' ? sectorLabel(key) : by === 'act-type' ? actTypeLabel(key) : key);
  const rows: Row[] = table.data
    ? [
        ...table.data.buckets.map((b, i) => ({ key: b ?? '', label: label(b), values: table.data.series.map((s) => s.values[i]?.value ?? null) })),
        { key: '__total', label: '合计', total: true, values: table.data.series.map((s) => s.total.value) },
      ]
    : [];
  const openRecords = (id: string) =>
    void downloadFile(`/api/indicators/${encodeURIComponent(id)}/records.xlsx${queryString({ ...params, part: 'numerator' })}`, `${id}.xlsx`).catch(
      (e: unknown) => notifyError(e, '下载失败'),
    );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="reconsideration-dashboard">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {tx('dashboard')}
      </Typography.Title>
      <Space wrap>
        <span>{tx('period')}</span>
        <Input type="date" value={from} onChange={(e) => setFrom(e.target.value)} style={{ width: 160 }} data-testid="figures-from" />
        <span>—</span>
        <Input type="date" value={to} onChange={(e) => setTo(e.target.value)} style={{ width: 160 }} data-testid="figures-to" />
      </Space>
      <Typography.Text type="secondary">{tx('countsBy')}</Typography.Text>
      <Row gutter={[12, 12]}>
        {IDS.map((id) => (
          <Col key={id} xs={12} md={8} xl={6} data-testid={`figure-${id}`}>
            <IndicatorCard id={id} query={cardQuery(id)} onOpen={() => openRecords(id)} />
          </Col>
        ))}
      </Row>
      <Card
        size="small"
        title={
          <Radio.Group value={by} onChange={(e) => setBy(e.target.value as By)} optionType="button" size="small">
            <Radio.Button value="sector">{tx('bySector')}</Radio.Button>
            <Radio.Button value="act-type">{tx('byActType')}</Radio.Button>
            <Radio.Button value="respondent">{tx('byRespondent')}</Radio.Button>
          </Radio.Group>
        }
        extra={
          <ExportButton
            href={`/api/indicator-breakdown.xlsx${queryString({ ...params, by, ids: ['reconsideration.closed', ...RATES].join(',') })}`}
            fileName="行政复议统计.xlsx"
          />
        }
      >
        <FigureTable<Row>
          labelTitle={by === 'sector' ? tx('sector') : by === 'act-type' ? tx('actType') : tx('respondent')}
          rows={rows}
          loading={table.isPending}
          data-testid="figures-breakdown"
          columns={(table.data?.series ?? []).map((s, i) => ({
            key: s.id,
            title: s.nameZh,
            format: s.unit === 'percent' ? 'percent' : 'count',
            value: (r: Row) => r.values[i] ?? null,
          }))}
        />
      </Card>
    </Space>
  );
}
