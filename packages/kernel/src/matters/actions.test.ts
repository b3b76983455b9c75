import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { AppError, ctxOf, defineAction, defineModule, defineWorkflow, fixedClock, issueDocument, Matter, openMatter } from '@sifa/kernel';
import { createTestApp, type Agent, type TestApp } from '@sifa/testing';

// ADR 0014: an action declared once makes its own route; a document it issues is part of its transaction.
const TRIAL = defineWorkflow({
  module: 'trial',
  kind: 'case',
  number: '{abbr}试〔{year}〕{seq}号',
  statuses: ['registered', 'decided'],
  initial: 'registered',
  terminal: ['decided'],
  transitions: { registered: { decideCase: 'decided', note: 'registered' }, decided: {} },
  labels: {
    statuses: { registered: { zh: '已登记', en: 'Registered' }, decided: { zh: '已决定', en: 'Decided' } },
    actions: { decideCase: { zh: '作出决定', en: 'Decide' }, note: { zh: '备注', en: 'Note' } },
  },
});

const decideCase = defineAction({
  workflow: TRIAL,
  name: 'decideCase',
  input: z.object({ expectedVersion: z.number().int(), title: z.string().min(2), failAfter: z.boolean().optional() }),
  outcome: 'decided',
  probe: { resource: 'matter', body: { title: '决定书' } },
  handle: async (ctx, trx, matter, input) => {
    await issueDocument(ctx, { matterId: matter.id, kind: 'trial.decision', title: input.title, body: ['决定如下。'] }, { trx });
    if (input.failAfter) throw new AppError('CONFLICT', { reason: '之后的一步失败了' });
  },
});

const trialModule = defineModule({
  name: 'trial',
  labelZh: '试验',
  labelEn: 'Trial',
  permissions: ['trial.case.read', 'trial.case.write', 'trial.case.act'],
  roleGrants: { 'county-staff': ['trial.case.read', 'trial.case.write', 'trial.case.act'] },
  workflows: [TRIAL],
  actions: [decideCase],
  documentKinds: [{ kind: 'trial.decision', nameZh: '决定书', nameEn: 'Decision' }],
  routes(app, { engine }) {
    app.post(
      '/api/trial/cases',
      {
        config: { permission: 'trial.case.write', scopeProbe: { kind: 'bodyOrg', field: 'orgId', body: { title: '越权登记' } } },
        schema: { body: z.object({ orgId: z.uuid(), title: z.string() }), response: { 201: Matter } },
      },
      async (req, reply) => reply.code(201).send(await openMatter(ctxOf(req, engine.db), TRIAL, req.body)),
    );
  },
});

const filesIn = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesIn(`${dir}/${e.name}`) : [`${dir}/${e.name}`]));

describe('typed actions: one declaration makes the route, its checks, its audit entry and one transaction', () => {
  let t: TestApp;
  let zhanggong: Agent;
  const clock = fixedClock('2026-03-02');
  const open = async () =>
    (await zhanggong.request('POST', '/api/trial/cases', { orgId: await t.orgId('章贡区司法局'), title: '试验事项' })).json<{ id: string; version: number }>();
  const documentsOf = async (matterId: string) =>
    (await t.engine.db.selectFrom('kernel.documents').select('id').where('matterId', '=', matterId).execute()).length;

  beforeAll(async () => {
    t = await createTestApp({ modules: [trialModule], clock });
    zhanggong = await t.loginAs('zhanggong');
  });
  afterAll(() => t.close());

  test('the route is kebab-case under the kind’s collection, with its permission, probe and OpenAPI entry', async () => {
    const route = t.app.routeTable.find((r) => r.url === '/api/trial/cases/:id/decide-case');
    expect(route?.config).toMatchObject({ permission: 'trial.case.act', scopeProbe: { kind: 'resource', resource: 'matter', body: { expectedVersion: 1 } } });
    const spec = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json<{ paths: Record<string, { post?: Record<string, unknown> }> }>();
    expect(spec.paths['/api/trial/cases/{id}/decide-case']?.post).toMatchObject({ operationId: 'trial.case.decideCase', summary: '作出决定', tags: ['试验'] });
  });

  test('the action and its document commit together, dated by the app’s clock; the generic route refuses it', async () => {
    const m = await open();
    const generic = await zhanggong.request('POST', `/api/matters/${m.id}/actions`, { action: 'decideCase', expectedVersion: 1 });
    expect(generic.json<{ code: string }>().code).toBe('ACTION_NEEDS_FORM');
    const res = await zhanggong.request('POST', `/api/trial/cases/${m.id}/decide-case`, { expectedVersion: 1, title: '处理决定书' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'decided', outcome: 'decided', version: 2 });
    expect(res.json<{ closedAt: string }>().closedAt.startsWith('2026-03-0')).toBe(true);
    expect(await documentsOf(m.id)).toBe(1);
    const audit = await t.engine.db.selectFrom('kernel.auditLog').select('action').where('targetId', '=', m.id).execute();
    expect(audit.map((a) => a.action)).toContain('trial.case.decideCase');
  });

  test('when the action fails after its document was issued, neither is committed and the PDF is removed', async () => {
    const m = await open();
    const before = filesIn(t.filesDir).length;
    const res = await zhanggong.request('POST', `/api/trial/cases/${m.id}/decide-case`, { expectedVersion: 1, title: '处理决定书', failAfter: true });
    expect(res.statusCode).toBe(409);
    expect(await documentsOf(m.id)).toBe(0);
    expect(filesIn(t.filesDir).length).toBe(before);
    const detail = await zhanggong.request('GET', `/api/matters/${m.id}`);
    expect(detail.json()).toMatchObject({ matter: { status: 'registered', version: 1 } });
  });

  test('a document the action cannot issue refuses the action', async () => {
    const m = await open();
    const res = await zhanggong.request('POST', `/api/trial/cases/${m.id}/decide-case`, { expectedVersion: 1, title: '决定书 13907970002' });
    expect(res.json<{ code: string }>().code).toBe('DOCUMENT_TITLE_PERSONAL');
    expect((await zhanggong.request('GET', `/api/matters/${m.id}`)).json()).toMatchObject({ matter: { status: 'registered', version: 1 } });
  });

  test('a matter outside the caller’s scope answers 404 and is left as it was', async () => {
    const m = await open();
    const ningdu = await t.loginAs('ningdu');
    const res = await ningdu.request('POST', `/api/trial/cases/${m.id}/decide-case`, { expectedVersion: 1, title: '处理决定书' });
    expect(res.statusCode).toBe(404);
    expect(await documentsOf(m.id)).toBe(0);
  });
});
