import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { matterIdsSharingParty } from '@sifa/kernel';
import { createTestApp, type Agent, type TestApp } from '@sifa/testing';
import { relatedQuery } from './repository';

const FILLER = 3000;

type PlanNode = { 'Relation Name'?: string; 'Actual Rows'?: number; 'Actual Loops'?: number; 'Rows Removed by Filter'?: number; Plans?: PlanNode[] };

/** Rows of `tables` the plan read, kept or filtered out, over all loops. */
function rowsRead(node: PlanNode, tables: readonly string[]): number {
  const own =
    node['Relation Name'] && tables.includes(node['Relation Name'])
      ? ((node['Actual Rows'] ?? 0) + (node['Rows Removed by Filter'] ?? 0)) * (node['Actual Loops'] ?? 1)
      : 0;
  return own + (node.Plans ?? []).reduce((n, p) => n + rowsRead(p, tables), 0);
}

/**
 * Issue #11 item 10: the dispute page's related-disputes check tested every dispute of the scope (302 ms at 14,419
 * disputes, on the thread that serves everyone on the embedded engine). It now starts from the dispute's own parties,
 * phones and address, through indexes, and reads only the disputes that share one.
 */
describe('related disputes: found through indexes, not by scanning the scope', () => {
  let t: TestApp;
  let office: Agent;
  let officeId: string;
  beforeAll(async () => {
    t = await createTestApp();
    office = await t.loginAs('office');
    officeId = await t.orgId('解放街道司法所');
    // a busy office: thousands of earlier disputes of other people, elsewhere
    await sql`insert into kernel.matters (id, module, kind, number, year, seq, org_id, status, title, opened_at)
      select gen_random_uuid(), 'mediation', 'dispute', '填充〔' || g || '〕号', 2026, 100000 + g, ${officeId}::uuid, 'registered', '其他纠纷',
             now() - make_interval(mins => g)
      from generate_series(1, ${FILLER}::int) g`.execute(t.engine.db);
    await sql`insert into mediation.disputes (id, category, source, description, address)
      select id, 'neighbour', 'window', '其他纠纷', '别处 ' || seq from kernel.matters where number like '填充%'`.execute(t.engine.db);
    await sql`analyze`.execute(t.engine.db);
  });
  afterAll(() => t.close());

  const person = (name: string, idNumber: string, phone: string) => ({ kind: 'person', name, idType: 'resident-id', idNumber, phone, role: 'applicant' });
  const register = async (party: Record<string, unknown>, address: string) => {
    const res = await office.request('POST', '/api/mediation/disputes', {
      orgId: officeId,
      category: 'neighbour',
      source: 'window',
      summary: '邻里纠纷',
      description: '邻里之间因琐事发生纠纷',
      address,
      parties: [party],
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; number: string }>();
  };

  test('the same person, the same phone under another person, and the same address are found, each with its reason', async () => {
    const first = await register(person('孙一', '360702198001011238', '13907971111'), '解放街道健康路 1 号');
    const samePhone = await register(person('孙二', '360702198101011235', '13907971111'), '解放街道健康路 2 号');
    const sameAddress = await register(person('钱三', '360702198201011232', '13907973333'), '解放街道健康路 1 号');
    const unrelated = await register(person('李四', '36070219830101123X', '13907974444'), '解放街道健康路 4 号');
    const again = await register(person('孙一', '360702198001011238', '13907979999'), '解放街道健康路 1 号');
    const related = (await office.request('GET', `/api/mediation/disputes/${again.id}`)).json<{ related: { number: string; reason: string }[] }>().related;
    expect(Object.fromEntries(related.map((r) => [r.number, r.reason]))).toEqual({
      [first.number]: '同一当事人',
      [sameAddress.number]: '同一地点',
    });
    const byPhone = (await office.request('GET', `/api/mediation/disputes/${samePhone.id}`)).json<{ related: { number: string; reason: string }[] }>();
    expect(byPhone.related).toEqual([expect.objectContaining({ number: first.number, reason: '同一当事人' })]);
    expect(related.map((r) => r.number)).not.toContain(unrelated.number);
  });

  test(`with ${FILLER} other disputes in scope, the check reads only the disputes that share something`, async () => {
    const a = await register(person('周五', '360702198401011237', '13907975555'), '解放街道健康路 5 号');
    const b = await register(person('周五', '360702198401011237', '13907975555'), '解放街道健康路 5 号');
    const scope = {
      orgId: officeId,
      path: (await t.engine.db.selectFrom('kernel.orgs').select('path').where('id', '=', officeId).executeTakeFirstOrThrow()).path,
    };
    const sharing = await matterIdsSharingParty(t.engine.db, b.id);
    expect(sharing.sort()).toEqual([a.id, b.id].sort());
    const q = relatedQuery(t.engine.db, scope, b.id, sharing, '解放街道健康路 5 号').compile();
    const res = await t.engine.db.executeQuery(CompiledQuery.raw(`explain (analyze, format json) ${q.sql}`, [...q.parameters]));
    const raw = Object.values(res.rows[0] as Record<string, unknown>)[0];
    const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
    const root = plan[0]?.Plan;
    if (!root) throw new Error('no plan');
    expect(rowsRead(root, ['disputes', 'matters'])).toBeLessThan(50);
    expect((await relatedQuery(t.engine.db, scope, b.id, sharing, '解放街道健康路 5 号').execute()).map((r) => r.id)).toEqual([a.id]);
  });
});
