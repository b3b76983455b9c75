import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type Agent, type Method, type TestApp } from '@sifa/testing';
import type { Workbench } from '@sifa/kernel';

const PHONE = '13907975555';
const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

// issue #13 item 1: new work reaches the right person — the office's staff on the workbench and the bell, the citizen by SMS
describe('a dispute arriving from the portal or a court import reaches the office’s workbench, its bell, and the citizen’s phone', () => {
  let t: TestApp;
  let office: Agent;
  let zhanggong: Agent;
  let officeId: string;
  let committeeId: string;

  beforeAll(async () => {
    t = await createTestApp();
    [office, zhanggong] = await Promise.all([t.loginAs('office'), t.loginAs('zhanggong')]);
    officeId = await t.orgId('解放街道司法所');
    committeeId = await t.orgId('解放街道人民调解委员会');
  });
  afterAll(() => t.close());

  const signIn = async (phone: string) => {
    await t.engine.db.deleteFrom('kernel.otpChallenges').execute();
    expect((await t.anonymous('POST', '/api/public/auth/code', { phone })).statusCode).toBe(204);
    const sms = await t.engine.db
      .selectFrom('kernel.smsOutbox')
      .select('text')
      .where('purpose', '=', 'otp')
      .orderBy('createdAt', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    const code = /验证码为 (\d{6})/.exec(sms.text)?.[1] ?? '';
    const res = await t.anonymous('POST', '/api/public/auth/login', { phone, code });
    expect(res.statusCode, res.body).toBe(200);
    const cookie = `sifa_public=${res.cookies.find((c) => c.name === 'sifa_public')?.value ?? ''}`;
    const csrf = res.json<{ csrfToken: string }>().csrfToken;
    return (method: Method, url: string, body?: unknown) => t.anonymous(method, url, body, { cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': csrf }) });
  };

  const apply = async (summary: string) => {
    const citizen = await signIn(PHONE);
    const res = await citizen('POST', '/api/public/mediation/applications', {
      officeId,
      category: 'neighbour',
      summary,
      description: '楼上住户装修噪音，协商未果',
      applicant: { name: '孙小红', idType: 'resident-id', idNumber: '11010519491231002X' },
      respondents: [{ kind: 'person', name: '周五', phone: '13800002222' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const { number } = res.json<{ number: string }>();
    const { id } = await t.engine.db.selectFrom('kernel.matters').select('id').where('number', '=', number).executeTakeFirstOrThrow();
    return { id, number };
  };
  const texts = async () =>
    (
      await t.engine.db
        .selectFrom('kernel.smsOutbox')
        .select(['text', 'purpose', 'phoneMasked'])
        .where('purpose', 'like', 'matter.%')
        .orderBy('createdAt')
        .execute()
    ).map((m) => `${m.purpose} ${m.phoneMasked} ${m.text}`);
  const contactDeadline = (matterId: string) =>
    t.engine.db
      .selectFrom('kernel.deadlines')
      .select(['id', 'status', 'startDate', 'dueDate'])
      .where('matterId', '=', matterId)
      .where('ruleId', '=', 'mediation.portal-contact')
      .executeTakeFirstOrThrow();
  const workbench = async (agent: Agent) => (await agent.request('GET', '/api/workbench')).json<Workbench>();
  const count = (w: Workbench, stage: string) => w.counts.find((c) => c.stage === stage)?.count ?? 0;

  test('an online application: the office is told, the citizen gets a receipt with the number, the 3-working-day contact deadline opens', async () => {
    const before = count(await workbench(office), 'accept');
    const { id, number } = await apply('装修噪音纠纷');

    const notes = (await office.request('GET', '/api/notifications?page=1&pageSize=20')).json<{ items: { title: string; body: string; link: string }[] }>();
    expect(notes.items[0]).toMatchObject({ title: `新到事项：${number}`, body: '装修噪音纠纷 · 网上申请 · 解放街道司法所', link: `/matters/${id}` });

    expect(await texts()).toEqual([
      `matter.receipt 139****5555 您的申请“装修噪音纠纷”已登记，编号 ${number}，由解放街道司法所办理，工作人员将尽快与您联系。凭编号和本手机号可在网上查询进度。`,
    ]);

    const deadline = await contactDeadline(id);
    expect(deadline).toMatchObject({ status: 'open', startDate: today });
    const w = await workbench(office);
    expect(count(w, 'accept')).toBe(before + 1);
    expect(w.arrivals.items[0]).toMatchObject({ number, channelZh: '网上申请', deadlineZh: '网上申请联系期限' });
  });

  test('the contact deadline shows as 已逾期 once past, and is met when staff record the contact', async () => {
    const { id } = await apply('邻居占道纠纷');
    const deadline = await contactDeadline(id);
    await t.engine.db.updateTable('kernel.deadlines').set({ warnDate: '2020-01-01', dueDate: '2020-01-03' }).where('id', '=', deadline.id).execute();
    const overdue = (await office.request('GET', '/api/workbench/items?stage=overdue&pageSize=100')).json<{ items: { id: string; deadlineZh: string }[] }>();
    expect(overdue.items).toEqual(expect.arrayContaining([expect.objectContaining({ id, deadlineZh: '网上申请联系期限' })]));

    const vague = await office.request('POST', `/api/mediation/disputes/${id}/record-contact`, { expectedVersion: 1, note: '' });
    expect(vague.statusCode).toBe(400);
    expect(vague.json<{ message: string }>().message).toContain('请写明联系情况');
    const res = await office.request('POST', `/api/mediation/disputes/${id}/record-contact`, {
      expectedVersion: 1,
      note: '已电话联系申请人，约定周三来所面谈',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ status: string }>().status).toBe('registered');
    expect((await contactDeadline(id)).status).toBe('met');
    const after = (await office.request('GET', '/api/workbench/items?stage=overdue&pageSize=100')).json<{ items: { id: string }[] }>();
    expect(after.items.some((i) => i.id === id)).toBe(false);
  });

  test('each status change is texted to the applicant: accepted (contact deadline met), mediator assigned, session, closed', async () => {
    const { id, number } = await apply('漏水赔偿纠纷');
    const sent = (await texts()).length;
    const act = async (action: string, body: Record<string, unknown>) => {
      const res = await office.request('POST', `/api/mediation/disputes/${id}/${action}`, body);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ version: number }>().version;
    };
    let v = await act('accept', { expectedVersion: 1 });
    expect((await contactDeadline(id)).status).toBe('met');
    v = await act('assign', { expectedVersion: v, committeeOrgId: committeeId, mediatorName: '刘调解' });
    // recording a second session changes no status: no second text
    v = await act('start-session', { expectedVersion: v, on: today, place: '调解室', attendees: '双方当事人', record: '第一次调解' });
    v = await act('record-session', { expectedVersion: v, on: today, place: '调解室', attendees: '双方当事人', record: '第二次调解' });
    await act('fail', { expectedVersion: v, reason: '双方分歧过大', remediesTold: true });
    expect((await texts()).slice(sent)).toEqual([
      `matter.accepted 139****5555 您的申请（编号 ${number}）已由解放街道司法所受理。`,
      `matter.assigned 139****5555 您的申请（编号 ${number}）已指派调解员，调解员将与您约定调解时间和地点。`,
      `matter.session 139****5555 您的申请（编号 ${number}）已开始调解（${today}）。`,
      `matter.closed 139****5555 您的申请（编号 ${number}）已办结：调解终止。如对办理有意见，可在网上凭编号评价。`,
    ]);
  });

  test('a dispute registered at the window sends no SMS: only an applicant who asked on the portal is texted', async () => {
    const sent = (await texts()).length;
    const res = await office.request('POST', '/api/mediation/disputes', {
      orgId: officeId,
      category: 'neighbour',
      source: 'window',
      summary: '窗口登记的纠纷',
      description: '双方因宅基地界址发生争执',
      parties: [{ kind: 'person', name: '钱六', idType: 'resident-id', idNumber: '360730199003150020', phone: '13900001111', role: 'applicant' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json<{ id: string }>();
    expect((await office.request('POST', `/api/mediation/disputes/${id}/accept`, { expectedVersion: 1 })).statusCode).toBe(200);
    expect(await texts()).toHaveLength(sent);
  });

  test('a court import tells the receiving office once per import, not once per row', async () => {
    const before = (await office.request('GET', '/api/notifications?page=1&pageSize=50')).json<{ total: number }>().total;
    const row = (caseNo: string) => ({
      courtCaseNumber: caseNo,
      courtName: '章贡区人民法院',
      kind: 'court-delegated',
      category: 'contract',
      summary: '买卖合同纠纷',
      description: '买方未按约支付货款',
      parties: [{ kind: 'person', name: '钱买方', idType: 'resident-id', idNumber: '360730198506120048', role: 'applicant' }],
    });
    const res = await zhanggong.request('POST', '/api/mediation/court-referrals/batch', {
      orgId: officeId,
      rows: [row('(2026)赣0702民诉前调901号'), row('(2026)赣0702民诉前调902号'), row('(2026)赣0702民诉前调903号')],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ created: number }>().created).toBe(3);
    const notes = (await office.request('GET', '/api/notifications?page=1&pageSize=50')).json<{ total: number; items: { title: string; body: string }[] }>();
    expect(notes.total).toBe(before + 1);
    expect(notes.items[0]?.title).toBe('导入 3 件新事项');
    expect(notes.items[0]?.body).toMatch(/^解放街道司法所：赣章调〔\d{4}〕\d+号 至 赣章调〔\d{4}〕\d+号$/);
    const w = await workbench(office);
    expect(w.arrivals.byChannel.find((c) => c.channelZh === '法院委派调解')?.count).toBe(3);
  });
});
