import {
  appendAudit,
  AppError,
  createFieldCrypto,
  ctxOf,
  EXPORT_LIMIT,
  findOrg,
  Matter,
  notFound,
  sendXlsx,
  sendXlsxFile,
  templateXlsx,
  uploadedFile,
  type ModuleDeps,
  type SifaApp,
} from '@sifa/kernel';
import { chinaDay, IdParams, PageQuery, pageOf } from '@sifa/kernel/shared';
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  ACT_TYPES,
  Agency,
  CASE_CHANNELS,
  CaseDetail,
  CaseFilter,
  CaseListItem,
  CLOSINGS,
  CreateAgencyInput,
  CreateCaseInput,
  ImportReport,
  SECTORS,
  type ActType,
  type Closing,
  type Sector,
} from '../shared/schemas';
import { CASE_WORKFLOW } from '../shared/workflow';
import { IMPORT_COLUMNS, importCases } from './import';
import { portalRoutes } from './portal';
import * as repo from './repository';
import { registerCase } from './service';

const tags = ['行政复议'];
/** A city's earlier years fit in 10 MB; a mistake does not. */
const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
const probeCsv =
  '案号,申请人,被申请人,申请日期,受理日期,结案日期,结案方式\n探针复〔2023〕1号,探针申请人,探针市场监督管理局,2023-03-01,2023-03-06,2023-05-06,维持\n';
/** A valid applicant for the scope probe's registration (a test resident ID with its check digit, used nowhere else). */
const probeBody = {
  channel: 'window',
  receivedOn: '2026-03-02',
  respondent: '越权登记市场监督管理局',
  sector: 'market-regulation',
  actType: 'penalty',
  act: '行政处罚决定',
  request: '撤销行政处罚决定',
  parties: [{ role: 'applicant', kind: 'person', name: '复议探针申请人', idType: 'resident-id', idNumber: '360702199003150041' }],
};

const zh = (table: Record<string, { zh: string }>, key: string | null) => (key ? (table[key]?.zh ?? key) : '');

/**
 * 行政复议's routes: registration (window, post, forwarded), the list with its Excel export, a case, the register of
 * respondent agencies, the import of earlier years and its template, and the portal's (portal.ts). Each declares its
 * permission (the boot refuses an undeclared one) and its scope probe (apps/server/test/scope.test.ts probes every
 * route). The workflow's typed actions are declared in actions.ts; the kernel makes their routes.
 */
export function reconsiderationRoutes(app: SifaApp, deps: ModuleDeps) {
  const db = deps.engine.db;
  const pii = createFieldCrypto(deps.dataKey);
  const pctx = (req: FastifyRequest) => ({ ...ctxOf(req, db), pii });

  app.post(
    '/api/reconsideration/cases',
    {
      config: { permission: 'reconsideration.case.write', scopeProbe: { kind: 'bodyOrg', field: 'orgId', body: probeBody } },
      schema: { tags, summary: '登记行政复议申请 (当面递交、邮寄、处罚机关转送)', body: CreateCaseInput, response: { 201: Matter } },
    },
    async (req, reply) => reply.code(201).send(await registerCase(pctx(req), req.body)),
  );

  app.get(
    '/api/reconsideration/cases',
    {
      config: { permission: 'reconsideration.case.read', scopeProbe: { kind: 'list', orgQuery: 'orgId' } },
      schema: {
        tags,
        summary: '行政复议案件列表 (筛选、分页，含最近期限)',
        querystring: CaseFilter.extend(PageQuery.shape),
        response: { 200: pageOf(CaseListItem) },
      },
    },
    async (req) => {
      const { page, pageSize, ...f } = req.query;
      const ctx = ctxOf(req, db);
      if (f.orgId && !(await findOrg(ctx.db, ctx.scope, f.orgId))) throw notFound('单位');
      return { ...(await repo.listCases(ctx.db, ctx.scope, f, page, pageSize)), page, pageSize };
    },
  );

  app.get(
    '/api/reconsideration/cases/export.xlsx',
    {
      config: { permission: 'reconsideration.case.read', scopeProbe: { kind: 'list', orgQuery: 'orgId' } },
      schema: { tags, summary: '导出行政复议案件 (Excel，按当前筛选)', querystring: CaseFilter },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, db);
      if (req.query.orgId && !(await findOrg(ctx.db, ctx.scope, req.query.orgId))) throw notFound('单位');
      const { items } = await repo.listCases(ctx.db, ctx.scope, req.query, 1, EXPORT_LIMIT);
      return sendXlsx(ctx, reply, {
        filename: '行政复议案件.xlsx',
        sheet: '行政复议案件',
        action: 'reconsideration.case.export',
        filter: req.query,
        rows: items,
        columns: [
          { header: '案号', width: 24, value: (c) => c.number },
          { header: '案件名称', width: 36, value: (c) => c.title },
          { header: '被申请人', width: 26, value: (c) => c.respondent },
          { header: '行业领域', width: 14, value: (c) => zh(SECTORS, c.sector as Sector) },
          { header: '行为类别', width: 14, value: (c) => zh(ACT_TYPES, c.actType as ActType) },
          { header: '申请方式', width: 12, value: (c) => zh(CASE_CHANNELS, c.channel) },
          { header: '状态', width: 10, value: (c) => CASE_WORKFLOW.labels.statuses[c.status].zh },
          { header: '结案方式', width: 12, value: (c) => zh(CLOSINGS, c.closing as Closing | null) },
          { header: '复议前置', width: 8, value: (c) => (c.reconsiderationFirst ? '是' : '') },
          { header: '涉企', width: 6, value: (c) => (c.enterprise ? '是' : '') },
          { header: '行政复议机构', width: 20, value: (c) => c.orgName },
          { header: '收到申请日期', width: 12, value: (c) => c.receivedOn },
          { header: '受理日期', width: 12, value: (c) => c.acceptedOn ?? '' },
          { header: '办结日期', width: 12, value: (c) => (c.closedAt ? chinaDay(c.closedAt) : '') },
          { header: '最近期限', width: 12, value: (c) => c.dueDate },
        ],
      });
    },
  );

  app.get(
    '/api/reconsideration/cases/template.xlsx',
    {
      config: { permission: 'reconsideration.case.write', scopeProbe: { kind: 'unscoped', reason: '导入模板只有表头和填写说明，不含任何数据' } },
      schema: { tags, summary: '历史案件导入模板 (Excel：表头、下拉选项、填写说明)' },
    },
    async (_req, reply) => sendXlsxFile(reply, '行政复议历史案件导入模板.xlsx', await templateXlsx('行政复议案件', IMPORT_COLUMNS, { maxRows: 20_000 })),
  );

  app.post(
    '/api/reconsideration/units/:id/cases/import',
    {
      config: {
        permission: 'reconsideration.case.write',
        scopeProbe: { kind: 'resource', resource: 'unit', upload: { filename: '历史案件.csv', content: probeCsv } },
      },
      schema: {
        tags,
        summary: '导入历史行政复议案件 (multipart，字段 file：.xlsx 或 .csv；逐行报告，有问题的行不导入)',
        params: IdParams,
        response: { 200: ImportReport },
      },
    },
    (req) => importCases(ctxOf(req, db), req.params.id, () => uploadedFile(req, MAX_IMPORT_BYTES)),
  );

  app.get(
    '/api/reconsideration/cases/:id',
    {
      config: { permission: 'reconsideration.case.read', scopeProbe: { kind: 'resource', resource: 'case' } },
      schema: { tags, summary: '行政复议案件详情', params: IdParams, response: { 200: CaseDetail } },
    },
    async (req) => {
      const ctx = ctxOf(req, db);
      const found = await repo.findCase(ctx.db, ctx.scope, req.params.id);
      if (!found) throw notFound('案件');
      const { orgId: _unit, ...detail } = found;
      return detail;
    },
  );

  app.get(
    '/api/reconsideration/agencies',
    {
      config: { permission: 'reconsideration.case.read', scopeProbe: { kind: 'list', orgQuery: 'orgId' } },
      schema: {
        tags,
        summary: '被申请人名录 (各行政复议机构管辖的行政机关)',
        querystring: z.object({ q: z.string().trim().max(30, '查询内容不超过 30 个字').optional(), orgId: z.uuid('单位编号格式不正确').optional() }),
        response: { 200: z.array(Agency) },
      },
    },
    async (req) => {
      const ctx = ctxOf(req, db);
      if (req.query.orgId && !(await findOrg(ctx.db, ctx.scope, req.query.orgId))) throw notFound('单位');
      return repo.listAgencies(ctx.db, ctx.scope, req.query);
    },
  );

  app.post(
    '/api/reconsideration/agencies',
    {
      config: {
        permission: 'reconsideration.agency.write',
        scopeProbe: { kind: 'bodyOrg', field: 'orgId', body: { name: '越权登记局', kind: 'department', sector: 'other', superior: '越权人民政府' } },
      },
      schema: { tags, summary: '在名录中登记被申请人 (第二十四条：登记在有管辖权的行政复议机构名下)', body: CreateAgencyInput, response: { 201: Agency } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, db);
      const org = await findOrg(ctx.db, ctx.scope, req.body.orgId);
      if (!org) throw notFound('行政复议机构');
      const id = randomUUID();
      await ctx.db.transaction().execute(async (trx) => {
        const existing = await repo.listAgencies(trx, ctx.scope, { q: req.body.name, orgId: org.id, all: true });
        if (existing.some((a) => a.name === req.body.name && a.orgId === org.id))
          throw new AppError('CONFLICT', { reason: `“${req.body.name}”已在${org.name}的名录中` });
        await repo.insertAgencies(trx, [{ id, ...req.body }]);
        await appendAudit(trx, ctx.actor, {
          action: 'reconsideration.agency.create',
          targetType: 'org',
          targetId: org.id,
          summary: { agency: req.body.name, unit: org.name },
        });
      });
      return reply.code(201).send({ id, ...req.body, orgName: org.name, active: true });
    },
  );

  portalRoutes(app, deps);
}
