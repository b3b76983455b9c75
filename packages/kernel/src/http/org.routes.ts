import { z } from 'zod';
import * as orgs from '../orgs/org.service';
import { IdParams } from '../shared/common';
import { CreateOrgInput, Division, Org, ORG_KIND_NAMES, UpdateOrgInput } from '../shared/orgs';
import { ctxOf, sendXlsx } from './context';
import type { ModuleDeps, SifaApp } from './types';

const tags = ['组织机构'];
const renameBody = { name: '改名后的单位' };

export function orgRoutes(app: SifaApp, { engine }: ModuleDeps) {
  const db = engine.db;
  const TreeQuery = z.object({ includeInactive: z.enum(['true', 'false']).optional() });

  app.get(
    '/api/orgs/tree',
    {
      config: { permission: 'kernel.org.read', scopeProbe: { kind: 'list', query: { includeInactive: 'true' } } },
      schema: { tags, summary: '本人管辖范围内的单位 (扁平列表，按层级排序)', querystring: TreeQuery, response: { 200: z.array(Org) } },
    },
    (req) => orgs.listOrgTree(ctxOf(req, db), req.query.includeInactive === 'true'),
  );

  app.get(
    '/api/orgs/export.xlsx',
    { config: { permission: 'kernel.org.read', scopeProbe: { kind: 'list' } }, schema: { tags, summary: '导出单位清单 (Excel)' } },
    async (req, reply) => {
      const ctx = ctxOf(req, db);
      const rows = await orgs.listOrgTree(ctx, true);
      const byId = new Map(rows.map((r) => [r.id, r.name]));
      return sendXlsx(ctx, reply, {
        filename: '组织机构.xlsx',
        sheet: '组织机构',
        action: 'kernel.org.export',
        filter: {},
        rows,
        columns: [
          { header: '单位名称', width: 30, value: (r) => r.name },
          { header: '单位类型', width: 18, value: (r) => ORG_KIND_NAMES[r.kind].zh },
          { header: '上级单位', width: 30, value: (r) => (r.parentId ? (byId.get(r.parentId) ?? '') : '') },
          { header: '区划代码', width: 14, value: (r) => r.divisionCode },
          { header: '区划名称', width: 16, value: (r) => r.divisionName },
          { header: '状态', width: 8, value: (r) => (r.active ? '启用' : '停用') },
        ],
      });
    },
  );

  app.get(
    '/api/orgs/:id',
    {
      config: { permission: 'kernel.org.read', scopeProbe: { kind: 'resource', resource: 'org' } },
      schema: { tags, summary: '单位详情', params: IdParams, response: { 200: Org } },
    },
    (req) => orgs.getOrg(ctxOf(req, db), req.params.id),
  );

  app.post(
    '/api/orgs',
    {
      config: {
        permission: 'kernel.org.manage',
        scopeProbe: { kind: 'bodyOrg', field: 'parentId', body: { kind: 'judicial-office', name: '越权新增的司法所' } },
      },
      schema: { tags, summary: '新增下级单位', body: CreateOrgInput, response: { 201: Org } },
    },
    async (req, reply) => reply.code(201).send(await orgs.createOrg(ctxOf(req, db), req.body)),
  );

  app.patch(
    '/api/orgs/:id',
    {
      config: { permission: 'kernel.org.manage', scopeProbe: { kind: 'resource', resource: 'org', body: renameBody } },
      schema: { tags, summary: '修改单位 (更名、排序)', params: IdParams, body: UpdateOrgInput, response: { 200: Org } },
    },
    (req) => orgs.updateOrg(ctxOf(req, db), req.params.id, req.body),
  );

  for (const [action, active, summary] of [
    ['deactivate', false, '停用单位 (连同全部下级)'],
    ['activate', true, '启用单位'],
  ] as const) {
    app.post(
      `/api/orgs/:id/${action}`,
      {
        config: { permission: 'kernel.org.manage', scopeProbe: { kind: 'resource', resource: 'org' } },
        schema: { tags, summary, params: IdParams, response: { 200: Org } },
      },
      (req) => orgs.setOrgActive(ctxOf(req, db), req.params.id, active),
    );
  }

  app.get(
    '/api/divisions',
    {
      config: { permission: 'kernel.org.read', scopeProbe: { kind: 'unscoped', reason: '行政区划为公共参考数据' } },
      schema: {
        tags,
        summary: '下级行政区划',
        querystring: z.object({
          parent: z
            .string()
            .regex(/^\d{2,12}$/, '区划代码应为数字')
            .optional(),
        }),
        response: { 200: z.array(Division) },
      },
    },
    (req) => orgs.listDivisions(ctxOf(req, db), req.query.parent ?? null),
  );
}
