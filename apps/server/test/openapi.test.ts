import { fileURLToPath } from 'node:url';
import { lintFromString, loadConfig } from '@redocly/openapi-core';
import createClient from 'openapi-fetch';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '@sifa/testing';

// Issue #13 item 11: /api/docs/json is a document another program can use — it passes a standard OpenAPI linter
// (redocly.yaml at the repository root), declares how to sign in, names every operation and its error answers,
// and a client built from it alone signs in and writes with the CSRF header.

interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
  responses: Record<string, { $ref?: string }>;
  'x-sifa-permission'?: string;
}
interface Doc {
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, { type: string; in: string; name: string }>; responses: Record<string, unknown> };
}

const configPath = fileURLToPath(new URL('../../../redocly.yaml', import.meta.url));
const lint = async (doc: unknown) => lintFromString({ source: JSON.stringify(doc), absoluteRef: '/api/docs/json', config: await loadConfig({ configPath }) });
const operations = (doc: Doc) => Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })));

describe('the API document', () => {
  let t: TestApp;
  let doc: Doc;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp();
    doc = (await t.anonymous('GET', '/api/docs/json')).json<Doc>();
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => t.close());

  test('passes the OpenAPI linter with no error and no warning', async () => {
    const problems = await lint(doc);
    expect(problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} ${p.location[0]?.pointer ?? ''}`)).toEqual([]);
  });

  test('the linter configuration is in force: an operation without an id is an error', async () => {
    const broken = structuredClone(doc);
    delete broken.paths['/api/auth/login']?.post?.operationId;
    const problems = await lint(broken);
    expect(problems.filter((p) => p.severity === 'error').map((p) => p.ruleId)).toContain('operation-operationId');
  });

  test('every operation has a unique id: derived from method and path, or the typed action’s name', () => {
    const ids = operations(doc).map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.paths['/api/auth/login']?.post?.operationId).toBe('postAuthLogin');
    expect(doc.paths['/api/mediation/disputes/{id}']?.get?.operationId).toBe('getMediationDisputesById');
    expect(doc.paths['/api/mediation/disputes/{id}/accept']?.post?.operationId).toBe('mediation.dispute.accept');
  });

  test('security: none on public routes, the session cookie on the others, and the CSRF header on their writes', () => {
    expect(doc.components.securitySchemes).toMatchObject({
      staffSession: { type: 'apiKey', in: 'cookie', name: 'sifa_session' },
      citizenSession: { type: 'apiKey', in: 'cookie', name: 'sifa_public' },
      csrfToken: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
    });
    expect(doc.paths['/api/auth/login']?.post?.security).toEqual([]);
    expect(doc.paths['/api/public/auth/code']?.post?.security).toEqual([]);
    expect(doc.paths['/api/mediation/disputes']?.get?.security).toEqual([{ staffSession: [] }]);
    expect(doc.paths['/api/mediation/disputes']?.post?.security).toEqual([{ staffSession: [], csrfToken: [] }]);
    expect(doc.paths['/api/public/mediation/applications']?.post?.security).toEqual([{ citizenSession: [], csrfToken: [] }]);
    expect(doc.paths['/api/mediation/disputes']?.get?.['x-sifa-permission']).toBe('mediation.dispute.read');
    for (const { method, path, op } of operations(doc)) {
      expect(op.security, `${method} ${path}`).toBeDefined();
      if (method !== 'get' && op.security?.length) expect(Object.keys(op.security[0] ?? {}), `${method} ${path}`).toContain('csrfToken');
    }
  });

  test('error answers in the platform’s error shape: 400 with input, 401/403 with a session, 404 with a path id, 429 everywhere', () => {
    const dispute = doc.paths['/api/mediation/disputes/{id}/accept']?.post;
    expect(Object.keys(dispute?.responses ?? {}).sort()).toEqual(['200', '400', '401', '403', '404', '409', '413', '415', '429']);
    expect(dispute?.responses['404']).toEqual({ $ref: '#/components/responses/NotFound' });
    const login = doc.paths['/api/auth/login']?.post;
    expect(Object.keys(login?.responses ?? {})).not.toContain('403');
    expect(doc.components.responses['Forbidden']).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      description: expect.stringContaining('CSRF_FAILED') as unknown,
    });
    for (const { method, path, op } of operations(doc)) {
      expect(
        Object.keys(op.responses).some((s) => s.startsWith('4')),
        `${method} ${path}`,
      ).toBe(true);
    }
  });

  test('openapi-typescript generates a client’s types from it', async () => {
    const types = astToString(await openapiTS(doc as never));
    expect(types).toContain('postAuthLogin: {');
    expect(types).toContain('getMediationDisputesById: {');
    expect(types).toMatch(/401: components\["responses"\]\["Unauthorized"\]/);
    expect(types).toMatch(/Error: \{[\s\S]*code: string;[\s\S]*message: string;/);
  });

  test('a client built from the document alone signs in and writes with the CSRF header; without it the write is refused as documented', async () => {
    const find = (operationId: string) => {
      const hit = operations(doc).find((o) => o.op.operationId === operationId);
      if (!hit) throw new Error(`no operation ${operationId}`);
      return hit;
    };
    const { staffSession, csrfToken } = doc.components.securitySchemes;
    const client = createClient<Record<string, never>>({ baseUrl: base });
    const api = client as unknown as Record<
      string,
      (path: string, init: Record<string, unknown>) => Promise<{ data?: unknown; error?: unknown; response: Response }>
    >;
    const call = (operationId: string, init: Record<string, unknown>) => {
      const { method, path } = find(operationId);
      const send = api[method.toUpperCase()];
      if (!send) throw new Error(`openapi-fetch has no ${method}`);
      return send(path, init);
    };

    const login = await call('postAuthLogin', { body: { username: 'city', password: DEMO_PASSWORD } });
    expect(login.response.status).toBe(200);
    const cookie = login.response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0] ?? '')
      .find((c) => c.startsWith(`${staffSession?.name ?? ''}=`));
    expect(cookie).toBeDefined();
    const token = (login.data as { csrfToken: string }).csrfToken;
    expect(token).toMatch(/\S{16,}/);

    const read = await call('getAuthSession', { headers: { cookie } });
    expect(read.response.status).toBe(200);

    const refused = await call('postNotificationsReadAll', { headers: { cookie } });
    expect(refused.response.status).toBe(403);
    expect(refused.error).toMatchObject({ code: 'CSRF_FAILED' });
    expect(find('postNotificationsReadAll').op.responses['403']).toBeDefined();

    const written = await call('postNotificationsReadAll', { headers: { cookie, [csrfToken?.name ?? '']: token } });
    expect(written.response.ok).toBe(true); // 204: the route declares no answer, and the document says only "成功"
  });
});
