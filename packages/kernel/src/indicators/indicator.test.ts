import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, sampleModule, type Agent, type TestApp } from '@sifa/testing';
import { indicatorChange, indicatorValue } from '../shared/indicators';
import { addMonths } from '../deadlines/dates';

describe('indicator rounding: percentages half up to 2 decimals', () => {
  test('reconsideration mediation rate 61 / 195 = 31.28% (Ganzhou report)', () => {
    expect(indicatorValue(61, 195, 'percent', 2)).toBe(31.28);
  });
  test('mediation success rate 37,860 / 39,728 = 95.30% (Ganzhou report)', () => {
    expect(indicatorValue(37_860, 39_728, 'percent', 2)).toBe(95.3);
  });
  test('exact halves round up: 1/8 = 12.5% → 12.5, 1/16 = 6.25%, 1/32 = 3.125% → 3.13', () => {
    expect(indicatorValue(1, 32, 'percent', 2)).toBe(3.13);
    expect(indicatorValue(1, 16, 'percent', 2)).toBe(6.25);
  });
  test('a zero denominator has no value; a count is its numerator', () => {
    expect(indicatorValue(3, 0, 'percent', 2)).toBeNull();
    expect(indicatorValue(42, null, 'count', 0)).toBe(42);
  });
  test('money is summed in fen and shown in yuan: 123,456 fen = ¥1,234.56; per record 100,001 fen / 3 = ¥333.34', () => {
    expect(indicatorValue(123_456, null, 'yuan', 2)).toBe(1234.56);
    expect(indicatorValue(100_001, 3, 'yuan', 2)).toBe(333.34);
    expect(indicatorValue(0, null, 'yuan', 2)).toBe(0);
  });
  test('同比 / 环比: a percentage moves in points, any other figure by its relative change; nothing to compare with is null', () => {
    expect(indicatorChange(96.1, 95.3, 'percent', 2)).toEqual({ kind: 'points', value: 0.8 });
    expect(indicatorChange(33.33, 100, 'percent', 2)).toEqual({ kind: 'points', value: -66.67 });
    expect(indicatorChange(150, 120, 'count', 0)).toEqual({ kind: 'relative', value: 25 });
    expect(indicatorChange(6, 11.5, 'days', 1)).toEqual({ kind: 'relative', value: -47.83 });
    expect(indicatorChange(5, 0, 'count', 0)).toEqual({ kind: 'relative', value: null });
    expect(indicatorChange(null, 95.3, 'percent', 2)).toEqual({ kind: 'points', value: null });
  });
  test('months step across years', () => {
    const month = (m: string, k: number) => addMonths(`${m}-01`, k).slice(0, 7); // as indicator-compare.ts steps
    expect([month('2026-01', -1), month('2026-03', -12), month('2025-12', 1), month('2026-05', -17)]).toEqual(['2025-12', '2025-03', '2026-01', '2024-12']);
  });
  test('property: the rounded value is within half a unit of the exact ratio', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), (n, d) => {
        const v = indicatorValue(n, d, 'percent', 2);
        expect(v).not.toBeNull();
        expect(Math.abs((v ?? 0) - (100 * n) / d)).toBeLessThanOrEqual(0.005 + 1e-9);
      }),
    );
  });
});

describe('indicator engine over matters', () => {
  let t: TestApp;
  let zg: Agent;
  let leader: Agent;
  const ids: Record<string, string[]> = { zg: [], nd: [] };
  beforeAll(async () => {
    t = await createTestApp({ modules: [sampleModule] });
    zg = await t.loginAs('zhanggong');
    leader = await t.loginAs('leader');
    const nd = await t.loginAs('ningdu');
    // 章贡区: 4 accepted of which 3 closed, 1 only registered; 宁都县: 2 accepted, 0 closed.
    const plan: [Agent, string, string, number][] = [
      [zg, '章贡区司法局', 'zg', 3],
      [nd, '宁都县司法局', 'nd', 0],
    ];
    for (const [agent, unit, key, closed] of plan) {
      const orgId = await t.orgId(unit);
      const accepted = key === 'zg' ? 4 : 2;
      for (let i = 0; i < accepted + 1; i++) {
        const m = (await agent.request('POST', '/api/sample/cases', { orgId, title: `事项${i}` })).json<{ id: string }>();
        ids[key]?.push(m.id);
        if (i < accepted) await agent.request('POST', `/api/matters/${m.id}/actions`, { action: 'accept', expectedVersion: 1 });
        if (i < closed) await agent.request('POST', `/api/matters/${m.id}/actions`, { action: 'close', expectedVersion: 2 });
      }
    }
  });
  afterAll(() => t.close());

  test('a county sees its own figure with numerator and denominator', async () => {
    const r = (await zg.request('GET', '/api/indicators/sample.close-rate')).json<unknown>();
    expect(r).toMatchObject({ id: 'sample.close-rate', nameZh: '办结率', value: 75, numerator: 3, denominator: 4, orgName: '章贡区司法局' });
  });

  test('the city leader sees the whole city, any county, and a comparison by county', async () => {
    expect((await leader.request('GET', '/api/indicators/sample.close-rate')).json()).toMatchObject({ numerator: 3, denominator: 6, value: 50 });
    const nd = await t.orgId('宁都县司法局');
    expect((await leader.request('GET', `/api/indicators/sample.close-rate?org=${nd}`)).json()).toMatchObject({ numerator: 0, denominator: 2, value: 0 });
    const cmp = (await leader.request('GET', '/api/indicators/sample.accepted/by-unit')).json<{
      total: { value: number };
      rows: { orgName: string; value: number }[];
    }>();
    expect(cmp.total.value).toBe(6);
    expect(cmp.rows.find((r) => r.orgName === '章贡区司法局')?.value).toBe(4);
    expect(cmp.rows.find((r) => r.orgName === '宁都县司法局')?.value).toBe(2);
    expect(cmp.rows.filter((r) => r.orgName.endsWith('司法局'))).toHaveLength(18);
    // A ratio by county comes from the same single scan: numerator and denominator per county, the total over all.
    const rate = (await leader.request('GET', '/api/indicators/sample.close-rate/by-unit')).json<{
      total: object;
      rows: { orgName: string; numerator: number; denominator: number; value: number | null }[];
    }>();
    expect(rate.total).toMatchObject({ numerator: 3, denominator: 6, value: 50 });
    expect(rate.rows.find((r) => r.orgName === '宁都县司法局')).toMatchObject({ numerator: 0, denominator: 2, value: 0 });
    expect(rate.rows.find((r) => r.orgName === '瑞金市司法局')).toMatchObject({ numerator: 0, denominator: 0, value: null });
  });

  test('several indicators in one call equal the figures taken one by one (one scan per source)', async () => {
    const one = await Promise.all(
      ['sample.accepted', 'sample.close-rate'].map(async (id) => (await zg.request('GET', `/api/indicators/${id}`)).json<unknown>()),
    );
    const batch = (await zg.request('GET', '/api/indicator-values?ids=sample.accepted,sample.close-rate')).json<unknown[]>();
    expect(batch).toEqual(one);
    expect((await zg.request('GET', `/api/indicator-values?ids=sample.accepted&org=${await t.orgId('宁都县司法局')}`)).statusCode).toBe(404);
  });

  test('a county cannot ask for another county’s figure', async () => {
    const res = await zg.request('GET', `/api/indicators/sample.close-rate?org=${await t.orgId('宁都县司法局')}`);
    expect(res.statusCode).toBe(404);
  });

  test('a period outside the records counts nothing; a reversed period is refused', async () => {
    expect((await zg.request('GET', '/api/indicators/sample.close-rate?from=2020-01-01&to=2020-12-31')).json()).toMatchObject({
      numerator: 0,
      denominator: 0,
      value: null,
    });
    const bad = await zg.request('GET', '/api/indicators/sample.close-rate?from=2026-12-31&to=2026-01-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ message: string }>().message).toContain('开始日期不能晚于结束日期');
  });

  test('drill-down lists exactly the matters behind the numerator and the denominator', async () => {
    const num = (await zg.request('GET', '/api/indicators/sample.close-rate/records?part=numerator')).json<{
      total: number;
      items: { id: string; status: string; orgName: string }[];
    }>();
    expect(num.total).toBe(3);
    expect(num.items.every((i) => i.status === 'closed' && i.orgName === '章贡区司法局')).toBe(true);
    const den = (await zg.request('GET', '/api/indicators/sample.close-rate/records?part=denominator&pageSize=2')).json<{ total: number; items: unknown[] }>();
    expect(den.total).toBe(4);
    expect(den.items).toHaveLength(2);
  });

  test('the drill-down exports to Excel with Chinese headers', async () => {
    const res = await zg.request('GET', '/api/indicators/sample.close-rate/records.xlsx?part=numerator');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws?.getRow(1).values).toEqual([undefined, '编号', '事项', '状态', '结果', '登记时间', '办结时间', '单位']);
    expect(ws?.rowCount).toBe(4);
  });

  test('an indicator the user may not read does not exist for them', async () => {
    const admin = await t.loginAs('admin');
    expect((await admin.request('GET', '/api/indicators/sample.close-rate')).statusCode).toBe(403); // lacks kernel.indicator.read
    const list = (await zg.request('GET', '/api/indicators')).json<{ id: string }[]>();
    expect(
      list
        .map((d) => d.id)
        .filter((id) => id.startsWith('sample.'))
        .sort(),
    ).toEqual(['sample.accepted', 'sample.close-rate']);
    expect((await admin.request('GET', '/api/indicators')).statusCode).toBe(403);
  });
});
