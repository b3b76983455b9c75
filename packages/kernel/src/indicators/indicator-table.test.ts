import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, sampleModule, type Agent, type TestApp } from '@sifa/testing';
import { fixedClock } from '../deadlines/clock';
import { scheduleDeadline } from '../deadlines/deadline.service';
import { defineModule } from '../define-module';
import { defineIndicator, type IndicatorComparison, type IndicatorTable } from '../shared/indicators';

// Indicators over kernel.matters of the sample module: counts, a ratio, an average of a measure and an overdue count.
const sample = { column: 'module', op: 'eq', value: 'sample' } as const;
const acceptedOrClosed = { column: 'status', op: 'in', value: ['accepted', 'closed'] } as const;
const closed = { column: 'closed_at', op: 'notNull' } as const;
const read = 'sample.case.read';
const trendModule = defineModule({
  name: 'trend',
  labelZh: '趋势测试',
  labelEn: 'Trend test',
  permissions: [],
  indicators: [
    defineIndicator({
      id: 'trend.accepted',
      nameZh: '受理数',
      nameEn: 'Accepted',
      permission: read,
      source: 'kernel.matters',
      numerator: [sample, acceptedOrClosed],
      unit: 'count',
      decimals: 0,
    }),
    defineIndicator({
      id: 'trend.close-rate',
      nameZh: '办结率',
      nameEn: 'Closure rate',
      permission: read,
      source: 'kernel.matters',
      numerator: [sample, { column: 'status', op: 'eq', value: 'closed' }],
      denominator: [sample, acceptedOrClosed],
      unit: 'percent',
      decimals: 2,
    }),
    defineIndicator({
      id: 'trend.duration',
      nameZh: '平均办理天数',
      nameEn: 'Average duration',
      permission: read,
      source: 'kernel.matters',
      sum: 'duration',
      numerator: [sample, closed],
      denominator: [sample, closed],
      unit: 'days',
      decimals: 1,
    }),
    defineIndicator({
      id: 'trend.overdue',
      nameZh: '超期未结',
      nameEn: 'Overdue',
      permission: read,
      source: 'kernel.matters',
      numerator: [sample, { column: 'closed_at', op: 'isNull' }, { op: 'deadlineOverdue' }],
      unit: 'count',
      decimals: 0,
    }),
  ],
});

type Table = IndicatorTable;
const series = (t: Table, id: string) => t.series.find((s) => s.id === id);
const values = (t: Table, id: string) => series(t, id)?.values.map((v) => v.value);

describe('indicator series and breakdowns', () => {
  let t: TestApp;
  let zg: Agent;
  let leader: Agent;
  const clock = fixedClock('2025-05-10');
  const m: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp({ modules: [sampleModule, trendModule], clock });
    zg = await t.loginAs('zhanggong');
    leader = await t.loginAs('leader');
    const nd = await t.loginAs('ningdu');
    const db = t.engine.db;
    // [key, agent, unit, opened (Asia/Shanghai), closed, accepted]
    const plan: [string, Agent, string, string, string | null, boolean][] = [
      ['A', zg, '章贡区司法局', '2025-01-15T10:00:00+08:00', '2025-01-25T09:00:00+08:00', true], // 10 days
      ['B', zg, '章贡区司法局', '2025-01-20T23:59:00+08:00', '2025-02-02T00:01:00+08:00', true], // 13 Shanghai days
      ['C', zg, '章贡区司法局', '2025-02-01T00:30:00+08:00', '2025-02-07T12:00:00+08:00', true], // January in UTC; 6 days
      ['D', zg, '章贡区司法局', '2025-04-10T08:00:00+08:00', '2025-04-10T20:00:00+08:00', true], // same day: 0 days
      ['E', zg, '章贡区司法局', '2025-04-30T23:30:00+08:00', null, true], // open, deadline overdue
      ['F', zg, '章贡区司法局', '2025-02-14T09:00:00+08:00', null, true], // open, deadline not yet due
      ['G', zg, '章贡区司法局', '2025-02-20T09:00:00+08:00', null, true], // open, deadline past but paused
      ['H', zg, '章贡区司法局', '2025-01-10T09:00:00+08:00', null, false], // registered only
      ['J', zg, '章贡区司法局', '2025-05-01T00:10:00+08:00', null, true], // May in Shanghai, April in UTC
      ['I', nd, '宁都县司法局', '2025-01-05T09:00:00+08:00', '2025-01-06T09:00:00+08:00', true], // another county
    ];
    for (const [key, agent, unit, opened, closedAt, accepted] of plan) {
      const orgId = await t.orgId(unit);
      const { id } = (await agent.request('POST', '/api/sample/cases', { orgId, title: `事项${key}` })).json<{ id: string }>();
      m[key] = id;
      if (accepted) await agent.request('POST', `/api/matters/${id}/actions`, { action: 'accept', expectedVersion: 1 });
      if (closedAt) await agent.request('POST', `/api/matters/${id}/actions`, { action: 'close', expectedVersion: 2 });
      await db.updateTable('kernel.matters').set({ openedAt: opened, closedAt }).where('id', '=', id).execute();
    }
    const zgOrg = await t.orgId('章贡区司法局');
    const deadline = async (key: string, due: string, status = 'open') => {
      const d = await db
        .transaction()
        .execute((trx) => scheduleDeadline(trx, { matterId: m[key] ?? '', ruleId: 'mediation.court-delegated', start: '2025-04-01', orgId: zgOrg }));
      await db
        .updateTable('kernel.deadlines')
        .set({ dueDate: due, status, pausedSince: status === 'paused' ? '2025-04-20' : null })
        .where('id', '=', d.id)
        .execute();
    };
    await deadline('E', '2025-05-09'); // due yesterday: overdue
    await deadline('F', '2025-05-31');
    await deadline('G', '2025-05-01', 'paused');
    await deadline('A', '2025-01-20'); // closed matter: never counted
  });
  afterAll(() => t.close());

  const q = 'ids=trend.accepted,trend.close-rate,trend.duration,trend.overdue&from=2025-01-01&to=2025-04-30';

  test('every month of the period, Asia/Shanghai months, empty months 0 and their ratios empty', async () => {
    const r = (await zg.request('GET', `/api/indicator-series?${q}`)).json<Table>();
    expect(r).toMatchObject({
      by: 'month',
      buckets: ['2025-01', '2025-02', '2025-03', '2025-04'],
      orgName: '章贡区司法局',
      from: '2025-01-01',
      to: '2025-04-30',
    });
    expect(values(r, 'trend.accepted')).toEqual([2, 3, 0, 2]); // C in February, J not in April
    expect(values(r, 'trend.close-rate')).toEqual([100, 33.33, null, 50]);
    expect(series(r, 'trend.close-rate')?.values[2]).toEqual({ value: null, numerator: 0, denominator: 0 });
    expect(series(r, 'trend.accepted')?.total).toEqual({ value: 7, numerator: 7, denominator: null });
    expect(series(r, 'trend.close-rate')?.total).toEqual({ value: 57.14, numerator: 4, denominator: 7 });
  });

  test('average duration: calendar days in Asia/Shanghai, 29 / 4 = 7.25 rounds half up to 7.3', async () => {
    const r = (await zg.request('GET', `/api/indicator-series?${q}`)).json<Table>();
    expect(series(r, 'trend.duration')?.values).toEqual([
      { value: 11.5, numerator: 23, denominator: 2 },
      { value: 6, numerator: 6, denominator: 1 },
      { value: null, numerator: 0, denominator: 0 },
      { value: 0, numerator: 0, denominator: 1 },
    ]);
    expect(series(r, 'trend.duration')?.total).toEqual({ value: 7.3, numerator: 29, denominator: 4 });
    const one = (await zg.request('GET', '/api/indicators/trend.duration?from=2025-01-01&to=2025-04-30')).json<unknown>();
    expect(one).toMatchObject({ unit: 'days', value: 7.3, numerator: 29, denominator: 4 });
  });

  test('overdue counts open matters with a running deadline past its due date on the app’s today', async () => {
    const r = (await zg.request('GET', `/api/indicator-series?${q}`)).json<Table>();
    expect(values(r, 'trend.overdue')).toEqual([0, 0, 0, 1]);
    const drill = (await zg.request('GET', '/api/indicators/trend.overdue/records')).json<{ items: { id: string }[] }>();
    expect(drill.items.map((i) => i.id)).toEqual([m.E]);
    clock.date = '2025-06-01'; // F's deadline has passed too; G stays paused
    try {
      expect((await zg.request('GET', '/api/indicators/trend.overdue')).json()).toMatchObject({ value: 2 });
    } finally {
      clock.date = '2025-05-10';
    }
  });

  test('the totals of a series equal the figures of the period', async () => {
    const r = (await zg.request('GET', `/api/indicator-series?${q}`)).json<Table>();
    const figures = (await zg.request('GET', `/api/indicator-values?${q}`)).json<
      { id: string; value: number | null; numerator: number; denominator: number | null }[]
    >();
    for (const f of figures) expect(series(r, f.id)?.total).toEqual({ value: f.value, numerator: f.numerator, denominator: f.denominator });
  });

  test('without dates the series runs from the first month with records to the current month', async () => {
    const r = (await zg.request('GET', '/api/indicator-series?ids=trend.accepted')).json<Table>();
    expect(r.buckets).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05']);
    expect(values(r, 'trend.accepted')).toEqual([2, 3, 0, 2, 1]);
  });

  test('scope: the city sees both counties; a county cannot name another; too long a period is refused', async () => {
    const city = (await leader.request('GET', `/api/indicator-series?${q}`)).json<Table>();
    expect(values(city, 'trend.accepted')).toEqual([3, 3, 0, 2]);
    expect(series(city, 'trend.duration')?.total).toEqual({ value: 6, numerator: 30, denominator: 5 });
    const nd = await t.orgId('宁都县司法局');
    expect((await zg.request('GET', `/api/indicator-series?${q}&org=${nd}`)).statusCode).toBe(404);
    expect((await zg.request('GET', `/api/indicator-breakdown?${q}&by=status&org=${nd}`)).statusCode).toBe(404);
    const long = await zg.request('GET', '/api/indicator-series?ids=trend.accepted&from=2000-01-01&to=2025-04-30');
    expect(long.statusCode).toBe(400);
    expect(long.json<{ message: string }>().message).toContain('最多 120 个月');
  });

  test('a breakdown by a dimension the source declares; buckets with nothing to show are left out', async () => {
    const r = (await zg.request('GET', `/api/indicator-breakdown?${q}&by=status`)).json<Table>();
    expect(r.by).toBe('status');
    expect(r.buckets).toEqual(['accepted', 'closed']); // H (registered) counts in no figure
    expect(values(r, 'trend.accepted')).toEqual([3, 4]);
    expect(values(r, 'trend.close-rate')).toEqual([0, 100]);
    expect(values(r, 'trend.duration')).toEqual([null, 7.3]);
    const bad = await zg.request('GET', `/api/indicator-breakdown?${q}&by=title`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ message: string }>().message).toContain('不能按“title”分组');
  });

  test('drill-down into one month and into one bucket, with the measure behind an average', async () => {
    const feb = (await zg.request('GET', '/api/indicators/trend.accepted/records?from=2025-01-01&to=2025-04-30&month=2025-02')).json<{
      total: number;
      items: { id: string }[];
    }>();
    expect(feb.total).toBe(3);
    expect(feb.items.map((i) => i.id).sort()).toEqual([m.C, m.F, m.G].sort());
    const days = (await zg.request('GET', '/api/indicators/trend.duration/records?from=2025-01-01&to=2025-04-30&by=status&key=closed')).json<{
      columns: { key: string; header: string }[];
      items: { id: string; measureValue: number }[];
    }>();
    expect(days.columns).toContainEqual({ key: 'measureValue', header: '办理天数' });
    expect(days.items.map((i) => [i.id, i.measureValue])).toEqual([
      [m.D, 0],
      [m.C, 6],
      [m.B, 13],
      [m.A, 10],
    ]);
    const nothing = (await zg.request('GET', '/api/indicators/trend.accepted/records?by=status&key=')).json<{ total: number }>();
    expect(nothing.total).toBe(0); // the null bucket: every matter has a status
    expect((await zg.request('GET', '/api/indicators/trend.accepted/records?key=closed')).statusCode).toBe(400);
    expect((await zg.request('GET', '/api/indicators/trend.accepted/records?month=2025-13')).statusCode).toBe(400);
  });

  test('series and breakdown export to Excel with a total row', async () => {
    const res = await zg.request('GET', `/api/indicator-series.xlsx?${q}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws?.getRow(1).values).toEqual([
      undefined,
      '月份',
      '受理数',
      '办结率',
      '办结率·分子',
      '办结率·分母',
      '平均办理天数',
      '平均办理天数·分子',
      '平均办理天数·分母',
      '超期未结',
    ]);
    expect(ws?.getRow(4).values).toEqual([undefined, '2025-03', 0, '—', 0, 0, '—', 0, 0, 0]);
    expect(ws?.getRow(6).values).toEqual([undefined, '合计', 7, '57.14%', 4, 7, 7.3, 29, 4, 1]);
    const by = await zg.request('GET', `/api/indicator-breakdown.xlsx?ids=trend.accepted&from=2025-01-01&to=2025-04-30&by=status`);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(by.rawPayload as unknown as ArrayBuffer);
    expect(
      wb2.worksheets[0]
        ?.getSheetValues()
        .slice(1)
        .map((row) => (row as unknown[]).slice(1)),
    ).toEqual([
      ['状态', '受理数'],
      ['accepted', 3],
      ['closed', 4],
      ['合计', 7],
    ]);
  });

  test('a month against the month before, the same month last year and the year so far (月报 同比、环比、本年累计)', async () => {
    const ids = 'ids=trend.accepted,trend.close-rate,trend.duration';
    const r = (await zg.request('GET', `/api/indicator-comparison?${ids}&month=2025-02`)).json<IndicatorComparison>();
    expect(r).toMatchObject({ month: '2025-02', previousMonth: '2025-01', lastYearMonth: '2024-02', orgName: '章贡区司法局' });
    const row = (id: string) => r.rows.find((x) => x.id === id);
    expect(row('trend.accepted')).toMatchObject({
      current: { value: 3 },
      previous: { value: 2 },
      lastYear: { value: 0 },
      yearToDate: { value: 5, numerator: 5, denominator: null },
      monthOnMonth: { kind: 'relative', value: 50 },
      yearOnYear: { kind: 'relative', value: null },
    });
    // a ratio's year so far is its numerators over its denominators: (2 + 1) / (2 + 3), not the mean of the months
    expect(row('trend.close-rate')).toMatchObject({
      current: { value: 33.33 },
      previous: { value: 100 },
      yearToDate: { value: 60, numerator: 3, denominator: 5 },
      monthOnMonth: { kind: 'points', value: -66.67 },
    });
    expect(row('trend.duration')).toMatchObject({
      current: { value: 6 },
      previous: { value: 11.5 },
      yearToDate: { value: 9.7, numerator: 29, denominator: 3 },
      monthOnMonth: { kind: 'relative', value: -47.83 },
    });
    const jan = (await zg.request('GET', `/api/indicator-comparison?${ids}&month=2025-01`)).json<IndicatorComparison>();
    expect(jan).toMatchObject({ previousMonth: '2024-12', lastYearMonth: '2024-01' });
    expect(jan.rows[0]).toMatchObject({ current: { value: 2 }, previous: { value: 0 }, yearToDate: { value: 2 } });
    // the city sees both counties
    const city = (await leader.request('GET', `/api/indicator-comparison?${ids}&month=2025-01`)).json<IndicatorComparison>();
    expect(city.rows[0]?.current.value).toBe(3);
  });

  test('a month not yet come or badly written is refused; the comparison exports to Excel', async () => {
    const future = await zg.request('GET', '/api/indicator-comparison?ids=trend.accepted&month=2025-06');
    expect(future.statusCode).toBe(400);
    expect(future.json<{ message: string }>().message).toContain('2025-06 尚未到来');
    expect((await zg.request('GET', '/api/indicator-comparison?ids=trend.accepted&month=2025-13')).statusCode).toBe(400);
    const nd = await t.orgId('宁都县司法局');
    expect((await zg.request('GET', `/api/indicator-comparison?ids=trend.accepted&month=2025-02&org=${nd}`)).statusCode).toBe(404);
    const res = await zg.request('GET', '/api/indicator-comparison.xlsx?ids=trend.accepted,trend.close-rate&month=2025-02');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(
      wb.worksheets[0]
        ?.getSheetValues()
        .slice(1)
        .map((row) => (row as unknown[]).slice(1)),
    ).toEqual([
      ['指标', '本月 (2025-02)', '上月 (2025-01)', '环比', '去年同月 (2024-02)', '同比', '本年累计 (2025-01 至 2025-02)'],
      ['受理数', 3, 2, '+50.00%', 0, '—', 5],
      ['办结率', '33.33%', '100.00%', '-66.67 个百分点', '—', '—', '60.00%'],
    ]);
  });
});
