import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '@sifa/testing';
import { generateDisputes } from './demo';

describe('demo data generator (first start and benchmarks)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  test('a realistic sample: every county, unique numbers, ~95% success, and new numbers continue after it', async () => {
    const made = await generateDisputes(t.engine.db, { count: 1200, year: 2025, until: new Date('2025-12-31T12:00:00+08:00'), seed: 7 });
    expect(made).toBe(1200);
    const leader = await t.loginAs('leader');
    const rate = (await leader.request('GET', '/api/indicators/mediation.success-rate?from=2025-01-01&to=2025-12-31')).json<{
      value: number;
      denominator: number;
    }>();
    expect(rate.denominator).toBeGreaterThan(1100);
    expect(rate.value).toBeGreaterThan(90);
    expect(rate.value).toBeLessThan(99);
    const byCounty = (await leader.request('GET', '/api/indicators/mediation.accepted/by-unit?from=2025-01-01&to=2025-12-31')).json<{
      rows: { orgName: string; value: number }[];
    }>();
    expect(byCounty.rows.filter((r) => r.orgName.endsWith('司法局') && r.value > 0)).toHaveLength(18);
    const numbers = await t.engine.db.selectFrom('kernel.matters').select('number').where('module', '=', 'mediation').execute();
    expect(new Set(numbers.map((n) => n.number)).size).toBe(1200);
    const max = await t.engine.db
      .selectFrom('kernel.matterCounters')
      .select((eb) => eb.fn.max('lastSeq').as('m'))
      .where('module', '=', 'mediation')
      .executeTakeFirstOrThrow();
    expect(max.m).toBeGreaterThan(10);
  });
});
