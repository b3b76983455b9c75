import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '@sifa/testing';
import type { Party, RegisteredParty } from '../shared/identity';

// Clear values that must never leave the server except through unmasking.
const ID = '361121197707071235';
const ID_MASKED = '3611**********1235';
const PHONE = '13907971234';
const PHONE2 = '15870001111';

const cellsOf = async (raw: Buffer) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(raw as unknown as ArrayBuffer);
  const cells: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(c.text))));
  return cells;
};

describe('parties: identity recognised, personal data masked, unmasking audited', () => {
  let t: TestApp;
  let zhanggong: Agent;
  let office: Agent;
  let ningdu: Agent;
  let party: RegisteredParty;

  beforeAll(async () => {
    t = await createTestApp();
    [zhanggong, office, ningdu] = await Promise.all([t.loginAs('zhanggong'), t.loginAs('office'), t.loginAs('ningdu')]);
    const res = await zhanggong.request('POST', '/api/parties', { kind: 'person', name: '刘某某', idType: 'resident-id', idNumber: ID, phone: `+86 ${PHONE}` });
    expect(res.statusCode, res.body).toBe(201);
    party = res.json<RegisteredParty>();
  });
  afterAll(() => t.close());

  test('a new person is stored encrypted and answered masked', async () => {
    expect(party).toMatchObject({
      kind: 'person',
      name: '刘某某',
      idType: 'resident-id',
      idMasked: ID_MASKED,
      phoneMasked: '139****1234',
      recognised: false,
      orgName: '章贡区司法局',
    });
    const row = await t.engine.db.selectFrom('kernel.parties').selectAll().where('id', '=', party.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(ID);
    expect(JSON.stringify(row)).not.toContain(PHONE);
    expect(row.idCipher).toMatch(/^v[12]\./);
  });

  // issue #11 item 3: the unit that registered the party changes its own record; another unit's registration never does
  test('the same ID entered twice (lower-case x, spaces, a new phone) is one party, with the phone updated', async () => {
    const again = await zhanggong.request('POST', '/api/parties', {
      kind: 'person',
      name: ' 刘某某 ',
      idType: 'resident-id',
      idNumber: `${ID.slice(0, 6)} ${ID.slice(6)}`,
      phone: PHONE2,
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json<RegisteredParty>()).toMatchObject({ id: party.id, recognised: true, phoneMasked: '158****1111' });
    expect(again.body).not.toContain(PHONE2);
    const n = await t.engine.db
      .selectFrom('kernel.parties')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('name', '=', '刘某某')
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
  });

  test('the same ID under another name is refused, naming what to check', async () => {
    const res = await zhanggong.request('POST', '/api/parties', { kind: 'person', name: '王某某', idType: 'resident-id', idNumber: ID });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ message: string }>().message).toBe(`证件号码 ${ID_MASKED} 已登记，但登记的姓名与“王某某”不一致；请核对姓名和证件号码`);
  });

  test('an invalid ID number is refused with what is wrong with it', async () => {
    const res = await zhanggong.request('POST', '/api/parties', { kind: 'person', name: '李某', idType: 'resident-id', idNumber: '361121197707071234' });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ message: string }>().message).toContain('校验码应为 5 而不是 4');
  });

  test('an organisation keeps its public credit code in clear and says what kind it is', async () => {
    const res = await zhanggong.request('POST', '/api/parties', { kind: 'organisation', name: '江西某某律师事务所', uscc: '31360000md0183456l' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<Party>()).toMatchObject({ uscc: '31360000MD0183456L', usccCategory: '31 律师事务所', idMasked: null, idType: null });
    const again = await zhanggong.request('POST', '/api/parties', { kind: 'organisation', name: '另一个名称', uscc: '31360000MD0183456L' });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ message: string }>().message).toContain('已登记为“江西某某律师事务所”');
  });

  test('search finds by name prefix and by the exact ID number or phone, and answers only masked values', async () => {
    for (const q of ['刘某', ID, ID.toLowerCase(), PHONE2, `158-7000-1111`]) {
      const res = await zhanggong.request('GET', `/api/parties?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(200);
      expect(
        res.json<{ items: Party[] }>().items.map((p) => p.id),
        q,
      ).toEqual([party.id]);
      for (const clear of [ID, PHONE, PHONE2]) expect(res.body).not.toContain(clear);
    }
    const none = await zhanggong.request('GET', `/api/parties?q=${ID.slice(0, 17)}0`);
    expect(none.json<{ total: number }>().total).toBe(0);
    const detail = await zhanggong.request('GET', `/api/parties/${party.id}`);
    expect(detail.json<Party>().idMasked).toBe(ID_MASKED);
    for (const clear of [ID, PHONE, PHONE2]) expect(detail.body).not.toContain(clear);
  });

  test('the Excel export holds masked values only, and the export is audited without the searched number', async () => {
    const res = await zhanggong.request('GET', `/api/parties/export.xlsx?q=${ID}`);
    expect(res.statusCode).toBe(200);
    const text = (await cellsOf(res.rawPayload)).join('\n');
    expect(text).toContain(ID_MASKED);
    expect(text).toContain('158****1111');
    for (const clear of [ID, PHONE, PHONE2]) expect(text).not.toContain(clear);
    const audit = await t.engine.db
      .selectFrom('kernel.auditLog')
      .select('summary')
      .where('action', '=', 'kernel.party.export')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.summary).toEqual({ rows: 1, filter: { q: ID_MASKED } });
  });

  test('unmasking without the permission is 403, without a reason 400', async () => {
    const denied = await office.request('POST', `/api/parties/${party.id}/unmask`, { field: 'idNumber', reason: '核对当事人身份' });
    expect(denied.statusCode).toBe(403);
    expect(denied.body).not.toContain(ID);
    const noReason = await zhanggong.request('POST', `/api/parties/${party.id}/unmask`, { field: 'idNumber' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<{ message: string }>().message).toContain('请填写查看理由');
    const shortReason = await zhanggong.request('POST', `/api/parties/${party.id}/unmask`, { field: 'phone', reason: '看看' });
    expect(shortReason.statusCode).toBe(400);
    expect(shortReason.json<{ message: string }>().message).toContain('查看理由至少 4 个字');
  });

  test('unmasking with a reason returns the clear value and writes an audit entry with field and reason', async () => {
    const res = await zhanggong.request('POST', `/api/parties/${party.id}/unmask`, { field: 'idNumber', reason: '制作调解协议书需核对身份' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ field: 'idNumber', value: ID });
    const phone = await zhanggong.request('POST', `/api/parties/${party.id}/unmask`, { field: 'phone', reason: '电话通知开庭时间' });
    expect(phone.json()).toEqual({ field: 'phone', value: PHONE2 });
    const entries = await t.engine.db
      .selectFrom('kernel.auditLog')
      .select(['actorName', 'targetId', 'summary'])
      .where('action', '=', 'kernel.party.unmask')
      .orderBy('id')
      .execute();
    expect(entries).toEqual([
      { actorName: 'zhanggong', targetId: party.id, summary: { field: 'idNumber', reason: '制作调解协议书需核对身份', name: '刘某某', masked: ID_MASKED } },
      { actorName: 'zhanggong', targetId: party.id, summary: { field: 'phone', reason: '电话通知开庭时间', name: '刘某某', masked: '158****1111' } },
    ]);
  });

  test('no audit entry holds a clear ID number or phone', async () => {
    const all = await t.engine.db.selectFrom('kernel.auditLog').select('summary').execute();
    const text = JSON.stringify(all);
    for (const clear of [ID, PHONE, PHONE2]) expect(text).not.toContain(clear);
  });

  test('another county cannot read, list or unmask the party (404, not 403)', async () => {
    expect((await ningdu.request('GET', `/api/parties/${party.id}`)).statusCode).toBe(404);
    expect((await ningdu.request('POST', `/api/parties/${party.id}/unmask`, { field: 'idNumber', reason: '越权查看测试' })).statusCode).toBe(404);
    const list = await ningdu.request('GET', '/api/parties?q=刘');
    expect(list.json<{ total: number }>().total).toBe(0);
  });

  test('registering a unit outside one’s scope is 404', async () => {
    const res = await ningdu.request('POST', '/api/parties', {
      kind: 'person',
      name: '赵某',
      idType: 'passport',
      idNumber: 'E12345678',
      orgId: await t.orgId('章贡区司法局'),
    });
    expect(res.statusCode).toBe(404);
  });

  // issue #11 items 3, 4: the answer is a new registration's (201, none of 章贡区's record), not a confirmation that the ID is known
  test('when another county registers the same person, it gets the same party, seen as its own registration', async () => {
    const res = await ningdu.request('POST', '/api/parties', { kind: 'person', name: '刘某某', idType: 'resident-id', idNumber: ID });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<RegisteredParty>()).toMatchObject({ id: party.id, recognised: false, orgName: '宁都县司法局', phoneMasked: null });
    expect((await ningdu.request('GET', `/api/parties/${party.id}`)).statusCode).toBe(200);
    // 章贡区 still sees its own unit as the registering one, not 宁都县's.
    expect((await zhanggong.request('GET', `/api/parties/${party.id}`)).json<Party>().orgName).toBe('章贡区司法局');
  });

  // issue #11 item 4: was 409 "已登记，但登记的姓名…不一致" to any unit, confirming the ID number exists somewhere in the city
  test('a unit that cannot read the party, naming its ID under another name, gets what an unregistered ID gets', async () => {
    // the township office under 章贡区 cannot read what the county bureau registered
    const stranger = office;
    const known = await stranger.request('POST', '/api/parties', { kind: 'person', name: '王某某', idType: 'resident-id', idNumber: ID });
    const unknown = await stranger.request('POST', '/api/parties', { kind: 'person', name: '王某某', idType: 'resident-id', idNumber: '360702199001010010' });
    expect([known.statusCode, unknown.statusCode], known.body).toEqual([201, 201]);
    const shape = (r: typeof known) => Object.keys(r.json<object>()).sort();
    expect(shape(known)).toEqual(shape(unknown));
    expect(known.json<RegisteredParty>()).toMatchObject({ name: '王某某', recognised: false, phoneMasked: null, orgName: '解放街道司法所' });
    // 章贡区 still reads its party as registered
    expect((await zhanggong.request('GET', `/api/parties/${party.id}`)).json<Party>()).toMatchObject({ name: '刘某某', phoneMasked: '158****1111' });
  });
});
