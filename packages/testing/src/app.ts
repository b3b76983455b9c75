import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Clock, Engine, ModuleDefinition } from '@sifa/kernel';
import { buildApp, type AppConfig } from '@sifa/platform';
import { testConfig, DEMO_PASSWORD } from './config';
import { createTestDb } from './db';
import { registeredModules } from './registry';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A signed-in staff member: requests carry the session cookie and the CSRF token. */
export interface Agent {
  username: string;
  csrfToken: string;
  request(method: Method, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export interface TestApp {
  app: FastifyInstance;
  engine: Engine;
  /** Signs a demo account in (password `Sifa@2026`). */
  loginAs(username: string): Promise<Agent>;
  anonymous(method: Method, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  /** Unit id by exact name, e.g. '章贡区司法局'. */
  orgId(name: string): Promise<string>;
  userId(username: string): Promise<string>;
  /** The file store of this app (attachments, issued PDFs): a temporary directory removed on close. */
  filesDir: string;
  close(): Promise<void>;
}

export async function createTestApp(opts: { modules?: readonly ModuleDefinition[]; clock?: Clock; config?: Partial<AppConfig> } = {}): Promise<TestApp> {
  const engine = await createTestDb();
  const filesDir = mkdtempSync(join(tmpdir(), 'sifa-files-'));
  // Test modules come on top of the registry's business modules, so every real route is there too.
  const modules = [...registeredModules(), ...(opts.modules ?? [])];
  const app = await buildApp({
    engine,
    config: testConfig({ filesDir, ...opts.config }),
    logger: false,
    modules,
    ...(opts.clock ? { clock: opts.clock } : {}),
  });
  await app.ready();
  const send = (o: InjectOptions) => app.inject(o);
  const req =
    (cookie: string | undefined, csrf: string | undefined) =>
    (method: Method, url: string, body?: unknown, headers: Record<string, string> = {}) =>
      send({
        method,
        url,
        headers: { ...(cookie ? { cookie } : {}), ...(csrf && method !== 'GET' ? { 'x-csrf-token': csrf } : {}), ...headers },
        ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
      });
  return {
    app,
    engine,
    anonymous: req(undefined, undefined),
    async loginAs(username) {
      const res = await send({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const csrfToken = res.json<{ csrfToken: string }>().csrfToken;
      return { username, csrfToken, request: req(cookie, csrfToken) };
    },
    async orgId(name) {
      const r = await engine.db.selectFrom('kernel.orgs').select('id').where('name', '=', name).executeTakeFirstOrThrow();
      return r.id;
    },
    async userId(username) {
      const r = await engine.db.selectFrom('kernel.users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
      return r.id;
    },
    filesDir,
    async close() {
      await app.close();
      await engine.close();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}
