import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixedClock, type IndicatorComparison, type IndicatorTable } from '@sifa/kernel';
import { createTestApp, type Agent, type TestApp } from '@sifa/testing';
import { MONTHLY_REPORT_FIGURES } from '../../shared/indicators';
import type { Dispute } from '../../shared/schemas';

const FIGURES = MONTHLY_REPORT_FIGURES.join(',');

// features.md M6: the monthly report's amount agreed, 防止民转刑 and 防止群体性上访 (cases and persons), 同比 and 环比.
describe('the monthly report', () => {
  let t: TestApp;
  let office: Agent;
  const ids: Record<string, string> = {};
  let agree: (id: string, extra: Record<string, unknown>) => Promise<{ statusCode: number; body: string }>;
  const clock = fixedClock('2026-04-15');

  beforeAll(async () => {
    t = await createTestApp({ clock });
    office = await t.loginAs('office');
    const orgId = await t.orgId('解放街道司法所');
    const committeeOrgId = await t.orgId('解放街道人民调解委员会');
    const parties = [{ kind: 'person', name: '王小明', idType: 'resident-id', idNumber: '11010519491231002X', role: 'applicant' }];
    const versions = new Map<string, number>();
    const act = async (id: string, action: string, body: Record<string, unknown>) => {
      const res = await office.request('POST', `/api/mediation/disputes/${id}/${action}`, { expectedVersion: versions.get(id), ...body });
      if (res.statusCode === 200) versions.set(id, res.json<{ version: number }>().version);
      return res;
    };
    agree = (id, extra) => act(id, 'reach-agreement', { kind: 'oral', effectiveOn: '2026-04-01', terms: ['当场履行'], signedBy: '双方', ...extra });
    const open = async (key: string, acceptedOn: string, category = 'neighbour') => {
      // registered, accepted and assigned on that day by the app's clock (dates in order: issue #13 item 4), which
      // then returns to the report's day
      clock.date = acceptedOn;
      const res = await office.request('POST', '/api/mediation/disputes', {
        orgId,
        category,
        source: 'window',
        summary: '相邻纠纷',
        description: '月报口径测试',
        parties,
      });
      const id = res.json<{ id: string }>().id;
      ids[key] = id;
      versions.set(id, 1);
      await act(id, 'accept', {});
      await act(id, 'assign', { committeeOrgId, mediatorName: '刘调解' });
      clock.date = '2026-04-15';
      await act(id, 'start-session', { on: '2026-04-01', place: '调解室', attendees: '双方', record: '陈述' });
    };
    await open('march', '2026-03-10');
    expect((await agree(ids.march ?? '', { amountYuan: 12_345.6, preventedCriminal: true, personsInvolved: 3 })).statusCode).toBe(200);
    await open('february', '2026-02-05');
    expect((await agree(ids.february ?? '', { amountYuan: 100, preventedMassPetition: true, personsInvolved: 25 })).statusCode).toBe(200);
    await open('lastYear', '2025-03-08');
    expect((await agree(ids.lastYear ?? '', {})).statusCode).toBe(200);
    await open('refused', '2026-03-20');
    // a category of the city's own, reported under the standard 消费 (migrations/0008_categories.sql)
    const city = await t.loginAs('city');
    const added = await city.request('POST', '/api/mediation/categories', { code: 'elderly-care', nameZh: '养老服务纠纷', reportAs: 'consumer' });
    expect(added.statusCode, added.body).toBe(201);
    await open('elderly', '2026-03-25', 'elderly-care');
  });
  afterAll(() => t.close());

  test('防止民转刑 or 防止群体性上访 without the persons involved is refused with a message to act on', async () => {
    const res = await agree(ids.refused ?? '', { preventedCriminal: true });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('认定防止民转刑或防止群体性上访的，请填写涉及人数');
    expect((await agree(ids.refused ?? '', { preventedMassPetition: true, personsInvolved: 0 })).body).toContain('涉及人数至少为 1');
  });

  test('the dispute shows the amount agreed and what was prevented', async () => {
    const d = (await office.request('GET', `/api/mediation/disputes/${ids.march ?? ''}`)).json<Dispute>();
    expect(d).toMatchObject({ agreementAmountYuan: 12_345.6, preventedCriminal: true, preventedMassPetition: false, personsInvolved: 3 });
  });

  test('March 2026 against February, against March 2025 and the year so far', async () => {
    const r = (await office.request('GET', `/api/indicator-comparison?ids=${FIGURES}&month=2026-03`)).json<IndicatorComparison>();
    const row = (id: string) => r.rows.find((x) => x.id === `mediation.${id}`);
    // March: the agreed dispute and two still in mediation
    expect(row('accepted')).toMatchObject({
      current: { value: 3 },
      previous: { value: 1 },
      lastYear: { value: 1 },
      yearToDate: { value: 4 },
      monthOnMonth: { value: 200 },
      yearOnYear: { value: 200 },
    });
    expect(row('success-rate')).toMatchObject({
      current: { value: 33.33 },
      previous: { value: 100 },
      yearToDate: { value: 50 },
      monthOnMonth: { kind: 'points', value: -66.67 },
    });
    // money is summed in fen and shown in yuan
    expect(row('agreement-amount')).toMatchObject({
      unit: 'yuan',
      current: { value: 12_345.6, numerator: 1_234_560 },
      previous: { value: 100 },
      lastYear: { value: 0 },
      yearToDate: { value: 12_445.6 },
    });
    expect(row('prevented-criminal')).toMatchObject({ current: { value: 1 }, yearToDate: { value: 1 } });
    expect(row('prevented-criminal-persons')).toMatchObject({ current: { value: 3 }, yearToDate: { value: 3 } });
    expect(row('prevented-mass-petition')).toMatchObject({ current: { value: 0 }, previous: { value: 1 }, yearToDate: { value: 1 } });
    expect(row('prevented-mass-petition-persons')).toMatchObject({
      current: { value: 0 },
      previous: { value: 25 },
      yearToDate: { value: 25 },
      monthOnMonth: { kind: 'relative', value: -100 },
    });
  });

  test('by the standard categories: a city’s own category counts under the one it is reported as, and drills down', async () => {
    const q = 'ids=mediation.accepted&from=2026-03-01&to=2026-03-31';
    const r = (await office.request('GET', `/api/indicator-breakdown?${q}&by=report-category`)).json<IndicatorTable>();
    expect(r.buckets).toEqual(['consumer', 'neighbour']);
    expect(r.series[0]?.values.map((v) => v.value)).toEqual([1, 2]);
    const drill = (
      await office.request('GET', `/api/indicators/mediation.accepted/records?${q.slice(q.indexOf('&') + 1)}&by=report-category&key=consumer`)
    ).json<{ items: { id: string }[] }>();
    expect(drill.items.map((i) => i.id)).toEqual([ids.elderly]);
  });
});
