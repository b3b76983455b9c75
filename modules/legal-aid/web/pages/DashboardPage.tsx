import { Alert, Card, Col, Row, Typography } from 'antd';
import { IndicatorResult } from '@sifa/kernel/shared';
import { LEGAL_AID_INDICATORS } from '@sifa/legal-aid/shared';
import { apiGet, DrillDownDrawer, IndicatorCard, queryString, useUnitFilter } from '@sifa/ui';
import type { DrillPart } from '@sifa/ui';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';

const Records = z.object({
  columns: z.array(z.object({ key: z.string(), header: z.string() })),
  items: z.array(z.record(z.string(), z.unknown())),
  total: z.number(),
});

/** This year so far (Asia/Shanghai), the period the board counts by default. */
const thisYear = () => {
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
};

function useFigure(id: string, params: Record<string, string | undefined>) {
  return useQuery({ queryKey: ['legal-aid', 'figure', id, params], queryFn: () => apiGet(`/api/indicators/${id}${queryString(params)}`, IndicatorResult) });
}

function Figure({ id, params, onOpen }: { id: string; params: Record<string, string | undefined>; onOpen: (r: IndicatorResult) => void }) {
  return <IndicatorCard id={id} query={useFigure(id, params)} onOpen={onOpen} />;
}

/**
 * 法律援助看板 (issue #15 item 8): the line's figures for the user's scope (or the unit chosen in the top bar) this year,
 * each with numerator and denominator on hover and the records behind it on click. Counted by the day received.
 */
export function DashboardPage() {
  const { orgId } = useUnitFilter();
  const params = { org: orgId, ...thisYear() };
  const [open, setOpen] = useState<IndicatorResult | undefined>(undefined);
  // called by the drawer on every render (its contract), so it is a hook of this page
  const useRecords = (part: DrillPart, paging: { page: number; pageSize: number }, enabled: boolean) =>
    useQuery({
      queryKey: ['legal-aid', 'records', open?.id, part, paging, params],
      queryFn: () => apiGet(`/api/indicators/${open?.id ?? ''}/records${queryString({ ...params, part, ...paging })}`, Records),
      enabled,
    });
  return (
    <Card title="法律援助看板" data-testid="legal-aid-dashboard">
      <Typography.Paragraph type="secondary">
        统计期间 {params.from} 至 {params.to}，按收到申请（通知）的日期统计；悬停查看分子与分母，点击查看明细。
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {LEGAL_AID_INDICATORS.map((d) => (
          <Col key={d.id} xs={24} sm={12} lg={8}>
            <Figure id={d.id} params={params} onOpen={setOpen} />
          </Col>
        ))}
      </Row>
      <Alert style={{ marginTop: 16 }} type="info" showIcon title="按类别、渠道、阶段的分布，满意度与质量等级尚未建成（见模块 README）。" />
      <DrillDownDrawer
        indicator={open}
        title={`${open?.nameZh ?? ''} · 明细`}
        useRecords={useRecords}
        exportOf={(part) => ({
          href: `/api/indicators/${open?.id ?? ''}/records.xlsx${queryString({ ...params, part })}`,
          fileName: `${open?.nameZh ?? ''}.xlsx`,
        })}
        onClose={() => setOpen(undefined)}
      />
    </Card>
  );
}
