import type { FastifyRequest } from 'fastify';
import { createFieldCrypto, ctxOf, EXPORT_LIMIT, Matter, notFound, sendXlsx, type ModuleDeps, type SifaApp } from '@sifa/kernel';
import { chinaDay, IdParams, PageQuery, pageOf } from '@sifa/kernel/shared';
import { MATTER_CATEGORIES } from '../shared/eligibility';
import { CreateLawyerInput, Lawyer, LawyerPage, LawyerSuggestion } from '../shared/lawyers';
import { CASE_CHANNELS, CaseDetail, CaseFilter, CaseListItem, CreateCaseInput } from '../shared/schemas';
import { CASE_WORKFLOW } from '../shared/workflow';
import * as repo from './repository';
import { addLawyer, lawyerSuggestion, registerCase } from './service';
import { legalAidStandard } from './settings';

const tags = ['法律援助'];

const zh = (table: Record<string, { zh: string }>, key: string) => (table as Record<string, { zh: string } | undefined>)[key]?.zh ?? key;

/** A valid application for the scope probe and tests (a 18-digit ID with its GB 11643 check digit). */
export const PROBE_APPLICATION = {
  channel: 'window',
  category: 'labour',
  commitment: true,
  applicant: { kind: 'person', name: '越权申请人', idType: 'resident-id', idNumber: '360702197707070032' },
  summary: '越权登记的申请',
} as const;

/**
 * 法律援助's routes: registration, the list (with its Excel export), a case, the lawyer pool and the rotation's
 * suggestion. Each declares its permission (the boot refuses an undeclared one) and its scope probe. The workflow's
 * typed actions are declared in actions.ts; the kernel makes their routes.
 */
export function legalAidRoutes(app: SifaApp, { engine, dataKey }: ModuleDeps) {
  const db = engine.db;
  const pii = createFieldCrypto(dataKey);
  const pctx = (req: FastifyRequest) => ({ ...ctxOf(req, db), pii });
  const standard = legalAidStandard();

  app.post(
    '/api/legal-aid/cases',
    {
      config: { permission: 'legal-aid.case.write', scopeProbe: { kind: 'bodyOrg', field: 'orgId', body: PROBE_APPLICATION } },
      schema: { tags, summary: '登记法律援助申请或办案机关通知', body: CreateCaseInput, response: { 201: Matter } },
    },
    async (req, reply) => reply.code(201).send(await registerCase(pctx(req), standard, req.body)),
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
          { header: '援助事项', width: 24, value: (c) => zh(MATTER_CATEGORIES, c.category) },
          { header: '符合条件的条款', width: 20, value: (c) => c.eligibilityArticle },
          { header: '申请渠道', width: 14, value: (c) => zh(CASE_CHANNELS, c.channel) },
          { header: '状态', width: 12, value: (c) => CASE_WORKFLOW.labels.statuses[c.status].zh },
          { header: '承办人员', width: 12, value: (c) => c.lawyerName ?? '' },
          { header: '承办单位', width: 24, value: (c) => c.orgName },
          { header: '收到日期', width: 12, value: (c) => chinaDay(c.openedAt) },
          { header: '结案日期', width: 12, value: (c) => (c.closedAt ? chinaDay(c.closedAt) : '') },
          { header: '期限', width: 12, value: (c) => c.dueDate },
        ],
      });
    },
  );

  app.get(
    '/api/legal-aid/cases/:id',
    {
      config: { permission: 'legal-aid.case.read', scopeProbe: { kind: 'resource', resource: 'case' } },
      schema: { tags, summary: '案件详情 (含符合条件的条款、承办人员、办理进展)', params: IdParams, response: { 200: CaseDetail } },
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
    '/api/legal-aid/cases/:id/lawyer-suggestion',
    {
      config: { permission: 'legal-aid.case.act', scopeProbe: { kind: 'resource', resource: 'case' } },
      schema: { tags, summary: '轮流指派：建议的承办人员及理由', params: IdParams, response: { 200: LawyerSuggestion } },
    },
    async (req) => lawyerSuggestion(ctxOf(req, db), req.params.id),
  );

  app.get(
    '/api/legal-aid/lawyers',
    {
      config: { permission: 'legal-aid.lawyer.read', scopeProbe: { kind: 'list' } },
      schema: { tags, summary: '法律援助人员库', querystring: PageQuery, response: { 200: LawyerPage } },
    },
    async (req) => {
      const ctx = ctxOf(req, db);
      const { page, pageSize } = req.query;
      return { ...(await repo.listLawyers(ctx.db, ctx.scope, page, pageSize)), page, pageSize };
    },
  );

  app.post(
    '/api/legal-aid/lawyers',
    {
      config: {
        permission: 'legal-aid.lawyer.write',
        scopeProbe: {
          kind: 'bodyOrg',
          field: 'orgId',
          body: { name: '越权律师', kind: 'firm-lawyer', firm: '某律师事务所', practiceYears: 5, phone: '13800000000' },
        },
      },
      schema: { tags, summary: '加入法律援助人员库', body: CreateLawyerInput, response: { 201: Lawyer } },
    },
    async (req, reply) => reply.code(201).send(await addLawyer(ctxOf(req, db), req.body)),
  );
}
