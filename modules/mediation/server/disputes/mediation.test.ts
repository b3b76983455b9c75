import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixedClock } from '@sifa/kernel';
import { createTestApp, type Agent, type TestApp } from '@sifa/testing';

const year = Number(new Date().toLocaleString('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }));
const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

describe('people’s mediation end to end (service through HTTP)', () => {
  let t: TestApp;
  let office: Agent;
  let unitId: string;
  let committeeId: string;
  // today by default; a test that needs a past registration moves it (dates in order: issue #13 item 4)
  const clock = fixedClock(today);
  beforeAll(async () => {
    t = await createTestApp({ clock });
    office = await t.loginAs('office');
    unitId = await t.orgId('解放街道司法所');
    committeeId = await t.orgId('解放街道人民调解委员会');
  });
  afterAll(() => t.close());

  const register = async (over: Record<string, unknown> = {}) => {
    const res = await office.request('POST', '/api/mediation/disputes', {
      orgId: unitId,
      category: 'neighbour',
      source: 'window',
      summary: '王家与李家排水纠纷',
      description: '李家修建围墙堵塞排水沟，王家院内积水',
      address: '解放街道和平路 12 号',
      parties: [
        { kind: 'person', name: '王小明', idType: 'resident-id', idNumber: '11010519491231002X', phone: '13907971234', role: 'applicant' },
        { kind: 'person', name: '李大山', idType: 'resident-id', idNumber: '360702199001011232', role: 'respondent' },
      ],
      ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; number: string; version: number }>();
  };
  const act = async (id: string, action: string, body: Record<string, unknown>) => {
    const res = await office.request('POST', `/api/mediation/disputes/${id}/${action}`, body);
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
    return res.json<{ version: number; status: string }>();
  };

  test('a dispute is numbered 赣章调〔year〕N号 under the county bureau and its parties are masked', async () => {
    const d = await register();
    expect(d.number).toMatch(new RegExp(`^赣章调〔${year}〕\\d+号$`));
    const parties = await office.request('GET', `/api/matters/${d.id}/parties`);
    expect(parties.body).not.toContain('11010519491231002X');
    expect(parties.body).not.toContain('13907971234');
    expect(parties.json<{ role: string; idMasked: string }[]>().map((p) => [p.role, p.idMasked])).toEqual([
      ['applicant', '1101**********002X'],
      ['respondent', '3607**********1232'],
    ]);
  });

  test('accepting through the generic matter route is refused: the acceptance date would be lost', async () => {
    const d = await register();
    const res = await office.request('POST', `/api/matters/${d.id}/actions`, { action: 'accept', expectedVersion: 1 });
    expect(res.json<{ code: string }>().code).toBe('ACTION_NEEDS_FORM');
  });

  test('validation says what is missing, in Chinese', async () => {
    const res = await office.request('POST', '/api/mediation/disputes', {
      orgId: unitId,
      category: 'neighbour',
      source: 'court-delegated',
      summary: '案',
      description: '短',
      parties: [],
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json<{ details: { field: string; message: string }[] }>().details;
    expect(fields.map((f) => f.message)).toEqual(expect.arrayContaining(['请简述纠纷 (至少 2 个字)', '至少登记一名当事人']));
    // a category is a code of the administrator's list (纠纷类型): checked in form by the schema, in use by the server
    const noCategory = await office.request('POST', '/api/mediation/disputes', {
      orgId: unitId,
      category: '邻里',
      source: 'window',
      summary: '排水纠纷',
      description: '排水沟堵塞引发争执',
      parties: [],
    });
    expect(noCategory.json<{ details: { field: string; message: string }[] }>().details).toContainEqual({ field: 'category', message: '请选择纠纷类型' });
  });

  test('accept → assign → mediate → written agreement starts the 30-day judicial confirmation window (人民调解法 第三十三条)', async () => {
    // registered and mediated in February 2024, the agreement recorded today with the day it took effect
    clock.date = '2024-02-28';
    const d = await register();
    let v = (await act(d.id, 'accept', { expectedVersion: 1 })).version;
    v = (await act(d.id, 'assign', { expectedVersion: v, committeeOrgId: committeeId, mediatorName: '刘调解' })).version;
    v = (
      await act(d.id, 'start-session', {
        expectedVersion: v,
        on: '2024-02-28',
        place: '解放街道调解室',
        attendees: '王小明、李大山',
        record: '双方陈述，同意疏通排水沟',
      })
    ).version;
    clock.date = today;
    const agreed = await act(d.id, 'reach-agreement', {
      expectedVersion: v,
      kind: 'written',
      effectiveOn: '2024-03-01',
      terms: ['李大山于 3 日内疏通排水沟'],
      signedBy: '王小明、李大山',
    });
    expect(agreed.status).toBe('agreed');
    const deadlines = (await office.request('GET', `/api/matters/${d.id}/deadlines`)).json<{ ruleId: string; dueDate: string; status: string }[]>();
    // 2024-03-31 is a Sunday: the window ends on Monday 2024-04-01 (民事诉讼法 第八十五条).
    expect(deadlines).toEqual([
      expect.objectContaining({ ruleId: 'mediation.judicial-confirmation', dueDate: '2024-04-01', status: 'open', level: 'overdue' }),
    ]);
    const explained = deadlines[0] as unknown as { explanation: string[]; cite: { file: string; article: string } };
    expect(explained.cite.file).toBe('people-mediation-law-2010.md');
    expect(explained.explanation.join('')).toContain('2024-04-01');
    const detail = (await office.request('GET', `/api/mediation/disputes/${d.id}`)).json<{
      committeeName: string;
      mediatorName: string;
      agreementKind: string;
    }>();
    expect(detail).toMatchObject({ committeeName: '解放街道人民调解委员会', mediatorName: '刘调解', agreementKind: 'written' });
    // The written agreement was printed with its number and QR code; its public verification shows no party.
    const docs = (await office.request('GET', `/api/matters/${d.id}/documents`)).json<{ title: string; number: string; verifyUrl: string }[]>();
    expect(docs).toEqual([
      expect.objectContaining({ title: '人民调解协议书', number: expect.stringMatching(new RegExp(`^赣章调协〔${year}〕\\d+号$`)) as string }),
    ]);
    const verify = await t.anonymous('GET', `/api/public/documents/${docs[0]?.verifyUrl.split('/verify/')[1] ?? ''}`);
    expect(verify.statusCode).toBe(200);
    expect(verify.body).not.toContain('王小明');
    const sessions = (await office.request('GET', `/api/mediation/disputes/${d.id}/sessions`)).json<unknown[]>();
    expect(sessions).toHaveLength(1);
    const confirmed = await office.request('POST', `/api/mediation/disputes/${d.id}/confirmation`, {
      result: 'confirmed',
      courtName: '章贡区人民法院',
      ruledOn: '2024-03-20',
    });
    expect(confirmed.json<{ confirmationResult: string }>().confirmationResult).toBe('confirmed');
    const again = await office.request('POST', `/api/mediation/disputes/${d.id}/confirmation`, {
      result: 'dismissed',
      courtName: '章贡区人民法院',
      ruledOn: '2024-03-21',
    });
    expect(again.statusCode).toBe(409);
    const after = (await office.request('GET', `/api/matters/${d.id}/deadlines`)).json<{ status: string }[]>();
    expect(after[0]?.status).toBe('met');
  });

  test('after an agreement the follow-up visits record whether it was performed (人民调解法 第三十一条); the latest shows on the dispute', async () => {
    const d = await register({ summary: '回访测试纠纷' });
    let v = (await act(d.id, 'accept', { expectedVersion: 1 })).version;
    const early = await office.request('POST', `/api/mediation/disputes/${d.id}/follow-ups`, { visitedOn: today, performed: 'full' });
    expect(early.statusCode).toBe(409);
    expect(early.json<{ message: string }>().message).toContain('履行回访');
    v = (await act(d.id, 'assign', { expectedVersion: v, committeeOrgId: committeeId, mediatorName: '刘调解' })).version;
    v = (await act(d.id, 'start-session', { expectedVersion: v, on: today, place: '调解室', attendees: '双方', record: '记录' })).version;
    await act(d.id, 'reach-agreement', { expectedVersion: v, kind: 'oral', effectiveOn: today, terms: ['三日内疏通'], signedBy: '双方' });

    const future = await office.request('POST', `/api/mediation/disputes/${d.id}/follow-ups`, { visitedOn: '2999-01-01', performed: 'full' });
    expect(future.statusCode).toBe(400);
    expect(future.json<{ message: string }>().message).toContain('晚于今天');
    const missing = await office.request('POST', `/api/mediation/disputes/${d.id}/follow-ups`, { visitedOn: today });
    expect(missing.json<{ message: string }>().message).toContain('请选择履行情况');

    const first = await office.request('POST', `/api/mediation/disputes/${d.id}/follow-ups`, { visitedOn: today, performed: 'partial', note: '已疏通一半' });
    expect(first.statusCode, first.body).toBe(200);
    expect((await office.request('GET', `/api/mediation/disputes/${d.id}`)).json<{ performed: string }>().performed).toBe('partial');
    const second = await office.request('POST', `/api/mediation/disputes/${d.id}/follow-ups`, { visitedOn: today, performed: 'full' });
    expect(second.json<{ performed: string }[]>().map((f) => f.performed)).toEqual(['full', 'partial']);
    expect((await office.request('GET', `/api/mediation/disputes/${d.id}`)).json<{ performed: string }>().performed).toBe('full');
    const audit = await t.engine.db
      .selectFrom('kernel.auditLog')
      .select('summary')
      .where('action', '=', 'mediation.dispute.follow-up')
      .where('targetId', '=', d.id)
      .execute();
    expect(audit).toHaveLength(2);
  });

  test('a court-delegated dispute runs on the court’s 30 days from the mediator’s sign-off (特邀调解规定 第二十七条)', async () => {
    const d = await register({ source: 'court-delegated', courtCaseNumber: '(2026)赣0702民诉前调123号', courtName: '章贡区人民法院' });
    const v = (await act(d.id, 'accept', { expectedVersion: 1 })).version;
    await act(d.id, 'assign', { expectedVersion: v, committeeOrgId: committeeId, mediatorName: '刘调解' });
    const deadlines = (await office.request('GET', `/api/matters/${d.id}/deadlines`)).json<{ ruleId: string; startDate: string }[]>();
    expect(deadlines).toEqual([expect.objectContaining({ ruleId: 'mediation.court-delegated', startDate: today })]);
  });

  test('mediation that fails must tell the parties their remedies (第二十六条); a refusal ends it (第十七条)', async () => {
    const d = await register();
    let v = (await act(d.id, 'accept', { expectedVersion: 1 })).version;
    v = (await act(d.id, 'assign', { expectedVersion: v, committeeOrgId: committeeId, mediatorName: '刘调解' })).version;
    v = (await act(d.id, 'start-session', { expectedVersion: v, on: today, place: '调解室', attendees: '双方', record: '分歧较大' })).version;
    const noRemedies = await office.request('POST', `/api/mediation/disputes/${d.id}/fail`, { expectedVersion: v, reason: '分歧过大' });
    expect(noRemedies.statusCode).toBe(400);
    expect(noRemedies.body).toContain('人民调解法 第二十六条');
    expect((await act(d.id, 'fail', { expectedVersion: v, reason: '分歧过大', remediesTold: true })).status).toBe('failed');

    const e = await register();
    const w = (await act(e.id, 'accept', { expectedVersion: 1 })).version;
    const w2 = (await act(e.id, 'assign', { expectedVersion: w, committeeOrgId: committeeId, mediatorName: '刘调解' })).version;
    expect((await act(e.id, 'party-refuses', { expectedVersion: w2, partyName: '李大山' })).status).toBe('failed');
  });

  test('earlier disputes of the same party or address in the last 12 months are shown on intake', async () => {
    const first = await register({ address: '解放街道文清路 8 号' });
    const second = await register({ address: '解放街道文清路 8 号' });
    const related = (await office.request('GET', `/api/mediation/disputes/${second.id}`)).json<{ related: { number: string; reason: string }[] }>().related;
    expect(related.map((r) => r.number)).toContain(first.number);
    expect(related.find((r) => r.number === first.number)?.reason).toBe('同一当事人');
  });

  test('the success rate is successful / accepted, drillable, and the list filters and exports', async () => {
    const rate = (await office.request('GET', '/api/indicators/mediation.success-rate')).json<{ numerator: number; denominator: number; value: number }>();
    expect(rate.denominator).toBeGreaterThanOrEqual(4);
    expect(rate.numerator).toBe(2); // two agreements so far in this file (the 30-day window, the follow-up)
    expect(rate.value).toBe(Math.round((10000 * rate.numerator) / rate.denominator) / 100);
    const list = (await office.request('GET', '/api/mediation/disputes?status=agreed')).json<{ total: number; items: { status: string }[] }>();
    expect(list.total).toBe(2);
    const xlsx = await office.request('GET', '/api/mediation/disputes/export.xlsx');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  test('a county user cannot see a judicial office’s dispute of another county; the city leader reads but cannot act', async () => {
    const d = await register();
    const ningdu = await t.loginAs('ningdu');
    expect((await ningdu.request('GET', `/api/mediation/disputes/${d.id}`)).statusCode).toBe(404);
    const leader = await t.loginAs('leader');
    expect((await leader.request('GET', `/api/mediation/disputes/${d.id}`)).statusCode).toBe(200);
    expect((await leader.request('POST', `/api/mediation/disputes/${d.id}/accept`, { expectedVersion: 1 })).statusCode).toBe(403);
  });
});
