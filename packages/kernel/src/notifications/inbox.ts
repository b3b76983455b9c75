import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** In-app notification to a staff member, written in the caller's transaction. */
export async function notifyUser(trx: Kysely<Database>, n: { userId: string; title: string; body?: string; link?: string }) {
  await trx
    .insertInto('kernel.notifications')
    .values({ id: randomUUID(), userId: n.userId, title: n.title, body: n.body ?? '', link: n.link ?? null })
    .execute();
}

export async function listNotifications(db: Kysely<Database>, userId: string, unreadOnly: boolean, page: number, pageSize: number) {
  let q = db.selectFrom('kernel.notifications').where('userId', '=', userId);
  if (unreadOnly) q = q.where('readAt', 'is', null);
  const [items, total, unread] = await Promise.all([
    q
      .select(['id', 'title', 'body', 'link', 'createdAt', 'readAt'])
      .orderBy('createdAt', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    unreadCount(db, userId),
  ]);
  return {
    items: items.map((i) => ({ ...i, createdAt: new Date(i.createdAt).toISOString(), readAt: i.readAt ? new Date(i.readAt).toISOString() : null })),
    total: total.n,
    unread,
    page,
    pageSize,
  };
}

export async function unreadCount(db: Kysely<Database>, userId: string): Promise<number> {
  const r = await db
    .selectFrom('kernel.notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('userId', '=', userId)
    .where('readAt', 'is', null)
    .executeTakeFirstOrThrow();
  return r.n;
}

/** The unread count and the newest unread notification's time: what the bell's ETag is made of. */
export async function unreadState(db: Kysely<Database>, userId: string): Promise<{ unread: number; newest: Date | string | null }> {
  const r = await db
    .selectFrom('kernel.notifications')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('createdAt').as('newest')])
    .where('userId', '=', userId)
    .where('readAt', 'is', null)
    .executeTakeFirstOrThrow();
  return { unread: r.n, newest: r.newest };
}

/** Marks one (or, without id, all) of the user's notifications read; another user's id changes nothing. */
export async function markRead(db: Kysely<Database>, at: Date, userId: string, id?: string): Promise<number> {
  let q = db.updateTable('kernel.notifications').set({ readAt: at }).where('userId', '=', userId).where('readAt', 'is', null);
  if (id) q = q.where('id', '=', id);
  return Number((await q.executeTakeFirst()).numUpdatedRows);
}
