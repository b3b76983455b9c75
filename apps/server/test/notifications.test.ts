import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { notifyUser } from '@sifa/kernel';
import { createTestApp, type TestApp } from '@sifa/testing';

describe('in-app notifications', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  test('a user sees and reads only their own notifications; the unread count follows', async () => {
    const zg = await t.loginAs('zhanggong');
    const nd = await t.loginAs('ningdu');
    // Ids first: inside a transaction only `trx` may be used (PGlite has one connection; the outer db would wait).
    const [zgId, ndId] = [await t.userId('zhanggong'), await t.userId('ningdu')];
    await t.engine.db.transaction().execute(async (trx) => {
      await notifyUser(trx, { userId: zgId, title: '期限提醒：赣章样〔2026〕1号 将于 2026-11-25 到期', link: '/matters/x' });
      await notifyUser(trx, { userId: zgId, title: '第二条' });
      await notifyUser(trx, { userId: ndId, title: '宁都的通知' });
    });
    expect((await zg.request('GET', '/api/notifications/unread-count')).json()).toEqual({ unread: 2 });
    const list = (await zg.request('GET', '/api/notifications')).json<{ items: { id: string; title: string }[]; total: number }>();
    expect(list.total).toBe(2);
    expect(list.items.map((i) => i.title)).not.toContain('宁都的通知');
    const ndItem = (await nd.request('GET', '/api/notifications')).json<{ items: { id: string }[] }>().items[0];
    expect((await zg.request('POST', `/api/notifications/${ndItem?.id ?? ''}/read`)).statusCode).toBe(404);
    expect((await zg.request('POST', `/api/notifications/${list.items[0]?.id ?? ''}/read`)).statusCode).toBe(204);
    expect((await zg.request('GET', '/api/notifications/unread-count')).json()).toEqual({ unread: 1 });
    await zg.request('POST', '/api/notifications/read-all');
    expect((await zg.request('GET', '/api/notifications/unread-count')).json()).toEqual({ unread: 0 });
    expect((await nd.request('GET', '/api/notifications/unread-count')).json()).toEqual({ unread: 1 });
  });
});
