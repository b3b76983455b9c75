import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixedClock, sealAudit } from '@sifa/kernel';
import { createTestApp, type Agent, type TestApp } from '@sifa/testing';
import { deemLapsedAccepted } from './jobs';

// 行政复议 end to end over HTTP: registration, intake (correction, acceptance, refusal, deemed acceptance), procedure
// (suspension, extension, conversion), decisions with their PDFs. Statute: ../shared/laws/administrative-reconsideration-law-2023.md.
const clock = fixedClock('2026-03-02');
const LI = { role: 'applicant', kind: 'person', name: '李申请', idType: 'resident-id', idNumber: '11010519491231002X', phone: '13907971234' } as const;

describe('行政复议 cases: registration, intake and procedure', () => {
  let t: TestApp;
  let county: Agent;
  let city: Agent;
  let leader: Agent;
  let office: Agent;
  let ningdu: Agent;
  let unitId: string;
  beforeAll(async () => {
    t = await createTestApp({ clock });
    [county, city, leader, office, ningdu] = await Promise.all([
      t.loginAs('zhanggong'),
      t.loginAs('city'),
      t.loginAs('leader'),
      t.loginAs('office'),
      t.loginAs('ningdu'),
    ]);
    unitId = await t.orgId('章贡区司法局');
  });
  afterAll(() => t.close());

  const body = (over: Record<string, unknown> = {}) => ({
    orgId: unitId,
    channel: 'window',
    receivedOn: '2026-03-02',
    actKnownOn: '2026-02-20',
    respondent: '章贡区市场监督管理局',
    sector: 'market-regulation',
    actType: 'penalty',
    act: '章市监罚〔2026〕8号行政处罚决定',
    request: '撤销该行政处罚决定',
    parties: [LI],
    ...over,
  });
  const register = async (over: Record<string, unknown> = {}, agent = county) => {
    const res = await agent.request('POST', '/api/reconsideration/cases', body(over));
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; number: string; version: number }>();
  };
  const detail = async (id: string) =>
    (await county.request('GET', `/api/reconsideration/cases/${id}`)).json<Record<string, unknown> & { version: number; status: string }>();
  const deadlines = async (id: string) =>
    (await county.request('GET', `/api/matters/${id}/deadlines`)).json<
      { ruleId: string; status: string; dueDate: string; extendedAmount: number; pausedDays: number }[]
    >();
  const act = async (id: string, action: string, input: Record<string, unknown>, agent = county) => {
    const { version } = await detail(id);
    return agent.request('POST', `/api/reconsideration/cases/${id}/${action}`, { expectedVersion: version, ...input });
  };

  test('registration (第三十条): number, applicant, the 5-working-day review from the day received, reconsideration-first flagged (第二十三条)', async () => {
    const c = await register({ actType: 'information-disclosure' });
    expect(c.number).toMatch(/复〔2026〕\d+号$/);
    const d = await detail(c.id);
    expect(d).toMatchObject({
      status: 'received',
      respondent: '章贡区市场监督管理局',
      reconsiderationFirst: true,
      windowDue: '2026-04-21',
      receivedOn: '2026-03-02',
    });
    // 2026-03-02 (Monday) + 5 working days = Monday 2026-03-09
    expect(await deadlines(c.id)).toEqual([expect.objectContaining({ ruleId: 'reconsideration.intake-review', dueDate: '2026-03-09', status: 'open' })]);
    const parties = (await county.request('GET', `/api/matters/${c.id}/parties`)).json<{ name: string; role: string }[]>();
    expect(parties.map((p) => [p.name, p.role])).toEqual([['李申请', 'applicant']]);
  });

  test('第二十条: past the 60-day window the application needs the reason for the delay; 第三十二条 forwarding names the agency', async () => {
    const late = await county.request('POST', '/api/reconsideration/cases', body({ actKnownOn: '2025-12-01' }));
    expect(late.statusCode).toBe(400);
    expect(late.body).toContain('申请期限已于 2026-01-30 届满');
    await register({ actKnownOn: '2025-12-01', lateReason: '住院治疗，有病历证明' });
    const forwarded = await county.request('POST', '/api/reconsideration/cases', body({ channel: 'forwarded' }));
    expect(forwarded.statusCode).toBe(400);
    expect(forwarded.body).toContain('请填写转送机关');
    await register({ channel: 'forwarded', forwardedBy: '章贡区交通运输局', actType: 'penalty', onTheSpot: true });
  });

  test('bad input is refused in Chinese naming the field, and nothing is written', async () => {
    const before = (await county.request('GET', '/api/reconsideration/cases?pageSize=1')).json<{ total: number }>().total;
    for (const [over, text] of [
      [{ respondent: '' }, '被申请人至少 2 个字'],
      [{ parties: [] }, '请至少填写一名申请人'],
      [{ parties: [{ ...LI, idNumber: '110105194912310021' }] }, '校验'],
      [{ receivedOn: '2026-02-30' }, '收到申请日期格式应为 YYYY-MM-DD'],
      [{ sector: 'x' }, '请选择行业领域'],
    ] as const) {
      const res = await county.request('POST', '/api/reconsideration/cases', body(over));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.body).toContain(text);
    }
    expect((await county.request('GET', '/api/reconsideration/cases?pageSize=1')).json<{ total: number }>().total).toBe(before);
  });

  test('permissions: county and city staff register; the leader reads; a judicial office has no access; a neighbour county sees nothing', async () => {
    await register({}, city);
    expect((await leader.request('POST', '/api/reconsideration/cases', body())).statusCode).toBe(403);
    expect((await leader.request('GET', '/api/reconsideration/cases')).statusCode).toBe(200);
    expect((await office.request('GET', '/api/reconsideration/cases')).statusCode).toBe(403);
    const c = await register();
    expect((await ningdu.request('GET', `/api/reconsideration/cases/${c.id}`)).statusCode).toBe(404);
    const theirs = (await ningdu.request('GET', '/api/reconsideration/cases')).json<{ items: { id: string }[] }>();
    expect(theirs.items.map((i) => i.id)).not.toContain(c.id);
  });

  test('第三十一条: one correction notice (with its PDF), 10 working days, the review again from the materials; a second notice is refused', async () => {
    const c = await register();
    const notice = await act(c.id, 'request-correction', { items: '请补充行政处罚决定书复印件', notifiedOn: '2026-03-03' });
    expect(notice.statusCode, notice.body).toBe(200);
    const ds = await deadlines(c.id);
    expect(ds.find((d) => d.ruleId === 'reconsideration.intake-review')?.status).toBe('met');
    // 10 working days from Tuesday 2026-03-03 → Tuesday 2026-03-17
    expect(ds.find((d) => d.ruleId === 'reconsideration.correction')).toMatchObject({ status: 'open', dueDate: '2026-03-17' });
    const docs = (await county.request('GET', `/api/matters/${c.id}/documents`)).json<{ kind: string; number: string }[]>();
    expect(docs.map((d) => d.kind)).toEqual(['reconsideration.correction-notice']);
    expect(docs[0]?.number).toMatch(/复补〔2026〕\d+号$/);
    // 视为放弃 only after the period
    const early = await act(c.id, 'abandon', { note: '逾期未补正' });
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain('补正期限至 2026-03-17 届满');
    expect((await act(c.id, 'receive-correction', { receivedOn: '2026-03-10' })).statusCode).toBe(200);
    expect((await detail(c.id)).status).toBe('received');
    const again = await act(c.id, 'request-correction', { items: '再补充', notifiedOn: '2026-03-11' });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('一次性载明');
  });

  test('受理 (ordinary): copy in 7 working days, decision in 60 days; suspension pauses it (第三十九条); one extension ≤ 30 days (第六十二条)', async () => {
    const c = await register();
    const accepted = await act(c.id, 'accept', { procedure: 'ordinary', acceptedOn: '2026-03-04' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    let ds = await deadlines(c.id);
    expect(ds.find((d) => d.ruleId === 'reconsideration.copy-to-respondent')?.dueDate).toBe('2026-03-13');
    expect(ds.find((d) => d.ruleId === 'reconsideration.decision.ordinary')?.dueDate).toBe('2026-05-06'); // 05-03 in 劳动节 → 05-06
    expect((await act(c.id, 'suspend', { ground: '申请人、被申请人因不可抗力或者其他正当理由，不能参加行政复议', from: '2026-03-10' })).statusCode).toBe(200);
    expect((await detail(c.id)).status).toBe('suspended');
    const resumed = await act(c.id, 'resume', { on: '2026-03-20' });
    expect(resumed.statusCode, resumed.body).toBe(200);
    ds = await deadlines(c.id);
    const decision = ds.find((d) => d.ruleId === 'reconsideration.decision.ordinary');
    expect(decision).toMatchObject({ status: 'open', pausedDays: 10, dueDate: '2026-05-13' });
    const tooLong = await act(c.id, 'extend', { days: 31, approvedBy: '行政复议机构负责人', reason: '案情复杂' });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('最多不得超过三十日');
    expect((await act(c.id, 'extend', { days: 30, approvedBy: '王主任', reason: '案情复杂' })).statusCode).toBe(200);
    expect((await deadlines(c.id)).find((d) => d.ruleId === 'reconsideration.decision.ordinary')).toMatchObject({ extendedAmount: 30, dueDate: '2026-06-12' });
    const twice = await act(c.id, 'extend', { days: 5, approvedBy: '王主任', reason: '再延' });
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain('最多延长 1 次');
    const decided = await act(c.id, 'decide', {
      closing: 'revoked',
      summary: '撤销被申请人作出的行政处罚决定',
      decidedOn: '2026-05-20',
      lossRecoveredYuan: 5000,
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(await detail(c.id)).toMatchObject({ status: 'decided', closing: 'revoked', closedOn: '2026-05-20', lossRecoveredFen: 500000 });
    expect((await deadlines(c.id)).every((d) => d.status === 'met')).toBe(true);
    const docs = (await county.request('GET', `/api/matters/${c.id}/documents`)).json<{ kind: string; number: string }[]>();
    expect(docs.map((d) => d.kind).sort()).toEqual(['reconsideration.decision', 'reconsideration.extension-notice']);
    expect(docs.find((d) => d.kind === 'reconsideration.decision')?.number).toMatch(/复决〔2026〕\d+号$/);
  });

  test('simplified (第五十三条) needs its ground; 30 days cannot be extended; converted to ordinary (第五十五条) it runs 60 days from acceptance', async () => {
    const c = await register();
    const noGround = await act(c.id, 'accept', { procedure: 'simplified', acceptedOn: '2026-03-03' });
    expect(noGround.statusCode).toBe(400);
    expect(noGround.body).toContain('第五十三条');
    expect((await act(c.id, 'accept', { procedure: 'simplified', acceptedOn: '2026-03-03', simplifiedGround: '属于政府信息公开案件' })).statusCode).toBe(200);
    expect((await deadlines(c.id)).find((d) => d.ruleId === 'reconsideration.copy-to-respondent.simplified')?.dueDate).toBe('2026-03-06');
    const ext = await act(c.id, 'extend', { days: 10, approvedBy: '王主任', reason: '复杂' });
    expect(ext.statusCode).toBe(409);
    expect(ext.body).toContain('简易程序的审理期限依法不得延长');
    expect((await act(c.id, 'convert', { reason: '案情复杂' })).statusCode).toBe(200);
    const ds = await deadlines(c.id);
    expect(ds.find((d) => d.ruleId === 'reconsideration.decision.simplified')?.status).toBe('cancelled');
    expect(ds.find((d) => d.ruleId === 'reconsideration.decision.ordinary')).toMatchObject({ status: 'open', dueDate: '2026-05-06' });
    expect((await act(c.id, 'convert', { reason: '再转' })).statusCode).toBe(409);
  });

  test('不予受理 names the competent body (第三十条第二款) and issues the decision; 终止 by settlement (第七十四条) closes the case', async () => {
    const c = await register();
    const noBody = await act(c.id, 'decline', { reason: '不属于本机关管辖', outsideJurisdiction: true });
    expect(noBody.statusCode).toBe(400);
    expect(noBody.body).toContain('有管辖权的行政复议机关');
    expect((await act(c.id, 'decline', { reason: '不属于本机关管辖', outsideJurisdiction: true, competentBody: '赣州市人民政府' })).statusCode).toBe(200);
    expect(await detail(c.id)).toMatchObject({ status: 'declined', competentBody: '赣州市人民政府' });
    const s = await register();
    await act(s.id, 'accept', { procedure: 'ordinary', acceptedOn: '2026-03-03' });
    expect((await act(s.id, 'terminate', { closing: 'settled', reason: '双方和解，申请人撤回申请', closedOn: '2026-03-20' })).statusCode).toBe(200);
    expect(await detail(s.id)).toMatchObject({ status: 'terminated', closing: 'settled' });
    // the plain route cannot take a typed action, nor 视为受理 (the job's permission)
    const plain = await county.request('POST', `/api/matters/${c.id}/actions`, { action: 'deemAccept', expectedVersion: 1 });
    expect([403, 409]).toContain(plain.statusCode);
  });

  test('第三十条第三款: a review period that lapses across 清明节 is deemed accepted by the job, recorded as such', async () => {
    clock.date = '2026-04-01';
    const c = await register({ receivedOn: '2026-04-01', actKnownOn: '2026-03-20' });
    // Wednesday 04-01 + 5 working days (04-02, 04-03, then 04-04..06 清明节 off, 04-07, 04-08, 04-09) → Thursday 2026-04-09
    expect((await deadlines(c.id))[0]?.dueDate).toBe('2026-04-09');
    await deemLapsedAccepted(t.engine.db, '2026-04-09'); // earlier tests' cases lapsed on 03-09; this one's last day is still the body's
    expect((await detail(c.id)).status).toBe('received');
    expect(await deemLapsedAccepted(t.engine.db, '2026-04-10')).toBe(1);
    const d = await detail(c.id);
    expect(d).toMatchObject({ status: 'accepted', deemedAccepted: true, acceptedOn: '2026-04-09', procedure: 'ordinary' });
    const timeline = (await county.request('GET', `/api/matters/${c.id}/timeline`)).json<{ action: string; note: string | null; actorName: string }[]>();
    const deemed = timeline.find((e) => e.action === 'deemAccept');
    expect(deemed?.note).toContain('视为受理（行政复议法第三十条第三款）');
    expect(deemed?.actorName).toContain('系统');
    expect((await deadlines(c.id)).find((d) => d.ruleId === 'reconsideration.decision.ordinary')?.dueDate).toBe('2026-06-08'); // 60 days from 04-09
    await sealAudit(t.engine.db);
    clock.date = '2026-03-02';
  });
});
