import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { residentIdCheckChar } from '@sifa/kernel/shared';
import { createTestApp, sampleModule, type Agent, type TestApp } from '@sifa/testing';

const idOf = (n: number) => {
  const first17 = `36070219900101${String(100 + n).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
};

interface Revealed {
  phone: string;
  masked: string;
  reason: string;
  repeat: boolean;
}

/**
 * Issue #13 item 5: phones were masked everywhere and nothing let the staff who handle a matter call its parties; the
 * phone given with a matter could not be revealed at all. A handler reveals it for the matter, with a reason, audited;
 * once per session; bulk reveals are refused.
 */
describe('a handler of a matter reveals the phone given with it to call a party', () => {
  let t: TestApp;
  let zhanggong: Agent;
  let leader: Agent;
  let auditor: Agent;
  let zgOrg: string;
  const parties: string[] = [];
  let matterId: string;
  beforeAll(async () => {
    t = await createTestApp({ modules: [sampleModule], config: { phoneRevealsPerHour: 2 } });
    [zhanggong, leader, auditor] = await Promise.all([t.loginAs('zhanggong'), t.loginAs('leader'), t.loginAs('auditor')]);
    zgOrg = await t.orgId('章贡区司法局');
    const m = await zhanggong.request('POST', '/api/sample/cases', { orgId: zgOrg, title: '相邻关系纠纷' });
    expect(m.statusCode, m.body).toBe(201);
    matterId = m.json<{ id: string }>().id;
    for (const n of [1, 2, 3]) {
      const p = await zhanggong.request('POST', '/api/parties', {
        kind: 'person',
        name: `当事人${n}`,
        idType: 'resident-id',
        idNumber: idOf(n),
        phone: `1390000123${n}`,
      });
      expect(p.statusCode, p.body).toBe(201);
      parties.push(p.json<{ id: string }>().id);
      const added = await zhanggong.request('POST', `/api/matters/${matterId}/parties`, {
        partyId: parties[n - 1],
        role: n === 1 ? 'applicant' : 'respondent',
      });
      expect(added.statusCode, added.body).toBe(204);
    }
  });
  afterAll(() => t.close());

  const party = (i: number) => parties[i] ?? '';
  const reveal = (agent: Agent, partyId: string, reason?: string) => agent.request('POST', `/api/matters/${matterId}/party-phone`, { partyId, reason });

  test('the first reveal needs a reason; with one the handler gets the phone the party tab shows masked, and the audit log says why', async () => {
    const none = await reveal(zhanggong, party(0));
    expect(none.statusCode).toBe(400);
    expect(none.json<{ message: string }>().message).toContain('理由');

    const res = await reveal(zhanggong, party(0), '电话通知调解时间');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Revealed>()).toMatchObject({ phone: '13900001231', masked: '139****1231', reason: '电话通知调解时间', repeat: false });
    const shown = (await zhanggong.request('GET', `/api/matters/${matterId}/parties`)).json<{ partyId: string; phoneMasked: string }[]>();
    expect(shown.find((p) => p.partyId === parties[0])?.phoneMasked).toBe('139****1231');

    const log = await auditor.request('GET', `/api/audit?action=kernel.matter.reveal-phone`);
    const entry = log.json<{ items: { targetId: string; summary: Record<string, unknown> }[] }>().items[0];
    expect(entry?.targetId).toBe(matterId);
    expect(entry?.summary).toMatchObject({ partyId: parties[0], reason: '电话通知调解时间', masked: '139****1231', repeat: false });
    expect(JSON.stringify(entry?.summary)).not.toContain('13900001231');
  });

  test('a second reveal in the same session needs no new reason; a new session asks again', async () => {
    const again = await reveal(zhanggong, party(0));
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json<Revealed>()).toMatchObject({ phone: '13900001231', reason: '电话通知调解时间', repeat: true });
    const fresh = await t.loginAs('zhanggong');
    expect((await reveal(fresh, party(0))).statusCode).toBe(400);
  });

  test('the city leader, who reads the matter but does not handle it, cannot reveal; a party not of the matter is refused', async () => {
    const res = await reveal(leader, party(1), '核查');
    expect(res.statusCode).toBe(403);
    const other = await zhanggong.request('POST', '/api/parties', {
      kind: 'person',
      name: '无关的人',
      idType: 'resident-id',
      idNumber: idOf(9),
      phone: '13900009999',
    });
    const notOfIt = await reveal(zhanggong, other.json<{ id: string }>().id, '电话通知');
    expect(notOfIt.statusCode).toBe(409);
    expect(notOfIt.json<{ message: string }>().message).toContain('不是事项');
  });

  test('bulk reveals are refused: past the hourly limit a first reveal answers 429 in Chinese, a repeat is still served', async () => {
    expect((await reveal(zhanggong, party(1), '电话通知调解时间')).statusCode).toBe(200);
    const over = await reveal(zhanggong, party(2), '电话通知调解时间');
    expect(over.statusCode).toBe(429);
    expect(over.json<{ message: string }>().message).toMatch(/一小时内已查看 2 位当事人的电话.*分钟后再试/);
    expect((await reveal(zhanggong, party(0))).statusCode).toBe(200);
  });
});
