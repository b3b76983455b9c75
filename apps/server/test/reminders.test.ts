import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { scheduleDeadline, sweepAndRemind } from '@sifa/kernel';
import { createTestApp, sampleModule, type TestApp } from '@sifa/testing';

describe('deadline sweep sends reminders as deadlines turn yellow then red', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ modules: [sampleModule] });
  });
  afterAll(() => t.close());

  test('人民调解法 第三十三条: a 30-day confirmation window from 2024-03-01 ends Sunday 03-31, rolls over to Monday 04-01 (民事诉讼法 第八十五条), warns before and is overdue after', async () => {
    const zg = await t.loginAs('zhanggong');
    const orgId = await t.orgId('章贡区司法局');
    const m = (await zg.request('POST', '/api/sample/cases', { orgId, title: '邻里纠纷' })).json<{ id: string; number: string }>();
    const assigneeId = await t.userId('zhanggong');
    const d = await t.engine.db
      .transaction()
      .execute((trx) => scheduleDeadline(trx, { matterId: m.id, ruleId: 'mediation.judicial-confirmation', start: '2024-03-01', assigneeId, orgId }));
    expect(d.dueDate).toBe('2024-04-01');

    expect(await sweepAndRemind(t.engine.db, '2024-03-10')).toBe(0); // normal: nothing to say
    expect(await sweepAndRemind(t.engine.db, '2024-03-29')).toBe(1); // due soon
    expect(await sweepAndRemind(t.engine.db, '2024-03-30')).toBe(0); // no change, no repeat
    expect(await sweepAndRemind(t.engine.db, '2024-04-01')).toBe(0); // the last day is still in time
    expect(await sweepAndRemind(t.engine.db, '2024-04-02')).toBe(1); // overdue

    const items = (await zg.request('GET', '/api/notifications')).json<{ items: { title: string; link: string }[] }>().items;
    expect(items.map((i) => i.title.split('：')[0])).toEqual(['期限已逾期', '期限即将到期']);
    expect(items.every((i) => i.title.includes(m.number) && i.link === `/matters/${m.id}`)).toBe(true);
  });
});
