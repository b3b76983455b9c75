import type { ScopeFixtures } from '@sifa/kernel';
import { casesUnder } from './repository';
import { PROBE_APPLICATION } from './routes';

/**
 * 法律援助's part of the scope test (apps/server/test/scope.test.ts, declared as the module's `scopeFixtures`): a case
 * and a pool lawyer on each side of the 章贡区 / 宁都县 boundary, and county B's rows a write across the boundary would change.
 */
export const scopeFixtures: ScopeFixtures = async ({ prober, neighbour, orgId, db }) => {
  const newCase = async (agent: typeof prober, unit: string, name: string, idNumber: string) => {
    const res = await agent.request('POST', '/api/legal-aid/cases', {
      ...PROBE_APPLICATION,
      orgId: await orgId(unit),
      applicant: { ...PROBE_APPLICATION.applicant, name, idNumber },
    });
    if (res.statusCode !== 201) throw new Error(`法律援助数据权限测试登记失败：${JSON.stringify(res.json())}`);
    return (res.json() as { id: string }).id;
  };
  const newLawyer = async (agent: typeof prober, unit: string, name: string) =>
    (
      (
        await agent.request('POST', '/api/legal-aid/lawyers', {
          orgId: await orgId(unit),
          name,
          kind: 'firm-lawyer',
          firm: '数据权限律师事务所',
          practiceYears: 5,
          phone: '13800000000',
        })
      ).json() as { id: string }
    ).id;
  const ningduName = '宁都援助申请人乙';
  const ningduCase = await newCase(neighbour, '宁都县司法局', ningduName, '360730198501010026');
  const ningduLawyer = await newLawyer(neighbour, '宁都县法律援助中心', '宁都援助律师乙');
  const zhanggongLawyer = await newLawyer(prober, '章贡区法律援助中心', '章贡援助律师甲');
  return {
    // `case` is the workflow's kind: the typed actions' probes use it too
    resources: {
      case: { inside: () => newCase(prober, '章贡区司法局', '章贡援助申请人甲', '360702198501010012'), outside: ningduCase },
      lawyer: { inside: zhanggongLawyer, outside: ningduLawyer },
    },
    forbidden: [ningduCase, ningduName, ningduLawyer, '宁都援助律师乙'],
    snapshot: () => casesUnder(db, [ningduCase]),
  };
};
