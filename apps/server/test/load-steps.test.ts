import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { loadStepsOf, MATTER_PAGE_LOAD_STEPS } from '@sifa/kernel';
import { createTestApp, sampleModule, scopeFixtureKit, type Agent, type TestApp } from '@sifa/testing';

// The load bench (bench/load.ts, ADR 0021) sends what the modules declare: these tests hold the declarations to the
// routes that exist, so a renamed route cannot leave the bench measuring 404s, and a new line is measured unasked.
describe('the load bench measures every registered line', () => {
  let t: TestApp;
  let office: Agent;
  let officeId: string;
  beforeAll(async () => {
    t = await createTestApp({ modules: [sampleModule] });
    office = await t.loginAs('office');
    officeId = await t.orgId('解放街道司法所');
  });
  afterAll(() => t.close());

  test('a line with matters is measured on the shared matter page even when it declares no steps of its own', () => {
    const loads = loadStepsOf(t.app.sifaModules);
    const sample = loads.find((l) => l.module === 'sample');
    expect(sample?.steps).toEqual(MATTER_PAGE_LOAD_STEPS);
    const mediation = loads.find((l) => l.module === 'mediation')?.steps.map((s) => s.name) ?? [];
    expect(mediation).toEqual(expect.arrayContaining(['GET /api/mediation/disputes', 'GET /api/mediation/disputes/{id}', 'GET /api/matters/{id}/parties']));
    expect(loads.find((l) => l.module === 'kernel')?.steps.map((s) => s.name)).toContain('GET /api/todos');
  });

  test('every step of every line answers an office user without an error', async () => {
    const dispute = await office.request('POST', '/api/mediation/disputes', {
      orgId: officeId,
      category: 'neighbour',
      source: 'window',
      summary: '邻里排水纠纷',
      description: '排水沟堵塞引发争执',
      parties: [{ kind: 'person', name: '王小明', idType: 'resident-id', idNumber: '11010519491231002X', phone: '13907971234', role: 'applicant' }],
    });
    const sample = await office.request('POST', '/api/sample/cases', { orgId: officeId, title: '测试事项' });
    const matters: Record<string, string> = { mediation: dispute.json<{ id: string }>().id, sample: sample.json<{ id: string }>().id };
    // Every other line (whose matters a township office may not hold, e.g. legal aid at a county centre) is driven by a
    // 章贡区 account, on a matter its own scope fixtures make — so a line that lands is checked without editing this test.
    const county = await t.loginAs('zhanggong');
    const kit = scopeFixtureKit(t, county, await t.loginAs('ningdu'));
    const agents: Record<string, { agent: Agent; org: string }> = {};
    for (const m of t.app.sifaModules) {
      const kind = m.workflows?.[0]?.kind;
      if (matters[m.name] || !kind || !m.scopeFixtures) continue;
      const pair = (await (await m.scopeFixtures()).scopeFixtures(kit)).resources[kind];
      if (!pair) continue;
      matters[m.name] = typeof pair.inside === 'string' ? pair.inside : await pair.inside();
      agents[m.name] = { agent: county, org: await t.orgId('章贡区司法局') };
    }
    const failed: string[] = [];
    for (const { module, steps } of loadStepsOf(t.app.sifaModules)) {
      const { agent, org } = agents[module] ?? { agent: office, org: officeId };
      for (const [n, step] of steps.entries()) {
        const matter = matters[module] ?? '';
        const url = step.path.replaceAll('{matter}', matter).replaceAll('{org}', org);
        const res = await agent.request(step.method ?? 'GET', url, step.body?.({ org, matter, n }));
        if (res.statusCode >= 400) failed.push(`${module} ${step.name}: ${String(res.statusCode)} ${res.body.slice(0, 200)}`);
      }
    }
    expect(failed).toEqual([]);
  });

  // ADR 0021: on PGlite a statement's parsing and planning cost more than its execution for these joins, and every
  // request pays them. PGlite is one session, so its prepared statements are all visible here; on PostgreSQL they
  // belong to whichever pooled connection ran them.
  test.skipIf(Boolean(process.env.DATABASE_URL))('the reads every request and every matter page make are planned once (prepared statements)', async () => {
    const dispute = await office.request('POST', '/api/mediation/disputes', {
      orgId: officeId,
      category: 'neighbour',
      source: 'window',
      summary: '邻里噪音纠纷',
      description: '夜间噪音引发争执',
      parties: [{ kind: 'person', name: '赵越权', idType: 'resident-id', idNumber: '360702199001011232', phone: '13907971235', role: 'applicant' }],
    });
    expect(dispute.statusCode).toBe(201);
    const id = dispute.json<{ id: string }>().id;
    expect((await office.request('GET', `/api/mediation/disputes/${id}`)).statusCode).toBe(200);
    expect((await office.request('GET', `/api/matters/${id}/parties`)).statusCode).toBe(200);
    const names = (await sql<{ name: string }>`select name from pg_prepared_statements`.execute(t.engine.db)).rows.map((r) =>
      r.name.replace(/_[0-9a-f]{12}$/, ''),
    );
    expect(names).toEqual(expect.arrayContaining(['session_lookup', 'matter_find', 'matter_sharing_party', 'dispute_find']));
  });
});
