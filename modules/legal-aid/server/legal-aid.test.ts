import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '@sifa/testing';

// The module's service and route test (an integration test: it boots the platform with the registry on a database).
describe('法律援助: register, list, export, act', () => {
  let t: TestApp;
  let county: Agent;
  let unitId: string;
  beforeAll(async () => {
    t = await createTestApp();
    county = await t.loginAs('zhanggong');
    unitId = await t.orgId('章贡区司法局');
  });
  afterAll(() => t.close());

  const register = (over: Record<string, unknown> = {}) =>
    county.request('POST', '/api/legal-aid/cases', { orgId: unitId, title: '测试案件', channel: 'window', summary: '来访登记', ...over });

  test('a case is registered with its number and its handling period, and listed', async () => {
    const res = await register();
    expect(res.statusCode, res.body).toBe(201);
    const matter = res.json<{ id: string; number: string; status: string }>();
    expect(matter.status).toBe('registered');
    expect(matter.number).toMatch(/援〔\d{4}〕\d+号$/);
    const list = await county.request('GET', '/api/legal-aid/cases?q=测试案件');
    expect(list.statusCode, list.body).toBe(200);
    const page = list.json<{ items: { id: string; dueDate: string | null }[]; total: number }>();
    expect(page.items.find((c) => c.id === matter.id)?.dueDate).not.toBeNull();
    const deadlines = (await county.request('GET', `/api/matters/${matter.id}/deadlines`)).json<{ ruleId: string }[]>();
    expect(deadlines.map((d) => d.ruleId)).toContain('legal-aid.handling');
  });

  test('bad input is answered 400 with a Chinese message naming the field', async () => {
    const res = await register({ title: '' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('案件名称至少 2 个字');
  });

  test('the list exports to Excel', async () => {
    const res = await county.request('GET', '/api/legal-aid/cases/export.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
  });

  test('accept (plain) then close (typed, with its result); decline needs a reason', async () => {
    const { id } = (await register({ title: '受理办结案件' })).json<{ id: string }>();
    const accepted = await county.request('POST', `/api/matters/${id}/actions`, { action: 'accept', expectedVersion: 1 });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const closed = await county.request('POST', `/api/legal-aid/cases/${id}/close`, { expectedVersion: 2, result: '已答复申请人' });
    expect(closed.statusCode, closed.body).toBe(200);
    const detail = (await county.request('GET', `/api/legal-aid/cases/${id}`)).json<{ status: string; result: string }>();
    expect(detail).toMatchObject({ status: 'closed', result: '已答复申请人' });

    const other = (await register({ title: '不予受理案件' })).json<{ id: string }>();
    const noReason = await county.request('POST', `/api/legal-aid/cases/${other.id}/decline`, { expectedVersion: 1, reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('请填写不予受理的理由');
    // the typed action is not taken through the plain route: its form is needed
    const plain = await county.request('POST', `/api/matters/${other.id}/actions`, { action: 'decline', expectedVersion: 1 });
    expect(plain.statusCode).toBe(400);
    const declined = await county.request('POST', `/api/legal-aid/cases/${other.id}/decline`, { expectedVersion: 1, reason: '不属于受理范围' });
    expect(declined.statusCode, declined.body).toBe(200);
    const list = (await county.request('GET', '/api/legal-aid/cases?status=declined')).json<{ items: { id: string; dueDate: string | null }[] }>();
    expect(list.items.find((c) => c.id === other.id)?.dueDate).toBeNull();
  });

  test("the closure rate counts the module's cases (after the test above: one closed of one accepted)", async () => {
    const res = await county.request('GET', `/api/indicators/legal-aid.close-rate?org=${unitId}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ numerator: 1, denominator: 1, value: 100 });
  });
});
