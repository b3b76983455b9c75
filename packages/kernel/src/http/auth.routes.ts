import { appendAudit } from '../audit/audit';
import { type AuthPolicy, login, logout } from '../auth/session.service';
import { permissionsOf, type ModuleDefinition } from '../define-module';
import { AppError } from '../errors';
import { ChangePasswordInput, LoginInput, SessionInfo, type SessionUser } from '../shared/users';
import { changeOwnPassword } from '../users/user.service';
import { actorOf, ctxOf } from './context';
import type { AuthUser, ModuleDeps, SifaApp } from './types';

export const SESSION_COOKIE = 'sifa_session';

export interface AuthRouteOptions {
  policy: AuthPolicy;
  modules: () => readonly ModuleDefinition[];
  secureCookie: boolean;
  loginRatePerMinute: number;
}

const sessionUser = (u: AuthUser): SessionUser => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  orgId: u.orgId,
  orgName: u.orgName,
  roles: u.roles,
  permissions: [...u.permissions].sort(),
});

export function authRoutes(app: SifaApp, { engine }: ModuleDeps, opts: AuthRouteOptions) {
  const db = engine.db;

  app.post(
    '/api/auth/login',
    {
      config: { public: true, rateLimit: { max: opts.loginRatePerMinute, timeWindow: '1 minute' } },
      schema: { tags: ['认证'], summary: '工作人员登录', body: LoginInput, response: { 200: SessionInfo } },
    },
    async (req, reply) => {
      const meta = { ip: req.ip, userAgent: req.headers['user-agent'] ?? null, requestId: req.id };
      const { token, csrfToken, userId } = await login(db, req.body.username, req.body.password, meta, opts.policy);
      reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', path: '/', secure: opts.secureCookie });
      const row = await db
        .selectFrom('kernel.users as u')
        .innerJoin('kernel.orgs as o', 'o.id', 'u.orgId')
        .select(['u.id', 'u.username', 'u.displayName', 'u.orgId', 'o.name as orgName', 'u.roles'])
        .where('u.id', '=', userId)
        .executeTakeFirstOrThrow();
      const roles = row.roles as AuthUser['roles'];
      return {
        user: { ...row, roles, permissions: [...permissionsOf(opts.modules(), roles)].sort() },
        csrfToken,
      };
    },
  );

  app.get(
    '/api/auth/session',
    {
      config: { authenticated: true, scopeProbe: { kind: 'self' } },
      schema: { tags: ['认证'], summary: '当前会话', response: { 200: SessionInfo } },
    },
    (req) => {
      const user = req.user;
      if (!user) throw new AppError('UNAUTHENTICATED');
      return { user: sessionUser(user), csrfToken: user.csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { authenticated: true, scopeProbe: { kind: 'self' } }, schema: { tags: ['认证'], summary: '退出登录' } },
    async (req, reply) => {
      if (req.user) await logout(db, actorOf(req), req.user.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { authenticated: true, scopeProbe: { kind: 'self' } },
      schema: { tags: ['认证'], summary: '修改本人口令', body: ChangePasswordInput },
    },
    async (req, reply) => {
      await changeOwnPassword(ctxOf(req, db), req.body.currentPassword, req.body.newPassword);
      return reply.code(204).send();
    },
  );
}

/** Audits a refused request (permission or CSRF) so probing shows up in the log. */
export async function auditDenied(db: ModuleDeps['engine']['db'], req: Parameters<typeof actorOf>[0], code: string) {
  await db
    .transaction()
    .execute((trx) =>
      appendAudit(trx, actorOf(req), { action: 'kernel.access.denied', result: 'failure', summary: { code, method: req.method, url: req.url } }),
    );
}
