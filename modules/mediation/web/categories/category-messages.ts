import { useCallback } from 'react';
import { fillText, pick } from '@sifa/ui';
import type { Lang } from '@sifa/ui';
import { DISPUTE_CATEGORIES, STANDARD_CATEGORY_CODES } from '@sifa/mediation/shared';
import { useMediationText } from '../common/messages';

/** The 纠纷类型 page's own text, [中文, English] per key (as registry-messages.ts keeps the register's). */
export const CATEGORY_MESSAGES = {
  'categories.title': ['纠纷类型', 'Dispute categories'],
  'categories.intro': [
    '登记纠纷、网上申请和法院导入可选的纠纷类型。新增的类型须指明在司法部人民调解月报中计入哪一统计口径类型；停用的类型不能再用于新登记的纠纷，已登记的纠纷保留原类型。',
    'The categories offered when a dispute is registered, applied for online or imported from a court. A new category names the standard category it is counted under in the MoJ monthly report; a deactivated one is no longer offered, and disputes registered with it keep it.',
  ],
  'categories.keywordHint': ['代码或名称', 'Code or name'],
  'categories.empty': ['没有符合条件的纠纷类型', 'No category matches'],
  'categories.add': ['新增类型', 'New category'],
  'categories.exportName': ['纠纷类型.xlsx', 'dispute-categories.xlsx'],
  'field.code': ['代码', 'Code'],
  'field.codeHint': ['小写字母、数字和连字符，如 campus；创建后不能修改', 'Lowercase letters, digits and hyphens, e.g. campus; cannot be changed later'],
  'field.nameZh': ['中文名称', 'Chinese name'],
  'field.nameEn': ['English', 'English'],
  'field.nameEnLabel': ['英文名称', 'English name'],
  'field.reportAs': ['统计归类', 'Counted as'],
  'field.reportAsHint': ['在司法部人民调解月报中计入的统计口径类型', 'The standard category of the MoJ monthly report it is counted under'],
  'field.reportAsBuiltin': ['内置类型按自身统计', 'A built-in category is counted as itself'],
  'field.sortOrder': ['排序', 'Order'],
  'field.sortOrderHint': ['小者在前；不填则排在最后', 'Smaller first; empty puts it last'],
  'field.status': ['状态', 'Status'],
  'field.builtin': ['内置', 'Built-in'],
  'status.active': ['启用', 'Active'],
  'status.inactive': ['已停用', 'Inactive'],
  'status.all': ['全部', 'All'],
  'builtin.yes': ['内置', 'Built-in'],
  'category.edit': ['编辑', 'Edit'],
  'category.addTitle': ['新增纠纷类型', 'New dispute category'],
  'category.editTitle': ['编辑纠纷类型：{name}', 'Edit category: {name}'],
  'category.created': ['已新增纠纷类型 {name}', 'Category {name} added'],
  'category.saved': ['已保存', 'Saved'],
  'category.deactivate': ['停用', 'Deactivate'],
  'category.activate': ['启用', 'Activate'],
  'category.deactivateTitle': ['停用纠纷类型“{name}”？', 'Deactivate the category {name}?'],
  'category.deactivateText': [
    '停用后，登记纠纷、网上申请和法院导入不再提供此类型；已登记的纠纷保留此类型，统计和筛选照常。可随时重新启用。',
    'It will no longer be offered for new disputes, online applications or court imports; disputes registered with it keep it and still count. You can reactivate it at any time.',
  ],
  'category.activateTitle': ['重新启用纠纷类型“{name}”？', 'Reactivate the category {name}?'],
  'category.activateText': [
    '启用后，登记纠纷、网上申请和法院导入将再次提供此类型。',
    'It will be offered again for new disputes, online applications and court imports.',
  ],
  'category.deactivated': ['已停用 {name}', '{name} deactivated'],
  'category.activated': ['已启用 {name}', '{name} activated'],
  'category.otherLocked': ['“其他”类型不能停用', 'The category Other cannot be deactivated'],
} as const satisfies Record<string, readonly [string, string]>;

export type CategoryKey = keyof typeof CATEGORY_MESSAGES;
export type CategoryText = (key: CategoryKey, vars?: Record<string, string | number>) => string;

/** `key` in `lang` with `{name}` placeholders filled (numbers with thousands separators). */
export function categoryText(lang: Lang, key: CategoryKey, vars?: Record<string, string | number>): string {
  return fillText(CATEGORY_MESSAGES[key][lang === 'en' ? 1 : 0], lang, vars);
}

/** The mediation module's text helpers plus `ct` for the categories page's own keys. */
export function useCategoryText() {
  const text = useMediationText();
  const { lang } = text;
  const ct = useCallback<CategoryText>((key, vars) => categoryText(lang, key, vars), [lang]);
  return { ...text, ct };
}

/** The standard category a category is counted under, by name. */
export const standardLabel = (code: string, lang: Lang) => {
  const e = (DISPUTE_CATEGORIES as Readonly<Record<string, { zh: string; en: string } | undefined>>)[code];
  return e ? pick(lang, e.zh, e.en) : code;
};
export const standardOptions = (lang: Lang) => STANDARD_CATEGORY_CODES.map((c) => ({ value: c, label: standardLabel(c, lang) }));
