import type {} from '@fastify/multipart';
import { z } from 'zod';
import {
  createFieldCrypto,
  sendXlsxFile,
  templateXlsx,
  uploadedFile,
  ctxOf,
  EXPORT_LIMIT,
  IdParams,
  PageQuery,
  pageOf,
  sendXlsx,
  type ModuleDeps,
  type SifaApp,
} from '@sifa/kernel';
import type { FastifyRequest } from 'fastify';
import { COMMITTEE_TYPES, EMPLOYMENTS, GENDERS, MEDIATOR_POSITIONS } from '../../shared/registry';
import {
  CommitteeDetail,
  CommitteeFilter,
  CommitteeListItem,
  CreateCommitteeInput,
  CreateMediatorInput,
  Mediator,
  MediatorFilter,
  RegistryImportReport,
  UpdateCommitteeInput,
  UpdateMediatorInput,
} from '../../shared/registry-schemas';
import * as registry from './registry';
import { COMMITTEE_COLUMNS, importCommittees, importMediators, MEDIATOR_COLUMNS } from './registry-import';

/** A county's committees or mediators fit in 5 MB; a mistake does not. */
const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

const tags = ['人民调解组织与调解员名册'];
const base = '/api/mediation/registry';

// Valid bodies and files for the generated scope test (packages/testing scope-probe.ts).
const probeMediator = { name: '探针调解员', gender: 'female', position: 'member', employment: 'part-time' };
const probeCommitteeCsv = '调委会名称,类型\n数据权限探针村人民调解委员会,村调委会\n';
const probeMediatorCsv = '姓名,所属调委会,性别,职务,专兼职\n探针导入员,解放街道人民调解委员会,女,委员,兼职\n';

const zhOf = (table: Record<string, { zh: string }>, key: string) => table[key]?.zh ?? key;

/**
 * 人民调解组织与调解员名册 (issue #4 item 1; modules/mediation/README.md): committees with their composition
 * warnings (人民调解法 第八条、第九条), mediators (第十三条), Excel export and import with a row-by-row report.
 */
export function registryRoutes(app: SifaApp, { engine, dataKey }: ModuleDeps) {
  const db = engine.db;
  const pii = createFieldCrypto(dataKey);
  const rctx = (req: FastifyRequest): registry.RegistryCtx => ({ ...ctxOf(req, db), pii });

  app.get(
    `${base}/committees`,
    {
      config: { permission: 'mediation.registry.read', scopeProbe: { kind: 'list', orgQuery: 'orgId' } },
      schema: {
        tags,
        summary: '人民调解委员会名册 (筛选、分页；每行含委员人数和构成提示)',
        querystring: CommitteeFilter.extend(PageQuery.shape),
        response: { 200: pageOf(CommitteeListItem) },
      },
    },
    async (req) => {
      const { page, pageSize, ...f } = req.query;
      return { ...(await registry.listCommittees(ctxOf(req, db), f, page, pageSize)), page, pageSize };
    },
  );

  app.get(
    `${base}/committees/export.xlsx`,
    {
      config: { permission: 'mediation.registry.read', scopeProbe: { kind: 'list' } },
      schema: { tags, summary: '导出调委会名册 (Excel，按当前筛选)', querystring: CommitteeFilter },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, db);
      const { items } = await registry.listCommittees(ctx, req.query, 1, EXPORT_LIMIT);
      return sendXlsx(ctx, reply, {
        filename: '人民调解委员会名册.xlsx',
        sheet: '调委会',
        action: 'mediation.committee.export',
        filter: req.query,
        rows: items,
        columns: [
          { header: '调委会名称', width: 32, value: (c) => c.name },
          { header: '类型', width: 18, value: (c) => zhOf(COMMITTEE_TYPES, c.type) },
          { header: '上级单位', width: 22, value: (c) => c.parentName },
          { header: '行业领域', width: 14, value: (c) => c.field },
          { header: '成立日期', width: 12, value: (c) => c.establishedOn },
          { header: '办公地址', width: 30, value: (c) => c.address },
          { header: '办公电话', width: 16, value: (c) => c.phone },
          { header: '委员人数', width: 10, value: (c) => c.memberCount },
          { header: '调解员人数', width: 10, value: (c) => c.mediatorCount },
          { header: '构成提示', width: 60, value: (c) => c.warnings.map((w) => w.zh).join('\n') },
        ],
      });
    },
  );

  app.get(
    `${base}/committees/template.xlsx`,
    {
      config: { permission: 'mediation.registry.write', scopeProbe: { kind: 'unscoped', reason: '导入模板只有表头和填写说明，不含任何数据' } },
      schema: { tags, summary: '调委会导入模板 (Excel)' },
    },
    async (_req, reply) => sendXlsxFile(reply, '调委会导入模板.xlsx', await templateXlsx('调委会', COMMITTEE_COLUMNS)),
  );

  app.get(
    `${base}/committees/:id`,
    {
      config: { permission: 'mediation.registry.read', scopeProbe: { kind: 'resource', resource: 'committee' } },
      schema: { tags, summary: '调委会详情 (委员、聘任调解员和构成提示)', params: IdParams, response: { 200: CommitteeDetail } },
    },
    (req) => registry.getCommittee(ctxOf(req, db), req.params.id),
  );

  app.post(
    `${base}/committees`,
    {
      config: {
        permission: 'mediation.registry.write',
        scopeProbe: { kind: 'bodyOrg', field: 'parentId', body: { name: '数据权限探针人民调解委员会', type: 'community' } },
      },
      schema: {
        tags,
        summary: '新设人民调解委员会 (在所选司法所或司法局下新建单位并登记名册)',
        body: CreateCommitteeInput,
        response: { 201: CommitteeDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await registry.createCommittee(ctxOf(req, db), req.body)),
  );

  app.patch(
    `${base}/committees/:id`,
    {
      config: { permission: 'mediation.registry.write', scopeProbe: { kind: 'resource', resource: 'committee', body: { address: '探针路 1 号' } } },
      schema: { tags, summary: '修改调委会登记信息', params: IdParams, body: UpdateCommitteeInput, response: { 200: CommitteeDetail } },
    },
    (req) => registry.updateCommittee(ctxOf(req, db), req.params.id, req.body),
  );

  app.post(
    `${base}/committees/:id/mediators`,
    {
      config: { permission: 'mediation.registry.write', scopeProbe: { kind: 'resource', resource: 'committee', body: probeMediator } },
      schema: { tags, summary: '登记调解员 (委员或聘任调解员)', params: IdParams, body: CreateMediatorInput, response: { 201: Mediator } },
    },
    async (req, reply) => reply.code(201).send(await registry.createMediator(rctx(req), req.params.id, req.body)),
  );

  app.post(
    `${base}/units/:id/committees/import`,
    {
      config: {
        permission: 'mediation.registry.write',
        scopeProbe: { kind: 'resource', resource: 'unit', upload: { filename: '调委会.csv', content: probeCommitteeCsv } },
      },
      schema: {
        tags,
        summary: '从 Excel (.xlsx) 或 CSV 导入调委会 (multipart，字段 file；逐行报告，有问题的行不导入)',
        params: IdParams,
        response: { 200: RegistryImportReport },
      },
    },
    (req) => importCommittees(rctx(req), req.params.id, () => uploadedFile(req, MAX_IMPORT_BYTES)),
  );

  app.get(
    `${base}/mediators`,
    {
      config: { permission: 'mediation.registry.read', scopeProbe: { kind: 'list', orgQuery: 'orgId' } },
      schema: {
        tags,
        summary: '调解员名册 (筛选、分页；手机号已掩码)',
        querystring: MediatorFilter.extend(PageQuery.shape),
        response: { 200: pageOf(Mediator) },
      },
    },
    async (req) => {
      const { page, pageSize, ...f } = req.query;
      return { ...(await registry.listMediators(ctxOf(req, db), f, page, pageSize)), page, pageSize };
    },
  );

  app.get(
    `${base}/mediators/export.xlsx`,
    {
      config: { permission: 'mediation.registry.read', scopeProbe: { kind: 'list' } },
      schema: { tags, summary: '导出调解员名册 (Excel，按当前筛选；手机号掩码)', querystring: MediatorFilter },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, db);
      const { items } = await registry.listMediators(ctx, req.query, 1, EXPORT_LIMIT);
      return sendXlsx(ctx, reply, {
        filename: '人民调解员名册.xlsx',
        sheet: '调解员',
        action: 'mediation.mediator.export',
        filter: req.query,
        rows: items,
        columns: [
          { header: '姓名', width: 12, value: (m) => m.name },
          { header: '所属调委会', width: 30, value: (m) => m.committeeName },
          { header: '性别', width: 6, value: (m) => zhOf(GENDERS, m.gender) },
          { header: '民族', width: 8, value: (m) => m.ethnicity },
          { header: '职务', width: 12, value: (m) => zhOf(MEDIATOR_POSITIONS, m.position) },
          { header: '专兼职', width: 8, value: (m) => zhOf(EMPLOYMENTS, m.employment) },
          { header: '任期开始', width: 12, value: (m) => m.termStart },
          { header: '任期届满', width: 12, value: (m) => m.termEnd },
          { header: '调解专长', width: 24, value: (m) => m.specialties.join('、') },
          { header: '手机号', width: 14, value: (m) => m.phoneMasked },
          { header: '状态', width: 8, value: (m) => (m.active ? '在册' : '已停用') },
        ],
      });
    },
  );

  app.get(
    `${base}/mediators/template.xlsx`,
    {
      config: { permission: 'mediation.registry.write', scopeProbe: { kind: 'unscoped', reason: '导入模板只有表头和填写说明，不含任何数据' } },
      schema: { tags, summary: '调解员导入模板 (Excel)' },
    },
    async (_req, reply) => sendXlsxFile(reply, '调解员导入模板.xlsx', await templateXlsx('调解员', MEDIATOR_COLUMNS)),
  );

  app.get(
    `${base}/mediators/:id`,
    {
      config: { permission: 'mediation.registry.read', scopeProbe: { kind: 'resource', resource: 'mediator' } },
      schema: { tags, summary: '调解员详情', params: IdParams, response: { 200: Mediator } },
    },
    (req) => registry.getMediator(ctxOf(req, db), req.params.id),
  );

  app.patch(
    `${base}/mediators/:id`,
    {
      config: { permission: 'mediation.registry.write', scopeProbe: { kind: 'resource', resource: 'mediator', body: { specialties: ['邻里纠纷'] } } },
      schema: { tags, summary: '修改调解员信息 (可调到本辖区另一调委会)', params: IdParams, body: UpdateMediatorInput, response: { 200: Mediator } },
    },
    (req) => registry.updateMediator(rctx(req), req.params.id, req.body),
  );

  const Reason = z.object({ reason: z.string().trim().max(200, '原因不超过 200 字').optional() }).optional();
  for (const [action, active, summary] of [
    ['deactivate', false, '停用调解员 (离任、解聘；记录保留，不删除)'],
    ['activate', true, '重新启用调解员'],
  ] as const) {
    app.post(
      `${base}/mediators/:id/${action}`,
      {
        config: { permission: 'mediation.registry.write', scopeProbe: { kind: 'resource', resource: 'mediator', body: { reason: '数据权限测试' } } },
        schema: { tags, summary, params: IdParams, body: Reason, response: { 200: Mediator } },
      },
      (req) => registry.setMediatorActive(ctxOf(req, db), req.params.id, active, req.body?.reason),
    );
  }

  app.post(
    `${base}/units/:id/mediators/import`,
    {
      config: {
        permission: 'mediation.registry.write',
        scopeProbe: { kind: 'resource', resource: 'unit', upload: { filename: '调解员.csv', content: probeMediatorCsv } },
      },
      schema: {
        tags,
        summary: '从 Excel (.xlsx) 或 CSV 导入调解员 (multipart，字段 file；所属调委会须在该单位之下；逐行报告)',
        params: IdParams,
        response: { 200: RegistryImportReport },
      },
    },
    (req) => importMediators(rctx(req), req.params.id, () => uploadedFile(req, MAX_IMPORT_BYTES)),
  );
}
