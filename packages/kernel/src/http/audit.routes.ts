import { z } from 'zod';
import { verifyAudit } from '../audit/verify';
import { listAudit } from '../audit/audit.repository';
import { systemClock } from '../deadlines/clock';
import { listTodos } from '../deadlines/deadline.service';
import { auditLabelCatalogue } from '../shared/audit-labels';
import { AuditEntry, AuditQuery, pageOf, TodoItem } from '../shared/common';
import type { ModuleDefinition } from '../define-module';
import { ctxOf, EXPORT_LIMIT, fmtDateTime, sendXlsx } from './context';
import type { Ctx, ModuleDeps, SifaApp } from './types';

const tags = ['审计'];
/** The sealer runs every second; an entry still unsealed after this long did not come through the platform. */
const UNSEALED_GRACE_MS = 15_000;
const isRoot = (ctx: Ctx) => !ctx.scope.path.slice(0, -1).includes('/');

export function auditRoutes(app: SifaApp, { engine, clock = systemClock, config }: ModuleDeps, modules: () => readonly ModuleDefinition[]) {
  const db = engine.db;
  let catalogue: ReturnType<typeof auditLabelCatalogue> | undefined;
  const labelled = <E extends AuditEntry>(e: E): E => {
    catalogue ??= auditLabelCatalogue(modules());
    return { ...e, actionLabel: catalogue.get(e.action) ?? null };
  };

  app.get(
    '/api/audit',
    {
      config: { permission: 'kernel.audit.read', scopeProbe: { kind: 'list' } },
      schema: { tags, summary: '检索审计日志', querystring: AuditQuery, response: { 200: pageOf(AuditEntry) } },
    },
    async (req) => {
      const { page, pageSize, ...filter } = req.query;
      const ctx = ctxOf(req, db);
      const { items, total } = await listAudit(ctx.db, ctx.scope, isRoot(ctx), filter, page, pageSize);
      return { items: items.map(labelled), total, page, pageSize };
    },
  );

  app.get(
    '/api/audit/export.xlsx',
    {
      config: { permission: 'kernel.audit.read', scopeProbe: { kind: 'list' } },
      schema: { tags, summary: '导出审计日志 (Excel)', querystring: AuditQuery.omit({ page: true, pageSize: true }) },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, db);
      const items = (await listAudit(ctx.db, ctx.scope, isRoot(ctx), req.query, 1, EXPORT_LIMIT)).items.map(labelled);
      return sendXlsx(ctx, reply, {
        filename: '审计日志.xlsx',
        sheet: '审计日志',
        action: 'kernel.audit.export',
        filter: req.query,
        rows: items,
        columns: [
          { header: '序号', width: 8, value: (e) => e.seq ?? '待封存' },
          { header: '时间', width: 20, value: (e) => fmtDateTime(e.at) },
          { header: '操作人', value: (e) => e.actorName },
          { header: '动作', width: 26, value: (e) => e.actionLabel?.zh ?? e.action },
          { header: '动作代码', width: 26, value: (e) => e.action },
          { header: '结果', width: 8, value: (e) => (e.result === 'success' ? '成功' : '失败') },
          { header: '单位', width: 24, value: (e) => e.orgName },
          {
            header: '对象',
            width: 40,
            value: (e) => (e.matter ? `${e.matter.number} ${e.matter.title}` : e.targetType ? `${e.targetType}:${e.targetId ?? ''}` : ''),
          },
          { header: '请求编号', width: 20, value: (e) => e.requestId },
          { header: '来源 IP', value: (e) => e.ip },
          { header: '摘要', width: 60, value: (e) => JSON.stringify(e.summary) },
        ],
      });
    },
  );

  app.get(
    '/api/audit/verify',
    {
      config: { permission: 'kernel.audit.read', scopeProbe: { kind: 'unscoped', reason: '只返回整条哈希链是否完好，不含记录内容' } },
      schema: {
        tags,
        summary: '校验审计哈希链',
        response: {
          200: z.object({
            ok: z.boolean(),
            checked: z.number(),
            unsealed: z.number().optional(),
            unanchored: z.number().optional(),
            brokenAt: z.number().optional(),
            reason: z.string().optional(),
          }),
        },
      },
    },
    // Reads only (ADR 0019): the running sealer chains new entries within a second; one left unsealed for longer
    // was written past the platform and is reported, not sealed by the check.
    () => verifyAudit(db, { anchor: config.auditAnchor, unsealedGraceMs: UNSEALED_GRACE_MS }),
  );

  // The home page's to-do list: open deadlines of the caller and of the caller's unit, levelled by today in Asia/Shanghai.
  app.get(
    '/api/todos',
    {
      config: { permission: 'kernel.todo.read', scopeProbe: { kind: 'list' } },
      schema: { tags: ['工作台'], summary: '我的待办', response: { 200: z.object({ items: z.array(TodoItem), total: z.number() }) } },
    },
    (req) => listTodos(ctxOf(req, db), clock.today()),
  );
}
