import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, auditDenied, localeOf, permissionsOf, resolveSession, SESSION_COOKIE, type AuthPolicy, type Engine, type ModuleDefinition } from '@sifa/kernel';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the session cookie, then enforces what the route declares: `public`, `authenticated`, or a
 * `permission`; state-changing requests of a session must carry its CSRF token (synchroniser token).
 */
export function registerAuth(app: FastifyInstance, engine: Engine, policy: AuthPolicy, modules: () => readonly ModuleDefinition[]) {
  app.decorateRequest('user', null);
  app.decorateRequest('locale', 'zh');

  app.addHook('onRequest', async (req: FastifyRequest) => {
    req.locale = localeOf(req.headers['accept-language']);
    const cfg = req.routeOptions.config;
    const token = req.cookies[SESSION_COOKIE];
    if (!token || !req.url.startsWith('/api/')) return;
    const found = await resolveSession(engine.db, token, policy);
    if (found && found !== 'expired') req.user = { ...found, permissions: permissionsOf(modules(), found.roles) };
    else if (found === 'expired' && !cfg.public) throw new AppError('SESSION_EXPIRED');
  });

  app.addHook('preValidation', async (req: FastifyRequest) => {
    const cfg = req.routeOptions.config;
    if (cfg.public || req.is404) return;
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
