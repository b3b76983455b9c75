import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type Agent, type Method, type TestApp } from '@sifa/testing';

// 章贡区's person; 宁都县 (the neighbour county) learns the ID number and the name somehow.
const ZHANG = { kind: 'person', name: '张秀英', idType: 'resident-id', idNumber: '360702198506061230' } as const;
// Another of 章贡区's people, whose ID number 宁都县 tries under another name.
const LIU = { kind: 'person', name: '刘建国', idType: 'resident-id', idNumber: '360702197607071230' } as const;
const OWN_PHONE = '13907970101';
const ATTACKER_PHONE = '13607970202';
// An ID number nobody registered (GB 11643 check character computed).
const UNREGISTERED = '360702199203031231';

type PartyRow = { partyId: string; role: string; name: string; phoneMasked: string | null };

/**
 * Issue #11 items 3 and 4 (docs/adr/0018-party-records-per-unit.md): a unit that names a person another unit registered
 * links the person and changes nothing of theirs, reads nothing it did not record itself, and gets the answer it would
 * get for an ID number nobody registered — as staff, and as a citizen on the portal.
 */
describe('a person registered by another unit: linked, never changed, never revealed', () => {
  let t: TestApp;
  let office: Agent;
  let zhanggong: Agent;
  let ningdu: Agent;
  let officeId: string;
  let ningduId: string;
  let own: { id: string; number: string };
  let liuMatter: string;

  const dispute = (orgId: string, party: Record<string, unknown>) => ({
    orgId,
    category: 'neighbour',
    source: 'window',
    summary: '宅基地纠纷',
    description: '双方就宅基地边界发生争议',
    parties: [{ ...party, role: 'applicant' }],
  });
  const partiesOf = async (agent: Agent, id: string) => (await agent.request('GET', `/api/matters/${id}/parties`)).json<PartyRow[]>();
  const track = (number: string, phone: string) => t.anonymous('GET', `/api/public/track?number=${encodeURIComponent(number)}&phone=${phone}`);

  beforeAll(async () => {
    t = await createTestApp();
    [office, zhanggong, ningdu] = await Promise.all([t.loginAs('office'), t.loginAs('zhanggong'), t.loginAs('ningdu')]);
    [officeId, ningduId] = await Promise.all([t.orgId('解放街道司法所'), t.orgId('宁都县司法局')]);
    const res = await office.request('POST', '/api/mediation/disputes', dispute(officeId, { ...ZHANG, phone: OWN_PHONE }));
    expect(res.statusCode, res.body).toBe(201);
    own = res.json<{ id: string; number: string }>();
    const liu = await office.request('POST', '/api/mediation/disputes', dispute(officeId, { ...LIU, phone: OWN_PHONE }));
    expect(liu.statusCode, liu.body).toBe(201);
    liuMatter = liu.json<{ id: string }>().id;
  });
  afterAll(() => t.close());

  test('a neighbour county registering a dispute with the person and its own phone changes neither the person nor their matters', async () => {
    const res = await ningdu.request('POST', '/api/mediation/disputes', dispute(ningduId, { ...ZHANG, phone: ATTACKER_PHONE }));
    expect(res.statusCode, res.body).toBe(201);
    const theirs = res.json<{ id: string; number: string }>();
    // the phone given stays with the neighbour's matter …
    expect((await partiesOf(ningdu, theirs.id)).map((p) => p.phoneMasked)).toEqual(['136****0202']);
    // … and 章贡区's person, matter and portal tracking are as they were
    const [mine] = await partiesOf(office, own.id);
    expect(mine?.phoneMasked).toBe('139****0101');
    const person = mine?.partyId ?? '';
    expect((await zhanggong.request('GET', `/api/parties/${person}`)).json<{ phoneMasked: string }>().phoneMasked).toBe('139****0101');
    const unmasked = await zhanggong.request('POST', `/api/parties/${person}/unmask`, { field: 'phone', reason: '电话通知调解时间' });
    expect(unmasked.json()).toEqual({ field: 'phone', value: OWN_PHONE });
    expect((await track(own.number, ATTACKER_PHONE)).statusCode).toBe(404);
    expect((await track(own.number, OWN_PHONE)).statusCode).toBe(200);
    expect((await track(theirs.number, ATTACKER_PHONE)).statusCode).toBe(200);
    // the neighbour reads the person through its own record: the phone it gave, never 章贡区's
    const seen = await ningdu.request('GET', `/api/parties/${person}`);
    expect(seen.json()).toMatchObject({ name: ZHANG.name, phoneMasked: '136****0202', orgName: '宁都县司法局' });
    const theirUnmask = await ningdu.request('POST', `/api/parties/${person}/unmask`, { field: 'phone', reason: '电话通知调解时间' });
    expect(theirUnmask.json()).toEqual({ field: 'phone', value: ATTACKER_PHONE });
    expect((await ningdu.request('GET', `/api/matters/${own.id}/parties`)).statusCode).toBe(404);
  });

  test('a known ID number under another name answers as an unknown one does, and shows the neighbour only what it entered', async () => {
    const known = await ningdu.request('POST', '/api/mediation/disputes', dispute(ningduId, { ...LIU, name: '李桂兰' }));
    const unknown = await ningdu.request('POST', '/api/mediation/disputes', dispute(ningduId, { ...LIU, idNumber: UNREGISTERED, name: '李桂兰' }));
    expect([known.statusCode, unknown.statusCode], known.body).toEqual([201, 201]);
    expect((await partiesOf(ningdu, known.json<{ id: string }>().id)).map((p) => p.name)).toEqual(['李桂兰']);
    const person = (await partiesOf(office, liuMatter))[0]?.partyId ?? '';
    expect((await ningdu.request('GET', `/api/parties/${person}`)).json()).toMatchObject({ name: '李桂兰', phoneMasked: null });
    // 章贡区 still sees its person under the registered name
    expect((await partiesOf(office, liuMatter)).map((p) => p.name)).toEqual([LIU.name]);
    expect((await zhanggong.request('GET', `/api/parties/${person}`)).json()).toMatchObject({ name: LIU.name, phoneMasked: '139****0101' });
    // from now on the neighbour reads the person as 李桂兰: registering it so again is the same person to it
    expect((await ningdu.request('POST', '/api/mediation/disputes', dispute(ningduId, { ...LIU, name: '李桂兰' }))).statusCode).toBe(201);
    // a public document title must not carry the name either unit knows the person by
    const titled = await ningdu.request('POST', `/api/matters/${known.json<{ id: string }>().id}/documents`, {
      kind: 'mediation.agreement',
      title: '李桂兰调解协议书',
      addressee: '当事人：',
      body: ['双方自愿达成协议。'],
    });
    expect([titled.statusCode, titled.json<{ code: string }>().code]).toEqual([400, 'DOCUMENT_TITLE_PERSONAL']);
    // a unit that can read the person is told of a different name: no oracle, it reads the registered name anyway
    const inScope = await zhanggong.request('POST', '/api/mediation/disputes', dispute(officeId, { ...LIU, name: '李桂兰' }));
    expect(inScope.statusCode).toBe(409);
    // and the auditor sees what happened
    const entry = await t.engine.db
      .selectFrom('kernel.auditLog')
      .select('summary')
      .where('targetId', '=', known.json<{ id: string }>().id)
      .executeTakeFirstOrThrow();
    expect(entry.summary).toMatchObject({ parties: [{ name: '李桂兰', registeredName: LIU.name, recognised: true }] });
  });

  test('a citizen applying with a known ID number, another phone or another name, gets what an unknown ID number gets', async () => {
    const signIn = async (phone: string) => {
      await t.engine.db.deleteFrom('kernel.otpChallenges').execute();
      expect((await t.anonymous('POST', '/api/public/auth/code', { phone })).statusCode).toBe(204);
      const sms = await t.engine.db.selectFrom('kernel.smsOutbox').select('text').orderBy('createdAt', 'desc').limit(1).executeTakeFirstOrThrow();
      const res = await t.anonymous('POST', '/api/public/auth/login', { phone, code: /验证码为 (\d{6})/.exec(sms.text)?.[1] ?? '' });
      const cookie = `sifa_public=${res.cookies.find((c) => c.name === 'sifa_public')?.value ?? ''}`;
      const csrf = res.json<{ csrfToken: string }>().csrfToken;
      return (method: Method, url: string, body?: unknown) => t.anonymous(method, url, body, { cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': csrf }) });
    };
    const citizen = await signIn(ATTACKER_PHONE);
    const apply = (applicant: Record<string, unknown>) =>
      citizen('POST', '/api/public/mediation/applications', {
        officeId,
        category: 'neighbour',
        summary: '噪音纠纷',
        description: '楼上夜间噪音，协商未果',
        applicant,
        respondents: [{ kind: 'person', name: '赵四', phone: '13800001111' }],
      });
    const answers = await Promise.all([
      apply({ name: ZHANG.name, idType: 'resident-id', idNumber: ZHANG.idNumber }),
      apply({ name: '李桂兰', idType: 'resident-id', idNumber: ZHANG.idNumber }),
      apply({ name: '李桂兰', idType: 'resident-id', idNumber: '360702199505051238' }),
    ]);
    expect(
      answers.map((a) => a.statusCode),
      answers.map((a) => a.body).join('\n'),
    ).toEqual([201, 201, 201]);
    // the citizen tracks their own applications, still not 章贡区's matter
    const first = answers[0].json<{ number: string }>().number;
    expect((await track(first, ATTACKER_PHONE)).statusCode).toBe(200);
    expect((await track(own.number, ATTACKER_PHONE)).statusCode).toBe(404);
    expect((await partiesOf(office, own.id)).map((p) => [p.name, p.phoneMasked])).toEqual([[ZHANG.name, '139****0101']]);
  });
});
