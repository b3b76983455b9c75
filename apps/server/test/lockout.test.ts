import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hashPassword } from '@sifa/kernel';
import { buildApp, loadConfig } from '@sifa/platform';
import { createTestApp, DEMO_PASSWORD, testConfig, type TestApp } from '@sifa/testing';
import { businessModules } from '../src/registry';

// Issue #11 "Low": lockout per account and source with growing waits, never a lock by strangers, no user-name
// oracle; a failure limit on /api/auth/password; the client address from a configured trusted proxy (ADR 0020).

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const STRANGER = '198.51.100.7';
const OWNER = '203.0.113.5';
const loginFrom = (remoteAddress: string, username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });
const err = (res: LightMyRequestResponse) => ({ status: res.statusCode, code: res.json<{ code: string }>().code });

async function addUser(username: string) {
  const id = randomUUID();
  await t.engine.db
    .insertInto('kernel.users')
    .values({
      id,
      username,
      displayName: username,
      passwordHash: await hashPassword(DEMO_PASSWORD),
      orgId: await t.orgId('解放街道司法所'),
      roles: ['office-staff'],
    })
    .execute();
  return id;
}

describe('sign-in failures are counted per account and source', () => {
  test('a stranger failing from one address cannot lock the owner out at another', async () => {
    await addUser('owner-a');
    for (let i = 0; i < 4; i++) expect(err(await loginFrom(STRANGER, 'owner-a', `Wrong@${i}xx`))).toEqual({ status: 401, code: 'INVALID_CREDENTIALS' });
    expect(err(await loginFrom(STRANGER, 'owner-a', 'Wrong@5xx'))).toEqual({ status: 423, code: 'ACCOUNT_LOCKED' });
    // the stranger's address waits, even with the right password …
    expect(err(await loginFrom(STRANGER, 'owner-a', DEMO_PASSWORD))).toEqual({ status: 423, code: 'ACCOUNT_LOCKED' });
    // … the owner, elsewhere, signs in as usual
    expect((await loginFrom(OWNER, 'owner-a', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  test('the waits grow 1, 2, 4, 8 minutes and stop at 15; a success forgets them', async () => {
    await addUser('grower');
    const waits: number[] = [];
    for (let i = 0; i < 9; i++) {
      // let the previous wait pass, as a patient guesser would
      await sql`update kernel.login_throttle set blocked_until = now() - interval '1 second' where subject = 'grower'`.execute(t.engine.db);
      await loginFrom(STRANGER, 'grower', `Wrong@${i}yy`);
      const row = await t.engine.db
        .selectFrom('kernel.loginThrottle')
        .select(['blockedUntil', 'lastFailureAt'])
        .where('kind', '=', 'login')
        .where('subject', '=', 'grower')
        .where('source', '=', STRANGER)
        .executeTakeFirstOrThrow();
      const until = row.blockedUntil ? new Date(row.blockedUntil).getTime() : 0;
      waits.push(until > Date.now() ? Math.round((until - new Date(row.lastFailureAt).getTime()) / 60_000) : 0);
    }
    expect(waits).toEqual([0, 0, 0, 0, 1, 2, 4, 8, 15]);
    await sql`update kernel.login_throttle set blocked_until = null where subject = 'grower'`.execute(t.engine.db);
    expect((await loginFrom(STRANGER, 'grower', DEMO_PASSWORD)).statusCode).toBe(200);
    expect(await t.engine.db.selectFrom('kernel.loginThrottle').select('source').where('subject', '=', 'grower').execute()).toEqual([]);
  });

  test('a name that does not exist is answered exactly like one that does, lockout included', async () => {
    const answers = async (username: string, from: string) => {
      const out: unknown[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await loginFrom(from, username, `Wrong@${i}zz`);
        out.push({ status: res.statusCode, body: res.json<{ code: string; message: string }>().code });
      }
      return out;
    };
    expect(await answers('no-such-admin', '192.0.2.10')).toEqual(await answers('admin', '192.0.2.11'));
    // the real admin still signs in from its own desk
    expect((await loginFrom('192.0.2.12', 'admin', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  test('an administrator’s unlock ends the wait of every source', async () => {
    const id = await addUser('unlock-all');
    for (const from of [STRANGER, OWNER]) for (let i = 0; i < 5; i++) await loginFrom(from, 'unlock-all', `Wrong@${i}uu`);
    const admin = await t.loginAs('admin');
    expect((await admin.request('GET', `/api/users/${id}`)).json<{ lockedUntil: string | null }>().lockedUntil).not.toBeNull();
    expect((await admin.request('POST', `/api/users/${id}/unlock`)).statusCode).toBe(200);
    expect((await loginFrom(STRANGER, 'unlock-all', DEMO_PASSWORD)).statusCode).toBe(200);
    expect((await loginFrom(OWNER, 'unlock-all', DEMO_PASSWORD)).statusCode).toBe(200);
  });
});

describe('changing one’s own password has a failure limit', () => {
  test('the fifth wrong current password makes the account wait, even with the right one; every failure is audited', async () => {
    const id = await addUser('pw-guess');
    const s = await t.loginAs('pw-guess');
    const change = (currentPassword: string) => s.request('POST', '/api/auth/password', { currentPassword, newPassword: 'Neu@2026pw' });
    for (let i = 0; i < 4; i++) expect(err(await change(`Wrong@${i}pw`))).toEqual({ status: 400, code: 'WRONG_PASSWORD' });
    const fifth = await change('Wrong@5pw');
    expect(err(fifth)).toEqual({ status: 423, code: 'PASSWORD_ATTEMPTS_LOCKED' });
    expect(fifth.json<{ message: string }>().message).toMatch(/^当前口令连续输错次数过多，请于 .+ 后再修改口令$/);
    expect(err(await change(DEMO_PASSWORD))).toEqual({ status: 423, code: 'PASSWORD_ATTEMPTS_LOCKED' });
    const failures = await t.engine.db
      .selectFrom('kernel.auditLog')
      .select('summary')
      .where('action', '=', 'kernel.user.change-password')
      .where('result', '=', 'failure')
      .where('targetId', '=', id)
      .execute();
    expect(failures).toHaveLength(5);
    // the password is unchanged: the guesser got nothing
    expect((await loginFrom(OWNER, 'pw-guess', DEMO_PASSWORD)).statusCode).toBe(200);
  });
});

describe('client address behind a trusted reverse proxy (SIFA_TRUST_PROXY)', () => {
  const codeSends = async (trustProxy: string[] | false) => {
    const app = await buildApp({ engine: t.engine, config: testConfig({ trustProxy }), logger: false, modules: businessModules });
    let phone = 13907970000 + Math.floor(Math.random() * 9000);
    const ask = (forwardedFor: string, remoteAddress = '127.0.0.1') =>
      app.inject({
        method: 'POST',
        url: '/api/public/auth/code',
        payload: { phone: String(phone++) },
        headers: { 'x-forwarded-for': forwardedFor },
        remoteAddress,
      });
    try {
      const first = [];
      for (let i = 0; i < 6; i++) first.push((await ask('198.51.100.20')).statusCode);
      return { first, other: (await ask('198.51.100.21')).statusCode, unproxied: (await ask('198.51.100.22', '192.0.2.99')).statusCode };
    } finally {
      await app.close();
    }
  };

  test('with the proxy trusted, each citizen has their own 5 code sends a minute', async () => {
    const r = await codeSends(['127.0.0.1']);
    expect(r.first).toEqual([204, 204, 204, 204, 204, 429]);
    expect(r.other).toBe(204);
    // a header from a peer that is not the proxy is not believed: that peer's own address counts
    expect(r.unproxied).toBe(204);
    const audit = await t.engine.db
      .selectFrom('kernel.auditLog')
      .select('ip')
      .where('action', '=', 'kernel.public.code-sent')
      .where('ip', '=', '198.51.100.21')
      .execute();
    expect(audit).toHaveLength(1);
  });

  test('without it, the header is not believed: everyone behind the proxy shares the socket address', async () => {
    const r = await codeSends(false);
    expect(r.first).toEqual([204, 204, 204, 204, 204, 429]);
    expect(r.other).toBe(429);
  });

  test('the setting takes addresses, networks or a hop count, and refuses `true`', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ SIFA_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' }).trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8']);
    expect(loadConfig({ SIFA_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(() => loadConfig({ SIFA_TRUST_PROXY: 'true' })).toThrow(/SIFA_TRUST_PROXY 不能是 true/);
    expect(() => loadConfig({ SIFA_TRUST_PROXY: 'proxy.example' })).toThrow(/不是 IP 地址或网段/);
  });
});
