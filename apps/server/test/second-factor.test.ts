import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { base32Decode, hashPassword, hotp, totpAt, type RoleCode } from '@sifa/kernel';
import { loadConfig } from '@sifa/platform';
import { createTestApp, DEMO_PASSWORD, startTestServer, type TestApp } from '@sifa/testing';

// 等保 level 3 (GB/T 22239-2019 8.1.4.1 身份鉴别): two factors for staff, one cryptographic — TOTP with recovery
// codes, a console enrolment, sign-in asking for it, and an audited reset by the security administrator (ADR 0020).

let t: TestApp;
beforeAll(async () => {
  // the default of a real installation: every staff account needs a second factor
  t = await createTestApp({ config: { mfaRoles: 'all' } });
});
afterAll(() => t.close());

const err = (res: LightMyRequestResponse) => ({ status: res.statusCode, code: res.json<{ code: string }>().code });
const login = (username: string, code?: string) =>
  t.anonymous('POST', '/api/auth/login', { username, password: DEMO_PASSWORD, ...(code === undefined ? {} : { code }) });
const cookieOf = (res: LightMyRequestResponse) => res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
const sessionOf = (res: LightMyRequestResponse) => {
  const cookie = cookieOf(res);
  const csrf = res.json<{ csrfToken: string }>().csrfToken;
  return {
    get: (url: string) => t.anonymous('GET', url, undefined, { cookie }),
    post: (url: string, body?: unknown) => t.anonymous('POST', url, body, { cookie, 'x-csrf-token': csrf }),
  };
};

async function addUser(username: string, roles: RoleCode[] = ['county-staff']) {
  const id = randomUUID();
  await t.engine.db
    .insertInto('kernel.users')
    .values({ id, username, displayName: username, passwordHash: await hashPassword(DEMO_PASSWORD), orgId: await t.orgId('章贡区司法局'), roles })
    .execute();
  return id;
}

/** Signs in a fresh account and enrols its TOTP; returns the secret and the recovery codes. */
async function enrolled(username: string) {
  const id = await addUser(username);
  const s = sessionOf(await login(username));
  const { secret } = (await s.post('/api/auth/second-factor/totp/setup')).json<{ secret: string }>();
  const confirm = await s.post('/api/auth/second-factor/totp/confirm', { code: totpAt(secret, new Date()) });
  expect(confirm.statusCode).toBe(200);
  return { id, secret, recoveryCodes: confirm.json<{ recoveryCodes: string[] }>().recoveryCodes };
}

describe('enrolling a second factor', () => {
  test('an account without one signs in but may do nothing until it enrols; then it works', async () => {
    await addUser('mfa-new');
    const res = await login('mfa-new');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ secondFactor: { enrolled: false, required: true } });
    const s = sessionOf(res);
    expect(err(await s.get('/api/users'))).toEqual({ status: 403, code: 'SECOND_FACTOR_ENROL_REQUIRED' });
    expect((await s.get('/api/auth/session')).json()).toMatchObject({ secondFactor: { enrolled: false, required: true } });

    const setup = await s.post('/api/auth/second-factor/totp/setup');
    expect(setup.statusCode).toBe(200);
    const { secret, uri } = setup.json<{ secret: string; uri: string }>();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(uri).toContain(`secret=${secret}`);
    expect(uri).toMatch(/^otpauth:\/\/totp\/.+:mfa-new\?/);
    // the secret is stored encrypted, never as it is shown
    const row = await t.engine.db.selectFrom('kernel.users').select(['totpPendingSecret']).where('username', '=', 'mfa-new').executeTakeFirstOrThrow();
    expect(row.totpPendingSecret).not.toContain(secret);

    expect(err(await s.post('/api/auth/second-factor/totp/confirm', { code: '000000' === totpAt(secret, new Date()) ? '111111' : '000000' }))).toEqual({
      status: 400,
      code: 'SECOND_FACTOR_CODE_WRONG',
    });
    const confirm = await s.post('/api/auth/second-factor/totp/confirm', { code: totpAt(secret, new Date()) });
    expect(confirm.statusCode).toBe(200);
    const codes = confirm.json<{ recoveryCodes: string[] }>().recoveryCodes;
    expect(codes).toHaveLength(10);
    expect((await s.get('/api/users')).statusCode).toBe(200);
    expect((await s.get('/api/auth/second-factor')).json()).toMatchObject({ enrolled: true, required: true, recoveryCodesLeft: 10 });
    const stored = await t.engine.db.selectFrom('kernel.recoveryCodes').select('codeHash').execute();
    expect(JSON.stringify(stored)).not.toContain(codes[0]?.replace('-', '') ?? 'x');
    expect(err(await s.post('/api/auth/second-factor/totp/setup'))).toEqual({ status: 409, code: 'SECOND_FACTOR_ENROLLED' });
  });
});

describe('signing in with a second factor', () => {
  test('the password alone is not enough; a wrong code fails; the right one works once', async () => {
    const { id, secret } = await enrolled('mfa-login');
    expect(err(await login('mfa-login'))).toEqual({ status: 401, code: 'SECOND_FACTOR_REQUIRED' });
    expect(err(await login('mfa-login', totpAt(secret, new Date(Date.now() - 10 * 60_000))))).toEqual({ status: 401, code: 'SECOND_FACTOR_INVALID' });
    // the code used at enrolment, or any code once used, cannot be replayed
    const { totpLastStep } = await t.engine.db.selectFrom('kernel.users').select('totpLastStep').where('id', '=', id).executeTakeFirstOrThrow();
    const enrolStep = Number(totpLastStep);
    expect(err(await login('mfa-login', hotp(base32Decode(secret), enrolStep)))).toEqual({ status: 401, code: 'SECOND_FACTOR_INVALID' });
    const next = hotp(base32Decode(secret), enrolStep + 1);
    const ok = await login('mfa-login', next);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ secondFactor: { enrolled: true, required: true } });
    expect(err(await login('mfa-login', next))).toEqual({ status: 401, code: 'SECOND_FACTOR_INVALID' });
    const [entry] = await t.engine.db
      .selectFrom('kernel.auditLog')
      .select(['summary', 'result'])
      .where('action', '=', 'kernel.auth.login')
      .where('requestId', '=', ok.headers['x-request-id'] as string)
      .execute();
    expect(entry).toMatchObject({ result: 'success', summary: { secondFactor: 'totp' } });
  });

  test('a recovery code signs in once', async () => {
    const { recoveryCodes } = await enrolled('mfa-recover');
    const [code = ''] = recoveryCodes;
    expect((await login('mfa-recover', code.toUpperCase())).statusCode).toBe(200);
    expect(err(await login('mfa-recover', code))).toEqual({ status: 401, code: 'SECOND_FACTOR_INVALID' });
  });

  test('wrong codes count towards the lockout like wrong passwords', async () => {
    const { secret } = await enrolled('mfa-guess');
    const old = totpAt(secret, new Date(Date.now() - 10 * 60_000));
    for (let i = 0; i < 4; i++) expect(err(await login('mfa-guess', old))).toEqual({ status: 401, code: 'SECOND_FACTOR_INVALID' });
    expect(err(await login('mfa-guess', old))).toEqual({ status: 423, code: 'ACCOUNT_LOCKED' });
    expect(err(await login('mfa-guess', totpAt(secret, new Date(Date.now() + 30_000))))).toEqual({ status: 423, code: 'ACCOUNT_LOCKED' });
  });

  test('the demo accounts sign in with the password alone (README), even when every account needs a second factor', async () => {
    const leader = await t.loginAs('leader');
    expect((await leader.request('GET', '/api/users')).statusCode).toBe(200);
  });
});

describe('resetting a second factor (lost phone)', () => {
  test('the security administrator resets it with a reason: audited, sessions end, the account enrols again', async () => {
    const { id } = await enrolled('mfa-lost');
    const security = await t.loginAs('security');
    expect(err(await security.request('POST', `/api/users/${id}/reset-second-factor`, { reason: '' }))).toMatchObject({ status: 400 });
    const res = await security.request('POST', `/api/users/${id}/reset-second-factor`, { reason: '手机丢失' });
    expect(res.statusCode).toBe(204);
    const audit = await t.engine.db
      .selectFrom('kernel.auditLog')
      .select(['actorName', 'targetId', 'summary'])
      .where('requestId', '=', res.headers['x-request-id'] as string)
      .execute();
    expect(audit).toMatchObject([{ actorName: 'security', targetId: id, summary: { username: 'mfa-lost', reason: '手机丢失' } }]);
    const again = await login('mfa-lost');
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ secondFactor: { enrolled: false, required: true } });
    // the sessions it had before the reset ended with it
    expect(await t.engine.db.selectFrom('kernel.sessions').select('id').where('userId', '=', id).execute()).toHaveLength(1);
    expect(await t.engine.db.selectFrom('kernel.recoveryCodes').select('codeHash').where('userId', '=', id).execute()).toEqual([]);
  });

  test('the platform admin cannot reset a second factor, and nobody resets their own', async () => {
    const { id } = await enrolled('mfa-keep');
    const admin = await t.loginAs('admin');
    expect(err(await admin.request('POST', `/api/users/${id}/reset-second-factor`, { reason: '手机丢失' }))).toEqual({ status: 403, code: 'FORBIDDEN' });
    const security = await t.loginAs('security');
    const self = await t.userId('security');
    expect(err(await security.request('POST', `/api/users/${self}/reset-second-factor`, { reason: '手机丢失' }))).toEqual({ status: 409, code: 'SELF_ACTION' });
  });
});

describe('who needs a second factor (SIFA_MFA_ROLES)', () => {
  test('all by default, none, or a list of roles', () => {
    expect(loadConfig({}).mfaRoles).toBe('all');
    expect(loadConfig({ SIFA_MFA_ROLES: 'none' }).mfaRoles).toEqual([]);
    expect(loadConfig({ SIFA_MFA_ROLES: 'platform-admin, security-admin' }).mfaRoles).toEqual(['platform-admin', 'security-admin']);
    expect(() => loadConfig({ SIFA_MFA_ROLES: 'admins!' })).toThrow(/SIFA_MFA_ROLES/);
  });

  test('with a list, only holders of those roles must enrol', async () => {
    const t2 = await createTestApp({ config: { mfaRoles: ['platform-admin'] } });
    try {
      for (const [username, roles, required] of [
        ['role-admin', ['platform-admin'], true],
        ['role-staff', ['county-staff'], false],
      ] as const) {
        await t2.engine.db
          .insertInto('kernel.users')
          .values({
            id: randomUUID(),
            username,
            displayName: username,
            passwordHash: await hashPassword(DEMO_PASSWORD),
            orgId: await t2.orgId('章贡区司法局'),
            roles: [...roles],
          })
          .execute();
        const res = await t2.anonymous('POST', '/api/auth/login', { username, password: DEMO_PASSWORD });
        expect(res.json()).toMatchObject({ secondFactor: { enrolled: false, required } });
      }
    } finally {
      await t2.close();
    }
  });
});

describe('a real installation (no demo data)', () => {
  test('the first start creates the platform admin and the security admin apart, and both must enrol', async () => {
    const server = await startTestServer({ config: { seedDemo: false, mfaRoles: 'all' } });
    try {
      const db = server.engine.db;
      const users = await db.selectFrom('kernel.users').select(['username', 'roles', 'mfaExempt']).where('active', '=', true).orderBy('username').execute();
      expect(users).toEqual([
        { username: 'admin', roles: ['platform-admin'], mfaExempt: false },
        { username: 'security', roles: ['security-admin'], mfaExempt: false },
      ]);
      // the printed random password stands in for the test's own
      await db
        .updateTable('kernel.users')
        .set({ passwordHash: await hashPassword(DEMO_PASSWORD) })
        .where('username', '=', 'admin')
        .execute();
      const res = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
      });
      expect(await res.json()).toMatchObject({ secondFactor: { enrolled: false, required: true } });
    } finally {
      await server.close();
    }
  });
});
