import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixedClock, type IndicatorTable } from '@sifa/kernel';
import { createTestApp, type Agent, type TestApp } from '@sifa/testing';

const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

// features.md M6 and rules.md "Indicator formulas": the monthly report's figures, trend and breakdowns.
describe('mediation indicators: trend, categories, sources, duration, overdue', () => {
  let t: TestApp;
  let office: Agent;
  const clock = fixedClock(today);
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp({ clock });
    office = await t.loginAs('office');
    const orgId = await t.orgId('解放街道司法所');
    const committeeOrgId = await t.orgId('解放街道人民调解委员会');
    const act = async (id: string, action: string, body: Record<string, unknown>) => {
      const res = await office.request('POST', `/api/mediation/disputes/${id}/${action}`, body);
      expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
      return res.json<{ version: number }>().version;
    };
    const parties = [{ kind: 'person', name: '王小明', idType: 'resident-id', idNumber: '11010519491231002X', role: 'applicant' }];
    const plan = [
      // [key, category, source, outcome, accepted, closed]
      ['court', 'contract', 'court-delegated', null, '2026-03-20T10:00:00+08:00', null],
      ['agreed', 'neighbour', 'window', 'agree', '2026-03-02T10:00:00+08:00', '2026-03-05T09:00:00+08:00'], // 3 days
      ['failed', 'neighbour', 'screening', 'fail', '2026-03-10T16:00:00+08:00', '2026-04-03T08:00:00+08:00'], // 24 days
    ] as const;
    for (const [key, category, source, outcome, acceptedAt, closedAt] of plan) {
      const court = source === 'court-delegated' ? { courtCaseNumber: '(2026)赣0702民诉前调7号', courtName: '章贡区人民法院' } : {};
      const res = await office.request('POST', '/api/mediation/disputes', {
        orgId,
        category,
        source,
        summary: '测试纠纷',
        description: '统计口径测试',
        parties,
        ...court,
      });
      const id = res.json<{ id: string }>().id;
      ids[key] = id;
      let v = await act(id, 'accept', { expectedVersion: 1 });
      // assign starts the court's 30 days for the delegated dispute (特邀调解规定 第二十七条)
      v = await act(id, 'assign', { expectedVersion: v, committeeOrgId, mediatorName: '刘调解' });
      if (outcome) v = await act(id, 'start-session', { expectedVersion: v, on: today, place: '调解室', attendees: '双方', record: '陈述' });
      if (outcome === 'agree')
        await act(id, 'reach-agreement', { expectedVersion: v, kind: 'oral', effectiveOn: today, terms: ['当场履行'], signedBy: '双方' });
      if (outcome === 'fail') await act(id, 'fail', { expectedVersion: v, reason: '分歧较大', remediesTold: true });
      // Fixed dates so the figures are exact whatever day the test runs.
      await sql`update mediation.disputes set accepted_at = ${acceptedAt} where id = ${id}`.execute(t.engine.db);
      // the closing time is the matter's (kernel.matters; mediation migrations/0010)
      await sql`update kernel.matters set closed_at = ${closedAt} where id = ${id}`.execute(t.engine.db);
    }
  });
  afterAll(() => t.close());

  const period = 'from=2026-03-01&to=2026-04-30';

  test('monthly trend of accepted, successful and the success rate, April empty', async () => {
    const r = (
      await office.request(
        'GET',
        `/api/indicator-series?ids=mediation.accepted,mediation.successful,mediation.success-rate,mediation.average-duration&${period}`,
      )
    ).json<IndicatorTable>();
    expect(r.buckets).toEqual(['2026-03', '2026-04']);
    const of = (id: string) => r.series.find((s) => s.id === id)?.values.map((v) => v.value);
    expect(of('mediation.accepted')).toEqual([3, 0]);
    expect(of('mediation.successful')).toEqual([1, 0]);
    expect(of('mediation.success-rate')).toEqual([33.33, null]);
    // (3 + 24) / 2 closed disputes, counted in their acceptance month
    expect(of('mediation.average-duration')).toEqual([13.5, null]);
  });

  test('overdue: the court-delegated dispute once its 30 days have passed, not before', async () => {
    const figure = async () => (await office.request('GET', `/api/indicators/mediation.overdue?${period}`)).json<{ value: number; unit: string }>();
    expect(await figure()).toMatchObject({ value: 0, unit: 'count' });
    clock.date = '2099-01-01';
    try {
      expect((await figure()).value).toBe(1);
      const drill = (await office.request('GET', `/api/indicators/mediation.overdue/records?${period}`)).json<{ items: { id: string }[] }>();
      expect(drill.items.map((i) => i.id)).toEqual([ids.court]);
    } finally {
      clock.date = today;
    }
  });

  test('by category and by the three source groups of the monthly report, drillable, exported with Chinese labels', async () => {
    const cat = (
      await office.request('GET', `/api/indicator-breakdown?ids=mediation.accepted,mediation.success-rate&by=category&${period}`)
    ).json<IndicatorTable>();
    expect(cat.buckets).toEqual(['contract', 'neighbour']);
    expect(cat.series[0]?.values.map((v) => v.value)).toEqual([1, 2]);
    expect(cat.series[1]?.values.map((v) => v.value)).toEqual([0, 50]);
    const groups = (await office.request('GET', `/api/indicator-breakdown?ids=mediation.accepted&by=source-group&${period}`)).json<IndicatorTable>();
    expect(groups.buckets).toEqual(['application', 'entrusted', 'proactive']);
    const drill = (await office.request('GET', `/api/indicators/mediation.accepted/records?${period}&by=source-group&key=entrusted`)).json<{
      items: { id: string }[];
    }>();
    expect(drill.items.map((i) => i.id)).toEqual([ids.court]);
    const res = await office.request('GET', `/api/indicator-breakdown.xlsx?ids=mediation.accepted&by=source-group&${period}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(
      wb.worksheets[0]
        ?.getSheetValues()
        .slice(1)
        .map((row) => (row as unknown[]).slice(1)),
    ).toEqual([
      ['来源分组', '受理纠纷'],
      ['申请调解', 1],
      ['接受委托移送调解', 1],
      ['主动调解', 1],
      ['合计', 3],
    ]);
  });

  test('the average duration’s records show the days of each closed dispute', async () => {
    const r = (await office.request('GET', `/api/indicators/mediation.average-duration/records?${period}`)).json<{
      items: { id: string; measureValue: number }[];
    }>();
    expect(r.items.map((i) => [i.id, i.measureValue])).toEqual([
      [ids.failed, 24],
      [ids.agreed, 3],
    ]);
  });
});
