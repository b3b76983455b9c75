import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, sampleModule, type Agent, type TestApp } from '@sifa/testing';

/**
 * Issue #11 item 7: city staff and the city leader, without the workflow's permission, added and removed parties — with
 * any role string — on a closed matter. A matter's parties change by its kind's permission (`sample.case.write`), in
 * the roles its workflow lists, and not once it is closed.
 */
describe('changing a matter’s parties follows the matter kind’s permissions and workflow', () => {
  let t: TestApp;
  let zhanggong: Agent;
  let city: Agent;
  let leader: Agent;
  let zgOrg: string;
  let partyId: string;
  beforeAll(async () => {
    t = await createTestApp({ modules: [sampleModule] });
    [zhanggong, city, leader] = await Promise.all([t.loginAs('zhanggong'), t.loginAs('city'), t.loginAs('leader')]);
    zgOrg = await t.orgId('章贡区司法局');
    const party = await zhanggong.request('POST', '/api/parties', { kind: 'person', name: '周某', idType: 'resident-id', idNumber: '360702199001010010' });
    expect(party.statusCode, party.body).toBe(201);
    partyId = party.json<{ id: string }>().id;
  });
  afterAll(() => t.close());

  const open = async () => {
    const res = await zhanggong.request('POST', '/api/sample/cases', { orgId: zgOrg, title: '相邻关系纠纷' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; version: number }>();
  };
  const add = (agent: Agent, id: string, role: string) => agent.request('POST', `/api/matters/${id}/parties`, { partyId, role });
  const remove = (agent: Agent, id: string, role: string) => agent.request('POST', `/api/matters/${id}/parties/remove`, { partyId, role });
  const rolesOf = async (id: string) => (await zhanggong.request('GET', `/api/matters/${id}/parties`)).json<{ role: string }[]>().map((p) => p.role);

  test('the unit handling the matter adds and removes a party in a role of the module’s list', async () => {
    const m = await open();
    expect((await add(zhanggong, m.id, 'applicant')).statusCode).toBe(204);
    expect(await rolesOf(m.id)).toEqual(['applicant']);
    expect((await remove(zhanggong, m.id, 'applicant')).statusCode).toBe(204);
    expect(await rolesOf(m.id)).toEqual([]);
  });

  test('a role the module does not list is refused, naming the roles it does', async () => {
    const m = await open();
    const res = await add(zhanggong, m.id, 'witness');
    expect(res.statusCode).toBe(400);
    expect(res.json<{ message: string }>().message).toContain('申请人 (applicant)、被申请人 (respondent)');
    expect(await rolesOf(m.id)).toEqual([]);
  });

  test('city staff and the city leader, who may read the matter but not handle it, cannot change its parties', async () => {
    const m = await open();
    expect((await add(zhanggong, m.id, 'applicant')).statusCode).toBe(204);
    for (const agent of [city, leader]) {
      expect((await zhanggong.request('GET', `/api/matters/${m.id}`)).statusCode).toBe(200);
      const added = await add(agent, m.id, 'respondent');
      expect([agent.username, added.statusCode]).toEqual([agent.username, 403]);
      const removed = await remove(agent, m.id, 'applicant');
      expect([agent.username, removed.statusCode]).toEqual([agent.username, 403]);
    }
    expect(await rolesOf(m.id)).toEqual(['applicant']);
  });

  test('a closed matter’s parties no longer change, for anyone', async () => {
    const m = await open();
    expect((await add(zhanggong, m.id, 'applicant')).statusCode).toBe(204);
    const act = async (action: string, expectedVersion: number) => {
      const res = await zhanggong.request('POST', `/api/matters/${m.id}/actions`, { action, expectedVersion });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ version: number }>().version;
    };
    await act('close', await act('accept', m.version));
    const added = await add(zhanggong, m.id, 'respondent');
    expect(added.statusCode).toBe(409);
    expect(added.json<{ message: string }>().message).toContain('已办结 (已办结)，不能再增减当事人');
    expect((await remove(zhanggong, m.id, 'applicant')).statusCode).toBe(409);
    expect(await rolesOf(m.id)).toEqual(['applicant']);
    const audit = await t.engine.db.selectFrom('kernel.auditLog').select('action').where('targetId', '=', m.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['sample.case.register', 'kernel.matter.add-party', 'sample.case.accept', 'sample.case.close']);
  });
});
