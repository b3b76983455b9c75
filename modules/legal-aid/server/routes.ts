import { ctxOf, EXPORT_LIMIT, Matter, notFound, sendXlsx, type ModuleDeps, type SifaApp } from '@sifa/kernel';
import { chinaDay, IdParams, PageQuery, pageOf } from '@sifa/kernel/shared';
import { CASE_CHANNELS, CaseDetail, CaseFilter, CaseListItem, CreateCaseInput } from '../shared/schemas';
import { CASE_WORKFLOW } from '../shared/workflow';
import * as repo from './repository';
import { registerCase } from './service';

const tags = ['法律援助'];

/** A channel's Chinese name (a stored value no longer in the table shows as it is). */
const channelZh = (c: string) => (CASE_CHANNELS as Record<string, { zh: string } | undefined>)[c]?.zh ?? c;

/**
 * 法律援助's routes: registration, the list (with its Excel export) and a case. Each declares its permission (the boot
 * refuses an undeclared one) and its scope probe (apps/server/test/scope.test.ts probes every route). The workflow's
 * typed actions are declared in actions.ts; the kernel makes their routes.
 */
export function legalAidRoutes(app: SifaApp, { engine }: ModuleDeps) {
  const db = engine.db;

  app.post(
    '/api/legal-aid/cases',
    {
      config: {
        permission: 'legal-aid.case.write',
        scopeProbe: { kind: 'bodyOrg', field: 'orgId', body: { title: '越权登记', channel: 'window', summary: '越权登记的案件' } },
      },
      schema: { tags, summary: '登记案件', body: CreateCaseInput, response: { 201: Matter } },
    },
    async (req, reply) => reply.code(201).send(await registerCase(ctxOf(req, db), req.body)),
  );

  app.get(
    '/api/legal-aid/cases',
    {
      config: { permission: 'legal-aid.case.read', scopeProbe: { kind: 'list' } },
      schema: { tags, summary: '案件列表 (筛选、分页，含最近期限)', querystring: CaseFilter.extend(PageQuery.shape), response: { 200: pageOf(CaseListItem) } },
    },
    async (req) => {
      const { page, pageSize, ...f } = req.query;
      const ctx = ctxOf(req, db);
      return { ...(await repo.listCases(ctx.db, ctx.scope, f, page, pageSize)), page, pageSize };
    },
  );

  app.get(
    '/api/legal-aid/cases/export.xlsx',
    {
      config: { permission: 'legal-aid.case.read', scopeProbe: { kind: 'list' } },
      schema: { tags, summary: '导出案件 (Excel，按当前筛选)', querystring: CaseFilter },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, db);
      const { items } = await repo.listCases(ctx.db, ctx.scope, req.query, 1, EXPORT_LIMIT);
      return sendXlsx(ctx, reply, {
        filename: '法律援助案件.xlsx',
        sheet: '案件',
        action: 'legal-aid.case.export',
        filter: req.query,
        rows: items,
        columns: [
          { header: '编号', width: 22, value: (c) => c.number },
          { header: '案件名称', width: 30, value: (c) => c.title },
          { header: '登记渠道', width: 12, value: (c) => channelZh(c.channel) },
          { header: '状态', width: 10, value: (c) => CASE_WORKFLOW.labels.statuses[c.status].zh },
          { header: '承办单位', width: 24, value: (c) => c.orgName },
          { header: '登记日期', width: 12, value: (c) => chinaDay(c.openedAt) },
          { header: '办结日期', width: 12, value: (c) => (c.closedAt ? chinaDay(c.closedAt) : '') },
          { header: '期限', width: 12, value: (c) => c.dueDate },
        ],
      });
    },
  );

  app.get(
    '/api/legal-aid/cases/:id',
    {
      config: { permission: 'legal-aid.case.read', scopeProbe: { kind: 'resource', resource: 'case' } },
      schema: { tags, summary: '案件详情', params: IdParams, response: { 200: CaseDetail } },
    },
    async (req) => {
      const ctx = ctxOf(req, db);
      const found = await repo.findCase(ctx.db, ctx.scope, req.params.id);
      if (!found) throw notFound('案件');
      const { orgId: _unit, ...detail } = found;
      return detail;
    },
  );
}
