import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type RouteOptions } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  checkModules,
  configureWorkers,
  DEFAULT_AUTH_POLICY,
  errorMessage,
  hardenInput,
  installDeadlineRules,
  installDocumentKinds,
  kernelModule,
  localeOf,
  resolveDataKey,
  registerModuleActions,
  requestSchemaOf,
  startAuditSealer,
  createAnchorWriter,
  systemClock,
  undeclaredPermissionRoutes,
  type Clock,
  type DataKey,
  type Engine,
  type ModuleDefinition,
  type ModuleDeps,
} from '@sifa/kernel';
import type { AuditAnchoring } from './audit-keys';
import type { AppConfig } from './config';
import { loggerOptionsOf, registerReadableRequestLog, requestLoggingOf } from './logging';
import { registerAuth } from './plugins/auth';
import { registerErrorHandler } from './plugins/errors';
import { registerOpenApi } from './plugins/openapi';
import { registerSecurityHeaders, securityHeaders } from './plugins/security-headers';
import { registerWeb } from './plugins/web';

z.config(z.locales.zhCN());

/** A route's schema with its request parts as the app validates them (hardenInput), for the API document. */
function hardenRouteSchema<S extends object>(schema: S): S {
  const out = { ...schema } as Record<string, unknown>;
  for (const part of ['body', 'querystring', 'params', 'headers']) {
    const s = out[part];
    if (s instanceof z.ZodType) out[part] = hardenInput(s);
  }
  return out as S;
}

export interface RouteEntry {
  method: string;
  url: string;
  config: RouteOptions['config'];
  /** The module whose `routes` registered it; undefined for the app's own (health, docs, static files). */
  readonly module: string | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every registered route with its declared config; the boot check and the scope test read it. */
    routeTable: RouteEntry[];
    /** What module routes and jobs receive (database, configuration, keys). */
    sifaDeps: ModuleDeps;
    sifaModules: readonly ModuleDefinition[];
  }
}

export class UndeclaredRouteError extends Error {
  constructor(routes: string[]) {
    super(`以下路由未声明权限 (config.permission / config.authenticated / config.public)，拒绝启动：\n  ${routes.join('\n  ')}`);
    this.name = 'UndeclaredRouteError';
  }
}

export class UndeclaredPermissionError extends Error {
  constructor(routes: string[]) {
    super(`以下路由的权限不是其模块声明的权限 (defineModule({ permissions }))，拒绝启动：\n  ${routes.join('\n  ')}`);
    this.name = 'UndeclaredPermissionError';
  }
}

export interface BuildOptions {
  engine: Engine;
  config: AppConfig;
  /** Business modules: the app's registry (apps/server/src/registry.ts); tests may add their own. */
  modules: readonly ModuleDefinition[];
  logger?: boolean;
  /** Resolved by the caller (the CLI reports a generated key); otherwise resolved from the configuration. */
  dataKey?: Buffer;
  /** Where now and today come from (ctx.now, deadline levels); tests pass a fixed clock. */
  clock?: Clock;
  /** Signs the audit chain's head after each sealing (ADR 0019); startServer always gives it, tests may not. */
  auditAnchoring?: AuditAnchoring;
  /** Where the log goes instead of stdout (tests read it). */
  logDestination?: NodeJS.WritableStream;
}

/** The personal-data key of a configuration: SIFA_DATA_KEY, or the embedded data directory's key file. */
export const dataKeyOf = (config: AppConfig, warn?: (message: string) => void): DataKey =>
  resolveDataKey({ env: { SIFA_DATA_KEY: config.dataKey, DATABASE_URL: config.databaseUrl }, dataDir: config.dataDir, ...(warn ? { warn } : {}) });

/** A hop count trusts that many proxies in front of the app (as Fastify's own number option does). */
const trustProxyOption = (t: AppConfig['trustProxy']) => (typeof t === 'number' ? (_addr: string, hop: number) => hop < t : t);

/** The sign-in policy of a configuration: idle timeout and who needs a second factor. */
export const authPolicyOf = (config: AppConfig) => ({ ...DEFAULT_AUTH_POLICY, idleMinutes: config.sessionIdleMinutes, secondFactor: config.mfaRoles });

export function allModules(config: AppConfig, business: readonly ModuleDefinition[]): ModuleDefinition[] {
  const list: ModuleDefinition[] = [];
  const kernel = kernelModule(
    {
      policy: authPolicyOf(config),
      secureCookie: config.secureCookie,
      loginRatePerMinute: config.loginRatePerMinute,
    },
    () => list,
  );
  list.push(kernel, ...business);
  return list;
}

export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const { engine, config } = opts;
  const app = Fastify({
    // JSON lines for log collectors, readable lines on a terminal (SIFA_LOG_FORMAT, logging.ts)
    logger: opts.logger === false ? false : loggerOptionsOf(config, opts.logDestination),
    ...requestLoggingOf(config.logFormat),
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w.-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    },
    // Behind a reverse proxy, the client's address comes from X-Forwarded-For, believed only from the configured
    // proxies (SIFA_TRUST_PROXY): rate limits, lockouts and audit entries key on it (ADR 0020).
    trustProxy: trustProxyOption(config.trustProxy),
    bodyLimit: 1_048_576,
    // An address the router cannot decode (%ED%A0%80, an over-long parameter) is answered before any hook runs:
    // the same error shape, in the client's language, with the security headers, as every other answer.
    frameworkErrors: (err, req, reply) => {
      const locale = localeOf(req.headers['accept-language']);
      const reason = locale === 'en' ? 'the address contains characters that cannot be decoded' : '地址中有无法识别的字符编码，请检查链接';
      void (reply as FastifyReply)
        .code(err.statusCode && err.statusCode < 500 ? err.statusCode : 400)
        .headers(securityHeaders({ https: config.secureCookie }))
        .send({ code: 'BAD_REQUEST', message: errorMessage('BAD_REQUEST', locale, { reason }) });
    },
  }).withTypeProvider<ZodTypeProvider>();
  // Every route's input: well-formed text and a default maximum length on strings (kernel http/input.ts, ADR 0017).
  app.setValidatorCompiler((route) => validatorCompiler({ ...route, schema: requestSchemaOf(route.schema as z.ZodType) }));
  app.setSerializerCompiler(serializerCompiler);
  // One instant per request from the app's clock (ctxOf hands it to services as ctx.now).
  const clock = opts.clock ?? systemClock;
  // Import files and PDFs are worked on off this thread (ADR 0016); the pool is the process's, set from the configuration.
  configureWorkers({ threads: config.workerThreads, taskTimeoutMs: config.workerTimeoutSeconds * 1000, maxHeapMb: config.workerHeapMb });
  app.decorateRequest('now', null as unknown as Date);
  app.addHook('onRequest', (req, _reply, done) => {
    req.now = clock.now();
    done();
  });

  const routeTable: RouteEntry[] = [];
  // Which module registered a route: each module's context marks the options objects of its routes.
  const moduleOfRoute = new WeakMap<object, string>();
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (r) => {
    // The same options object is later completed by child contexts (static files mark themselves public).
    const entry = {
      method: String(r.method),
      url: r.url,
      get config() {
        return r.config;
      },
      get module() {
        return moduleOfRoute.get(r);
      },
    };
    routeTable.push(entry);
  });
  app.addHook('onReady', () => {
    const undeclared = routeTable
      .filter((r) => !r.config?.public && !r.config?.citizen && !r.config?.authenticated && !r.config?.permission)
      .map((r) => `${r.method} ${r.url}`);
    if (undeclared.length) throw new UndeclaredRouteError(undeclared);
    const foreign = undeclaredPermissionRoutes(
      routeTable.map((r) => ({ method: r.method, url: r.url, module: r.module, permission: r.config?.permission })),
      modules,
    );
    if (foreign.length) throw new UndeclaredPermissionError(foreign);
  });
  // Audit entries are written unsealed with each change and chained here, every second and on close (ADR 0011).
  let sealer: ReturnType<typeof startAuditSealer> | undefined;
  const anchoring = opts.auditAnchoring;
  const anchorHead =
    anchoring && createAnchorWriter(engine.db, anchoring.file, anchoring.signer, (message) => app.log.error({ anchor: anchoring.file }, message));
  app.addHook('onReady', () => {
    sealer = startAuditSealer(engine.db, (err) => app.log.error({ err }, 'audit sealing failed'), 1000, anchorHead);
  });
  app.addHook('onClose', async () => sealer?.stop());
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  if (config.logFormat === 'pretty' && opts.logger !== false) registerReadableRequestLog(app);
  // Content-Security-Policy and the usual security headers on console, portal and API (ADR 0017).
  registerSecurityHeaders(app, { https: config.secureCookie });

  const modules = allModules(config, opts.modules);
  // What the modules declare must hold together before anything of theirs runs; the deadline catalogue in force
  // is the kernel's rules and every module's.
  checkModules(modules);
  installDeadlineRules(modules);
  installDocumentKinds(modules);
  await app.register(fastifyCookie);
  // Uploads stream file by file; the upload route sets the size limit per request (files/file-types.ts).
  await app.register(fastifyMultipart, { limits: { files: 1, fields: 10, parts: 11, fieldSize: 64 * 1024 } });
  await app.register(fastifyRateLimit, {
    max: config.rateLimitPerMinute,
    timeWindow: '1 minute',
    errorResponseBuilder: (_req, ctx) => ({ statusCode: 429, code: 'RATE_LIMITED', after: ctx.after, message: 'rate limited' }),
  });
  registerErrorHandler(app);
  registerAuth(app, engine, authPolicyOf(config), () => modules);

  // The API document: security schemes, operation ids and error answers derived from each route (plugins/openapi.ts).
  await registerOpenApi(app, { version: '0.1.0', transformSchema: hardenRouteSchema });

  app.get('/healthz', { config: { public: true }, schema: { hide: true } }, () => ({ status: 'ok' }));
  app.get('/readyz', { config: { public: true }, schema: { hide: true } }, async (_req, reply) => {
    try {
      await engine.db.selectFrom('kernel.schemaMigrations').select('name').limit(1).execute();
      return { status: 'ready', engine: engine.kind };
    } catch {
      return reply.code(503).send({ status: 'unavailable', engine: engine.kind });
    }
  });

  const dataKey = opts.dataKey ?? dataKeyOf(config, (m) => app.log.warn(m)).key;
  const moduleConfig = {
    dataDir: config.databaseUrl ? undefined : config.dataDir,
    filesDir: config.filesDir,
    publicBaseUrl: config.publicUrl,
    uploadMaxBytes: config.uploadMaxMb * 1024 * 1024,
    phoneRevealsPerHour: config.phoneRevealsPerHour,
    auditAnchor: anchoring ? { file: anchoring.file, publicKey: anchoring.publicKey } : undefined,
  };
  const deps = { engine, config: moduleConfig, dataKey, clock };
  app.decorate('sifaDeps', deps);
  app.decorate('sifaModules', modules);
  for (const m of modules) {
    if (m.routes || m.actions) {
      const routes = m.routes;
      await app.register(async (child) => {
        child.addHook('onRoute', (r) => {
          moduleOfRoute.set(r, m.name);
        });
        await routes?.(child, deps);
        registerModuleActions(child, deps, m); // POST /api/<module>/<things>/:id/<action> (matters/action.routes.ts)
      });
    }
  }
  await registerWeb(app, config.webDist);
  return app;
}
