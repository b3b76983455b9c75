import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defineDeadline, defineModule, defineWorkflow, ModuleDeclarationError, type Engine, type ModuleDefinition, type SifaApp } from '@sifa/kernel';
import { buildApp, UndeclaredPermissionError, UndeclaredRouteError } from '@sifa/platform';
import { createTestApp, createTestDb, testConfig, type TestApp } from '@sifa/testing';

const testModule = (routes: (app: SifaApp) => void): ModuleDefinition =>
  defineModule({
    name: 'probe',
    labelZh: '测试模块',
    labelEn: 'Probe',
    permissions: ['probe.thing.read'],
    roleGrants: { 'audit-admin': ['probe.thing.read'] },
    routes,
  });

describe('the boot check refuses routes that declare no access rule', () => {
  let engine: Engine;
  const apps: FastifyInstance[] = [];
  beforeAll(async () => {
    engine = await createTestDb();
  });
  afterAll(async () => {
    for (const a of apps) await a.close().catch(() => undefined);
    await engine.close();
  });

  async function boot(m: ModuleDefinition) {
    const app = await buildApp({ engine, config: testConfig(), logger: false, modules: [m] });
    apps.push(app);
    return app.ready();
  }

  test('a route without permission, authenticated or public fails app.ready() and is named', async () => {
    const ready = boot(testModule((app) => app.get('/api/probe/naked', () => ({ ok: true }))));
    await expect(ready).rejects.toBeInstanceOf(UndeclaredRouteError);
    await expect(ready).rejects.toThrow(/以下路由未声明权限[\s\S]*GET \/api\/probe\/naked/);
  });

  test('every undeclared route is listed, also one registered in a nested plugin with a prefix', async () => {
    const ready = boot(
      testModule((app) => {
        app.post('/api/probe/write', () => ({ ok: true }));
        void app.register(
          (child, _opts, done) => {
            child.get('/deep', () => ({ ok: true }));
            done();
          },
          { prefix: '/api/probe/nested' },
        );
        app.get('/api/probe/fine', { config: { permission: 'probe.thing.read' } }, () => ({ ok: true }));
      }),
    );
    const error = await ready.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UndeclaredRouteError);
    const listed = (error as Error).message
      .split('\n')
      .slice(1)
      .map((l) => l.trim());
    expect(listed.filter((l) => l.includes('/api/probe/')).sort()).toEqual([
      'GET /api/probe/nested/deep',
      'HEAD /api/probe/nested/deep',
      'POST /api/probe/write',
    ]);
  });

  test('a route whose permission its module does not declare fails app.ready(), naming the route and the permission', async () => {
    const ready = boot(
      testModule((app) => {
        app.get('/api/probe/things', { config: { permission: 'probe.thing.read' } }, () => ({ ok: true }));
        app.post('/api/probe/things', { config: { permission: 'probe.thing.write' } }, () => ({ ok: true }));
        app.get('/api/probe/audit', { config: { permission: 'kernel.audit.read' } }, () => ({ ok: true }));
      }),
    );
    await expect(ready).rejects.toBeInstanceOf(UndeclaredPermissionError);
    const message = await ready.then(
      () => '',
      (e: unknown) => (e as Error).message,
    );
    expect(message).toContain('POST /api/probe/things: probe.thing.write（模块“probe”未声明此权限）');
    // a kernel permission is the kernel's to check: a module's route cannot borrow it
    expect(message).toContain('GET /api/probe/audit: kernel.audit.read（模块“probe”未声明此权限）');
    expect(message).not.toContain('GET /api/probe/things');
  });

  test('what a module declares is checked before anything of it runs: permissions, grants, roles, numbers, document kinds, deadlines', async () => {
    const rule = defineDeadline({
      id: 'other.reply',
      module: 'probe',
      nameZh: '答复期限',
      nameEn: 'Reply',
      cite: { law: '测试法', file: 'test.md', article: '第一条' },
      startsOn: 'x',
      startsOnZh: '收到',
      length: { amount: 5, unit: 'day' },
      rollOverHoliday: true,
      warnBefore: { amount: 1, unit: 'day' },
      verified: 'V',
    });
    const build = buildApp({
      engine,
      config: testConfig(),
      logger: false,
      modules: [
        defineModule({
          name: 'probe',
          labelZh: '测试模块',
          labelEn: 'Probe',
          permissions: ['probe.thing.read', 'thing.write'],
          roleGrants: { 'county-staff': ['probe.thing.read', 'probe.thing.delete'] },
          roles: [
            { code: 'probe.clerk', nameZh: '书记员', nameEn: 'Clerk', permissions: ['probe.thing.read', 'kernel.todo.read', 'kernel.nothing.here'] },
            { code: 'clerk.probe', nameZh: '书记员', nameEn: 'Clerk', permissions: [] },
          ],
          workflows: [
            defineWorkflow({
              module: 'other',
              kind: 'thing',
              number: '{abbr}测〔{year}〕{seq}号',
              statuses: ['open'],
              initial: 'open',
              terminal: [],
              transitions: { open: {} },
              labels: { statuses: { open: { zh: '办理中', en: 'Open' } }, actions: {} },
            }),
          ],
          documentKinds: [
            { kind: 'notice', nameZh: '通知书', nameEn: 'Notice' },
            // the same mark as the things' numbers, on another counter: both would hand out 赣章测〔2026〕1号
            { kind: 'probe.ruling', nameZh: '决定书', nameEn: 'Ruling', number: '{abbr}测〔{year}〕{seq:3}号' },
            { kind: 'probe.order', nameZh: '通知', nameEn: 'Order', number: '{abbr}令〔{year}〕号' },
          ],
          deadlines: { 'other.reply': rule },
        }),
      ],
    });
    await expect(build).rejects.toBeInstanceOf(ModuleDeclarationError);
    const problems = await build.then(
      () => [],
      (e: unknown) => (e as ModuleDeclarationError).problems,
    );
    expect(problems).toEqual([
      '模块“probe”声明的权限“thing.write”应以“probe.”开头',
      '模块“probe”把未声明的权限“probe.thing.delete”授予角色“county-staff”',
      '模块“probe”的角色“probe.clerk”含有未声明的权限“kernel.nothing.here”',
      '模块“probe”的角色代码“clerk.probe”应为“probe.<角色>”',
      '模块“probe”的事项类型“thing”属于模块“other”',
      '模块“probe”的文书类型“notice”应以“probe.”开头',
      '模块“probe”的文书类型“probe.ruling”的编号格式“{abbr}测〔{year}〕{seq:3}号”与模块“probe”的事项类型“thing”的编号字样相同，编号会重复',
      '模块“probe”的文书类型“probe.order”的编号格式“{abbr}令〔{year}〕号”缺少序号 {seq}',
      "模块“probe”的期限规则“other.reply”应以“probe.”开头并标明 module: 'probe'",
    ]);
  });

  test('routes that declare a permission, authenticated or public boot', async () => {
    await expect(
      boot(
        testModule((app) => {
          app.get('/api/probe/things', { config: { permission: 'probe.thing.read' } }, () => ({ ok: true }));
          app.get('/api/probe/mine', { config: { authenticated: true } }, () => ({ ok: true }));
          app.get('/api/probe/open', { config: { public: true } }, () => ({ ok: true }));
        }),
      ),
    ).resolves.toBeDefined();
  });
});

describe("a module's declared permission is enforced through its role grants", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      modules: [testModule((app) => app.get('/api/probe/things', { config: { permission: 'probe.thing.read' } }, () => ({ items: ['一'] })))],
    });
  });
  afterAll(() => t.close());

  test('the role granted it by the module may call the route', async () => {
    const auditor = await t.loginAs('auditor');
    const session = (await auditor.request('GET', '/api/auth/session')).json<{ user: { permissions: string[] } }>();
    expect(session.user.permissions).toContain('probe.thing.read');
    const res = await auditor.request('GET', '/api/probe/things');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ items: ['一'] });
  });

  test('a role without the grant is refused with the permission named', async () => {
    const admin = await t.loginAs('admin');
    const res = await admin.request('GET', '/api/probe/things');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'FORBIDDEN', message: '您没有执行此操作的权限 (probe.thing.read)' });
  });

  test('nobody signed out may call it', async () => {
    const res = await t.anonymous('GET', '/api/probe/things');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'UNAUTHENTICATED', message: '请先登录' });
  });
});
