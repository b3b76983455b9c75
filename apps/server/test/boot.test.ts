import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defineModule, type Engine, type ModuleDefinition, type SifaApp } from '@sifa/kernel';
import { buildApp, UndeclaredRouteError } from '@sifa/platform';
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
