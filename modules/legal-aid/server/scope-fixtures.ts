import type { ScopeFixtures } from '@sifa/kernel';
import { casesUnder } from './repository';

/**
 * 法律援助's part of the scope test (apps/server/test/scope.test.ts, declared as the module's `scopeFixtures`): a case
 * on each side of the 章贡区 / 宁都县 boundary, and county B's rows a write across the boundary would change.
 */
export const scopeFixtures: ScopeFixtures = async ({ prober, neighbour, orgId, db }) => {
  const newCase = async (agent: typeof prober, unit: string, title: string) =>
    (
      (await agent.request('POST', '/api/legal-aid/cases', { orgId: await orgId(unit), title, channel: 'window', summary: '数据权限测试' })).json() as {
        id: string;
      }
    ).id;
  const ningduTitle = '宁都法律援助案件乙';
  const ningduCase = await newCase(neighbour, '宁都县司法局', ningduTitle);
  return {
    // `case` is the workflow's kind: the typed actions' probes use it too
    resources: { case: { inside: () => newCase(prober, '章贡区司法局', '章贡法律援助案件甲'), outside: ningduCase } },
    forbidden: [ningduCase, ningduTitle],
    snapshot: () => casesUnder(db, [ningduCase]),
  };
};
