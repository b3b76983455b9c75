import { z } from 'zod';
import { findWorkflow, type ModuleDefinition } from '../define-module';
import { AppError } from '../errors';
import { hasPartyPhone } from '../matters/matter-view';
import { createFieldCrypto } from '../parties/crypto';
import { DEFAULT_OTP_POLICY, endPublicSession, normalisePhone, requestCode, verifyCode } from '../public/public-auth.service';
import type { ModuleDeps, SifaApp } from './types';
import { chinaDay } from '../shared/china-time';

export const PUBLIC_COOKIE = 'sifa_public';
const tags = ['公众服务'];

const PublicSessionInfo = z.object({ account: z.object({ id: z.uuid(), phoneMasked: z.string() }), csrfToken: z.string() });
const TrackResult = z.object({
  // the portal shows what the matter's module adds under the result (mediation: rating the mediator)
  module: z.string(),
  kind: z.string(),
  number: z.string(),
  title: z.string(),
  status: z.string(),
  statusEn: z.string(),
  closed: z.boolean(),
  openedOn: z.string(),
  steps: z.array(z.object({ on: z.string(), action: z.string(), actionEn: z.string(), status: z.string(), statusEn: z.string() })),
});

const day = (d: Date | string) => chinaDay(d);

/** Public identity (phone + one-time code) and "track my application" — no staff session involved. */
export function publicRoutes(app: SifaApp, { engine, dataKey }: ModuleDeps, modules: () => readonly ModuleDefinition[], opts: { secureCookie: boolean }) {
  const db = engine.db;
  const crypto = createFieldCrypto(dataKey);
  const policy = DEFAULT_OTP_POLICY;

  app.post(
    '/api/public/auth/code',
    {
      config: { public: true, rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: { tags, summary: '获取短信验证码', body: z.object({ phone: z.string().max(30) }) },
    },
    async (req, reply) => {
      await requestCode(db, crypto, req.body.phone, { ip: req.ip, requestId: req.id }, policy);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/public/auth/login',
    {
      config: { public: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '手机号 + 验证码登录',
        body: z.object({ phone: z.string().max(30), code: z.string().regex(/^\s*\d{6}\s*$/, '验证码为 6 位数字') }),
        response: { 200: PublicSessionInfo },
      },
    },
    async (req, reply) => {
      const s = await verifyCode(db, crypto, req.body.phone, req.body.code, { ip: req.ip, requestId: req.id }, policy);
      reply.setCookie(PUBLIC_COOKIE, s.token, { httpOnly: true, sameSite: 'lax', path: '/', secure: opts.secureCookie });
      return { account: { id: s.accountId, phoneMasked: s.phoneMasked }, csrfToken: s.csrfToken };
    },
  );

  app.get('/api/public/auth/session', { config: { citizen: true }, schema: { tags, summary: '当前群众会话', response: { 200: PublicSessionInfo } } }, (req) => {
    const c = req.citizen;
    if (!c) throw new AppError('PUBLIC_UNAUTHENTICATED');
    return { account: { id: c.accountId, phoneMasked: c.phoneMasked }, csrfToken: c.csrfToken };
  });

  app.post('/api/public/auth/logout', { config: { citizen: true }, schema: { tags, summary: '退出' } }, async (req, reply) => {
    if (req.citizen) await endPublicSession(db, req.citizen, { ip: req.ip, requestId: req.id });
    reply.clearCookie(PUBLIC_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  // Number + the phone given with the matter: only a party of the matter can see its progress. The answer
  // names no staff member and carries no notes (they may hold personal data).
  app.get(
    '/api/public/track',
    {
      config: { public: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '按编号和手机号查询办理进度',
        querystring: z.object({ number: z.string().trim().min(3, '请输入编号').max(60), phone: z.string().max(30) }),
        response: { 200: TrackResult },
      },
    },
    async (req) => {
      const phoneIndex = crypto.blindIndex('phone', normalisePhone(req.query.phone));
      const m = await db
        .selectFrom('kernel.matters as m')
        .select(['m.id', 'm.module', 'm.kind', 'm.number', 'm.title', 'm.status', 'm.openedAt', 'm.closedAt'])
        .where(
          'm.number',
          '=',
          req.query.number.replace(/[()]/g, (c) => (c === '(' ? '〔' : '〕')),
        )
        // the phone given with this matter, not the person's (issue #11 item 3): naming a known person with one's own
        // phone elsewhere tracks none of their matters
        .where(hasPartyPhone('m.id', phoneIndex))
        .executeTakeFirst();
      if (!m) throw new AppError('TRACK_NOT_FOUND');
      const wf = findWorkflow(modules(), m.module, m.kind);
      const label = (s: string) => wf?.labels.statuses[s] ?? { zh: s, en: s };
      const steps = await db.selectFrom('kernel.matterActions').select(['action', 'toStatus', 'at']).where('matterId', '=', m.id).orderBy('id').execute();
      return {
        module: m.module,
        kind: m.kind,
        number: m.number,
        title: m.title,
        status: label(m.status).zh,
        statusEn: label(m.status).en,
        closed: m.closedAt !== null,
        openedOn: day(m.openedAt),
        steps: steps.map((s) => ({
          on: day(s.at),
          action: s.action === 'register' ? '登记' : (wf?.labels.actions[s.action]?.zh ?? s.action),
          actionEn: s.action === 'register' ? 'Registered' : (wf?.labels.actions[s.action]?.en ?? s.action),
          status: label(s.toStatus).zh,
          statusEn: label(s.toStatus).en,
        })),
      };
    },
  );
}
