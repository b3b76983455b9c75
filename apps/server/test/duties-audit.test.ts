import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, sampleModule, type Agent, type TestApp } from '@sifa/testing';

// Issue #11 "Low": separation of duties (no admin that is also the city leader; a security administrator apart from
// the system admin), and audit entries for cross-county 404s, code sends and citizens' sign-outs (ADR 0020).

let t: TestApp;
let admin: Agent;
beforeAll(async () => {
  t = await createTestApp({ modules: [sampleModule] });
  admin = await t.loginAs('admin');
});
afterAll(() => t.close());

const err = (res: LightMyRequestResponse) => ({ status: res.statusCode, ...res.json<{ code: string; message: string }>() });
const auditOf = (res: LightMyRequestResponse) =>
  t.engine.db
    .selectFrom('kernel.auditLog')
    .select(['action', 'result', 'actorName', 'ip', 'summary'])
    .where('requestId', '=', res.headers['x-request-id'] as string)
    .execute();
const newUser = async (username: string, roles: string[]) => ({
  username,
  displayName: username,
  orgId: await t.orgId('赣州市司法局'),
  roles,
  password: 'Good@2026',
});

describe('separation of duties', () => {
  test('one account cannot be both the platform admin and the city leader, at creation or later', async () => {
    const both = await admin.request('POST', '/api/users', await newUser('admin-leader', ['platform-admin', 'city-leader']));
    expect(err(both)).toEqual({
      status: 409,
      code: 'ROLE_CONFLICT',
      message: '“系统管理员”与“市局领导”不能由同一账号兼任 (职责分离，GB/T 22239-2019 三员分立)，请分别建立账号',
    });
    const leaderId = await t.userId('leader');
    expect(err(await admin.request('PATCH', `/api/users/${leaderId}`, { roles: ['city-leader', 'platform-admin'] }))).toMatchObject({
      status: 409,
      code: 'ROLE_CONFLICT',
    });
    const created = await admin.request('POST', '/api/users', await newUser('admin-two', ['platform-admin']));
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: string }>().id;
    expect(err(await admin.request('PATCH', `/api/users/${id}`, { roles: ['platform-admin', 'mediation.mediator'] }))).toMatchObject({ code: 'ROLE_CONFLICT' });
  });

  test('a security administrator stands apart: the platform admin can neither create one nor become one', async () => {
    expect(err(await admin.request('POST', '/api/users', await newUser('sec-by-admin', ['security-admin'])))).toMatchObject({
      status: 403,
      code: 'ROLE_NOT_MANAGEABLE',
    });
    const adminId = await t.userId('admin');
    expect(err(await admin.request('PATCH', `/api/users/${adminId}`, { roles: ['platform-admin', 'security-admin'] }))).toMatchObject({ status: 403 });
  });

  test('the security administrator manages the auditors’ accounts and nothing of the business, and reads no audit log', async () => {
    const security = await t.loginAs('security');
    const auditor = await security.request('POST', '/api/users', await newUser('auditor-three', ['audit-admin']));
    expect(auditor.statusCode).toBe(201);
    expect(err(await security.request('POST', '/api/users', await newUser('sec-staff', ['city-staff'])))).toMatchObject({
      status: 403,
      code: 'ROLE_NOT_MANAGEABLE',
    });
    expect(err(await security.request('POST', '/api/users', await newUser('sec-audit', ['security-admin', 'audit-admin'])))).toMatchObject({
      status: 409,
      code: 'ROLE_CONFLICT',
    });
    expect((await security.request('GET', '/api/audit')).statusCode).toBe(403);
    expect((await security.request('GET', '/api/users')).statusCode).toBe(200);
    const roles = (await security.request('GET', '/api/roles')).json<{ code: string; nameZh: string }[]>();
    expect(roles.find((r) => r.code === 'security-admin')).toMatchObject({ nameZh: '安全管理员' });
  });
});

describe('audit entries for what the issue found unrecorded', () => {
  test('a county user asking for another county’s record gets 404, and the attempt is in the audit log', async () => {
    const zhanggong = await t.loginAs('zhanggong');
    const ningduUser = await t.userId('ningdu');
    const res = await zhanggong.request('GET', `/api/users/${ningduUser}?q=360702199001010037`);
    expect(res.statusCode).toBe(404);
    expect(await auditOf(res)).toMatchObject([
      {
        action: 'kernel.access.not-found',
        result: 'failure',
        actorName: 'zhanggong',
        summary: { method: 'GET', route: '/api/users/:id' },
      },
    ]);
    // neither the query string (personal data) nor the other county's id: the entry is read within the caller's scope
    expect(JSON.stringify(await auditOf(res))).not.toContain('360702199001010037');
    expect(JSON.stringify(await auditOf(res))).not.toContain(ningduUser);
  });

  test('each code sent, and each refused, is in the audit log with the masked phone and never the code', async () => {
    const sent = await t.anonymous('POST', '/api/public/auth/code', { phone: '13907975555' });
    expect(sent.statusCode).toBe(204);
    const [entry] = await auditOf(sent);
    expect(entry).toMatchObject({ action: 'kernel.public.code-sent', result: 'success', actorName: 'public:139****5555', summary: { phone: '139****5555' } });
    const sms = await t.engine.db.selectFrom('kernel.smsOutbox').select('text').orderBy('createdAt', 'desc').limit(1).executeTakeFirstOrThrow();
    const code = /(\d{6})/.exec(sms.text)?.[1] ?? 'none';
    expect(JSON.stringify(entry)).not.toContain(code);
    const again = await t.anonymous('POST', '/api/public/auth/code', { phone: '13907975555' });
    expect(again.statusCode).toBe(429);
    expect(await auditOf(again)).toMatchObject([{ action: 'kernel.public.code-sent', result: 'failure', summary: { reason: 'OTP_TOO_SOON' } }]);
  });

  test('a citizen’s sign-out is in the audit log', async () => {
    await t.anonymous('POST', '/api/public/auth/code', { phone: '13907976666' });
    const sms = await t.engine.db.selectFrom('kernel.smsOutbox').select('text').orderBy('createdAt', 'desc').limit(1).executeTakeFirstOrThrow();
    const signIn = await t.anonymous('POST', '/api/public/auth/login', { phone: '13907976666', code: /(\d{6})/.exec(sms.text)?.[1] ?? '' });
    expect(signIn.statusCode).toBe(200);
    const cookie = signIn.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const out = await t.anonymous('POST', '/api/public/auth/logout', undefined, { cookie, 'x-csrf-token': signIn.json<{ csrfToken: string }>().csrfToken });
    expect(out.statusCode).toBe(204);
    expect(await auditOf(out)).toMatchObject([{ action: 'kernel.public.logout', result: 'success', actorName: 'public:139****6666' }]);
  });
});
