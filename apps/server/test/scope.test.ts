import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hashPassword, notifyUser, ROLE_CODES } from '@sifa/kernel';
import { createTestApp, DEMO_PASSWORD, probeScope, sampleModule, type TestApp, multipartFile } from '@sifa/testing';

// The scope test is generated from the route table: every registered route that is not public is probed,
// and a route without a probe fails the test.
describe('data scope: a county user cannot reach another county through any route', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ modules: [sampleModule] });
  });
  afterAll(() => t.close());

  test('every route keeps 章贡区 away from 宁都县', async () => {
    const zhanggong = await t.orgId('章贡区司法局');
    // A 章贡区 account holding every role: only the scope can refuse it.
    await t.engine.db
      .insertInto('kernel.users')
      .values({
        id: crypto.randomUUID(),
        username: 'zg-all',
        displayName: '章贡全权',
        passwordHash: await hashPassword(DEMO_PASSWORD),
        orgId: zhanggong,
        roles: [...ROLE_CODES],
      })
      .execute();
    const prober = await t.loginAs('zg-all');
    const ningduOrgs = await t.engine.db
      .selectFrom('kernel.orgs')
      .select(['id', 'name'])
      .where('path', 'like', `%${await t.orgId('宁都县司法局')}/%`)
      .execute();
    const ningduUsers = await t.engine.db
      .selectFrom('kernel.users')
      .innerJoin('kernel.orgs as o', 'o.id', 'kernel.users.orgId')
      .select(['kernel.users.id', 'username'])
      .where('o.name', 'like', '宁都%')
      .execute();
    expect(ningduOrgs.length).toBeGreaterThan(20);
    expect(ningduUsers.length).toBeGreaterThan(0);
    const ningdu = await t.loginAs('ningdu');
    const newMatter = async (agent: typeof prober, orgId: string) =>
      (await agent.request('POST', '/api/sample/cases', { orgId, title: '测试事项' })).json<{ id: string }>().id;
    const ningduMatter = await newMatter(ningdu, await t.orgId('宁都县司法局'));
    const [proberId, ningduId] = [await t.userId('zg-all'), await t.userId('ningdu')];
    const newNotification = async (userId: string) => {
      await t.engine.db.transaction().execute((trx) => notifyUser(trx, { userId, title: '测试通知' }));
      return (
        await t.engine.db
          .selectFrom('kernel.notifications')
          .select('id')
          .where('userId', '=', userId)
          .orderBy('createdAt', 'desc')
          .limit(1)
          .executeTakeFirstOrThrow()
      ).id;
    };
    const ningduNotification = await newNotification(ningduId);
    const newDispute = async (agent: typeof prober, orgId: string) => {
      const res = await agent.request('POST', '/api/mediation/disputes', {
        orgId,
        category: 'neighbour',
        source: 'window',
        summary: '邻里排水纠纷',
        description: '双方因排水沟堵塞发生争执',
        parties: [{ kind: 'person', name: '李四', idType: 'resident-id', idNumber: '11010519491231002X', role: 'applicant' }],
      });
      return res.json<{ id: string }>().id;
    };
    const ningduDispute = await newDispute(ningdu, await t.orgId('宁都县司法局'));
    const newParty = async (agent: typeof prober, name: string, idNumber: string) =>
      (await agent.request('POST', '/api/parties', { kind: 'person', name, idType: 'resident-id', idNumber, phone: '13907970001' })).json<{ id: string }>().id;
    const zhanggongParty = await newParty(await t.loginAs('zhanggong'), '章贡当事人甲', '360702199001010037');
    const ningduParty = await newParty(ningdu, '宁都当事人乙', '360730198503150022');
    const newAttachment = async (agent: typeof prober, matterId: string) => {
      const { payload, headers } = multipartFile('询问笔录.txt', '数据权限测试附件');
      return (await agent.request('POST', `/api/matters/${matterId}/attachments`, payload, headers)).json<{ id: string }>().id;
    };
    const newDocument = async (agent: typeof prober, matterId: string) =>
      (await agent.request('POST', `/api/matters/${matterId}/documents`, { kind: 'sample.notice', title: '受理通知书', body: ['数据权限测试。'] })).json<{
        id: string;
      }>().id;
    // The mediation register (modules/mediation/server/registry-routes.ts): a mediator on each side.
    const newMediator = async (agent: typeof prober, committee: string, name: string) =>
      (
        await agent.request('POST', `/api/mediation/registry/committees/${await t.orgId(committee)}/mediators`, {
          name,
          gender: 'female',
          position: 'member',
          employment: 'part-time',
        })
      ).json<{ id: string }>().id;
    const zhanggongMediator = await newMediator(prober, '解放街道人民调解委员会', '章贡调解员甲');
    const ningduMediator = await newMediator(ningdu, '梅江镇人民调解委员会', '宁都调解员乙');
    const ningduBureau = await t.orgId('宁都县司法局');
    // Dispute screening (modules/mediation/server/screening-routes.ts): a screening record on each side.
    const newScreening = async (agent: typeof prober, unit: string, area: string) =>
      (
        await agent.request('POST', '/api/mediation/screenings', {
          orgId: await t.orgId(unit),
          screenedOn: '2026-01-05',
          area,
          screeners: '排查员',
          kind: 'routine',
          foundCount: 1,
          riskCount: 0,
        })
      ).json<{ id: string }>().id;
    const ningduScreening = await newScreening(ningdu, '梅江镇司法所', '宁都排查网格乙');
    const ningduAttachment = await newAttachment(ningdu, ningduMatter);
    const ningduDocument = await newDocument(ningdu, ningduMatter);

    const { findings, probed } = await probeScope(t.app.routeTable, {
      t,
      prober,
      resources: {
        org: { inside: await t.orgId('章贡区法律援助中心'), outside: await t.orgId('宁都县法律援助中心') },
        user: { inside: await t.userId('office'), outside: await t.userId('ningdu') },
        matter: { inside: () => newMatter(prober, zhanggong), outside: ningduMatter },
        notification: { inside: () => newNotification(proberId), outside: ningduNotification },
        dispute: { inside: () => newDispute(prober, zhanggong), outside: ningduDispute },
        committee: { inside: await t.orgId('解放街道人民调解委员会'), outside: await t.orgId('梅江镇人民调解委员会') },
        unit: { inside: await t.orgId('解放街道司法所'), outside: await t.orgId('梅江镇司法所') },
        mediator: { inside: zhanggongMediator, outside: ningduMediator },
        screening: { inside: () => newScreening(prober, '解放街道司法所', '章贡排查网格甲'), outside: ningduScreening },
        party: { inside: zhanggongParty, outside: ningduParty },
        attachment: { inside: async () => newAttachment(prober, await newMatter(prober, zhanggong)), outside: ningduAttachment },
        document: { inside: async () => newDocument(prober, await newMatter(prober, zhanggong)), outside: ningduDocument },
      },
      orgs: { inside: await t.orgId('章贡区公共法律服务中心'), outside: await t.orgId('宁都县公共法律服务中心') },
      listParams: { id: 'sample.close-rate' },
      forbidden: [
        ...ningduOrgs.flatMap((o) => [o.id, o.name]),
        ...ningduUsers.flatMap((u) => [u.id, u.username]),
        ningduMatter,
        ningduParty,
        ningduAttachment,
        ningduDocument,
        ningduDispute,
        '宁都当事人乙',
        '3607**********0022',
        ningduMediator,
        '宁都调解员乙',
        ningduScreening,
        '宁都排查网格乙',
      ],
      snapshot: async () =>
        JSON.stringify([
          await t.engine.db.selectFrom('kernel.orgs').selectAll().where('name', 'like', '宁都%').orderBy('id').execute(),
          await t.engine.db.selectFrom('kernel.users').selectAll().where('username', '=', 'ningdu').execute(),
          await t.engine.db.selectFrom('kernel.matters').selectAll().where('id', '=', ningduMatter).execute(),
          await t.engine.db.selectFrom('kernel.parties').selectAll().where('id', '=', ningduParty).execute(),
          await t.engine.db.selectFrom('kernel.partyUnits').selectAll().where('partyId', '=', ningduParty).execute(),
          await t.engine.db.selectFrom('kernel.attachments').selectAll().where('matterId', '=', ningduMatter).execute(),
          await t.engine.db.selectFrom('kernel.documents').selectAll().where('matterId', '=', ningduMatter).execute(),
          // a committee created under a neighbour unit would be a new unit in its subtree
          await t.engine.db.selectFrom('kernel.orgs').select(['id', 'name']).where('path', 'like', `%${ningduBureau}/%`).orderBy('id').execute(),
          (
            await sql`select m.* from mediation.mediators m join kernel.orgs o on o.id = m.committee_org_id where o.path like ${`%${ningduBureau}/%`} order by m.id`.execute(
              t.engine.db,
            )
          ).rows,
          (
            await sql`select c.* from mediation.committees c join kernel.orgs o on o.id = c.org_id where o.path like ${`%${ningduBureau}/%`} order by c.org_id`.execute(
              t.engine.db,
            )
          ).rows,
          (
            await sql`select s.* from mediation.screenings s join kernel.orgs o on o.id = s.org_id where o.path like ${`%${ningduBureau}/%`} order by s.id`.execute(
              t.engine.db,
            )
          ).rows,
          (await sql`select id, screening_id from mediation.disputes where screening_id = ${ningduScreening} order by id`.execute(t.engine.db)).rows,
        ]),
    });
    expect(findings).toEqual([]);
    expect(probed).toBeGreaterThanOrEqual(20);
  });
});
