import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hashPassword, moduleRolesOf, notifyUser, ROLE_CODES, type ModuleScopeFixtures } from '@sifa/kernel';
import type { RouteEntry } from '@sifa/platform';
import { businessModules } from '../src/registry';
import { createTestApp, DEMO_PASSWORD, probeScope, sampleModule, scopeFixtureKit, type ScopeProbeSetup, type TestApp, multipartFile } from '@sifa/testing';

// The scope test is generated from the route table: every registered route that is not public is probed,
// and a route without a probe fails the test. The kernel's resources are made here (matters through the sample
// module); each module brings its own (`defineModule({ scopeFixtures })`), and the result is reported per module.
describe('data scope: a county user cannot reach another county through any route', () => {
  let t: TestApp;
  let setup: ScopeProbeSetup;
  const ownResources = new Map<string, ScopeProbeSetup['resources']>();
  const byModule = new Map<string, RouteEntry[]>();
  const probedBy = new Map<string, number>();
  beforeAll(async () => {
    t = await createTestApp({ modules: [sampleModule] });
    const zhanggong = await t.orgId('章贡区司法局');
    // A 章贡区 account holding every role, the modules' too: only the scope can refuse it.
    await t.engine.db
      .insertInto('kernel.users')
      .values({
        id: crypto.randomUUID(),
        username: 'zg-all',
        displayName: '章贡全权',
        passwordHash: await hashPassword(DEMO_PASSWORD),
        orgId: zhanggong,
        roles: [...ROLE_CODES, ...moduleRolesOf(t.app.sifaModules).map((r) => r.code)],
      })
      .execute();
    const prober = await t.loginAs('zg-all');
    const ningduBureau = await t.orgId('宁都县司法局');
    const ningduOrgs = await t.engine.db.selectFrom('kernel.orgs').select(['id', 'name']).where('path', 'like', `%${ningduBureau}/%`).execute();
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
    const ningduMatter = await newMatter(ningdu, ningduBureau);
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
    const ningduAttachment = await newAttachment(ningdu, ningduMatter);
    const ningduDocument = await newDocument(ningdu, ningduMatter);

    // Every module's fixtures, in registration order (modules/<name>/server/scope-fixtures.ts).
    const kit = scopeFixtureKit(t, prober, ningdu);
    const parts: ModuleScopeFixtures[] = [];
    for (const m of t.app.sifaModules)
      if (m.scopeFixtures) {
        const part = await (await m.scopeFixtures()).scopeFixtures(kit);
        parts.push(part);
        // two lines may both call their matters `case`: a module's routes are probed with its own resources first
        ownResources.set(m.name, part.resources);
      }

    setup = {
      t,
      prober,
      resources: {
        org: { inside: await t.orgId('章贡区法律援助中心'), outside: await t.orgId('宁都县法律援助中心') },
        user: { inside: await t.userId('office'), outside: await t.userId('ningdu') },
        matter: { inside: () => newMatter(prober, zhanggong), outside: ningduMatter },
        notification: { inside: () => newNotification(proberId), outside: ningduNotification },
        party: { inside: zhanggongParty, outside: ningduParty },
        attachment: { inside: async () => newAttachment(prober, await newMatter(prober, zhanggong)), outside: ningduAttachment },
        document: { inside: async () => newDocument(prober, await newMatter(prober, zhanggong)), outside: ningduDocument },
        ...parts.reduce<ScopeProbeSetup['resources']>((all, p) => ({ ...all, ...p.resources }), {}),
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
        '宁都当事人乙',
        '3607**********0022',
        ...parts.flatMap((p) => p.forbidden),
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
          // a unit (e.g. a committee) created under a neighbour unit would be a new unit in its subtree
          await t.engine.db.selectFrom('kernel.orgs').select(['id', 'name']).where('path', 'like', `%${ningduBureau}/%`).orderBy('id').execute(),
          ...(await Promise.all(parts.map((p) => p.snapshot()))),
        ]),
    };
    // The routes by module, in the order they were registered (probes change data, so the order stays the route table's).
    for (const r of t.app.routeTable) {
      const name = r.module ?? 'app';
      byModule.set(name, [...(byModule.get(name) ?? []), r]);
    }
  });
  afterAll(async () => {
    // one summary line per module
    for (const [name, probed] of probedBy) console.log(`数据权限探测 ${name.padEnd(10)} ${String(probed).padStart(3)} 条路由`);
    await t.close();
  });

  // the kernel, every registered module, the test's sample module, and the app's own routes (all public)
  const modules = ['kernel', ...businessModules.map((m) => m.name), sampleModule.name, 'app'];
  test.each(modules)('%s: every route keeps 章贡区 away from 宁都县', async (name) => {
    const { findings, probed } = await probeScope(byModule.get(name) ?? [], { ...setup, resources: { ...setup.resources, ...ownResources.get(name) } });
    probedBy.set(name, probed);
    expect(findings).toEqual([]);
  });

  test('every module with routes was probed, and at least 20 routes in all', () => {
    const withRoutes = [...byModule.keys()].filter((name) => (byModule.get(name) ?? []).some((r) => !r.config?.public));
    expect(withRoutes.filter((name) => !modules.includes(name))).toEqual([]);
    expect([...probedBy.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(20);
  });
});
