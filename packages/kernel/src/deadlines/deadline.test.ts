import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  extendDeadline,
  fixedClock,
  loadCalendarFile,
  pauseDeadline,
  resumeDeadline,
  scheduleDeadline,
  sweepDeadlines,
  type Ctx,
  type DeadlinePreview,
} from '@sifa/kernel';
import { createTestApp, type Agent, type TestApp } from '@sifa/testing';

// "Today" on the test server: moved by the tests to watch a deadline turn yellow, then red.
const clock = fixedClock('2024-10-07');

// A 2027 schedule for the test only — NOT the official one (the State Council had not published it when this
// was written). 2027-02-01 is a Monday.
const SCHEDULE_2027_FIXTURE = {
  source: '测试用 2027 年安排 (非官方)',
  holidays: [
    ...['2027-01-01', '2027-01-02', '2027-01-03'].map((date) => ({ date, name: '元旦' })),
    ...['06', '07', '08', '09', '10', '11', '12'].map((d) => ({ date: `2027-02-${d}`, name: '春节' })),
  ],
  workdays: [{ date: '2027-02-20', name: '春节' }],
};

describe('deadlines over HTTP: preview, calendar loading, to-do levels and the sweep', () => {
  let t: TestApp;
  let zhanggong: Agent;
  let office: Agent;
  let ningdu: Agent;
  let zgOrg: string;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    [zhanggong, office, ningdu] = await Promise.all([t.loginAs('zhanggong'), t.loginAs('office'), t.loginAs('ningdu')]);
    zgOrg = await t.orgId('章贡区司法局');
  });
  afterAll(() => t.close());

  const preview = (agent: Agent, query: string) => agent.request('GET', `/api/deadlines/preview?${query}`);

  /** A matter row of 章贡区司法局, inserted directly (the matter workflow is not under test here). */
  async function insertMatter(title: string, orgId = zgOrg) {
    const id = randomUUID();
    const seq = Math.floor(Math.random() * 1e6);
    await t.engine.db
      .insertInto('kernel.matters')
      .values({
        id,
        module: 'reconsideration',
        kind: 'case',
        number: `赣章复〔2024〕${seq}号`,
        year: 2024,
        seq,
        orgId,
        status: 'accepted',
        title,
        createdBy: null,
      })
      .execute();
    return { id, number: `赣章复〔2024〕${seq}号` };
  }

  async function ctxOf(username: string): Promise<Ctx> {
    const u = await t.engine.db
      .selectFrom('kernel.users as u')
      .innerJoin('kernel.orgs as o', 'o.id', 'u.orgId')
      .select(['u.id', 'u.username', 'u.displayName', 'u.orgId', 'o.name as orgName', 'o.path as orgPath'])
      .where('u.username', '=', username)
      .executeTakeFirstOrThrow();
    return {
      db: t.engine.db,
      actor: { id: u.id, username: u.username, orgId: u.orgId },
      scope: { orgId: u.orgId, path: u.orgPath },
      user: { ...u, roles: [], permissions: new Set(), sessionId: 'test', csrfToken: 'test' },
      now: clock.now(),
    };
  }

  test('preview: 行政复议法 第三十条 intake review from 2024-09-27 is due 2024-10-10, skipping National Day and counting make-up Sunday 2024-09-29', async () => {
    const res = await preview(zhanggong, 'rule=reconsideration.intake-review&start=2024-09-27');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<DeadlinePreview>();
    expect(body).toMatchObject({
      dueDate: '2024-10-10',
      warnDate: '2024-10-08',
      calendarCovered: true,
      uncoveredYears: [],
      makeUpWorkdays: [{ date: '2024-09-29', name: '国庆节' }],
      cite: { law: '行政复议法', file: 'administrative-reconsideration-law-2023.md', article: '第三十条第一款' },
      rule: { id: 'reconsideration.intake-review', length: { amount: 5, unit: 'workday' } },
    });
    expect(body.skippedHolidays).toHaveLength(7);
    expect(body.skippedHolidays[0]).toEqual({ date: '2024-10-01', name: '国庆节' });
    expect(body.explanation.at(-1)).toBe('期限届满日为 2024-10-10（星期四）。');
  });

  test('preview: 行政复议法 第六十二条 with a suspension and the 30-day extension (pauses=…&extensionDays=30)', async () => {
    const res = await preview(zhanggong, 'rule=reconsideration.decision.ordinary&start=2024-08-01&pauses=2024-08-10..2024-08-19&extensionDays=30');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<DeadlinePreview>()).toMatchObject({
      dueDate: '2024-11-11',
      pausedDays: 10,
      rolledOver: { from: '2024-11-09', to: '2024-11-11', reason: '周末' },
    });
  });

  test('preview refuses, in Chinese, an unknown rule, a malformed date, a pause the law does not allow and a too-long extension', async () => {
    const cases: [string, string][] = [
      ['rule=nope&start=2024-09-27', '未知的期限规则“nope”'],
      ['rule=legal-aid.review&start=2024/09/27', '起算日期格式应为 YYYY-MM-DD'],
      ['rule=reconsideration.intake-review&start=2024-09-27&pauses=2024-10-01..2024-10-03', '依法不因中止而停止计算'],
      ['rule=reconsideration.decision.ordinary&start=2024-09-27&pauses=2024-10-03..2024-10-01', '结束日期早于开始日期'],
      ['rule=reconsideration.decision.ordinary&start=2024-09-27&extensionDays=45', '每次延长不得超过 30 日'],
      ['rule=reconsideration.decision.simplified&start=2024-09-27&extensionDays=5', '依法不得延长'],
    ];
    for (const [query, message] of cases) {
      const res = await preview(zhanggong, query);
      expect(res.statusCode, query).toBe(400);
      expect(res.json<{ code: string; message: string }>().message, query).toContain(message);
    }
  });

  test('the catalogue lists the 21 shipped rules, each citing a statute file and article', async () => {
    const res = await office.request('GET', '/api/deadline-rules');
    const rules = res.json<{ id: string; cite: { file: string; article: string } }[]>();
    // the kernel 3 (corrections, penalty), mediation 5, legal aid 3 (with 第四十九条's objection), reconsideration 10
    expect(rules.map((r) => r.id)).toHaveLength(21);
    for (const r of rules) expect(r.cite.file).toMatch(/\.md$/);
  });

  test('2027 is not published: previews say so; loading the 2027 schedule through PUT flips calendarCovered and recomputes open deadlines', async () => {
    const before = await preview(zhanggong, 'rule=reconsideration.intake-review&start=2027-02-03');
    expect(before.json<DeadlinePreview>()).toMatchObject({ dueDate: '2027-02-10', calendarCovered: false, uncoveredYears: [2027] });
    const matter = await insertMatter('2027 年受理审查');
    const scheduled = await scheduleDeadline(t.engine.db, { matterId: matter.id, ruleId: 'reconsideration.intake-review', start: '2027-02-03', orgId: zgOrg });
    expect(scheduled).toMatchObject({ dueDate: '2027-02-10', calendarCovered: false });

    expect((await zhanggong.request('PUT', '/api/calendar/2027', SCHEDULE_2027_FIXTURE)).statusCode).toBe(403);
    const admin = await t.loginAs('admin');
    const wrong = await admin.request('PUT', '/api/calendar/2027', { ...SCHEDULE_2027_FIXTURE, workdays: [{ date: '2027-02-17', name: '春节' }] });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<{ message: string }>().message).toBe('2027 年节假日安排有误：2027-02-17（星期三）本来就是工作日，不需要列为调休上班日');
    const foreign = await admin.request('PUT', '/api/calendar/2027', { ...SCHEDULE_2027_FIXTURE, holidays: [{ date: '2028-01-01', name: '元旦' }] });
    expect(foreign.json<{ message: string }>().message).toContain('2028-01-01 不属于 2027 年');

    const ok = await admin.request('PUT', '/api/calendar/2027', SCHEDULE_2027_FIXTURE);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      loaded: { year: 2027, holidays: 10, workdays: 1, replaced: false, recomputed: 1 },
      calendar: { covered: true, source: SCHEDULE_2027_FIXTURE.source },
    });

    const after = await preview(zhanggong, 'rule=reconsideration.intake-review&start=2027-02-03');
    expect(after.json<DeadlinePreview>()).toMatchObject({ dueDate: '2027-02-17', calendarCovered: true, uncoveredYears: [] });
    const row = await t.engine.db
      .selectFrom('kernel.deadlines')
      .select(['dueDate', 'calendarCovered'])
      .where('id', '=', scheduled.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ dueDate: '2027-02-17', calendarCovered: true });
    const year = await office.request('GET', '/api/calendar/2027');
    expect(year.json<{ workdays: unknown[] }>().workdays).toEqual([{ date: '2027-02-20', name: '春节' }]);
    const audit = await t.engine.db.selectFrom('kernel.auditLog').select('summary').where('action', '=', 'kernel.calendar.load').execute();
    expect(audit).toHaveLength(1);
  });

  test('the command-line loader reads a schedule file (year taken from its dates) and refuses a malformed one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sifa-cal-'));
    try {
      const good = join(dir, '2028.json');
      // Test fixture, not an official schedule: 2028-01-01 is a Saturday.
      writeFileSync(good, JSON.stringify({ holidays: ['2028-01-01', '2028-01-02', '2028-01-03'].map((date) => ({ date, name: '元旦' })), workdays: [] }));
      expect(await loadCalendarFile(t.engine.db, good)).toMatchObject({ year: 2028, holidays: 3, workdays: 0, replaced: false });
      expect((await office.request('GET', '/api/calendar/2028')).json()).toMatchObject({ covered: true, source: '文件 2028.json', loadedBy: '命令行' });
      const bad = join(dir, 'bad.json');
      writeFileSync(bad, JSON.stringify({ holidays: [{ date: '2028-02-30', name: '春节' }], workdays: [] }));
      await expect(loadCalendarFile(t.engine.db, bad)).rejects.toThrow('holidays.0.date 日期格式应为 YYYY-MM-DD');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a year not loaded answers 404 saying what to do (it answered 500: an empty schedule failed the answer schema)', async () => {
    const res = await office.request('GET', '/api/calendar/2199');
    expect(res.statusCode).toBe(404);
    const body = res.json<{ code: string; message: string }>();
    expect(body.code).toBe('CALENDAR_NOT_LOADED');
    expect(body.message).toContain('2199 年的节假日安排尚未载入');
    expect((await office.request('GET', '/api/calendar/2024')).statusCode).toBe(200);
  });

  test('the bundled calendar covers 2004–2026 in every test database', async () => {
    const years = (await office.request('GET', '/api/calendar')).json<{ year: number }[]>().map((y) => y.year);
    expect(years.slice(0, 23)).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
  });

  test('an intake review due 2024-10-10 (warn from 2024-10-08) shows on the assignee’s and the unit’s to-do, normal → due soon → overdue; the sweep reports each change once', async () => {
    // Held by the judicial office (its staff see it as their unit's), assigned to the county bureau's 张县局.
    const officeOrg = (await t.engine.db.selectFrom('kernel.users').select('orgId').where('username', '=', 'office').executeTakeFirstOrThrow()).orgId;
    const matter = await insertMatter('张三不服罚款决定申请行政复议', officeOrg);
    const assignee = await t.userId('zhanggong');
    const d = await scheduleDeadline(t.engine.db, {
      matterId: matter.id,
      ruleId: 'reconsideration.intake-review',
      start: '2024-09-27',
      assigneeId: assignee,
      orgId: officeOrg,
    });
    const todo = async (agent: Agent) =>
      (await agent.request('GET', '/api/todos'))
        .json<{ items: { id: string; level: string; title: string; link: string; dueDate: string }[] }>()
        .items.find((i) => i.id === d.id);
    const mine = (level: string) => ({
      level,
      dueDate: '2024-10-10',
      title: '张三不服罚款决定申请行政复议 · 行政复议申请受理审查',
      link: `/matters/${matter.id}`,
    });

    clock.date = '2024-10-07';
    expect(await todo(zhanggong)).toMatchObject(mine('normal')); // the assignee
    expect(await todo(office)).toMatchObject(mine('normal')); // the unit
    expect(await todo(ningdu)).toBeUndefined(); // another county
    expect(await todo(await t.loginAs('city'))).toBeUndefined(); // neither assignee nor the unit, though in scope
    expect((await sweepDeadlines(t.engine.db, '2024-10-07')).find((c) => c.id === d.id)).toBeUndefined();

    clock.date = '2024-10-08';
    expect(await todo(office)).toMatchObject(mine('due-soon'));
    const yellow = (await sweepDeadlines(t.engine.db, '2024-10-08')).find((c) => c.id === d.id);
    expect(yellow).toMatchObject({
      fromLevel: 'normal',
      toLevel: 'due-soon',
      assigneeId: assignee,
      matterNumber: matter.number,
      ruleNameZh: '行政复议申请受理审查',
    });
    expect((await sweepDeadlines(t.engine.db, '2024-10-09')).find((c) => c.id === d.id)).toBeUndefined();

    clock.date = '2024-10-11';
    expect(await todo(zhanggong)).toMatchObject(mine('overdue'));
    expect((await sweepDeadlines(t.engine.db, '2024-10-11')).find((c) => c.id === d.id)).toMatchObject({ fromLevel: 'due-soon', toLevel: 'overdue' });
  });

  test('行政复议法 第三十九条/第六十二条: suspension and resumption push the decision date; one extension of ≤ 30 days, a second is refused; the intake review cannot pause', async () => {
    const ctx = await ctxOf('zhanggong');
    const matter = await insertMatter('李四申请行政复议');
    const d = await scheduleDeadline(t.engine.db, { matterId: matter.id, ruleId: 'reconsideration.decision.ordinary', start: '2024-08-01', orgId: zgOrg });
    expect(d.dueDate).toBe('2024-09-30');
    await pauseDeadline(ctx, d.id, { from: '2024-08-10', reason: '申请人下落不明' });
    const resumed = await resumeDeadline(ctx, d.id, { on: '2024-08-20' });
    expect(resumed).toMatchObject({ status: 'open', dueDate: '2024-10-10', pausedDays: 10, pauses: [{ from: '2024-08-10', to: '2024-08-19' }] });
    const extended = await extendDeadline(ctx, d.id, { amount: 30, reason: '案情复杂，经负责人批准' });
    expect(extended).toMatchObject({ dueDate: '2024-11-11', extensionCount: 1, extendedAmount: 30 });
    await expect(extendDeadline(ctx, d.id, { amount: 5, reason: '再次延长' })).rejects.toThrow('最多延长 1 次');

    const intake = await scheduleDeadline(t.engine.db, { matterId: matter.id, ruleId: 'reconsideration.intake-review', start: '2024-08-01', orgId: zgOrg });
    await expect(pauseDeadline(ctx, intake.id, { from: '2024-08-02' })).rejects.toThrow('依法不因中止而停止计算');
    const other = await ctxOf('ningdu');
    await expect(pauseDeadline(other, d.id, { from: '2024-11-01' })).rejects.toThrow('期限不存在或不在您的管辖范围内');
  });
});
