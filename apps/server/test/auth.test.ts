import { createHash, randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hashPassword, type RoleCode } from '@sifa/kernel';
import { buildApp } from '@sifa/platform';
import { createTestApp, DEMO_PASSWORD, testConfig, type Agent, type TestApp } from '@sifa/testing';
import { businessModules } from '../src/registry';

let t: TestApp;
let admin: Agent;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.loginAs('admin');
});
afterAll(() => t.close());

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  t.anonymous('POST', '/api/auth/login', { username, password }, headers);
const cookieOf = (res: LightMyRequestResponse) => res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
const auditOf = (requestId: string) => t.engine.db.selectFrom('kernel.auditLog').selectAll().where('requestId', '=', requestId).execute();
const err = (res: LightMyRequestResponse) => ({ status: res.statusCode, ...res.json<{ code: string; message: string }>() });

/** A fresh account of its own for tests that change it, in 解放街道司法所. */
async function addUser(username: string, roles: RoleCode[] = ['office-staff']) {
  const id = randomUUID();
  const orgId = await t.orgId('解放街道司法所');
  await t.engine.db
    .insertInto('kernel.users')
    .values({ id, username, displayName: username, passwordHash: await hashPassword(DEMO_PASSWORD), orgId, roles })
    .execute();
  return id;
}
/** Signs in and returns a raw session: its cookie and CSRF token. */
async function session(username: string, password = DEMO_PASSWORD) {
  const res = await login(username, password);
  expect(res.statusCode).toBe(200);
  const csrf = res.json<{ csrfToken: string }>().csrfToken;
  const cookie = cookieOf(res);
  return {
    cookie,
    token: res.cookies[0]?.value ?? '',
    get: (url: string) => t.anonymous('GET', url, undefined, { cookie }),
    post: (url: string, body?: unknown) => t.anonymous('POST', url, body, { cookie, 'x-csrf-token': csrf }),
  };
}

describe('signing in', () => {
  test('the right password returns the user, permissions and a CSRF token, and sets an HttpOnly cookie', async () => {
    const res = await login('zhanggong', DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = res.json<{ user: { permissions: string[] }; csrfToken: string }>();
    expect(body.user).toMatchObject({
      id: await t.userId('zhanggong'),
      username: 'zhanggong',
      displayName: '张县局',
      orgId: await t.orgId('章贡区司法局'),
      orgName: '章贡区司法局',
      roles: ['county-staff'],
    });
    expect(body.user.permissions).toEqual(expect.arrayContaining(['kernel.org.read', 'kernel.todo.read', 'kernel.user.read']));
    expect(body.user.permissions).not.toContain('kernel.user.manage');
    expect(body.user.permissions).not.toContain('kernel.audit.read');
    expect(body.user.permissions).toEqual([...body.user.permissions].sort());
    expect(body.csrfToken).toMatch(/^[\w-]{24,}$/);
    const [cookie] = res.cookies;
    expect(cookie).toMatchObject({ name: 'sifa_session', httpOnly: true, sameSite: 'Lax', path: '/' });
    // Only a digest of the token is stored: a copy of the table does not give sessions away.
    const stored = await t.engine.db
      .selectFrom('kernel.sessions')
      .select('id')
      .where('id', 'in', [
        cookie?.value ?? '',
        createHash('sha256')
          .update(cookie?.value ?? '')
          .digest('hex'),
      ])
      .execute();
    expect(stored).toEqual([
      {
        id: createHash('sha256')
          .update(cookie?.value ?? '')
          .digest('hex'),
      },
    ]);
  });

  test('the user name is trimmed and not case-sensitive', async () => {
    expect((await login('  ZhangGong ', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  test('a wrong password is refused without a cookie', async () => {
    const res = await login('leader', 'Wrong@2026');
    expect(err(res)).toEqual({ status: 401, code: 'INVALID_CREDENTIALS', message: '登录名或口令不正确' });
    expect(res.cookies).toEqual([]);
  });

  test('an unknown user gets exactly the same answer as a wrong password', async () => {
    const wrong = await login('leader', 'Wrong@2026');
    const unknown = await login('no-such-person', 'Wrong@2026');
    expect(unknown.statusCode).toBe(wrong.statusCode);
    expect(unknown.json()).toEqual(wrong.json());
  });

  test('Accept-Language: en gives English messages', async () => {
    const res = await login('leader', 'Wrong@2026', { 'accept-language': 'en-US,en;q=0.9' });
    expect(err(res)).toEqual({ status: 401, code: 'INVALID_CREDENTIALS', message: 'Wrong user name or password' });
    const anon = await t.anonymous('GET', '/api/users', undefined, { 'accept-language': 'en' });
    expect(err(anon)).toEqual({ status: 401, code: 'UNAUTHENTICATED', message: 'Please sign in' });
  });

  // BUG: field messages come from the Zod schemas, written in Chinese, so an English request gets
  // "Invalid input: username：请输入登录名" (plugins/errors.ts:19-22, shared/users.ts). Fix: give each schema
  // message an English twin (e.g. a `{ zh, en }` table keyed by the Chinese text or a message code) and pick
  // by req.locale in the error handler, for `message` and `details`.
  test('with Accept-Language: en a validation error is in English too', async () => {
    const res = await login('', 'x', { 'accept-language': 'en' });
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(res.json<{ message: string }>().message).not.toMatch(/[\u4e00-\u9fff]/);
  });

  test('every sign-in, successful or not, is in the audit log with its result', async () => {
    const ok = await login('city', DEMO_PASSWORD, { 'x-request-id': 'login-ok-000001' });
    const wrong = await login('city', 'Wrong@2026', { 'x-request-id': 'login-wrong-000001' });
    const unknown = await login('ghost', 'Wrong@2026', { 'x-request-id': 'login-ghost-000001' });
    expect([ok.statusCode, wrong.statusCode, unknown.statusCode]).toEqual([200, 401, 401]);
    const cityId = await t.userId('city');
    expect(await auditOf('login-ok-000001')).toMatchObject([{ action: 'kernel.auth.login', result: 'success', actorName: 'city', targetId: cityId }]);
    expect(await auditOf('login-wrong-000001')).toMatchObject([
      { action: 'kernel.auth.login', result: 'failure', actorName: 'city', targetId: cityId, summary: { reason: 'wrong-password' } },
    ]);
    expect(await auditOf('login-ghost-000001')).toMatchObject([
      { action: 'kernel.auth.login', result: 'failure', actorName: 'ghost', actorId: null, summary: { reason: 'unknown-user' } },
    ]);
  });
});

describe('lockout after repeated failures', () => {
  test('the fifth wrong password locks the account, even against the right one, until an admin unlocks it', async () => {
    const id = await addUser('lockme');
    for (let i = 1; i <= 4; i++) expect(err(await login('lockme', `Wrong@${i}abc`))).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' });
    const fifth = err(await login('lockme', 'Wrong@5abc'));
    expect(fifth).toMatchObject({ status: 423, code: 'ACCOUNT_LOCKED' });
    expect(fifth.message).toMatch(/^连续登录失败次数过多，账号已临时锁定，请于 \d{4}\/\d{1,2}\/\d{1,2} \d{2}:\d{2}:\d{2} 后重试或联系管理员解锁$/);
    expect(err(await login('lockme', DEMO_PASSWORD))).toMatchObject({ status: 423, code: 'ACCOUNT_LOCKED' });
    expect((await admin.request('GET', `/api/users/${id}`)).json<{ lockedUntil: string | null }>().lockedUntil).not.toBeNull();

    const unlocked = await admin.request('POST', `/api/users/${id}/unlock`);
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json()).toMatchObject({ id, lockedUntil: null });
    expect((await login('lockme', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  // BUG: session.service.ts:50-54 reads failed_logins, waits for argon2, then writes `failedLogins + 1`, so
  // parallel wrong guesses overwrite each other's count and a burst of guesses never locks the account.
  // Fix: count in the database — `update kernel.users set failed_logins = failed_logins + 1 … returning
  // failed_logins` and lock when the returned value reaches maxFailedLogins (or select … for update first).
  test('ten wrong passwords sent at once lock the account too', async () => {
    const id = await addUser('burst');
    await Promise.all(Array.from({ length: 10 }, (_, i) => login('burst', `Wrong@${i}burst`)));
    const row = await t.engine.db.selectFrom('kernel.users').select('lockedUntil').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.lockedUntil).not.toBeNull();
  });

  test('a successful sign-in resets the count of failures', async () => {
    await addUser('resetme');
    for (let i = 0; i < 4; i++) await login('resetme', 'Wrong@2026x');
    expect((await login('resetme', DEMO_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login('resetme', 'Wrong@2026x')).statusCode).toBe(401);
  });
});

describe('sessions', () => {
  test('a write without the CSRF token, or with a wrong one, is refused and audited; nothing is written', async () => {
    const s = await session('admin');
    const body = { parentId: await t.orgId('章贡区司法局'), kind: 'mediation-committee', name: '无令牌调解委员会' };
    const none = await t.anonymous('POST', '/api/orgs', body, { cookie: s.cookie, 'x-request-id': 'csrf-missing-0001' });
    const wrong = await t.anonymous('POST', '/api/orgs', body, { cookie: s.cookie, 'x-csrf-token': 'forged' });
    for (const res of [none, wrong]) expect(err(res)).toEqual({ status: 403, code: 'CSRF_FAILED', message: '请求缺少有效的防伪令牌，请刷新页面后重试' });
    expect(await auditOf('csrf-missing-0001')).toMatchObject([
      { action: 'kernel.access.denied', result: 'failure', actorName: 'admin', summary: { code: 'CSRF_FAILED', method: 'POST' } },
    ]);
    expect(await t.engine.db.selectFrom('kernel.orgs').select('id').where('name', '=', '无令牌调解委员会').execute()).toEqual([]);
    expect((await s.post('/api/orgs', body)).statusCode).toBe(201);
  });

  test('logging out ends the session: the same cookie is no longer signed in', async () => {
    const s = await session('office');
    const out = await s.post('/api/auth/logout');
    expect(out.statusCode).toBe(204);
    expect(out.cookies).toMatchObject([{ name: 'sifa_session', value: '' }]);
    expect(err(await s.get('/api/auth/session'))).toEqual({ status: 401, code: 'UNAUTHENTICATED', message: '请先登录' });
    expect(await auditOf(out.headers['x-request-id'] as string)).toMatchObject([{ action: 'kernel.auth.logout', actorName: 'office' }]);
  });

  test('a session idle for more than 30 minutes has expired and is deleted', async () => {
    const s = await session('ningdu');
    const id = createHash('sha256').update(s.token).digest('hex');
    await sql`update kernel.sessions set last_seen_at = now() - interval '31 minutes' where id = ${id}`.execute(t.engine.db);
    expect(err(await s.get('/api/auth/session'))).toEqual({ status: 401, code: 'SESSION_EXPIRED', message: '会话已超时，请重新登录' });
    expect(await t.engine.db.selectFrom('kernel.sessions').select('id').where('id', '=', id).execute()).toEqual([]);
    expect(err(await s.get('/api/auth/session'))).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });

  test('a session idle for 29 minutes still works and its idle timer restarts', async () => {
    const s = await session('ningdu');
    const id = createHash('sha256').update(s.token).digest('hex');
    await sql`update kernel.sessions set last_seen_at = now() - interval '29 minutes' where id = ${id}`.execute(t.engine.db);
    expect((await s.get('/api/auth/session')).statusCode).toBe(200);
    const row = await t.engine.db.selectFrom('kernel.sessions').select('lastSeenAt').where('id', '=', id).executeTakeFirstOrThrow();
    expect(Date.now() - new Date(row.lastSeenAt).getTime()).toBeLessThan(60_000);
  });

  test('a session past its absolute lifetime has expired, however active', async () => {
    const s = await session('ningdu');
    const id = createHash('sha256').update(s.token).digest('hex');
    await sql`update kernel.sessions set expires_at = now() - interval '1 second' where id = ${id}`.execute(t.engine.db);
    expect(err(await s.get('/api/auth/session'))).toMatchObject({ status: 401, code: 'SESSION_EXPIRED' });
  });

  test('an expired cookie does not stand in the way of signing in again', async () => {
    const s = await session('ningdu');
    await sql`update kernel.sessions set last_seen_at = now() - interval '2 hours' where id = ${createHash('sha256').update(s.token).digest('hex')}`.execute(
      t.engine.db,
    );
    const res = await t.anonymous('POST', '/api/auth/login', { username: 'ningdu', password: DEMO_PASSWORD }, { cookie: s.cookie });
    expect(res.statusCode).toBe(200);
  });
});

describe('changing one’s own password', () => {
  test('a weak new password is refused with the complexity rule', async () => {
    await addUser('pw-weak');
    const s = await session('pw-weak');
    const res = await s.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'alllowercase1' });
    expect(err(res)).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: '提交的内容有误：newPassword：口令须包含大写字母、小写字母、数字、符号中的至少三类',
      details: [{ field: 'newPassword', message: '口令须包含大写字母、小写字母、数字、符号中的至少三类' }],
    });
    expect(err(await s.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'Aa1!' }))).toMatchObject({
      message: '提交的内容有误：newPassword：口令至少 8 位',
    });
  });

  test('a wrong current password or an unchanged one is refused', async () => {
    await addUser('pw-wrong');
    const s = await session('pw-wrong');
    expect(err(await s.post('/api/auth/password', { currentPassword: 'Wrong@2026', newPassword: 'Neu@2026pw' }))).toEqual({
      status: 400,
      code: 'WRONG_PASSWORD',
      message: '当前口令不正确',
    });
    expect(err(await s.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD }))).toEqual({
      status: 400,
      code: 'WEAK_PASSWORD',
      message: '新口令不能与当前口令相同',
    });
    expect((await login('pw-wrong', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  test('after a change the old password no longer works, the new one does, and other sessions end', async () => {
    await addUser('pw-ok');
    const other = await session('pw-ok');
    const s = await session('pw-ok');
    const res = await s.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'Neu@2026pw' });
    expect(res.statusCode).toBe(204);
    expect(err(await login('pw-ok', DEMO_PASSWORD))).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' });
    expect((await login('pw-ok', 'Neu@2026pw')).statusCode).toBe(200);
    expect((await s.get('/api/auth/session')).statusCode).toBe(200);
    expect((await other.get('/api/auth/session')).statusCode).toBe(401);
    expect(await auditOf(res.headers['x-request-id'] as string)).toMatchObject([{ action: 'kernel.user.change-password', actorName: 'pw-ok' }]);
  });
});

describe('disabled accounts', () => {
  test('a disabled user cannot sign in and loses the session it had', async () => {
    const id = await addUser('leaver');
    const s = await session('leaver');
    expect((await admin.request('POST', `/api/users/${id}/deactivate`)).json()).toMatchObject({ active: false });
    expect((await s.get('/api/auth/session')).statusCode).toBe(401);
    const res = await login('leaver', DEMO_PASSWORD, { 'x-request-id': 'login-disabled-01' });
    expect(err(res)).toEqual({ status: 403, code: 'ACCOUNT_DISABLED', message: '账号已停用，请联系管理员' });
    expect(await auditOf('login-disabled-01')).toMatchObject([{ result: 'failure', summary: { reason: 'disabled' } }]);
    // A wrong password does not reveal that the account exists but is disabled.
    expect(err(await login('leaver', 'Wrong@2026'))).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' });
  });
});

describe('sign-in rate limit', () => {
  test('more attempts per minute than configured get 429 RATE_LIMITED in the error shape', async () => {
    const app = await buildApp({ engine: t.engine, config: testConfig({ loginRatePerMinute: 3 }), logger: false, modules: businessModules });
    try {
      const attempt = (headers: Record<string, string> = {}) =>
        app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody-rl', password: 'Wrong@2026' }, headers });
      for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
      const fourth = await attempt();
      expect(fourth.statusCode).toBe(429);
      expect(fourth.json()).toEqual({ code: 'RATE_LIMITED', message: '请求过于频繁，请 1 分钟 后再试' });
      expect(fourth.headers['retry-after']).toBeDefined();
      expect((await attempt({ 'accept-language': 'en' })).json()).toEqual({ code: 'RATE_LIMITED', message: 'Too many requests; try again in 1 minute' });
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
