import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sealAudit, verifyAuditChain } from '@sifa/kernel';
import { createTestApp, type Agent, type TestApp } from '@sifa/testing';

const year = Number(new Date().toLocaleString('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }));
const WANG = { kind: 'person', name: '王小明', idType: 'resident-id', idNumber: '11010519491231002X', phone: '13907971234' } as const;
const FIRM = { kind: 'organisation', name: '赣州市某物业服务有限公司', uscc: '31360000MD0183456L' } as const;

/**
 * Registration is one prepared statement (kernel matter-open.ts, ADR 0011): the unit, its number, the parties found
 * or inserted, the matter, the dispute row, the audit entry. These are the cases that statement has to get right.
 */
describe('dispute intake: what the one statement decides', () => {
  let t: TestApp;
  let office: Agent;
  let unitId: string;
  beforeAll(async () => {
    t = await createTestApp();
    office = await t.loginAs('office');
    unitId = await t.orgId('解放街道司法所');
  });
  afterAll(() => t.close());

  const body = (parties: Record<string, unknown>[], over: Record<string, unknown> = {}) => ({
    orgId: unitId,
    category: 'neighbour',
    source: 'window',
    summary: '排水纠纷',
    description: '围墙堵塞排水沟',
    parties,
    ...over,
  });
  const register = (parties: Record<string, unknown>[], over: Record<string, unknown> = {}, agent = office) =>
    agent.request('POST', '/api/mediation/disputes', body(parties, over));
  const counts = async () =>
    (
      await sql<{
        m: number;
        d: number;
        p: number;
      }>`select (select count(*) from kernel.matters) m, (select count(*) from mediation.disputes) d, (select count(*) from kernel.parties) p`.execute(
        t.engine.db,
      )
    ).rows[0];
  const seqOf = (number: string) => Number(/〕(\d+)号$/.exec(number)?.[1]);

  // issue #11 item 3 changed this: the new phone stays with the second matter, the first keeps its own (was: replaced the person's)
  test('a known person is recognised across disputes, a new phone stays with its matter, and the audit says so', async () => {
    const first = await register([{ ...WANG, role: 'applicant' }]);
    expect(first.statusCode, first.body).toBe(201);
    const second = await register([
      { ...WANG, phone: '15807970000', role: 'applicant' },
      { ...FIRM, role: 'respondent' },
    ]);
    expect(second.statusCode, second.body).toBe(201);
    const [a, b] = [first.json<{ id: string }>(), second.json<{ id: string; number: string }>()];
    const partyOf = async (id: string) =>
      (await office.request('GET', `/api/matters/${id}/parties`)).json<{ partyId: string; role: string; phoneMasked: string | null; name: string }[]>();
    const [pa, pb] = [await partyOf(a.id), await partyOf(b.id)];
    expect(pb.find((p) => p.role === 'applicant')?.partyId).toBe(pa[0]?.partyId);
    expect(pb.find((p) => p.role === 'applicant')?.phoneMasked).toBe('158****0000');
    expect(pa[0]?.phoneMasked).toBe('139****1234');
    expect(pb.find((p) => p.role === 'respondent')?.name).toBe(FIRM.name);
    const audit = await t.engine.db.selectFrom('kernel.auditLog').select('summary').where('targetId', '=', b.id).executeTakeFirstOrThrow();
    expect(audit.summary).toMatchObject({
      number: b.number,
      parties: [
        { role: 'applicant', recognised: true, unitAdded: false, phone: '158****0000', identity: '1101**********002X' },
        { role: 'respondent', recognised: false, kind: 'organisation' },
      ],
    });
    expect(await verifyAuditChain(t.engine.db)).toMatchObject({ ok: true });
  });

  test('a name written another way (the 间隔号 of a minority name) is the registered person: accepted under the registered name, audited and sealed', async () => {
    const rahman = { kind: 'person', name: '阿卜杜·热合曼', idType: 'resident-id', idNumber: '650102198503151237', phone: '13999001122' } as const;
    expect((await register([{ ...rahman, role: 'applicant' }])).statusCode).toBe(201);
    const again = await register([{ ...rahman, name: '阿卜杜•热合曼', role: 'applicant' }]);
    expect(again.statusCode, again.body).toBe(201);
    const { id } = again.json<{ id: string }>();
    const parties = (await office.request('GET', `/api/matters/${id}/parties`)).json<{ name: string; role: string }[]>();
    expect(parties).toMatchObject([{ name: '阿卜杜·热合曼', role: 'applicant' }]);
    const entry = () => t.engine.db.selectFrom('kernel.auditLog').select(['seq', 'hash', 'summary']).where('targetId', '=', id).executeTakeFirstOrThrow();
    expect((await entry()).summary).toMatchObject({ parties: [{ name: '阿卜杜·热合曼', recognised: true, unitAdded: false }] });
    await sealAudit(t.engine.db);
    const sealed = await entry();
    expect(sealed.seq).toBeGreaterThan(0);
    expect(sealed.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifyAuditChain(t.engine.db)).toMatchObject({ ok: true });
  });

  test('one person in two roles is one party with two roles', async () => {
    const res = await register([
      { ...WANG, name: '李四', idNumber: '360702199001011232', role: 'applicant' },
      { ...WANG, name: '李四', idNumber: '360702199001011232', role: 'other' },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const parties = (await office.request('GET', `/api/matters/${res.json<{ id: string }>().id}/parties`)).json<{ partyId: string; role: string }[]>();
    expect(parties.map((p) => p.role).sort()).toEqual(['applicant', 'other']);
    expect(new Set(parties.map((p) => p.partyId)).size).toBe(1);
  });

  test('a registered identity under another name is refused whole: no matter, no party, no number taken', async () => {
    const before = await counts();
    const last = (await register([{ ...WANG, role: 'applicant' }])).json<{ number: string }>().number;
    const refused = await register([{ ...WANG, name: '王大明', role: 'applicant' }]);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ message: string }>().message).toBe('证件号码 1101**********002X 已登记，但登记的姓名与“王大明”不一致；请核对姓名和证件号码');
    const next = (await register([{ ...WANG, role: 'applicant' }])).json<{ number: string }>().number;
    expect(seqOf(next)).toBe(seqOf(last) + 1);
    expect(next.startsWith(`赣章调〔${year}〕`)).toBe(true);
    const after = await counts();
    expect(after).toEqual({ m: (before?.m ?? 0) + 2, d: (before?.d ?? 0) + 2, p: before?.p });
  });

  test('a unit outside the caller’s scope is not found and an inactive one is refused; nothing is written', async () => {
    const before = await counts();
    const outside = await register([{ ...WANG, role: 'applicant' }], { orgId: await t.orgId('宁都县司法局') });
    expect(outside.statusCode).toBe(404);
    expect(outside.json<{ message: string }>().message).toContain('承办单位');
    const city = await t.loginAs('admin');
    const made = await city.request('POST', '/api/orgs', { parentId: await t.orgId('章贡区司法局'), kind: 'judicial-office', name: '章贡区待撤司法所' });
    expect(made.statusCode, made.body).toBe(201);
    const closed = made.json<{ id: string }>().id;
    expect((await city.request('POST', `/api/orgs/${closed}/deactivate`)).statusCode).toBe(200);
    const zg = await t.loginAs('zhanggong');
    const inactive = await register([{ ...WANG, role: 'applicant' }], { orgId: closed }, zg);
    expect(inactive.statusCode).toBe(409);
    expect(inactive.json<{ code: string }>().code).toBe('ORG_INACTIVE');
    expect(await counts()).toEqual(before);
  });

  test('the same new person registered by five requests at once is one party; every request succeeds', async () => {
    const zhao = { kind: 'person', name: '赵六', idType: 'resident-id', idNumber: '360702198808081237', role: 'applicant' };
    const all = await Promise.all(Array.from({ length: 5 }, () => register([zhao])));
    expect(all.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
    const ids = await Promise.all(
      all.map(async (r) => (await office.request('GET', `/api/matters/${r.json<{ id: string }>().id}/parties`)).json<{ partyId: string }[]>()[0]?.partyId),
    );
    expect(new Set(ids).size).toBe(1);
    expect(new Set(all.map((r) => r.json<{ number: string }>().number)).size).toBe(5);
  });
});
