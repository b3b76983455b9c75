import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Org, User } from '@sifa/kernel';
import { createTestApp, type Agent, type TestApp } from '@sifa/testing';

let t: TestApp;
let admin: Agent;
let zhanggong: Agent;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.loginAs('admin');
  zhanggong = await t.loginAs('zhanggong');
});
afterAll(() => t.close());

const err = (res: LightMyRequestResponse) => ({ status: res.statusCode, ...res.json<{ code: string; message: string }>() });
const auditOf = (res: LightMyRequestResponse) =>
  t.engine.db.selectFrom('kernel.auditLog').selectAll().where('requestId', '=', String(res.headers['x-request-id'])).execute();
const tree = async (agent: Agent, query = '') => (await agent.request('GET', `/api/orgs/tree${query}`)).json<Org[]>();
const newUnit = async (parentId: string, name: string) => {
  const res = await admin.request('POST', '/api/orgs', { parentId, kind: 'mediation-committee', name });
  expect(res.statusCode).toBe(201);
  return res.json<Org>();
};
const usernames = async (agent: Agent, query: string) => {
  const page = (await agent.request('GET', `/api/users?${query}`)).json<{ items: User[]; total: number }>();
  return { names: page.items.map((u) => u.username), total: page.total };
};

describe('the organisation tree', () => {
  test('the admin sees the whole city: its bureau, 18 county bureaus and 310 judicial offices with real division codes', async () => {
    const orgs = await tree(admin);
    expect(orgs[0]).toMatchObject({ name: '赣州市司法局', kind: 'city-bureau', depth: 0, parentId: null, divisionCode: '3607', divisionName: '赣州市' });
    expect(orgs.filter((o) => o.kind === 'county-bureau')).toHaveLength(18);
    expect(orgs.filter((o) => o.kind === 'judicial-office')).toHaveLength(310);
    const jiefang = orgs.find((o) => o.name === '解放街道司法所');
    expect(jiefang).toMatchObject({ kind: 'judicial-office', divisionCode: '360702001', divisionName: '解放街道', parentId: await t.orgId('章贡区司法局') });
    expect(orgs.find((o) => o.name === '宁都县司法局')).toMatchObject({ divisionCode: '360730', depth: 1 });
    // A flat list in tree order: every unit comes after its parent.
    const seen = new Set<string>();
    for (const o of orgs) {
      if (o.parentId) expect(seen.has(o.parentId), o.name).toBe(true);
      seen.add(o.id);
    }
  });

  test("a county user's tree is its county: rooted at 章贡区司法局, nothing of 宁都", async () => {
    const orgs = await tree(zhanggong);
    expect(orgs[0]).toMatchObject({ name: '章贡区司法局', kind: 'county-bureau' });
    expect(orgs.filter((o) => o.name.includes('宁都'))).toEqual([]);
    const towns = (await zhanggong.request('GET', '/api/divisions?parent=360702')).json<unknown[]>();
    expect(orgs.filter((o) => o.kind === 'judicial-office')).toHaveLength(towns.length);
    expect(orgs.map((o) => o.name)).toEqual(expect.arrayContaining(['章贡区法律援助中心', '章贡区公共法律服务中心', '解放街道司法所']));
  });
});

describe('managing units', () => {
  test('a unit created under a county bureau takes the county division and is audited', async () => {
    const parentId = await t.orgId('宁都县司法局');
    const res = await admin.request('POST', '/api/orgs', { parentId, kind: 'mediation-committee', name: ' 宁都县医疗纠纷人民调解委员会 ' });
    expect(res.statusCode).toBe(201);
    const org = res.json<Org>();
    expect(org).toMatchObject({
      parentId,
      kind: 'mediation-committee',
      name: '宁都县医疗纠纷人民调解委员会',
      divisionCode: '360730',
      divisionName: '宁都县',
      depth: 2,
      active: true,
    });
    expect(await auditOf(res)).toMatchObject([
      {
        action: 'kernel.org.create',
        actorName: 'admin',
        targetType: 'org',
        targetId: org.id,
        summary: { name: '宁都县医疗纠纷人民调解委员会', parent: '宁都县司法局', divisionCode: '360730' },
      },
    ]);
    expect((await tree(admin)).some((o) => o.id === org.id)).toBe(true);
  });

  test('invalid input is refused with a Chinese message naming the field', async () => {
    const parentId = await t.orgId('宁都县司法局');
    const post = (body: Record<string, unknown>) => admin.request('POST', '/api/orgs', { parentId, kind: 'other', name: '合格的名字', ...body });
    expect(err(await post({ name: '调' }))).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', message: '提交的内容有误：name：单位名称至少 2 个字' });
    expect(err(await post({ divisionCode: '3607301' }))).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: '提交的内容有误：divisionCode：区划代码应为 2、4、6、9 或 12 位数字',
    });
    expect(err(await post({ divisionCode: '369999' }))).toEqual({ status: 404, code: 'NOT_FOUND', message: '区划代码 369999 不存在或不在您的管辖范围内' });
    expect(err(await post({ parentId: 'not-a-uuid' }))).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: '提交的内容有误：parentId：请选择上级单位',
    });
    expect((await post({ kind: 'spaceship' })).json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'kind' }] });
  });

  test('renaming a unit changes its name and records before and after', async () => {
    const unit = await newUnit(await t.orgId('宁都县司法局'), '宁都县旧名调解委员会');
    const res = await admin.request('PATCH', `/api/orgs/${unit.id}`, { name: '宁都县新名调解委员会' });
    expect(res.json()).toMatchObject({ id: unit.id, name: '宁都县新名调解委员会' });
    expect(await auditOf(res)).toMatchObject([
      { action: 'kernel.org.update', summary: { before: { name: '宁都县旧名调解委员会' }, after: { name: '宁都县新名调解委员会' } } },
    ]);
  });

  test('a unit whose subtree still has active accounts cannot be deactivated', async () => {
    const res = await admin.request('POST', `/api/orgs/${await t.orgId('章贡区司法局')}/deactivate`);
    expect(err(res)).toEqual({ status: 409, code: 'ORG_HAS_ACTIVE_USERS', message: '单位“章贡区司法局”及其下级仍有 2 个启用的账号，请先停用或调走这些账号' });
    expect((await tree(admin)).find((o) => o.name === '解放街道司法所')?.active).toBe(true);
  });

  test('the top unit of one’s own scope cannot be deactivated', async () => {
    expect(err(await admin.request('POST', `/api/orgs/${await t.orgId('赣州市司法局')}/deactivate`))).toMatchObject({ status: 409, code: 'ORG_ROOT' });
  });

  test('deactivating an empty unit deactivates its sub-units; nothing new can be added under them', async () => {
    const parent = await newUnit(await t.orgId('章贡区司法局'), '章贡区待撤调解委员会');
    const child = await newUnit(parent.id, '章贡区待撤调解小组');
    const res = await admin.request('POST', `/api/orgs/${parent.id}/deactivate`);
    expect(res.json()).toMatchObject({ id: parent.id, active: false });
    expect(await auditOf(res)).toMatchObject([{ action: 'kernel.org.deactivate', summary: { unitsChanged: 2 } }]);
    expect((await tree(admin)).filter((o) => o.id === parent.id || o.id === child.id)).toEqual([]);
    const all = await tree(admin, '?includeInactive=true');
    expect(all.filter((o) => o.id === parent.id || o.id === child.id).map((o) => o.active)).toEqual([false, false]);

    const under = await admin.request('POST', '/api/orgs', { parentId: child.id, kind: 'other', name: '不该出现的单位' });
    expect(err(under)).toEqual({ status: 409, code: 'ORG_INACTIVE', message: '单位“章贡区待撤调解小组”已停用，不能在其下新增单位或用户' });
    const user = await admin.request('POST', '/api/users', {
      username: 'in-dead-unit',
      displayName: '停用单位的人',
      orgId: child.id,
      roles: ['office-staff'],
      password: 'Good@2026',
    });
    expect(err(user)).toMatchObject({ status: 409, code: 'ORG_INACTIVE' });
    // A sub-unit cannot come back before its parent; the parent comes back alone.
    expect(err(await admin.request('POST', `/api/orgs/${child.id}/activate`))).toMatchObject({
      status: 409,
      code: 'ORG_INACTIVE',
      message: '单位“章贡区待撤调解委员会”已停用，不能在其下新增单位或用户',
    });
    expect((await admin.request('POST', `/api/orgs/${parent.id}/activate`)).json()).toMatchObject({ active: true });
    expect((await admin.request('GET', `/api/orgs/${child.id}`)).json()).toMatchObject({ active: false });
  });
});

describe('listing accounts', () => {
  test('filters by text, role and state, within the caller’s scope', async () => {
    const sorted = async (query: string) => {
      const r = await usernames(admin, query);
      return { names: r.names.sort(), total: r.total };
    };
    expect(await sorted('q=县局')).toEqual({ names: ['ningdu', 'zhanggong'], total: 2 });
    expect(await sorted('role=county-staff')).toEqual({ names: ['ningdu', 'zhanggong'], total: 2 });
    expect(await usernames(admin, 'q=%25')).toEqual({ names: [], total: 0 }); // a % is a character, not a wildcard
    expect(await usernames(admin, `orgId=${await t.orgId('章贡区司法局')}`)).toEqual({ names: ['zhanggong', 'office'], total: 2 });
    expect(await usernames(zhanggong, '')).toEqual({ names: ['zhanggong', 'office'], total: 2 });
    expect(await usernames(zhanggong, 'q=ningdu')).toEqual({ names: [], total: 0 });
    expect((await usernames(admin, 'active=false')).total).toBe(
      (await t.engine.db.selectFrom('kernel.users').select('id').where('active', '=', false).execute()).length,
    );
  });

  test('pages cover every account once and agree on the total', async () => {
    const all = await usernames(admin, 'pageSize=200');
    const pages = await Promise.all([1, 2, 3, 4].map((p) => usernames(admin, `pageSize=3&page=${p}`)));
    expect(pages.map((p) => p.total)).toEqual([all.total, all.total, all.total, all.total]);
    expect(pages.map((p) => p.names.length)).toEqual([3, 3, Math.max(0, Math.min(3, all.total - 6)), Math.max(0, Math.min(3, all.total - 9))]);
    expect(pages.flatMap((p) => p.names)).toEqual(all.names.slice(0, 12));
    expect(err(await admin.request('GET', '/api/users?pageSize=500'))).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
  });

  test('the export is a workbook with Chinese headers, the filtered rows, and an audit entry', async () => {
    const res = await admin.request('GET', '/api/users/export.xlsx?role=county-staff');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('用户.xlsx')}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows: string[][] = [];
    wb.getWorksheet('用户')?.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell) => cells.push(cell.text));
      rows.push(cells);
    });
    expect(rows[0]).toEqual(['登录名', '姓名', '所属单位', '角色', '状态', '最近登录']);
    expect(
      rows
        .slice(1)
        .map((r) => r.slice(0, 5))
        .sort(),
    ).toEqual([
      ['ningdu', '黄县局', '宁都县司法局', '县(区)局工作人员', '启用'],
      ['zhanggong', '张县局', '章贡区司法局', '县(区)局工作人员', '启用'],
    ]);
    expect(await auditOf(res)).toMatchObject([{ action: 'kernel.user.export', actorName: 'admin', summary: { rows: 2, filter: { role: 'county-staff' } } }]);
  });
});

describe('creating accounts', () => {
  const body = async (over: Record<string, unknown> = {}) => ({
    username: 'ningdu-clerk',
    displayName: '宁都新人',
    orgId: await t.orgId('宁都县司法局'),
    roles: ['county-staff'],
    password: 'Good@2026',
    ...over,
  });

  test('a new account can sign in; the audit entry holds no password', async () => {
    const res = await admin.request('POST', '/api/users', await body());
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      username: 'ningdu-clerk',
      orgName: '宁都县司法局',
      roles: ['county-staff'],
      active: true,
      lockedUntil: null,
      lastLoginAt: null,
    });
    const [entry] = await auditOf(res);
    expect(entry).toMatchObject({ action: 'kernel.user.create', summary: { username: 'ningdu-clerk', org: '宁都县司法局' } });
    expect(JSON.stringify(entry)).not.toContain('Good@2026');
    const stored = await t.engine.db.selectFrom('kernel.users').select('passwordHash').where('username', '=', 'ningdu-clerk').executeTakeFirstOrThrow();
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    const signIn = await t.anonymous('POST', '/api/auth/login', { username: 'ningdu-clerk', password: 'Good@2026' });
    expect(signIn.statusCode).toBe(200);
  });

  test('a weak password, a taken or malformed user name and a missing role are refused', async () => {
    expect(err(await admin.request('POST', '/api/users', await body({ username: 'weakling', password: 'password' })))).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: '提交的内容有误：password：口令须包含大写字母、小写字母、数字、符号中的至少三类',
    });
    expect(err(await admin.request('POST', '/api/users', await body({ username: 'office' })))).toEqual({
      status: 409,
      code: 'USERNAME_TAKEN',
      message: '登录名 office 已被使用',
    });
    expect(err(await admin.request('POST', '/api/users', await body({ username: 'Zhang San' })))).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: '提交的内容有误：username：登录名为 3–32 位小写字母、数字、下划线、点或连字符，以字母开头',
    });
    expect(err(await admin.request('POST', '/api/users', await body({ username: 'no-role', roles: [] })))).toMatchObject({
      message: '提交的内容有误：roles：至少选择一个角色',
    });
    expect(await t.engine.db.selectFrom('kernel.users').select('username').where('username', 'in', ['weakling', 'no-role']).execute()).toEqual([]);
  });
});

// A module's roles (defineModule({ roles })) sit beside the org-level ones: listed, assigned by the platform admin
// only (MODULE_ROLE_MANAGERS), and their permissions added to the holder's.
describe("a module's roles", () => {
  const mediator = async (over: Record<string, unknown> = {}) => ({
    username: 'meijiang-mediator',
    displayName: '梅江调解员',
    orgId: await t.orgId('梅江镇人民调解委员会'),
    roles: ['mediation.mediator'],
    password: 'Good@2026',
    ...over,
  });

  test('the role list shows mediation’s 人民调解员 with its module and permissions', async () => {
    const roles = (await admin.request('GET', '/api/roles')).json<{ code: string; nameZh: string; module?: string; permissions: string[] }[]>();
    expect(roles.map((r) => r.code)).toEqual([
      'platform-admin',
      'security-admin',
      'audit-admin',
      'city-leader',
      'city-staff',
      'county-staff',
      'office-staff',
      'mediation.mediator',
      'legal-aid.lawyer',
    ]);
    expect(roles.find((r) => r.code === 'mediation.mediator')).toMatchObject({ nameZh: '人民调解员', module: 'mediation' });
    expect(roles.find((r) => r.code === 'mediation.mediator')?.permissions).toEqual(
      expect.arrayContaining(['mediation.dispute.read', 'mediation.dispute.act', 'kernel.matter.read']),
    );
    expect(roles.find((r) => r.code === 'mediation.mediator')?.permissions).not.toContain('mediation.dispute.write');
  });

  test('the platform admin assigns it; its holder gets its permissions, and with an org-level role both roles’ own', async () => {
    const res = await admin.request('POST', '/api/users', await mediator());
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ roles: ['mediation.mediator'] });
    const signIn = await t.anonymous('POST', '/api/auth/login', { username: 'meijiang-mediator', password: 'Good@2026' });
    const session = signIn.json<{ user: { roles: string[]; permissions: string[] } }>();
    expect(session.user.permissions).toContain('mediation.dispute.act');
    expect(session.user.permissions).not.toContain('mediation.dispute.write');
    const both = await admin.request('PATCH', `/api/users/${res.json<User>().id}`, { roles: ['office-staff', 'mediation.mediator'] });
    expect(both.json()).toMatchObject({ roles: ['office-staff', 'mediation.mediator'] });
    const again = (await t.anonymous('POST', '/api/auth/login', { username: 'meijiang-mediator', password: 'Good@2026' })).json<{
      user: { permissions: string[] };
    }>();
    expect(again.user.permissions).toEqual(expect.arrayContaining(['mediation.dispute.write', 'mediation.dispute.act']));
    expect(await usernames(admin, 'role=mediation.mediator')).toEqual({ names: ['meijiang-mediator'], total: 1 });
  });

  test('an unknown role is refused, and nobody but the platform admin hands out a module role', async () => {
    expect(err(await admin.request('POST', '/api/users', await mediator({ username: 'ghost-role', roles: ['mediation.judge'] })))).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: '提交的内容有误：roles.0：未知的角色',
    });
    const refused = await zhanggong.request('POST', '/api/users', await mediator({ username: 'zg-mediator', orgId: await t.orgId('解放街道人民调解委员会') }));
    expect(refused.statusCode).toBe(403);
    expect(await t.engine.db.selectFrom('kernel.users').select('username').where('username', 'in', ['ghost-role', 'zg-mediator']).execute()).toEqual([]);
  });
});

describe('the HTTP surface', () => {
  test('an unknown /api route is 404 ROUTE_NOT_FOUND in the error shape', async () => {
    expect(err(await t.anonymous('GET', '/api/no-such-thing?x=1'))).toEqual({
      status: 404,
      code: 'ROUTE_NOT_FOUND',
      message: '接口不存在：GET /api/no-such-thing',
    });
  });

  test('a malformed or non-JSON body is refused in the error shape', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'INVALID_JSON', message: '提交的内容不是合法的 JSON，请检查格式' });
    const xml = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/xml' }, payload: '<login/>' });
    expect(err(xml)).toEqual({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: '请求内容类型不受支持，请以 JSON 提交' });
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'x'.repeat(1_100_000), password: 'y' }),
    });
    expect(err(big)).toEqual({ status: 413, code: 'PAYLOAD_TOO_LARGE', message: '提交的内容超过 1 MB 的上限，请精简后再提交 (文件请用上传功能提交)' });
  });

  // BUG: plugins/errors.ts:31 puts Fastify's English err.message into the Chinese BAD_REQUEST text
  // ("请求格式不正确：Body is not valid JSON but content-type is set to 'application/json'"). Fix: map the
  // Fastify codes (FST_ERR_CTP_INVALID_JSON_BODY, FST_ERR_CTP_EMPTY_JSON_BODY, …) to localised reasons and
  // use err.message only in the log.
  test('a malformed JSON body is explained in the request’s language', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(bad.json<{ message: string }>().message).not.toMatch(/Body is not valid JSON/);
  });

  test('health and readiness answer 200', async () => {
    const health = await t.anonymous('GET', '/healthz');
    expect([health.statusCode, health.json()]).toEqual([200, { status: 'ok' }]);
    const ready = await t.anonymous('GET', '/readyz');
    expect([ready.statusCode, ready.json()]).toEqual([200, { status: 'ready', engine: t.engine.kind }]);
  });

  test('/api/docs/json is an OpenAPI document listing the org tree', async () => {
    const res = await t.anonymous('GET', '/api/docs/json');
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ openapi: string; paths: Record<string, Record<string, { summary?: string }>> }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/orgs/tree']?.get?.summary).toBe('本人管辖范围内的单位 (扁平列表，按层级排序)');
  });

  test('every response carries an x-request-id; a well-formed incoming one is echoed', async () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    for (const res of [
      await t.anonymous('GET', '/healthz'),
      await t.anonymous('GET', '/api/users'),
      await t.anonymous('GET', '/api/nope'),
      await admin.request('GET', '/api/orgs/tree'),
    ]) {
      expect(res.headers['x-request-id']).toMatch(uuid);
    }
    expect((await t.anonymous('GET', '/healthz', undefined, { 'x-request-id': 'gateway-trace-0001' })).headers['x-request-id']).toBe('gateway-trace-0001');
    expect((await t.anonymous('GET', '/healthz', undefined, { 'x-request-id': 'bad id; drop table' })).headers['x-request-id']).toMatch(uuid);
  });
});
