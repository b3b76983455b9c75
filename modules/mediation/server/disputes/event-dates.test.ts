import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixedClock } from '@sifa/kernel';
import { createTestApp, type Agent, type TestApp } from '@sifa/testing';

// issue #13 item 4: before, a session before the registration and a court ruling 11 months before the agreement were
// accepted; after, the kernel's one check refuses them with both dates named.
describe('dates in order on every dispute action', () => {
  let t: TestApp;
  let office: Agent;
  let unitId: string;
  let committeeId: string;
  const clock = fixedClock('2026-03-05');

  beforeAll(async () => {
    t = await createTestApp({ clock });
    office = await t.loginAs('office');
    unitId = await t.orgId('解放街道司法所');
    committeeId = await t.orgId('解放街道人民调解委员会');
  });
  afterAll(() => t.close());

  const post = (id: string, action: string, body: Record<string, unknown>) => office.request('POST', `/api/mediation/disputes/${id}/${action}`, body);
  const ok = async (id: string, action: string, body: Record<string, unknown>) => {
    const res = await post(id, action, body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ version: number }>().version;
  };
  /** A dispute registered on 2026-03-05, accepted and assigned that day. */
  async function assigned() {
    clock.date = '2026-03-05';
    const res = await office.request('POST', '/api/mediation/disputes', {
      orgId: unitId,
      category: 'neighbour',
      source: 'window',
      summary: '相邻排水纠纷',
      description: '排水沟堵塞引发争执',
      parties: [{ kind: 'person', name: '王小明', idType: 'resident-id', idNumber: '11010519491231002X', role: 'applicant' }],
    });
    const id = res.json<{ id: string }>().id;
    let v = await ok(id, 'accept', { expectedVersion: 1 });
    v = await ok(id, 'assign', { expectedVersion: v, committeeOrgId: committeeId, mediatorName: '刘调解' });
    clock.date = '2026-12-06';
    return { id, v };
  }
  const session = (on: string) => ({ on, place: '调解室', attendees: '双方当事人', record: '双方陈述' });

  test('a session before the registration is refused, naming both dates', async () => {
    const { id, v } = await assigned();
    const res = await post(id, 'start-session', { expectedVersion: v, ...session('2026-03-01') });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'EVENT_DATE_OUT_OF_ORDER',
      message: '日期先后不对：调解日期 2026-03-01 早于登记日期 2026-03-05，请核对后重新填写',
      details: [{ field: 'on', message: '调解日期 2026-03-01 早于登记日期 2026-03-05' }],
    });
    // nothing was recorded: the dispute is still assigned, at the same version
    expect((await post(id, 'start-session', { expectedVersion: v, ...session('2026-03-05') })).statusCode).toBe(200);
  });

  test('a session after today is refused', async () => {
    const { id, v } = await assigned();
    const res = await post(id, 'start-session', { expectedVersion: v, ...session('2026-12-07') });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ message: string }>().message).toContain('调解日期 2026-12-07 晚于今天 2026-12-06');
  });

  test('an agreement before the last session is refused; a court ruling 11 months before the agreement too', async () => {
    const { id, v } = await assigned();
    let w = await ok(id, 'start-session', { expectedVersion: v, ...session('2026-03-10') });
    w = await ok(id, 'record-session', { expectedVersion: w, ...session('2026-04-20') });
    const agreement = { kind: 'oral', terms: ['三日内疏通排水沟'], signedBy: '双方当事人' };
    const early = await post(id, 'reach-agreement', { expectedVersion: w, ...agreement, effectiveOn: '2026-04-01' });
    expect(early.json<{ message: string }>().message).toContain('协议生效日期 2026-04-01 早于调解日期 2026-04-20');
    await ok(id, 'reach-agreement', { expectedVersion: w, ...agreement, effectiveOn: '2026-11-20' });

    const ruling = await office.request('POST', `/api/mediation/disputes/${id}/confirmation`, {
      result: 'confirmed',
      courtName: '章贡区人民法院',
      ruledOn: '2025-12-20',
    });
    expect(ruling.statusCode).toBe(400);
    expect(ruling.json()).toMatchObject({
      code: 'EVENT_DATE_OUT_OF_ORDER',
      details: [{ field: 'ruledOn', message: '裁定日期 2025-12-20 早于协议生效日期 2026-11-20' }],
    });
    const right = await office.request('POST', `/api/mediation/disputes/${id}/confirmation`, {
      result: 'confirmed',
      courtName: '章贡区人民法院',
      ruledOn: '2026-12-01',
    });
    expect(right.statusCode, right.body).toBe(200);
  });

  test('the console reads the dispute’s dated events to check its forms before sending', async () => {
    const { id, v } = await assigned();
    await ok(id, 'start-session', { expectedVersion: v, ...session('2026-03-10') });
    const res = await office.request('GET', `/api/matters/${id}/event-dates`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      today: '2026-12-06',
      events: [
        { label: '登记日期', on: '2026-03-05' },
        { label: '受理日期', on: '2026-03-05' },
        { label: '指派调解日期', on: '2026-03-05' },
        { label: '调解日期', on: '2026-03-10' },
      ],
    });
  });
});
