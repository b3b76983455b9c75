import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, sampleModule, type Agent, type TestApp } from '@sifa/testing';

const year = Number(new Date().toLocaleString('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }));

describe('matters: numbering, workflow, timeline, concurrency', () => {
  let t: TestApp;
  let zhanggong: Agent;
  let office: Agent;
  let ningdu: Agent;
  let zgOrg: string;
  beforeAll(async () => {
    t = await createTestApp({ modules: [sampleModule] });
    [zhanggong, office, ningdu] = await Promise.all([t.loginAs('zhanggong'), t.loginAs('office'), t.loginAs('ningdu')]);
    zgOrg = await t.orgId('章贡区司法局');
  });
  afterAll(() => t.close());

  const open = async (agent: Agent, orgId: string, title = '邻里纠纷') => {
    const res = await agent.request('POST', '/api/sample/cases', { orgId, title });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; number: string; version: number; status: string }>();
  };

  test('numbers run per module, numbering unit and year; a judicial office numbers under its county bureau', async () => {
    const a = await open(zhanggong, zgOrg);
    const b = await open(zhanggong, zgOrg);
    const c = await open(office, await t.orgId('解放街道司法所'));
    const d = await open(ningdu, await t.orgId('宁都县司法局'));
    expect([a.number, b.number, c.number]).toEqual([`赣章样〔${year}〕1号`, `赣章样〔${year}〕2号`, `赣章样〔${year}〕3号`]);
    expect(d.number).toBe(`赣宁样〔${year}〕1号`);
    expect(a.status).toBe('registered');
    expect(a.version).toBe(1);
  });

  test('the allowed actions come from the transition table and the user’s permissions', async () => {
    const m = await open(zhanggong, zgOrg);
    const detail = await zhanggong.request('GET', `/api/matters/${m.id}`);
    expect(detail.json<{ actions: { action: string; labelZh: string }[] }>().actions).toEqual([
      { action: 'accept', labelZh: '受理', labelEn: 'Accept', needsForm: false },
      { action: 'decline', labelZh: '不予受理', labelEn: 'Decline', needsForm: true },
    ]);
    const city = await t.loginAs('city'); // may read, may not act
    expect((await city.request('GET', `/api/matters/${m.id}`)).json<{ actions: unknown[] }>().actions).toEqual([]);
    const refused = await city.request('POST', `/api/matters/${m.id}/actions`, { action: 'accept', expectedVersion: 1 });
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ code: string }>().code).toBe('FORBIDDEN');
  });

  test('an action the status does not allow is refused with the status and action named', async () => {
    const m = await open(zhanggong, zgOrg);
    expect((await zhanggong.request('POST', `/api/matters/${m.id}/actions`, { action: 'accept', expectedVersion: 1 })).statusCode).toBe(200);
    const again = await zhanggong.request('POST', `/api/matters/${m.id}/actions`, { action: 'accept', expectedVersion: 2 });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'INVALID_TRANSITION', message: '事项当前状态为“已受理”，不能执行“受理”' });
  });

  test('an action that needs its form cannot be taken on the generic route, only on the module’s', async () => {
    const m = await open(zhanggong, zgOrg);
    const generic = await zhanggong.request('POST', `/api/matters/${m.id}/actions`, { action: 'decline', expectedVersion: 1 });
    expect(generic.json<{ code: string }>().code).toBe('ACTION_NEEDS_FORM');
    const noReason = await zhanggong.request('POST', `/api/sample/cases/${m.id}/decline`, { expectedVersion: 1, reason: '' });
    expect(noReason.statusCode).toBe(400);
    const ok = await zhanggong.request('POST', `/api/sample/cases/${m.id}/decline`, { expectedVersion: 1, reason: '不属于人民调解范围' });
    expect(ok.json()).toMatchObject({ status: 'declined', outcome: 'declined', version: 2 });
    expect(ok.json<{ closedAt: string | null }>().closedAt).not.toBeNull();
  });

  test('the timeline is the append-only action log and every action is audited', async () => {
    const m = await open(zhanggong, zgOrg, '宅基地纠纷');
    await zhanggong.request('POST', `/api/matters/${m.id}/actions`, { action: 'accept', expectedVersion: 1, note: '材料齐全' });
    await zhanggong.request('POST', `/api/matters/${m.id}/actions`, { action: 'close', expectedVersion: 2 });
    const timeline = (await zhanggong.request('GET', `/api/matters/${m.id}/timeline`)).json<
      { action: string; fromStatus: string | null; toStatus: string; actorName: string; note: string | null }[]
    >();
    expect(timeline.map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([
      ['register', null, 'registered'],
      ['accept', 'registered', 'accepted'],
      ['close', 'accepted', 'closed'],
    ]);
    expect(timeline[1]).toMatchObject({ actorName: '张县局', note: '材料齐全' });
    const audit = await t.engine.db.selectFrom('kernel.auditLog').select('action').where('targetId', '=', m.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['sample.case.register', 'sample.case.accept', 'sample.case.close']);
  });

  test('two users acting on one matter at once: one succeeds, the other gets a conflict, nothing is lost', async () => {
    const m = await open(zhanggong, zgOrg);
    const other = await t.loginAs('zhanggong');
    const results = await Promise.all([
      zhanggong.request('POST', `/api/matters/${m.id}/actions`, { action: 'accept', expectedVersion: 1, note: '甲' }),
      other.request('POST', `/api/matters/${m.id}/actions`, { action: 'accept', expectedVersion: 1, note: '乙' }),
      other.request('POST', `/api/matters/${m.id}/actions`, { action: 'accept', expectedVersion: 1, note: '丙' }),
    ]);
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 409, 409]);
    const conflict = results.find((r) => r.statusCode === 409);
    expect(conflict?.json<{ code: string; message: string }>().message).toMatch(/已被他人更新/);
    const timeline = (await zhanggong.request('GET', `/api/matters/${m.id}/timeline`)).json<unknown[]>();
    expect(timeline).toHaveLength(2);
    expect((await zhanggong.request('GET', `/api/matters/${m.id}`)).json<{ matter: { version: number } }>().matter.version).toBe(2);
  });

  test('another county’s matter does not exist for the caller', async () => {
    const m = await open(ningdu, await t.orgId('宁都县司法局'));
    expect((await zhanggong.request('GET', `/api/matters/${m.id}`)).statusCode).toBe(404);
    expect((await zhanggong.request('POST', `/api/matters/${m.id}/actions`, { action: 'accept', expectedVersion: 1 })).statusCode).toBe(404);
  });
});
