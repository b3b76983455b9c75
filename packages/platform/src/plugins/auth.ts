import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  actorOf,
  appendAudit,
  AppError,
  auditDenied,
  BACKGROUND_REQUEST_HEADER,
  localeOf,
  permissionsOf,
  PUBLIC_COOKIE,
  resolvePublicSession,
  resolveSession,
  SESSION_COOKIE,
  SESSION_EXPIRES_IN_HEADER,
  type AuthPolicy,
  type Engine,
  type ModuleDefinition,
} from '@sifa/kernel';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the session cookie, then enforces what the route declares: `public`, `authenticated`, or a
 * `permission`; state-changing requests of a session must carry its CSRF token (synchroniser token).
 */
export function registerAuth(app: FastifyInstance, engine: Engine, policy: AuthPolicy, modules: () => readonly ModuleDefinition[]) {
  app.decorateRequest('user', null);
  app.decorateRequest('citizen', null);
  app.decorateRequest('locale', 'zh');

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    req.locale = localeOf(req.headers['accept-language']);
    const cfg = req.routeOptions.config;
    if (req.url.startsWith('/api/public/')) {
      const publicToken = req.cookies[PUBLIC_COOKIE];
      if (publicToken) req.citizen = (await resolvePublicSession(engine.db, publicToken)) ?? null;
      return;
    }
    const token = req.cookies[SESSION_COOKIE];
    if (!token || !req.url.startsWith('/api/')) return;
    const found = await resolveSession(engine.db, token, policy, { touch: req.headers[BACKGROUND_REQUEST_HEADER] !== '1' });
    if (found && found !== 'expired') {
      req.user = { ...found, permissions: permissionsOf(modules(), found.roles) };
      // seconds left before the idle timeout (or the absolute end): the console warns ahead of it and offers to stay
      // signed in; seconds, not an instant, so a browser clock that is off does not matter (issue #13 item 2)
      if (found.sessionExpiresAt)
        reply.header(SESSION_EXPIRES_IN_HEADER, String(Math.max(0, Math.floor((found.sessionExpiresAt.getTime() - Date.now()) / 1000))));
    } else if (found === 'expired' && !cfg.public) throw new AppError('SESSION_EXPIRED');
  });

  // A signed-in request answered 404 on a real route asked for something that does not exist *or is outside the
  // caller's scope* (the answer does not say which): probing a neighbour county's records shows up in the audit
  // log. The route pattern only, not the ids asked for: the entry is read by auditors of the caller's own scope,
  // and must not hand them another county's record ids; the request id leads to the server log's path.
  app.addHook('onSend', async (req, reply, payload) => {
    if (reply.statusCode !== 404 || !req.user || req.is404) return payload;
    try {
      await engine.db.transaction().execute((trx) =>
        appendAudit(trx, actorOf(req), {
          action: 'kernel.access.not-found',
          result: 'failure',
          summary: { method: req.method, route: req.routeOptions.url ?? '' },
        }),
      );
    } catch (err) {
      req.log.error({ err }, 'audit of a 404 failed');
    }
    return payload;
  });

  app.addHook('preValidation', async (req: FastifyRequest) => {
    const cfg = req.routeOptions.config;
    if (cfg.public || req.is404) return;
    if (cfg.citizen) {
      if (!req.citizen) throw new AppError('PUBLIC_UNAUTHENTICATED');
      if (!SAFE.has(req.method) && req.headers['x-csrf-token'] !== req.citizen.csrfToken) throw new AppError('CSRF_FAILED');
      return;
    }
    const user = req.user;
    if (!user) throw new AppError('UNAUTHENTICATED');
    // An account that must hold a second factor and has none may only enrol it (and see or end its session).
    if (user.secondFactorRequired && !user.secondFactorEnrolled && !cfg.enrolment) throw new AppError('SECOND_FACTOR_ENROL_REQUIRED');
    if (cfg.permission && !user.permissions.has(cfg.permission)) {
      await auditDenied(engine.db, req, 'FORBIDDEN');
      throw new AppError('FORBIDDEN', { permission: cfg.permission });
    }
    if (!SAFE.has(req.method) && req.headers['x-csrf-token'] !== user.csrfToken) {
      await auditDenied(engine.db, req, 'CSRF_FAILED');
      throw new AppError('CSRF_FAILED');
    }
  });
}
