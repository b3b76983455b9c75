import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixedClock } from '@sifa/kernel';
import { createTestApp, type Agent, type TestApp } from '@sifa/testing';

// 法律援助's service and route test on a real database (../shared/laws/legal-aid-law-2021.md). The clock stands on
// 2026-09-30: the 3-day assignment then runs into National Day (10-01..10-07) and ends 2026-10-08.
describe('法律援助: apply, review, assign, handle, close', () => {
  let t: TestApp;
  let county: Agent;
  let neighbour: Agent;
  let unitId: string;
  let centreId: string;
  const clock = fixedClock('2026-09-30');
  beforeAll(async () => {
    t = await createTestApp({ clock });
    county = await t.loginAs('zhanggong');
    neighbour = await t.loginAs('ningdu');
    unitId = await t.orgId('章贡区司法局');
    centreId = await t.orgId('章贡区法律援助中心');
  });
  afterAll(() => t.close());

  const ids: Record<string, string> = { 王小明: '11010519491231002X', 李四: '110105198001010016' };
  const applicant = (name = '王小明') => ({ kind: 'person', name, idType: 'resident-id', idNumber: ids[name], phone: '13900001111' });
  const apply = (over: Record<string, unknown> = {}) =>
    county.request('POST', '/api/legal-aid/cases', {
      orgId: unitId,
      channel: 'window',
      category: 'labour',
      monthlyIncomeYuan: 1200,
      applicant: applicant(),
      summary: '被拖欠工资三个月',
      ...over,
    });
  const detail = async (id: string) =>
    (await county.request('GET', `/api/legal-aid/cases/${id}`)).json<Record<string, unknown> & { version: number; progress: unknown[] }>();
  const act = (id: string, action: string, body: Record<string, unknown>) => county.request('POST', `/api/legal-aid/cases/${id}/${action}`, body);
  const deadlines = async (id: string) =>
    (await county.request('GET', `/api/matters/${id}/deadlines`)).json<{ ruleId: string; dueDate: string; status: string }[]>();
  const addLawyer = async (over: Record<string, unknown>) => {
    const res = await county.request('POST', '/api/legal-aid/lawyers', {
      orgId: centreId,
      kind: 'firm-lawyer',
      firm: '赣州某律师事务所',
      practiceYears: 5,
      phone: '13700001234',
      ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; name: string; phone: string }>();
  };

  test('an application is registered with its number, the eligible article and the 7-day review (第四十三条)', async () => {
    const res = await apply();
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json<{ id: string; number: string; status: string }>();
    expect(m.status).toBe('applied');
    expect(m.number).toMatch(/援〔2026〕\d+号$/);
    const d = await detail(m.id);
    expect(d).toMatchObject({ eligible: true, meansTest: 'income', eligibilityArticle: '第三十一条第（五）项', receivedOn: '2026-09-30' });
    expect(d.eligibilityBasis).toContain('《法律援助法》第三十一条第（五）项、第三十四条');
    // 7 days from 2026-09-30 end on National Day 10-07 → 2026-10-08
    expect(await deadlines(m.id)).toEqual([expect.objectContaining({ ruleId: 'legal-aid.review', dueDate: '2026-10-08', status: 'open' })]);
  });

  test('bad input is answered 400 with a Chinese message naming the field, and nothing is written', async () => {
    const before = (await county.request('GET', '/api/legal-aid/cases')).json<{ total: number }>().total;
    const res = await apply({ category: 'nope' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('请选择援助事项类别');
    const notice = await apply({ channel: 'notice', category: 'criminal-notified' });
    expect(notice.statusCode).toBe(400);
    expect(notice.body).toContain('请选择通知机关');
    const routed = await apply({ receivedAt: '沙石镇公共法律服务工作站' });
    expect(routed.body).toContain('请说明转由本机构办理的理由');
    expect((await county.request('GET', '/api/legal-aid/cases')).json<{ total: number }>().total).toBe(before);
  });

  test('第三十二条 and 第四十二条 groups are shown as such; a commitment is recorded (告知承诺)', async () => {
    const exempt = (await apply({ category: 'other-civil', noMeansTest: 'abuse-victim', monthlyIncomeYuan: 9000 })).json<{ id: string }>();
    expect(await detail(exempt.id)).toMatchObject({ eligible: true, meansTest: 'exempt' });
    const promised = (await apply({ monthlyIncomeYuan: undefined, commitment: true })).json<{ id: string }>();
    expect(await detail(promised.id)).toMatchObject({ eligible: true, meansTest: 'commitment', commitment: true });
  });

  test('missing materials are listed once and the review waits; supplied, it runs again (第四十三条第二款)', async () => {
    const { id } = (await apply()).json<{ id: string }>();
    const asked = await act(id, 'request-materials', { expectedVersion: 1, materials: '劳动合同或工资条' });
    expect(asked.statusCode, asked.body).toBe(200);
    expect((await deadlines(id))[0]).toMatchObject({ status: 'paused' });
    expect(await detail(id)).toMatchObject({ status: 'awaiting-materials', materialsRequested: '劳动合同或工资条' });
    const supplied = await act(id, 'supply-materials', { expectedVersion: 2 });
    expect(supplied.statusCode, supplied.body).toBe(200);
    expect((await deadlines(id))[0]).toMatchObject({ status: 'open' });
  });

  test('same day: applied, granted and assigned on 2026-09-30 — the rotation suggests the least loaded, the client sees who and how to reach them', async () => {
    const a = await addLawyer({ name: '甲律师' });
    await addLawyer({ name: '乙律师', practiceYears: 1 });
    const { id } = (await apply()).json<{ id: string }>();
    const granted = await act(id, 'grant', { expectedVersion: 1 });
    expect(granted.statusCode, granted.body).toBe(200);
    expect((await deadlines(id)).find((d) => d.status === 'open')).toMatchObject({ ruleId: 'legal-aid.assignment', dueDate: '2026-10-08' });
    const s = (await county.request('GET', `/api/legal-aid/cases/${id}/lawyer-suggestion`)).json<{ lawyer: { name: string } | null; reasonZh: string }>();
    expect(s.lawyer?.name).toBe('甲律师');
    expect(s.reasonZh).toContain('轮流指派');
    const assigned = await act(id, 'assign', { expectedVersion: 2, lawyerId: a.id });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const d = await detail(id);
    expect(d).toMatchObject({ status: 'assigned', lawyerName: '甲律师', sameDay: true, assignedOn: '2026-09-30' });
    expect(JSON.stringify(d.progress)).toContain('137****1234');
    expect((await deadlines(id)).every((x) => x.status !== 'open')).toBe(true);

    // the next suggestion rotates to the one with fewer open cases
    const next = (await apply({ applicant: applicant('李四') })).json<{ id: string }>();
    await act(next.id, 'grant', { expectedVersion: 1 });
    const s2 = (await county.request('GET', `/api/legal-aid/cases/${next.id}/lawyer-suggestion`)).json<{ lawyer: { name: string } | null }>();
    expect(s2.lawyer?.name).toBe('乙律师');

    // the lawyer records progress, then the case closes with the benefit recovered (第五十条)
    const met = await act(id, 'record-progress', { expectedVersion: 3, kind: 'meeting', note: '会见受援人，了解欠薪情况', date: '2026-09-30' });
    expect(met.statusCode, met.body).toBe(200);
    const closed = await act(id, 'close', { expectedVersion: 4, outcome: '仲裁调解结案，用人单位支付工资', benefitYuan: 18500.5 });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(await detail(id)).toMatchObject({ status: 'closed', benefitFen: 1850050 });
  });

  test('第二十六条: a possible death sentence goes only to a lawyer with 3 years; a court notice runs 3 days from receipt (第三十六条)', async () => {
    const junior = await addLawyer({ name: '丙律师', practiceYears: 2 });
    const res = await apply({
      channel: 'notice',
      category: 'criminal-notified',
      notifiedBy: 'court',
      notifyingOrgan: '赣州市中级人民法院',
      capitalCase: true,
      receivedOn: '2026-09-29',
      monthlyIncomeYuan: undefined,
      summary: '被告人涉嫌故意杀人，可能判处死刑',
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json<{ id: string }>();
    expect(await deadlines(id)).toEqual([expect.objectContaining({ ruleId: 'legal-aid.assignment', dueDate: '2026-10-08' })]);
    expect(await detail(id)).toMatchObject({ meansTest: 'not-required', eligibilityArticle: '第二十五条', capitalCase: true });
    await act(id, 'grant', { expectedVersion: 1 });
    // the notice's deadline is the one that runs: granting does not restart it
    expect((await deadlines(id)).filter((d) => d.status === 'open')).toEqual([
      expect.objectContaining({ ruleId: 'legal-aid.assignment', dueDate: '2026-10-08' }),
    ]);
    const refused = await act(id, 'assign', { expectedVersion: 2, lawyerId: junior.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('三年以上相关执业经历');
    expect(await detail(id)).toMatchObject({ status: 'granted', lawyerId: null });
  });

  test('a refusal gives reasons; the objection goes to the bureau (5 days, 第四十九条), which may order correction', async () => {
    const { id } = (await apply({ monthlyIncomeYuan: 8000 })).json<{ id: string }>();
    expect(await detail(id)).toMatchObject({ eligible: false, meansTest: 'failed' });
    const noReason = await act(id, 'refuse', { expectedVersion: 1, reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('请填写不予法律援助的理由');
    expect((await act(id, 'refuse', { expectedVersion: 1, reason: '家庭人均月收入超过本地标准' })).statusCode).toBe(200);
    expect((await act(id, 'object', { expectedVersion: 2, reason: '收入计算有误' })).statusCode).toBe(200);
    expect((await deadlines(id)).find((d) => d.status === 'open')).toMatchObject({ ruleId: 'legal-aid.objection', dueDate: '2026-10-08' });
    const corrected = await act(id, 'order-correction', { expectedVersion: 3, reason: '收入认定有误，重新审查' });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(await detail(id)).toMatchObject({ status: 'applied' });
    expect((await deadlines(id)).find((d) => d.status === 'open')).toMatchObject({ ruleId: 'legal-aid.review' });
  });

  test('a judicial office registers but may not decide; a neighbour county sees nothing of ours (404)', async () => {
    const office = await t.loginAs('office');
    const { id } = (await apply()).json<{ id: string }>();
    const grant = await office.request('POST', `/api/legal-aid/cases/${id}/grant`, { expectedVersion: 1 });
    expect([403, 404]).toContain(grant.statusCode);
    expect((await neighbour.request('GET', `/api/legal-aid/cases/${id}`)).statusCode).toBe(404);
    const list = await neighbour.request('GET', '/api/legal-aid/cases');
    expect(list.body).not.toContain('王小明');
  });

  test('the list filters and exports to Excel', async () => {
    const res = await county.request('GET', '/api/legal-aid/cases?status=closed');
    expect(res.json<{ items: { status: string }[] }>().items.every((c) => c.status === 'closed')).toBe(true);
    const x = await county.request('GET', '/api/legal-aid/cases/export.xlsx?category=labour');
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
  });

  test('the figures: applications, grants, grant rate, same-day rate and commitment share (counted by the day received)', async () => {
    const get = async (ind: string) =>
      (await county.request('GET', `/api/indicators/${ind}?org=${unitId}`)).json<{ numerator: number; denominator: number | null; value: number | null }>();
    const apps = await get('legal-aid.applications');
    expect(apps.numerator).toBe(9); // every application above that was accepted for registration
    const sameDay = await get('legal-aid.same-day-rate');
    expect(sameDay).toMatchObject({ numerator: 1, denominator: 1, value: 100 });
    const grants = await get('legal-aid.grants');
    expect(grants.numerator).toBe(3); // the same-day case, the second labour case and the notified case
    const rate = await get('legal-aid.grant-rate');
    expect(rate.denominator).toBe(3); // the refusal was corrected back to review, so it is undecided again
    const share = await get('legal-aid.commitment-share');
    expect(share.numerator).toBe(1);
  });
});
