import type { ScopeFixtures } from '@sifa/kernel';
import { casesUnder } from './repository';

/**
 * 行政复议's part of the scope test (apps/server/test/scope.test.ts, declared as the module's `scopeFixtures`): a case
 * on each side of the 章贡区 / 宁都县 boundary, and county B's rows a write across the boundary would change.
 */
export const scopeFixtures: ScopeFixtures = async ({ prober, neighbour, orgId, db }) => {
  const newCase = async (agent: typeof prober, unit: string, respondent: string) => {
    const res = await agent.request('POST', '/api/reconsideration/cases', {
      orgId: await orgId(unit),
      channel: 'window',
      receivedOn: '2026-03-02',
      respondent,
      sector: 'market-regulation',
      actType: 'penalty',
      act: '行政处罚决定',
      request: '撤销行政处罚决定',
      parties: [{ role: 'applicant', kind: 'person', name: '数据权限申请人', idType: 'resident-id', idNumber: '360702198506061230' }],
    });
    if (res.statusCode !== 201) throw new Error(`scope fixture: ${JSON.stringify(res.json())}`);
    return (res.json() as { id: string }).id;
  };
  const ningduRespondent = '宁都县行政复议被申请局乙';
  const ningduCase = await newCase(neighbour, '宁都县司法局', ningduRespondent);
  return {
    // `case` is the workflow's kind: the typed actions' probes use it too
    resources: { case: { inside: () => newCase(prober, '章贡区司法局', '章贡区行政复议被申请局甲'), outside: ningduCase } },
    forbidden: [ningduCase, ningduRespondent],
    snapshot: () => casesUnder(db, [ningduCase]),
  };
};
