import { createFieldCrypto, ctxOf, EXPORT_LIMIT, IdParams, Matter, PageQuery, pageOf, sendXlsx, type ModuleDeps, type SifaApp } from '@sifa/kernel';
import {
  CreateScreeningInput,
  ScreeningDetail,
  ScreeningDisputeInput,
  ScreeningFilter,
  ScreeningListItem,
  SCREENING_KINDS,
  UpdateScreeningInput,
} from '../../shared/screening';
import * as screening from './screening';

const tags = ['矛盾纠纷排查'];
const base = '/api/mediation/screenings';

// Valid bodies for the generated scope test (packages/testing scope-probe.ts).
const probeScreening = { screenedOn: '2026-01-05', area: '探针村第一网格', screeners: '探针甲、探针乙', kind: 'routine', foundCount: 2, riskCount: 0 };
const probeDispute = {
  orgId: '$unit',
  category: 'neighbour',
  summary: '排查发现的排水纠纷',
  description: '排查中发现双方因排水沟堵塞发生争执',
  parties: [{ kind: 'person', name: '钱排查', idType: 'resident-id', idNumber: '360702198808081237', role: 'applicant' }],
};

const kindZh = (kind: string) => (SCREENING_KINDS as Record<string, { zh: string } | undefined>)[kind]?.zh ?? kind;

/**
 * 矛盾纠纷排查 (issue #4 item 2; modules/mediation/README.md): screening records of a unit's villages, communities
 * and grids, their Excel export, and the disputes registered from them (source 矛盾纠纷排查, 主动调解).
 */
export function screeningRoutes(app: SifaApp, { engine, dataKey }: ModuleDeps) {
  const db = engine.db;
  const pii = createFieldCrypto(dataKey);

  app.get(
    base,
    {
      config: { permission: 'mediation.dispute.read', scopeProbe: { kind: 'list', orgQuery: 'orgId' } },
      schema: {
        tags,
        summary: '排查记录列表 (单位、日期、类型、关键字筛选，分页)',
        querystring: ScreeningFilter.extend(PageQuery.shape),
        response: { 200: pageOf(ScreeningListItem) },
      },
    },
    async (req) => {
      const { page, pageSize, ...f } = req.query;
      return { ...(await screening.listScreenings(ctxOf(req, db), f, page, pageSize)), page, pageSize };
    },
  );

  app.get(
    `${base}/export.xlsx`,
    {
      config: { permission: 'mediation.dispute.read', scopeProbe: { kind: 'list' } },
      schema: { tags, summary: '导出排查记录 (Excel，按当前筛选)', querystring: ScreeningFilter },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, db);
      const { items } = await screening.listScreenings(ctx, req.query, 1, EXPORT_LIMIT);
      return sendXlsx(ctx, reply, {
        filename: '矛盾纠纷排查记录.xlsx',
        sheet: '排查记录',
        action: 'mediation.screening.export',
        filter: req.query,
        rows: items,
        columns: [
          { header: '排查日期', width: 12, value: (s) => s.screenedOn },
          { header: '排查单位', width: 24, value: (s) => s.orgName },
          { header: '排查区域', width: 26, value: (s) => s.area },
          { header: '排查类型', width: 16, value: (s) => kindZh(s.kind) },
          { header: '排查人员', width: 22, value: (s) => s.screeners },
          { header: '发现纠纷数', width: 10, value: (s) => s.foundCount },
          { header: '有激化风险', width: 10, value: (s) => s.riskCount },
          { header: '已登记调解', width: 10, value: (s) => s.disputeCount },
          { header: '排查情况', width: 60, value: (s) => s.notes },
        ],
      });
    },
  );

  app.get(
    `${base}/:id`,
    {
      config: { permission: 'mediation.dispute.read', scopeProbe: { kind: 'resource', resource: 'screening' } },
      schema: { tags, summary: '排查记录详情 (含由此登记的纠纷)', params: IdParams, response: { 200: ScreeningDetail } },
    },
    (req) => screening.getScreening(ctxOf(req, db), req.params.id),
  );

  app.post(
    base,
    {
      config: { permission: 'mediation.dispute.write', scopeProbe: { kind: 'bodyOrg', field: 'orgId', body: probeScreening } },
      schema: { tags, summary: '登记排查记录', body: CreateScreeningInput, response: { 201: ScreeningDetail } },
    },
    async (req, reply) => reply.code(201).send(await screening.createScreening(ctxOf(req, db), req.body)),
  );

  app.patch(
    `${base}/:id`,
    {
      config: { permission: 'mediation.dispute.write', scopeProbe: { kind: 'resource', resource: 'screening', body: { notes: '数据权限测试' } } },
      schema: { tags, summary: '修改排查记录', params: IdParams, body: UpdateScreeningInput, response: { 200: ScreeningDetail } },
    },
    (req) => screening.updateScreening(ctxOf(req, db), req.params.id, req.body),
  );

  app.post(
    `${base}/:id/disputes`,
    {
      config: { permission: 'mediation.dispute.write', scopeProbe: { kind: 'resource', resource: 'screening', body: probeDispute } },
      schema: {
        tags,
        summary: '登记排查发现的纠纷 (来源为矛盾纠纷排查，与排查记录关联)',
        params: IdParams,
        body: ScreeningDisputeInput,
        response: { 201: Matter },
      },
    },
    async (req, reply) => reply.code(201).send(await screening.registerFromScreening({ ...ctxOf(req, db), pii }, req.params.id, req.body)),
  );
}
