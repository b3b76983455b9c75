import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { createTestApp, sampleModule, type Agent, type TestApp } from '@sifa/testing';
import { ctxOf, defineModule, defineWorkflow, Matter, openMatter, scheduleDeadline, type Workbench } from '@sifa/kernel';

// A business line added later: it declares which of its statuses are work, and gets the workbench — counts, lists,
// arrivals, notifications — with no kernel or console code of its own (ADR 0023).
const LATER = defineWorkflow({
  module: 'later',
  kind: 'item',
  number: '{abbr}后〔{year}〕{seq}号',
  statuses: ['new', 'taken', 'working', 'done'],
  initial: 'new',
  terminal: ['done'],
  transitions: { new: { take: 'taken' }, taken: { start: 'working' }, working: { finish: 'done' }, done: {} },
  labels: {
    statuses: {
      new: { zh: '新申请', en: 'New' },
      taken: { zh: '已接收', en: 'Taken' },
      working: { zh: '办理中', en: 'Working' },
      done: { zh: '已办结', en: 'Done' },
    },
    actions: { take: { zh: '接收', en: 'Take' }, start: { zh: '开始办理', en: 'Start' }, finish: { zh: '办结', en: 'Finish' } },
  },
  work: {
    states: { new: 'accept', taken: 'assign', working: { stage: 'inHand' } },
    channels: { portal: { zh: '网上申请', en: 'Online' }, referral: { zh: '部门移送', en: 'Referral' } },
  },
});
const ALL = ['later.item.read', 'later.item.write', 'later.item.act'];
const laterModule = defineModule({
  name: 'later',
  labelZh: '后来的业务',
  labelEn: 'Later',
  permissions: ALL,
  roleGrants: { 'county-staff': ALL, 'office-staff': ALL, 'city-leader': ['later.item.read'] },
  workflows: [LATER],
  routes(app, { engine }) {
    app.post(
      '/api/later/items',
      {
        config: { permission: 'later.item.write', scopeProbe: { kind: 'bodyOrg', field: 'orgId', body: { title: '越权登记' } } },
        schema: { body: z.object({ orgId: z.uuid(), title: z.string().min(2), source: z.string().optional() }), response: { 201: Matter } },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(await openMatter(ctxOf(req, engine.db), LATER, { orgId: req.body.orgId, title: req.body.title, data: { source: req.body.source } })),
    );
  },
});

type Count = Workbench['counts'][number];
const later = (counts: Count[], stage: string) => counts.find((c) => c.stage === stage)?.parts.find((p) => p.module === 'later')?.count ?? 0;

describe('the workbench: work declared by a module, counted per stage in the caller’s scope', () => {
  let t: TestApp;
  let zhanggong: Agent;
  let office: Agent;
  let ningdu: Agent;
  let officeOrg: string;
  let zgOrg: string;
  let ndOrg: string;
  const opened: Record<string, string[]> = {};

  beforeAll(async () => {
    t = await createTestApp({ modules: [sampleModule, laterModule] });
    [zhanggong, office, ningdu] = await Promise.all([t.loginAs('zhanggong'), t.loginAs('office'), t.loginAs('ningdu')]);
    [officeOrg, zgOrg, ndOrg] = await Promise.all([t.orgId('解放街道司法所'), t.orgId('章贡区司法局'), t.orgId('宁都县司法局')]);
    const open = async (agent: Agent, orgId: string, title: string, source?: string) => {
      const res = await agent.request('POST', '/api/later/items', { orgId, title, ...(source ? { source } : {}) });
      expect(res.statusCode, res.body).toBe(201);
      (opened[orgId] ??= []).push(res.json<{ id: string }>().id);
      return res.json<{ id: string; number: string }>();
    };
    // the county registers three for the township office (another unit), one for itself; a neighbour county two
    await open(zhanggong, officeOrg, '网上来的申请一', 'portal');
    await open(zhanggong, officeOrg, '网上来的申请二', 'portal');
    await open(zhanggong, officeOrg, '部门移送的事项', 'referral');
    await open(zhanggong, zgOrg, '县局自己登记的事项');
    await open(ningdu, ndOrg, '宁都的事项一');
    await open(ningdu, ndOrg, '宁都的事项二');
    // a kind without a work declaration is not on the workbench
    expect((await office.request('POST', '/api/sample/cases', { orgId: officeOrg, title: '样例事项' })).statusCode).toBe(201);
  });
  afterAll(() => t.close());

  const workbench = async (agent: Agent) => {
    const res = await agent.request('GET', '/api/workbench');
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Workbench>();
  };

  test('a county sees its county and townships, a township office its own, a neighbour county only its own', async () => {
    expect(later((await workbench(zhanggong)).counts, 'accept')).toBe(4);
    expect(later((await workbench(office)).counts, 'accept')).toBe(3);
    expect(later((await workbench(ningdu)).counts, 'accept')).toBe(2);
    // supervision: the city leader reads the kind and sees the whole city's count
    expect(later((await workbench(await t.loginAs('leader'))).counts, 'accept')).toBe(6);
    // an account that neither holds nor reads the work sees no count of it
    expect(later((await workbench(await t.loginAs('admin'))).counts, 'accept')).toBe(0);
  });

  test('only declared statuses count, each at its stage; a kind without a declaration is left out', async () => {
    const [first] = opened[officeOrg] ?? [];
    const take = await office.request('POST', `/api/matters/${first ?? ''}/actions`, { action: 'take', expectedVersion: 1 });
    expect(take.statusCode, take.body).toBe(200);
    const w = await workbench(office);
    expect([later(w.counts, 'accept'), later(w.counts, 'assign'), later(w.counts, 'inHand')]).toEqual([2, 1, 0]);
    expect(w.counts.flatMap((c) => c.parts).some((p) => p.module === 'sample')).toBe(false);
    await office.request('POST', `/api/matters/${first ?? ''}/actions`, { action: 'take', expectedVersion: 2 }).then((r) => expect(r.statusCode).toBe(409));
  });

  test('each count drills down to its matters, in scope, with the channel they came by', async () => {
    const res = await zhanggong.request('GET', '/api/workbench/items?stage=accept&pageSize=50');
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<{ items: { id: string; title: string; channelZh: string | null; statusZh: string; link: string }[]; total: number }>();
    const mine = page.items.filter((i) => opened[officeOrg]?.includes(i.id) || opened[zgOrg]?.includes(i.id));
    expect(mine.map((i) => i.title).sort()).toEqual(['县局自己登记的事项', '网上来的申请二', '部门移送的事项'].sort());
    expect(mine.find((i) => i.title === '网上来的申请二')).toMatchObject({ channelZh: '网上申请', statusZh: '新申请' });
    expect(page.items.some((i) => i.title.startsWith('宁都'))).toBe(false);
    const refused = await zhanggong.request('GET', '/api/workbench/items?stage=later');
    expect(refused.statusCode).toBe(400);
  });

  test('new arrivals from every channel are listed with their count by channel', async () => {
    const w = await workbench(office);
    const channels = Object.fromEntries(w.arrivals.byChannel.map((c) => [c.channelZh, c.count]));
    expect(channels).toMatchObject({ 网上申请: 2, 部门移送: 1 });
    expect(w.arrivals.items.some((i) => i.title === '部门移送的事项')).toBe(true);
    expect(w.arrivals.items.some((i) => i.title.startsWith('宁都'))).toBe(false);
  });

  test('open deadlines past their warning date count as 即将到期 or 已逾期 in scope', async () => {
    const [, second, third] = opened[officeOrg] ?? [];
    await t.engine.db.transaction().execute(async (trx) => {
      // 法律援助 审查期限 from a date long past: overdue; the same from yesterday: not yet warned or due soon
      await scheduleDeadline(trx, { matterId: second ?? '', ruleId: 'legal-aid.review', start: '2020-01-06', orgId: officeOrg });
      await scheduleDeadline(trx, { matterId: third ?? '', ruleId: 'legal-aid.review', start: '2020-01-06', orgId: officeOrg });
    });
    expect(later((await workbench(office)).counts, 'overdue')).toBe(2);
    expect(later((await workbench(zhanggong)).counts, 'overdue')).toBe(2);
    expect(later((await workbench(ningdu)).counts, 'overdue')).toBe(0);
    const list = (await office.request('GET', '/api/workbench/items?stage=overdue')).json<{ items: { deadlineZh: string | null; dueDate: string }[] }>();
    expect(list.items).toHaveLength(2);
    expect(list.items[0]?.deadlineZh).toBe('法律援助申请审查期限');
  });

  test('the holders of the work in the receiving unit are told of each matter another unit registered; the bell answers 304 until then', async () => {
    const notes = (await office.request('GET', '/api/notifications?page=1&pageSize=50')).json<{ items: { title: string; body: string; link: string }[] }>();
    const arrivals = notes.items.filter((n) => n.title.startsWith('新到事项'));
    expect(arrivals).toHaveLength(3);
    expect(arrivals.map((n) => n.body)).toContain('部门移送的事项 · 部门移送 · 解放街道司法所');
    // the county registering for itself tells nobody (it is the only holder there, and the actor)
    const zg = (await zhanggong.request('GET', '/api/notifications?page=1&pageSize=50')).json<{ items: { title: string }[] }>();
    expect(zg.items.filter((n) => n.title.startsWith('新到事项'))).toHaveLength(0);

    const first = await office.request('GET', '/api/notifications/unread-count');
    const etag = String(first.headers.etag);
    expect(first.json()).toEqual({ unread: 3 });
    expect((await office.request('GET', '/api/notifications/unread-count', undefined, { 'if-none-match': etag })).statusCode).toBe(304);
    await zhanggong.request('POST', '/api/later/items', { orgId: officeOrg, title: '又来一件' });
    const after = await office.request('GET', '/api/notifications/unread-count', undefined, { 'if-none-match': etag });
    expect(after.statusCode).toBe(200);
    expect(after.json()).toEqual({ unread: 4 });
  });
});
