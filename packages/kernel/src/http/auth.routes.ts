import { appendAudit } from '../audit/audit';
import { confirmTotpSetup, secondFactorRequired, secondFactorStatus, startTotpSetup } from '../auth/second-factor.service';
import { type AuthPolicy, login, logout, throttleOf } from '../auth/session.service';
import { permissionsOf, type ModuleDefinition } from '../define-module';
import { AppError } from '../errors';
import { createFieldCrypto } from '../parties/crypto';
import type { RoleCode } from '../shared/permissions';
import {
  ChangePasswordInput,
  LoginInput,
  RecoveryCodes,
  SecondFactorStatus,
  SessionInfo,
  TotpConfirmInput,
  TotpSetup,
  type SessionUser,
} from '../shared/users';
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

const secondFactorOf = (u: AuthUser) => ({ enrolled: u.secondFactorEnrolled ?? false, required: u.secondFactorRequired ?? false });

export function authRoutes(app: SifaApp, { engine, dataKey }: ModuleDeps, opts: AuthRouteOptions) {
  const db = engine.db;
  // TOTP secrets are encrypted at rest under the personal-data key, as phones and ID numbers are.
  const crypto = createFieldCrypto(dataKey);

  app.post(
    '/api/auth/login',
    {
      config: { public: true, rateLimit: { max: opts.loginRatePerMinute, timeWindow: '1 minute' } },
      schema: { tags: ['认证'], summary: '工作人员登录', body: LoginInput, response: { 200: SessionInfo } },
    },
    async (req, reply) => {
      const meta = { ip: req.ip, userAgent: req.headers['user-agent'] ?? null, requestId: req.id };
      const { token, csrfToken, userId } = await login(db, crypto, req.body, meta, opts.policy);
      reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', path: '/', secure: opts.secureCookie });
      const row = await db
        .selectFrom('kernel.users as u')
        .innerJoin('kernel.orgs as o', 'o.id', 'u.orgId')
        .select(['u.id', 'u.username', 'u.displayName', 'u.orgId', 'o.name as orgName', 'u.roles', 'u.totpEnabledAt', 'u.mfaExempt'])
        .where('u.id', '=', userId)
        .executeTakeFirstOrThrow();
      const { totpEnabledAt, mfaExempt, ...user } = row;
      const roles = row.roles as RoleCode[];
      return {
        user: { ...user, roles, permissions: [...permissionsOf(opts.modules(), roles)].sort() },
        csrfToken,
        secondFactor: { enrolled: totpEnabledAt !== null, required: secondFactorRequired(opts.policy.secondFactor, roles, mfaExempt) },
      };
    },
  );

  app.get(
    '/api/auth/session',
    {
      config: { authenticated: true, enrolment: true, scopeProbe: { kind: 'self' } },
      schema: { tags: ['认证'], summary: '当前会话', response: { 200: SessionInfo } },
    },
    (req) => {
      const user = req.user;
      if (!user) throw new AppError('UNAUTHENTICATED');
      return { user: sessionUser(user), csrfToken: user.csrfToken, secondFactor: secondFactorOf(user) };
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { authenticated: true, enrolment: true, scopeProbe: { kind: 'self' } }, schema: { tags: ['认证'], summary: '退出登录' } },
    async (req, reply) => {
      if (req.user) await logout(db, actorOf(req), req.user.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { authenticated: true, enrolment: true, scopeProbe: { kind: 'self' }, rateLimit: { max: opts.loginRatePerMinute, timeWindow: '1 minute' } },
      schema: { tags: ['认证'], summary: '修改本人口令', body: ChangePasswordInput },
    },
    async (req, reply) => {
      await changeOwnPassword(ctxOf(req, db), req.body.currentPassword, req.body.newPassword, throttleOf(opts.policy));
      return reply.code(204).send();
    },
  );

  // Second factor (TOTP, ADR 0020): open to an account that must still enrol, so that it can.
  const self = { authenticated: true, enrolment: true, scopeProbe: { kind: 'self' } } as const;
  app.get('/api/auth/second-factor', { config: self, schema: { tags: ['认证'], summary: '本人二次验证状态', response: { 200: SecondFactorStatus } } }, (req) =>
    secondFactorStatus(ctxOf(req, db)),
  );
  app.post(
    '/api/auth/second-factor/totp/setup',
    { config: self, schema: { tags: ['认证'], summary: '开始绑定动态口令 (返回密钥与二维码内容)', response: { 200: TotpSetup } } },
    (req) => startTotpSetup(ctxOf(req, db), crypto),
  );
  app.post(
    '/api/auth/second-factor/totp/confirm',
    {
      config: { ...self, rateLimit: { max: opts.loginRatePerMinute, timeWindow: '1 minute' } },
      schema: { tags: ['认证'], summary: '输入验证码完成绑定 (返回一次性恢复码)', body: TotpConfirmInput, response: { 200: RecoveryCodes } },
    },
    (req) => confirmTotpSetup(ctxOf(req, db), crypto, req.body.code),
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
