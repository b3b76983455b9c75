import { z } from 'zod';
import { createFieldCrypto, ctxOf, EXPORT_LIMIT, IdParams, Matter, PageQuery, pageOf, sendXlsx, type ModuleDeps, type SifaApp } from '@sifa/kernel';
import type { FastifyRequest } from 'fastify';
import { DISPUTE_SOURCES } from '../../shared/categories';
import { ConfirmationInput, CreateDisputeInput, Dispute, DisputeFilter, DisputeListItem, DisputeRatings, FollowUp, FollowUpInput } from '../../shared/schemas';
import { DISPUTE_WORKFLOW } from '../../shared/workflow';
import { categoryNames } from '../categories/category';
import * as repo from './repository';
import * as service from './service';
import { chinaDay } from '@sifa/kernel/shared';

const tags = ['人民调解'];

const label = (table: Record<string, { zh: string }>, key: string) => (table as Record<string, { zh: string } | undefined>)[key]?.zh ?? key;

/** The disputes' own routes (register, list, detail, confirmation, risk, follow-ups); actions are routed by the kernel. */
export function disputeRoutes(app: SifaApp, { engine, dataKey }: ModuleDeps) {
  const db = engine.db;
  const pii = createFieldCrypto(dataKey);
  const pctx = (req: FastifyRequest) => ({ ...ctxOf(req, db), pii });

  app.post(
    '/api/mediation/disputes',
    {
      config: {
        permission: 'mediation.dispute.write',
        scopeProbe: {
          kind: 'bodyOrg',
          field: 'orgId',
          body: {
            category: 'neighbour',
            source: 'window',
            summary: '越权登记',
            description: '越权登记的纠纷情况',
            parties: [{ kind: 'person', name: '赵越权', idType: 'resident-id', idNumber: '360702199001011232', role: 'applicant' }],
          },
        },
      },
      schema: { tags, summary: '登记纠纷 (窗口、电话、排查、法院委派委托邀请)', body: CreateDisputeInput, response: { 201: Matter } },
    },
    async (req, reply) => reply.code(201).send(await service.registerDispute(pctx(req), req.body)),
  );

  app.get(
    '/api/mediation/disputes',
    {
      config: { permission: 'mediation.dispute.read', scopeProbe: { kind: 'list' } },
      schema: {
        tags,
        summary: '纠纷列表 (筛选、分页，含最近期限)',
        querystring: DisputeFilter.extend(PageQuery.shape),
        response: { 200: pageOf(DisputeListItem) },
      },
    },
    async (req) => {
      const { page, pageSize, ...f } = req.query;
      const ctx = ctxOf(req, db);
      return { ...(await repo.listDisputes(ctx.db, ctx.scope, f, page, pageSize)), page, pageSize };
    },
  );

  app.get(
    '/api/mediation/disputes/export.xlsx',
    {
      config: { permission: 'mediation.dispute.read', scopeProbe: { kind: 'list' } },
      schema: { tags, summary: '导出纠纷 (Excel，按当前筛选)', querystring: DisputeFilter },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, db);
      const { items } = await repo.listDisputes(ctx.db, ctx.scope, req.query, 1, EXPORT_LIMIT);
      const categories = await categoryNames(db);
      const day = (iso: string | null) => (iso ? chinaDay(iso) : '');
      return sendXlsx(ctx, reply, {
        filename: '人民调解纠纷.xlsx',
        sheet: '纠纷',
        action: 'mediation.dispute.export',
        filter: req.query,
        rows: items,
        columns: [
          { header: '编号', width: 22, value: (d) => d.number },
          { header: '纠纷名称', width: 30, value: (d) => d.title },
          { header: '类型', width: 12, value: (d) => categories[d.category] ?? d.category },
          { header: '来源', width: 14, value: (d) => label(DISPUTE_SOURCES, d.source) },
          { header: '状态', width: 10, value: (d) => DISPUTE_WORKFLOW.labels.statuses[d.status].zh },
          { header: '受理单位', width: 24, value: (d) => d.orgName },
          { header: '调委会', width: 24, value: (d) => d.committeeName },
          { header: '调解员', width: 10, value: (d) => d.mediatorName },
          { header: '登记日期', width: 12, value: (d) => day(d.openedAt) },
          { header: '办结日期', width: 12, value: (d) => day(d.closedAt) },
          { header: '期限', width: 12, value: (d) => d.dueDate },
          { header: '风险', width: 8, value: (d) => (d.atRisk ? '有' : '') },
        ],
      });
    },
  );

  app.get(
    '/api/mediation/disputes/:id',
    {
      config: { permission: 'mediation.dispute.read', scopeProbe: { kind: 'resource', resource: 'dispute' } },
      schema: { tags, summary: '纠纷详情 (含同一当事人、同一地点的近期纠纷)', params: IdParams, response: { 200: Dispute } },
    },
    (req) => service.getDispute(ctxOf(req, db), req.params.id),
  );

  app.get(
    '/api/mediation/disputes/:id/sessions',
    {
      config: { permission: 'mediation.dispute.read', scopeProbe: { kind: 'resource', resource: 'dispute' } },
      schema: { tags, summary: '调解记录', params: IdParams },
    },
    async (req) => {
      await service.getDispute(ctxOf(req, db), req.params.id);
      return repo.listSessions(db, req.params.id);
    },
  );

  // The workflow's actions (accept, assign, reach-agreement …) are declared in actions.ts; the kernel makes their routes.

  app.post(
    '/api/mediation/disputes/:id/confirmation',
    {
      config: {
        permission: 'mediation.dispute.act',
        scopeProbe: {
          kind: 'resource',
          resource: 'dispute',
          control: 'found',
          body: { result: 'confirmed', courtName: '章贡区人民法院', ruledOn: '2026-01-10' },
        },
      },
      schema: { tags, summary: '登记司法确认结果', params: IdParams, body: ConfirmationInput, response: { 200: Dispute } },
    },
    (req) => service.recordConfirmation(ctxOf(req, db), req.params.id, req.body),
  );

  app.get(
    '/api/mediation/disputes/:id/follow-ups',
    {
      config: { permission: 'mediation.dispute.read', scopeProbe: { kind: 'resource', resource: 'dispute' } },
      schema: { tags, summary: '调解协议履行回访记录', params: IdParams, response: { 200: z.array(FollowUp) } },
    },
    (req) => service.listFollowUps(ctxOf(req, db), req.params.id),
  );

  app.get(
    '/api/mediation/disputes/:id/ratings',
    {
      config: { permission: 'mediation.dispute.read', scopeProbe: { kind: 'resource', resource: 'dispute' } },
      schema: { tags, summary: '群众对本纠纷调解的评价 (公众门户，办结后；不显示评价人)', params: IdParams, response: { 200: DisputeRatings } },
    },
    (req) => service.disputeRatings(ctxOf(req, db), req.params.id),
  );

  app.post(
    '/api/mediation/disputes/:id/follow-ups',
    {
      config: {
        permission: 'mediation.dispute.act',
        scopeProbe: { kind: 'resource', resource: 'dispute', control: 'found', body: { visitedOn: '2026-01-10', performed: 'full' } },
      },
      schema: {
        tags,
        summary: '登记履行回访 (人民调解法 第三十一条；仅调解成功的纠纷)',
        params: IdParams,
        body: FollowUpInput,
        response: { 200: z.array(FollowUp) },
      },
    },
    (req) => service.recordFollowUp(ctxOf(req, db), req.params.id, req.body),
  );

  app.post(
    '/api/mediation/disputes/:id/risk',
    {
      config: { permission: 'mediation.dispute.act', scopeProbe: { kind: 'resource', resource: 'dispute', body: { atRisk: true, reason: '双方多次冲突' } } },
      schema: {
        tags,
        summary: '标记或解除激化风险 (列入司法所重点关注)',
        params: IdParams,
        body: z.object({ atRisk: z.boolean(), reason: z.string().trim().max(500).optional() }),
        response: { 200: Dispute },
      },
    },
    (req) => service.markRisk(ctxOf(req, db), req.params.id, req.body.atRisk, req.body.reason),
  );

  app.get(
    '/api/mediation/committees',
    {
      config: { permission: 'mediation.dispute.read', scopeProbe: { kind: 'list' } },
      schema: {
        tags,
        summary: '可指派的人民调解委员会',
        response: { 200: z.array(z.object({ id: z.string(), name: z.string(), parentName: z.string().nullable() })) },
      },
    },
    (req) => {
      const ctx = ctxOf(req, db);
      return repo.listCommittees(ctx.db, ctx.scope);
    },
  );
}
