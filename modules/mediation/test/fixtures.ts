import { scheduleDeadline } from '@sifa/kernel';
import { CITIZEN_PHONE, orgIdOf, shanghaiDay, signInApi, userIdOf, type MatterFixture, type TestServer } from '@sifa/testing';

// Mediation's fixtures for browser tests (its own and the apps' tests of the kernel's matter page and the portal,
// which need a matter of some line): made through the module's API as staff would.

/**
 * A neighbour dispute of 章贡区司法局 registered by `zhanggong` through the mediation module, the applicant's phone
 * being CITIZEN_PHONE. With `deadlines`, two judicial-confirmation periods are put on it directly (as the module does
 * when an agreement takes effect): one started 27 days ago (due in about three days: gold), one starting on 20 December
 * (it ends in January of next year, whose holiday schedule is not loaded: the red warning).
 */
export async function createDispute(server: TestServer, opts: { summary: string; deadlines?: boolean }): Promise<MatterFixture> {
  const staff = await signInApi(server.url, 'zhanggong');
  const org = await orgIdOf(server, '章贡区司法局');
  const matter = await staff.json<{ id: string; number: string }>('POST', '/api/mediation/disputes', {
    orgId: org,
    category: 'neighbour',
    source: 'window',
    summary: opts.summary,
    description: '楼上住户夜间噪音扰民，双方多次协商未果，申请人请求调解。',
    parties: [
      {
        kind: 'person',
        name: '王小明',
        idType: 'resident-id',
        idNumber: '11010519491231002X',
        phone: CITIZEN_PHONE,
        role: 'applicant',
      },
      { kind: 'person', name: '李大华', idType: 'resident-id', idNumber: '360702199001011232', role: 'respondent' },
    ],
  });
  if (opts.deadlines) {
    const assigneeId = await userIdOf(server, 'zhanggong');
    const today = shanghaiDay();
    await server.engine.db.transaction().execute(async (trx) => {
      const base = { matterId: matter.id, ruleId: 'mediation.judicial-confirmation', orgId: org, assigneeId, today };
      await scheduleDeadline(trx, { ...base, start: shanghaiDay(-27) });
      await scheduleDeadline(trx, { ...base, start: `${today.slice(0, 4)}-12-20` });
    });
  }
  return { ...matter, staff };
}
