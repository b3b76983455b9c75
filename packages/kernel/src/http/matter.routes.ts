import { z } from 'zod';
import { findWorkflow, type ModuleDefinition } from '../define-module';
import { AppError, notFound } from '../errors';
import * as matters from '../matters/matter.service';
import { declaredActions } from '../matters/actions';
import { describeMatterDeadlines } from '../deadlines/deadline.service';
import { systemClock } from '../deadlines/clock';
import { MatterDeadline } from '../shared/deadline-model';
import { matterEventDates } from '../matters/event-dates';
import { chinaDay } from '../shared/china-time';
import { MatterEventDates } from '../shared/event-dates';
import { addMatterParty, listMatterParties, removeMatterParty } from '../matters/matter-parties';
import { CONTACT_PERMISSION, revealMatterPhone } from '../matters/matter-contact';
import { createFieldCrypto } from '../parties/crypto';
import { IdParams } from '../shared/common';
import { ActInput, Matter, MatterActionEntry } from '../shared/matters';
import { availableActions, type WorkflowDefinition } from '../shared/workflow';
import { ctxOf } from './context';
import type { Ctx, ModuleDeps, SifaApp } from './types';

const tags = ['事项'];

const ActionOption = z.object({ action: z.string(), labelZh: z.string(), labelEn: z.string(), needsForm: z.boolean() });
const MatterDetail = z.object({
  matter: Matter,
  statusLabel: z.object({ zh: z.string(), en: z.string() }),
  actions: z.array(ActionOption),
  assignments: z.array(
    z.object({
      userId: z.string().nullable(),
      userName: z.string().nullable(),
      orgId: z.string().nullable(),
      orgName: z.string().nullable(),
      role: z.string(),
      active: z.boolean(),
    }),
  ),
});

/** The kernel's generic matter pages: any module's matter by id, its allowed actions, its timeline. */
export function matterRoutes(app: SifaApp, { engine, clock, config, dataKey }: ModuleDeps, modules: () => readonly ModuleDefinition[]) {
  const db = engine.db;
  const pii = createFieldCrypto(dataKey);

  async function load(ctx: Ctx, id: string): Promise<{ matter: Matter; wf: WorkflowDefinition; typed: ReadonlySet<string> }> {
    const matter = await matters.getMatter(ctx, id);
    const wf = findWorkflow(modules(), matter.module, matter.kind);
    // Reading a module's matter needs that module's read permission too; without it the matter "does not exist".
    if (!wf || !ctx.user.permissions.has(`${matter.module}.${matter.kind}.read`)) throw notFound('事项');
    // Actions the module declared with a form (ADR 0014) go through their own route only.
    const typed = declaredActions(modules().find((m) => m.name === matter.module)?.actions, wf);
    return { matter, wf, typed };
  }

  app.get(
    '/api/matters/:id',
    {
      config: { permission: 'kernel.matter.read', scopeProbe: { kind: 'resource', resource: 'matter' } },
      schema: { tags, summary: '事项概况、当前用户可执行的操作、承办指派', params: IdParams, response: { 200: MatterDetail } },
    },
    async (req) => {
      const ctx = ctxOf(req, db);
      const { matter, wf, typed } = await load(ctx, req.params.id);
      const actions = availableActions(wf, matter.status, ctx.user.permissions).map((a) => ({
        action: a,
        labelZh: wf.labels.actions[a]?.zh ?? a,
        labelEn: wf.labels.actions[a]?.en ?? a,
        // Typed actions cannot go through the generic route (409 ACTION_NEEDS_FORM): the console opens their form.
        needsForm: typed.has(a),
      }));
      const assignments = (await matters.matterAssignments(ctx, matter.id)).map(({ assignedAt: _a, endedAt: _e, ...a }) => a);
      return { matter, statusLabel: wf.labels.statuses[matter.status] ?? { zh: matter.status, en: matter.status }, actions, assignments };
    },
  );

  app.get(
    '/api/matters/:id/timeline',
    {
      config: { permission: 'kernel.matter.read', scopeProbe: { kind: 'resource', resource: 'matter' } },
      schema: { tags, summary: '事项操作日志 (时间线)', params: IdParams, response: { 200: z.array(MatterActionEntry) } },
    },
    async (req) => {
      const ctx = ctxOf(req, db);
      await load(ctx, req.params.id);
      return matters.matterTimeline(ctx, req.params.id);
    },
  );

  app.get(
    '/api/matters/:id/event-dates',
    {
      config: { permission: 'kernel.matter.read', scopeProbe: { kind: 'resource', resource: 'matter' } },
      schema: {
        tags,
        summary: '事项已发生事件的日期 (登记、受理、调解、协议等) 与今天：表单据此检查新填的日期不早于其前事件、不晚于今天',
        params: IdParams,
        response: { 200: MatterEventDates },
      },
    },
    async (req) => {
      const ctx = ctxOf(req, db);
      const { wf } = await load(ctx, req.params.id);
      return { events: await matterEventDates(db, wf, req.params.id), today: chinaDay(ctx.now) };
    },
  );

  const PartyRole = z.object({ partyId: z.uuid('请选择当事人'), role: z.string().regex(/^[a-z][a-z-]{1,30}$/, '当事人角色代码不正确') });
  const MatterParty = z.object({
    partyId: z.string(),
    role: z.string(),
    addedAt: z.string(),
    kind: z.string(),
    name: z.string(),
    idType: z.string().nullable(),
    idMasked: z.string().nullable(),
    phoneMasked: z.string().nullable(),
    uscc: z.string().nullable(),
  });
  const writeParties = 'kernel.party.write';

  app.get(
    '/api/matters/:id/deadlines',
    {
      config: { permission: 'kernel.matter.read', scopeProbe: { kind: 'resource', resource: 'matter' } },
      schema: { tags, summary: '事项的法定期限 (到期日、预警级别、计算说明与法条依据)', params: IdParams, response: { 200: z.array(MatterDeadline) } },
    },
    async (req) => {
      const ctx = ctxOf(req, db);
      await load(ctx, req.params.id);
      return describeMatterDeadlines(ctx, req.params.id, (clock ?? systemClock).today());
    },
  );

  app.get(
    '/api/matters/:id/parties',
    {
      config: { permission: 'kernel.matter.read', scopeProbe: { kind: 'resource', resource: 'matter' } },
      schema: { tags, summary: '事项的当事人及其角色 (脱敏)', params: IdParams, response: { 200: z.array(MatterParty) } },
    },
    async (req) => {
      const ctx = ctxOf(req, db);
      await load(ctx, req.params.id);
      return listMatterParties(ctx, req.params.id);
    },
  );

  for (const [path, summary, run] of [
    ['parties', '为事项添加当事人', addMatterParty],
    ['parties/remove', '移除事项的当事人角色', removeMatterParty],
  ] as const) {
    app.post(
      `/api/matters/:id/${path}`,
      {
        config: { permission: writeParties, scopeProbe: { kind: 'resource', resource: 'matter', body: { partyId: '$party', role: 'applicant' } } },
        schema: { tags, summary, params: IdParams, body: PartyRole },
      },
      async (req, reply) => {
        const ctx = ctxOf(req, db);
        // the matter's kind decides who may change its parties, with which roles, and until when (issue #11 item 7)
        const { wf } = await load(ctx, req.params.id);
        await run(ctx, wf, req.params.id, req.body.partyId, req.body.role);
        return reply.code(204).send();
      },
    );
  }

  app.post(
    '/api/matters/:id/party-phone',
    {
      config: {
        permission: CONTACT_PERMISSION,
        scopeProbe: { kind: 'resource', resource: 'matter', control: 'found', body: { partyId: '$party', reason: '数据权限测试联系当事人' } },
      },
      schema: {
        tags,
        summary: '查看随本事项登记的当事人联系电话 (承办人；须说明理由，记入审计日志；同一会话再次查看无需理由；每小时有上限)',
        params: IdParams,
        body: z.object({ partyId: z.uuid('请选择当事人'), reason: z.string().max(200, '理由不超过 200 个字').optional() }),
        response: { 200: z.object({ partyId: z.string(), phone: z.string(), masked: z.string(), reason: z.string(), repeat: z.boolean() }) },
      },
    },
    async (req) => {
      const ctx = ctxOf(req, db);
      const { matter, wf } = await load(ctx, req.params.id);
      return revealMatterPhone({ ...ctx, pii }, wf, matter, req.body.partyId, req.body.reason, config.phoneRevealsPerHour);
    },
  );

  app.post(
    '/api/matters/:id/actions',
    {
      config: { permission: 'kernel.matter.read', scopeProbe: { kind: 'resource', resource: 'matter', body: { action: 'accept', expectedVersion: 1 } } },
      schema: { tags, summary: '执行一项无需附加数据的工作流操作 (附带数据的操作走各模块接口)', params: IdParams, body: ActInput, response: { 200: Matter } },
    },
    async (req) => {
      const ctx = ctxOf(req, db);
      const { wf, typed } = await load(ctx, req.params.id);
      if (typed.has(req.body.action)) {
        throw new AppError('ACTION_NEEDS_FORM', { action: wf.labels.actions[req.body.action]?.zh ?? req.body.action });
      }
      return matters.act(ctx, wf, req.params.id, req.body);
    },
  );
}
