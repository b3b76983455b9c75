import type { ScopeFixtures } from '@sifa/kernel';
import { disputeLinksOf } from './disputes/repository';
import { committeeRowsOf, mediatorRowsOf } from './registry/registry-repository';
import { screeningRowsOf } from './screening/screening-repository';

/**
 * Mediation's part of the scope test (apps/server/test/scope.test.ts, declared as the module's `scopeFixtures`):
 * a dispute, a mediator and a screening record on each side of the 章贡区 / 宁都县 boundary, the committees and
 * judicial offices its register routes address, and the rows of its tables a write across the boundary would change.
 */
const idOf = async (res: Promise<{ json: () => unknown }>) => ((await res).json() as { id: string }).id;

export const scopeFixtures: ScopeFixtures = async ({ prober, neighbour, db, orgId, subtree }) => {
  const zhanggong = await orgId('章贡区司法局');
  const ningduBureau = await orgId('宁都县司法局');
  const newDispute = (agent: typeof prober, unit: string) =>
    idOf(
      agent.request('POST', '/api/mediation/disputes', {
        orgId: unit,
        category: 'neighbour',
        source: 'window',
        summary: '邻里排水纠纷',
        description: '双方因排水沟堵塞发生争执',
        parties: [{ kind: 'person', name: '李四', idType: 'resident-id', idNumber: '11010519491231002X', role: 'applicant' }],
      }),
    );
  const ningduDispute = await newDispute(neighbour, ningduBureau);
  // The mediation register (registry/registry-routes.ts): a mediator on each side.
  const newMediator = async (agent: typeof prober, committee: string, name: string) =>
    idOf(
      agent.request('POST', `/api/mediation/registry/committees/${await orgId(committee)}/mediators`, {
        name,
        gender: 'female',
        position: 'member',
        employment: 'part-time',
      }),
    );
  const zhanggongMediator = await newMediator(prober, '解放街道人民调解委员会', '章贡调解员甲');
  const ningduMediator = await newMediator(neighbour, '梅江镇人民调解委员会', '宁都调解员乙');
  // Dispute screening (screening/screening-routes.ts): a screening record on each side.
  const newScreening = async (agent: typeof prober, unit: string, area: string) =>
    idOf(
      agent.request('POST', '/api/mediation/screenings', {
        orgId: await orgId(unit),
        screenedOn: '2026-01-05',
        area,
        screeners: '排查员',
        kind: 'routine',
        foundCount: 1,
        riskCount: 0,
      }),
    );
  const ningduScreening = await newScreening(neighbour, '梅江镇司法所', '宁都排查网格乙');

  return {
    resources: {
      dispute: { inside: () => newDispute(prober, zhanggong), outside: ningduDispute },
      committee: { inside: await orgId('解放街道人民调解委员会'), outside: await orgId('梅江镇人民调解委员会') },
      unit: { inside: await orgId('解放街道司法所'), outside: await orgId('梅江镇司法所') },
      mediator: { inside: zhanggongMediator, outside: ningduMediator },
      screening: { inside: () => newScreening(prober, '解放街道司法所', '章贡排查网格甲'), outside: ningduScreening },
    },
    forbidden: [ningduDispute, ningduMediator, '宁都调解员乙', ningduScreening, '宁都排查网格乙'],
    snapshot: async () => {
      // the units under 宁都县 now: a committee created under a neighbour unit would be a new one (the test snapshots those)
      const ningdu = await subtree(ningduBureau);
      return [
        await mediatorRowsOf(db, ningdu),
        await committeeRowsOf(db, ningdu),
        await screeningRowsOf(db, ningdu),
        await disputeLinksOf(db, ningduScreening),
      ];
    },
  };
};
