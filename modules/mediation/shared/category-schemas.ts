import { z } from 'zod';
import { CATEGORY_CODE_PATTERN, STANDARD_CATEGORY_CODES, type StandardCategory } from './categories';

// 纠纷类型 kept by an administrator (issue #4 item 2; server/categories/category.ts, migrations/0008_categories.sql).

const CategoryCode = z
  .string({ error: '请填写类型代码' })
  .trim()
  .regex(CATEGORY_CODE_PATTERN, '类型代码只能由小写字母、数字和连字符组成，2 至 40 个字符，如 campus');
const NameZh = z.string({ error: '请填写中文名称' }).trim().min(2, '中文名称至少 2 个字').max(20, '中文名称不超过 20 个字');
const NameEn = z.string().trim().max(60, '英文名称不超过 60 个字符');
const ReportAs = z.enum(STANDARD_CATEGORY_CODES as [StandardCategory, ...StandardCategory[]], { error: '统计归类应为司法部统计口径的 15 类之一' });
const SortOrder = z.number({ error: '排序应为整数' }).int('排序应为整数').min(0, '排序不能为负').max(9999, '排序不超过 9999');

/** A category as the console shows it. `reportAs` is the standard category it is counted under (itself if built in). */
export const Category = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  reportAs: z.string(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  builtin: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Category = z.infer<typeof Category>;

export const CreateCategoryInput = z.object({
  code: CategoryCode,
  nameZh: NameZh,
  nameEn: NameEn.optional(),
  reportAs: ReportAs,
  /** After the last one when absent. */
  sortOrder: SortOrder.optional(),
});
export type CreateCategoryInput = z.infer<typeof CreateCategoryInput>;

/** Labels, statistical category, order and status. `code` may be sent, but only unchanged: codes are stable. */
export const UpdateCategoryInput = z.object({
  code: z.string().trim().optional(),
  nameZh: NameZh.optional(),
  nameEn: NameEn.optional(),
  reportAs: ReportAs.optional(),
  sortOrder: SortOrder.optional(),
  active: z.boolean({ error: '状态应为启用或停用' }).optional(),
});
export type UpdateCategoryInput = z.infer<typeof UpdateCategoryInput>;

export const CategoryFilter = z.object({
  q: z.string().trim().max(40, '查询内容不超过 40 个字').optional(),
  status: z.enum(['active', 'inactive', 'all'], { error: '状态应为 active、inactive 或 all' }).optional(),
});
export type CategoryFilter = z.infer<typeof CategoryFilter>;

/** What the citizen portal offers: the active categories' codes and names. */
export const PublicCategory = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string().nullable() });
export type PublicCategory = z.infer<typeof PublicCategory>;
