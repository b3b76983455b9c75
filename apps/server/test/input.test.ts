import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_TEXT_MAX } from '@sifa/kernel';
import { createTestApp, type Agent, type TestApp } from '@sifa/testing';

// Issue #11 item 6 (and item 1's per-field limits): text PostgreSQL cannot store is refused with 400 by the
// schema layer of every route — body, query and path — and no text field takes more than its limit.
describe('text the API accepts', () => {
  let t: TestApp;
  let office: Agent;
  let unitId: string;
  beforeAll(async () => {
    t = await createTestApp();
    office = await t.loginAs('office');
    unitId = await t.orgId('解放街道司法所');
  });
  afterAll(() => t.close());

  const party = (name: string) => ({ kind: 'person', name, idType: 'resident-id', idNumber: '360702199001010037', phone: '13907970001' });
  const validation = (res: { statusCode: number; body: string }) => {
    expect(res.statusCode, res.body).toBe(400);
    return JSON.parse(res.body) as { code: string; message: string; details: { field: string; message: string }[] };
  };

  test('a NUL byte in a body field is refused with 400 naming the field (it was a 500 from the database)', async () => {
    const body = validation(await office.request('POST', '/api/parties', party('王\u0000小明')));
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.details[0]?.field).toBe('name');
    expect(body.details[0]?.message).toContain('空字符');
  });

  test('an unpaired surrogate in a body field, deep in an array, is refused with 400', async () => {
    const res = await office.request('POST', '/api/mediation/disputes', {
      orgId: unitId,
      category: 'neighbour',
      source: 'window',
      summary: '排水纠纷',
      description: '李家修建围墙堵塞排水沟',
      parties: [{ ...party('李大山\ud800'), role: 'applicant' }],
    });
    const [first] = validation(res).details;
    expect(first?.field).toBe('parties.0.name');
    expect(first?.message).toContain('残缺的 Unicode 字符');
  });

  test('in a search parameter, as %00 or as the bytes of a lone surrogate, and in an object key', async () => {
    expect(validation(await office.request('GET', '/api/parties?q=%00')).details[0]?.field).toBe('q');
    expect(validation(await office.request('GET', '/api/mediation/disputes?q=%E8%B0%83%00')).details[0]?.field).toBe('q');
    // A lone surrogate's bytes in a URL are decoded as U+FFFD (well-formed): harmless, and answered.
    expect((await office.request('GET', '/api/mediation/screenings?q=%ED%A0%80')).statusCode).toBe(200);
    const key = validation(await office.request('POST', '/api/parties', { ...party('王小明'), ['x\u0000']: 1 }));
    expect(key.details[0]?.message).toContain('空字符');
  });

  test('in a path parameter', async () => {
    expect((await office.request('GET', '/api/mediation/registry/committees/%00')).statusCode).toBe(400);
    expect(validation(await office.request('GET', '/api/indicators/mediation.accepted%00')).details[0]?.field).toBe('id');
  });

  test(`a text field without its own limit takes at most ${DEFAULT_TEXT_MAX} characters (a reason took 1 MB); one with a larger limit keeps it`, async () => {
    const register = await office.request('POST', '/api/mediation/disputes', {
      orgId: unitId,
      category: 'neighbour',
      source: 'window',
      summary: '排水纠纷',
      // the facts of a dispute declare 5,000 characters
      description: '李'.repeat(5000),
      parties: [{ ...party('王小明'), role: 'applicant' }],
    });
    expect(register.statusCode, register.body).toBe(201);
    const { id } = register.json<{ id: string }>();
    const tooLong = await office.request('POST', `/api/mediation/disputes/${id}/decline`, { expectedVersion: 1, reason: '理'.repeat(DEFAULT_TEXT_MAX + 1) });
    expect(validation(tooLong).details[0]).toMatchObject({ field: 'reason', message: `内容过长：最多 ${DEFAULT_TEXT_MAX} 个字` });
    const fits = await office.request('POST', `/api/mediation/disputes/${id}/decline`, { expectedVersion: 1, reason: '理'.repeat(DEFAULT_TEXT_MAX) });
    expect(fits.statusCode, fits.body).toBe(200);
  });

  test('the API document shows the default limit on such a field', async () => {
    const doc = (await t.anonymous('GET', '/api/docs/json')).json<{
      paths: Record<
        string,
        Record<string, { requestBody: { content: { 'application/json': { schema: { properties: Record<string, { maxLength?: number }> } } } } }>
      >;
    }>();
    const decline = doc.paths['/api/mediation/disputes/{id}/decline']?.post?.requestBody.content['application/json'].schema;
    expect(decline?.properties.reason?.maxLength).toBe(DEFAULT_TEXT_MAX);
  });
});
