import { z } from 'zod';
import { notFound } from '../errors';
import { listNotifications, markRead, unreadState } from '../notifications/inbox';
import { IdParams, PageQuery } from '../shared/common';
import { ctxOf } from './context';
import type { ModuleDeps, SifaApp } from './types';

const tags = ['通知'];
const Notification = z.object({
  id: z.uuid(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

/** A staff member's own in-app notifications; another user's notification does not exist for the caller. */
export function notificationRoutes(app: SifaApp, { engine }: ModuleDeps) {
  const db = engine.db;
  app.get(
    '/api/notifications',
    {
      config: { authenticated: true, scopeProbe: { kind: 'self' } },
      schema: {
        tags,
        summary: '我的通知',
        querystring: PageQuery.extend({ unread: z.enum(['true', 'false']).optional() }),
        response: { 200: z.object({ items: z.array(Notification), total: z.number(), unread: z.number(), page: z.number(), pageSize: z.number() }) },
      },
    },
    (req) => listNotifications(db, ctxOf(req, db).user.id, req.query.unread === 'true', req.query.page, req.query.pageSize),
  );
  // The bell asks every few seconds (ADR 0023): a short poll answered 304 while nothing changed. The tag is the
  // unread count and the newest unread one, so a new notification changes it even when another was read meanwhile.
  app.get(
    '/api/notifications/unread-count',
    {
      config: { authenticated: true, scopeProbe: { kind: 'self' } },
      schema: { tags, summary: '未读通知数 (ETag，未变化时 304)', response: { 200: z.object({ unread: z.number() }), 304: z.null().optional() } },
    },
    async (req, reply) => {
      const s = await unreadState(db, ctxOf(req, db).user.id);
      const etag = `W/"${String(s.unread)}-${s.newest ? new Date(s.newest).getTime().toString(36) : '0'}"`;
      void reply.header('etag', etag).header('cache-control', 'private, no-cache').header('vary', 'cookie');
      if (req.headers['if-none-match'] === etag) return reply.code(304).send(null);
      return { unread: s.unread };
    },
  );
  app.post(
    '/api/notifications/:id/read',
    { config: { authenticated: true, scopeProbe: { kind: 'resource', resource: 'notification' } }, schema: { tags, summary: '标为已读', params: IdParams } },
    async (req, reply) => {
      if (!(await markRead(db, req.now, ctxOf(req, db).user.id, req.params.id))) {
        const mine = await db
          .selectFrom('kernel.notifications')
          .select('id')
          .where('id', '=', req.params.id)
          .where('userId', '=', ctxOf(req, db).user.id)
          .executeTakeFirst();
        if (!mine) throw notFound('通知');
      }
      return reply.code(204).send();
    },
  );
  app.post(
    '/api/notifications/read-all',
    { config: { authenticated: true, scopeProbe: { kind: 'self' } }, schema: { tags, summary: '全部标为已读' } },
    async (req, reply) => {
      await markRead(db, req.now, ctxOf(req, db).user.id);
      return reply.code(204).send();
    },
  );
}
