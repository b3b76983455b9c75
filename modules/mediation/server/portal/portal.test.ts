import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type Agent, type Method, type TestApp } from '@sifa/testing';

const PHONE = '13907971234';
const OTHER_PHONE = '13607975678';
const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

describe('people’s mediation on the public portal: a citizen applies, tracks and rates', () => {
  let t: TestApp;
  let office: Agent;
  let officeId: string;
  let committeeId: string;

  beforeAll(async () => {
    t = await createTestApp();
    office = await t.loginAs('office');
    officeId = await t.orgId('解放街道司法所');
    committeeId = await t.orgId('解放街道人民调解委员会');
  });
  afterAll(() => t.close());

  /** Signs a citizen in the way public-auth.test.ts does: code by SMS (read from the outbox), then login. */
  const signIn = async (phone: string) => {
    await t.engine.db.deleteFrom('kernel.otpChallenges').execute();
    expect((await t.anonymous('POST', '/api/public/auth/code', { phone })).statusCode).toBe(204);
    const sms = await t.engine.db.selectFrom('kernel.smsOutbox').select('text').orderBy('createdAt', 'desc').limit(1).executeTakeFirstOrThrow();
    const code = /验证码为 (\d{6})/.exec(sms.text)?.[1] ?? '';
    const res = await t.anonymous('POST', '/api/public/auth/login', { phone, code });
    expect(res.statusCode, res.body).toBe(200);
    const cookie = `sifa_public=${res.cookies.find((c) => c.name === 'sifa_public')?.value ?? ''}`;
    const csrf = res.json<{ csrfToken: string }>().csrfToken;
    return (method: Method, url: string, body?: unknown) => t.anonymous(method, url, body, { cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': csrf }) });
  };

  const application = (over: Record<string, unknown> = {}) => ({
    officeId,
    category: 'neighbour',
    summary: '楼上漏水纠纷',
    description: '楼上住户卫生间漏水，导致我家天花板损坏，协商未果',
    address: '解放街道和平路 8 号',
    applicant: { name: '王小明', idType: 'resident-id', idNumber: '11010519491231002X' },
    respondents: [
      { kind: 'person', name: '李大山', idType: 'resident-id', idNumber: '360702199001011232' },
      { kind: 'person', name: '赵四', phone: '13800001111' },
    ],
    ...over,
  });

  let number = '';

  test('the office picker lists judicial offices with their county', async () => {
    const res = await t.anonymous('GET', `/api/public/mediation/offices?q=${encodeURIComponent('解放')}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual(expect.arrayContaining([expect.objectContaining({ id: officeId, name: '解放街道司法所', countyName: '章贡区司法局' })]));
    const all = (await t.anonymous('GET', '/api/public/mediation/offices')).json<{ name: string }[]>();
    expect(all.every((o) => o.name.endsWith('司法所'))).toBe(true);
    // issue #13 item 7: every office is reachable (the list stopped at 200 of the city's 306)
    const offices = await t.engine.db
      .selectFrom('kernel.orgs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', '=', 'judicial-office')
      .where('active', '=', true)
      .executeTakeFirstOrThrow();
    expect(all.length).toBe(offices.n);
    expect(all.length).toBeGreaterThan(200);
  });

  test('applying needs a signed-in citizen; a wrong ID number or a unit that is not a judicial office is refused in Chinese', async () => {
    expect((await t.anonymous('POST', '/api/public/mediation/applications', application())).statusCode).toBe(401);
    const citizen = await signIn(PHONE);
    const badId = await citizen(
      'POST',
      '/api/public/mediation/applications',
      application({ applicant: { name: '王小明', idType: 'resident-id', idNumber: '110105194912310021' } }),
    );
    expect(badId.statusCode).toBe(400);
    expect(badId.json<{ message: string }>().message).toContain('您的证件号码有误');
    const notOffice = await citizen('POST', '/api/public/mediation/applications', application({ officeId: committeeId }));
    expect(notOffice.statusCode).toBe(400);
    expect(notOffice.json<{ message: string }>().message).toContain('请从列表中选择受理的司法所');
  });

  test('an application registers a portal dispute at the office, with the citizen’s phone, tracked by number + phone', async () => {
    const citizen = await signIn(PHONE);
    const res = await citizen('POST', '/api/public/mediation/applications', application());
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<{ number: string; officeName: string }>();
    expect(body).toEqual({ number: expect.stringMatching(/^赣章调〔\d{4}〕\d+号$/) as string, officeName: '解放街道司法所' });
    number = body.number;

    const d = await t.engine.db.selectFrom('kernel.matters').select(['id', 'orgId', 'createdBy']).where('number', '=', number).executeTakeFirstOrThrow();
    expect(d.orgId).toBe(officeId);
    const detail = (await office.request('GET', `/api/mediation/disputes/${d.id}`)).json<{ source: string; description: string }>();
    expect(detail.source).toBe('portal');
    // A respondent without an ID number is written into the description, phone masked
    expect(detail.description).toContain('赵四（个人，未提供证件号码，联系电话 138****1111）');
    const parties = (await office.request('GET', `/api/matters/${d.id}/parties`)).json<{ role: string; name: string; phoneMasked: string | null }[]>();
    expect(parties.map((p) => [p.role, p.name, p.phoneMasked])).toEqual([
      ['applicant', '王小明', '139****1234'],
      ['respondent', '李大山', null],
    ]);

    // The acting account is the inactive system account `portal`; the audit names the citizen.
    const portal = await t.engine.db.selectFrom('kernel.users').select(['id', 'active', 'roles']).where('username', '=', 'portal').executeTakeFirstOrThrow();
    expect(portal).toMatchObject({ active: false, roles: [] });
    expect(d.createdBy).toBe(portal.id);
    const audit = await t.engine.db
      .selectFrom('kernel.auditLog')
      .select(['actorId', 'actorName', 'orgId'])
      .where('action', '=', 'mediation.dispute.register')
      .where('targetId', '=', d.id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actorName: 'public:139****1234', orgId: officeId });
    const staffLogin = await t.anonymous('POST', '/api/auth/login', { username: 'portal', password: 'Sifa@2026' });
    expect(staffLogin.statusCode).not.toBe(200);

    const track = await t.anonymous('GET', `/api/public/track?number=${encodeURIComponent(number)}&phone=${PHONE}`);
    expect(track.statusCode, track.body).toBe(200);
    expect(track.json()).toMatchObject({ number, status: '已登记', closed: false });
  });

  // issue #11 items 3, 4 changed this (was: 409 "该证件号码已登记了另一个手机号", which told anyone the ID number was registered)
  test('someone else’s ID number registered with another phone cannot be taken over, and is not confirmed either', async () => {
    const other = await signIn(OTHER_PHONE);
    const res = await other('POST', '/api/public/mediation/applications', application());
    expect(res.statusCode, res.body).toBe(201);
    // the phone stays with the new application: the earlier dispute is not tracked with it
    expect((await t.anonymous('GET', `/api/public/track?number=${encodeURIComponent(number)}&phone=${OTHER_PHONE}`)).statusCode).toBe(404);
    const d = await t.engine.db.selectFrom('kernel.matters').select('id').where('number', '=', number).executeTakeFirstOrThrow();
    const parties = (await office.request('GET', `/api/matters/${d.id}/parties`)).json<{ role: string; phoneMasked: string | null }[]>();
    expect(parties.find((p) => p.role === 'applicant')?.phoneMasked).toBe('139****1234');
  });

  test('the mediator is rated once, only after the mediation ended, and only by a party', async () => {
    const citizen = await signIn(PHONE);
    const early = await citizen('POST', '/api/public/mediation/ratings', { number, score: 5 });
    expect(early.statusCode).toBe(409);
    expect(early.json<{ message: string }>().message).toContain('调解尚未结束');
    expect((await citizen('GET', `/api/public/mediation/ratings?number=${encodeURIComponent(number)}`)).json()).toEqual({ eligible: false, rating: null });

    const { id } = await t.engine.db.selectFrom('kernel.matters').select('id').where('number', '=', number).executeTakeFirstOrThrow();
    const act = async (action: string, body: Record<string, unknown>) => {
      const res = await office.request('POST', `/api/mediation/disputes/${id}/${action}`, body);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ version: number }>().version;
    };
    let v = await act('accept', { expectedVersion: 1 });
    v = await act('assign', { expectedVersion: v, committeeOrgId: committeeId, mediatorName: '刘调解' });
    v = await act('start-session', { expectedVersion: v, on: today, place: '调解室', attendees: '王小明、李大山', record: '双方同意修缮' });
    await act('reach-agreement', { expectedVersion: v, kind: 'oral', effectiveOn: today, terms: ['李大山负责修缮'], signedBy: '王小明、李大山' });

    expect((await citizen('GET', `/api/public/mediation/ratings?number=${encodeURIComponent(number)}`)).json()).toEqual({ eligible: true, rating: null });
    const stranger = await signIn(OTHER_PHONE);
    expect((await stranger('POST', '/api/public/mediation/ratings', { number, score: 1 })).json<{ code: string }>().code).toBe('TRACK_NOT_FOUND');
    const bad = await citizen('POST', '/api/public/mediation/ratings', { number, score: 6 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ message: string }>().message).toContain('请选择 1 至 5 星');

    const rated = await citizen('POST', '/api/public/mediation/ratings', { number, score: 5, comment: '调解员很耐心' });
    expect(rated.statusCode, rated.body).toBe(201);
    expect(rated.json()).toMatchObject({ eligible: false, rating: { score: 5, comment: '调解员很耐心' } });
    const again = await citizen('POST', '/api/public/mediation/ratings', { number, score: 4 });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ message: string }>().message).toContain('每件纠纷只能评价一次');
    const audit = await t.engine.db.selectFrom('kernel.auditLog').select('actorName').where('action', '=', 'mediation.dispute.rate').executeTakeFirstOrThrow();
    expect(audit.actorName).toBe('public:139****1234');
  });

  test('the console shows the citizens’ rating on the dispute, on its mediator and as dashboard indicators (issue #13 item 9)', async () => {
    const { id } = await t.engine.db.selectFrom('kernel.matters').select('id').where('number', '=', number).executeTakeFirstOrThrow();
    const ratings = await office.request('GET', `/api/mediation/disputes/${id}/ratings`);
    expect(ratings.statusCode, ratings.body).toBe(200);
    expect(ratings.json()).toMatchObject({ count: 1, average: 5, satisfied: 1, items: [{ score: 5, comment: '调解员很耐心' }] });
    expect(ratings.body).not.toContain('139');

    const added = await office.request('POST', `/api/mediation/registry/committees/${committeeId}/mediators`, {
      name: '刘调解',
      gender: 'male',
      position: 'member',
      employment: 'part-time',
    });
    expect(added.statusCode, added.body).toBe(201);
    const listed = await office.request('GET', `/api/mediation/registry/mediators?q=${encodeURIComponent('刘调解')}`);
    expect(listed.json<{ items: { name: string; ratingCount: number; ratingAverage: number | null }[] }>().items).toEqual([
      expect.objectContaining({ name: '刘调解', ratingCount: 1, ratingAverage: 5 }),
    ]);

    const average = (await office.request('GET', '/api/indicators/mediation.rating-average')).json<{ value: number; numerator: number; denominator: number }>();
    expect(average).toMatchObject({ value: 5, numerator: 5, denominator: 1 });
    const satisfied = (await office.request('GET', '/api/indicators/mediation.rating-satisfied')).json<{
      value: number;
      numerator: number;
      denominator: number;
    }>();
    expect(satisfied).toMatchObject({ value: 100, numerator: 1, denominator: 1 });
    const records = await office.request('GET', '/api/indicators/mediation.rating-satisfied/records');
    expect(records.statusCode, records.body).toBe(200);
    expect(records.body).toContain(number);
  });
});
