import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  AppError,
  auditDenied,
  localeOf,
  permissionsOf,
  PUBLIC_COOKIE,
  resolvePublicSession,
  resolveSession,
  SESSION_COOKIE,
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

  app.addHook('onRequest', async (req: FastifyRequest) => {
    req.locale = localeOf(req.headers['accept-language']);
    const cfg = req.routeOptions.config;
    if (req.url.startsWith('/api/public/')) {
      const publicToken = req.cookies[PUBLIC_COOKIE];
      if (publicToken) req.citizen = (await resolvePublicSession(engine.db, publicToken)) ?? null;
      return;
    }
    const token = req.cookies[SESSION_COOKIE];
    if (!token || !req.url.startsWith('/api/')) return;
    const found = await resolveSession(engine.db, token, policy);
    if (found && found !== 'expired') req.user = { ...found, permissions: permissionsOf(modules(), found.roles) };
    else if (found === 'expired' && !cfg.public) throw new AppError('SESSION_EXPIRED');
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
