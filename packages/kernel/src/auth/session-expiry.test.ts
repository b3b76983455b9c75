import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '@sifa/testing';
import { BACKGROUND_REQUEST_HEADER, SESSION_EXPIRES_IN_HEADER } from '../shared/users';

// issue #13 item 2: the console warns before the idle timeout, so it must know when the session ends.
describe('every signed-in answer says how long the session has left', () => {
  let t: TestApp;
  let office: Agent;
  beforeAll(async () => {
    t = await createTestApp({ config: { sessionIdleMinutes: 30 } });
    office = await t.loginAs('office');
  });
  afterAll(() => t.close());

  const left = async () => Number((await office.request('GET', '/api/auth/session')).headers[SESSION_EXPIRES_IN_HEADER]);
  const shift = (column: 'last_seen_at' | 'expires_at', interval: string) =>
    sql`update kernel.sessions set ${sql.ref(column)} = ${sql.ref(column)} + ${interval}::interval`.execute(t.engine.db);

  test('a fresh session has the idle timeout ahead of it', async () => {
    const seconds = await left();
    expect(seconds).toBeGreaterThan(30 * 60 - 5);
    expect(seconds).toBeLessThanOrEqual(30 * 60);
  });

  test('time idle counts down; a request after more than a minute renews it', async () => {
    await shift('last_seen_at', '-50 seconds');
    const seconds = await left();
    expect(seconds).toBeGreaterThan(30 * 60 - 60);
    expect(seconds).toBeLessThanOrEqual(30 * 60 - 49);
    await shift('last_seen_at', '-28 minutes');
    // this request is activity: the idle timer starts again from it
    expect(await left()).toBeGreaterThan(30 * 60 - 5);
  });

  test('a background poll (the bell) reads the session without renewing it', async () => {
    await shift('last_seen_at', '-10 minutes');
    const poll = await office.request('GET', '/api/notifications/unread-count', undefined, { [BACKGROUND_REQUEST_HEADER]: '1' });
    expect(poll.statusCode).toBe(200);
    expect(Number(poll.headers[SESSION_EXPIRES_IN_HEADER])).toBeLessThanOrEqual(20 * 60);
    // the person's own request renews it
    expect(await left()).toBeGreaterThan(30 * 60 - 5);
  });

  test('the absolute lifetime caps it', async () => {
    await sql`update kernel.sessions set expires_at = now() + interval '100 seconds'`.execute(t.engine.db);
    expect(await left()).toBeLessThanOrEqual(100);
  });

  test('an ended session answers 401 SESSION_EXPIRED, which the console meets with its sign-in dialog', async () => {
    await shift('last_seen_at', '-31 minutes');
    await sql`update kernel.sessions set expires_at = now() + interval '1 hour'`.execute(t.engine.db);
    const res = await office.request('GET', '/api/auth/session');
    expect(res.statusCode).toBe(401);
    expect(res.json<{ code: string }>().code).toBe('SESSION_EXPIRED');
  });
});
