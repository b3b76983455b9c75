import { z } from 'zod';
import { ctxOf, sendXlsx, type ModuleDeps, type SifaApp } from '@sifa/kernel';
import { CATEGORY_CODE_PATTERN, DISPUTE_CATEGORIES } from '../../shared/categories';
import { Category, CategoryFilter, CreateCategoryInput, PublicCategory, UpdateCategoryInput } from '../../shared/category-schemas';
import * as category from './category';

const tags = ['纠纷类型'];
const base = '/api/mediation/categories';

// One list for the whole city, the same for every unit: nothing here is scoped (README "Dispute categories").
const CITY_WIDE = '纠纷类型是全市统一的字典，不含任何单位的数据';
const CodeParams = z.object({ code: z.string().regex(CATEGORY_CODE_PATTERN, '类型代码格式不正确') });
const standardZh = (code: string) => (DISPUTE_CATEGORIES as Record<string, { zh: string } | undefined>)[code]?.zh ?? code;

/**
 * 纠纷类型 (issue #4 item 2; modules/mediation/README.md): the list the forms, filters and labels use, the
 * administrator's table with its Excel export, new categories and changes (never deleted: deactivated), and the
 * active list for the citizen portal.
 */
export function categoryRoutes(app: SifaApp, { engine }: ModuleDeps) {
  const db = engine.db;

  app.get(
    base,
    {
      config: { permission: 'mediation.dispute.read', scopeProbe: { kind: 'list' } },
      schema: {
        tags,
        summary: '纠纷类型 (登记表单、筛选和显示用；默认只列启用的，all=true 时含已停用的)',
        querystring: z.object({ all: z.enum(['true', 'false']).optional() }),
        response: { 200: z.array(Category) },
      },
    },
    async (req) => {
      const list = await category.cachedCategories(db);
      return req.query.all === 'true' ? [...list] : list.filter((c) => c.active);
    },
  );

  app.get(
    `${base}/admin`,
    {
      config: { permission: 'mediation.category.manage', scopeProbe: { kind: 'list' } },
      schema: { tags, summary: '纠纷类型管理列表 (关键字、状态筛选)', querystring: CategoryFilter, response: { 200: z.array(Category) } },
    },
    (req) => category.listCategories(db, req.query),
  );

  app.get(
    `${base}/export.xlsx`,
    {
      config: { permission: 'mediation.category.manage', scopeProbe: { kind: 'list' } },
      schema: { tags, summary: '导出纠纷类型 (Excel，按当前筛选)', querystring: CategoryFilter },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, db);
      const rows = await category.listCategories(db, req.query);
      return sendXlsx(ctx, reply, {
        filename: '纠纷类型.xlsx',
        sheet: '纠纷类型',
        action: 'mediation.category.export',
        filter: req.query,
        rows,
        columns: [
          { header: '类型代码', width: 24, value: (c) => c.code },
          { header: '中文名称', width: 16, value: (c) => c.nameZh },
          { header: '英文名称', width: 28, value: (c) => c.nameEn },
          { header: '统计归类', width: 16, value: (c) => standardZh(c.reportAs) },
          { header: '排序', width: 8, value: (c) => c.sortOrder },
          { header: '状态', width: 8, value: (c) => (c.active ? '启用' : '已停用') },
          { header: '内置', width: 8, value: (c) => (c.builtin ? '是' : '') },
        ],
      });
    },
  );

  app.post(
    base,
    {
      config: { permission: 'mediation.category.manage', scopeProbe: { kind: 'unscoped', reason: CITY_WIDE } },
      schema: { tags, summary: '新增纠纷类型 (须指明月报中计入的统计口径类型)', body: CreateCategoryInput, response: { 201: Category } },
    },
    async (req, reply) => reply.code(201).send(await category.createCategory(ctxOf(req, db), req.body)),
  );

  app.patch(
    `${base}/:code`,
    {
      config: { permission: 'mediation.category.manage', scopeProbe: { kind: 'unscoped', reason: CITY_WIDE } },
      schema: {
        tags,
        summary: '修改纠纷类型 (名称、统计归类、排序、启用或停用；代码不能修改)',
        params: CodeParams,
        body: UpdateCategoryInput,
        response: { 200: Category },
      },
    },
    (req) => category.updateCategory(ctxOf(req, db), req.params.code, req.body),
  );

  app.get(
    '/api/public/mediation/categories',
    {
      config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { tags: ['公众服务', '人民调解'], summary: '可选择的纠纷类型 (网上申请调解)', response: { 200: z.array(PublicCategory) } },
    },
    async () => (await category.activeCategories(db)).map(({ code, nameZh, nameEn }) => ({ code, nameZh, nameEn })),
  );
}
