import { DISPUTE_CATEGORIES, DISPUTE_SOURCE_CODES, DISPUTE_SOURCES, SOURCE_GROUPS, STANDARD_CATEGORY_CODES } from '@sifa/mediation/shared';
import type { Category } from '@sifa/mediation/shared';
import type { IndicatorTable } from '@sifa/kernel/shared';
import { pick } from '@sifa/ui';
import type { Lang } from '@sifa/ui';
import { categoryLabel, sourceLabel } from '../common/labels';
import type { MediationKey } from '../common/messages';

// The breakdowns of mediation.disputes shown on the dashboard and in the monthly report: their labels and order.

/** The dimensions of mediation.disputes the board breaks down by (features.md M6). */
export const DIMENSIONS = ['category', 'source-group', 'source'] as const;
export type BoardDimension = (typeof DIMENSIONS)[number];
/** The dashboard's dimensions, and the monthly report's standard categories (a category's `report_as`). */
export type Dimension = BoardDimension | 'report-category';
export const DIMENSION_LABELS: Record<BoardDimension, MediationKey> = {
  category: 'dash.byCategory',
  'source-group': 'dash.bySourceGroup',
  source: 'dash.bySource',
};

const GROUP_ORDER = Object.keys(SOURCE_GROUPS);
const groupOf = (code: string) => (DISPUTE_SOURCES as Record<string, { group: string } | undefined>)[code]?.group ?? '';

type Categories = readonly Category[] | undefined;

export function bucketLabel(by: Dimension, key: string | null, lang: Lang, unclassified: string, categories: Categories): string {
  if (key === null) return unclassified;
  if (by === 'category') return categoryLabel(categories, key, lang);
  if (by === 'report-category') {
    const standard = (DISPUTE_CATEGORIES as Record<string, { zh: string; en: string } | undefined>)[key];
    return standard ? pick(lang, standard.zh, standard.en) : key;
  }
  if (by === 'source') return sourceLabel(key, lang);
  const group = (SOURCE_GROUPS as Record<string, { zh: string; en: string } | undefined>)[key];
  return group ? pick(lang, group.zh, group.en) : key;
}

/**
 * Bucket order: categories by the number accepted (then the list's order, which the administrator sets), the
 * standard categories in the report's order, the three source groups in the report's order (主动, 申请,
 * 接受委托移送), sources by their group then the dictionary; the null bucket last.
 */
export function bucketOrder(table: IndicatorTable, by: Dimension, categories: Categories): number[] {
  const accepted = table.series[0]?.values ?? [];
  const rank = (key: string | null): number => {
    if (key === null) return Number.MAX_SAFE_INTEGER;
    if (by === 'category') {
      const i = (categories ?? []).findIndex((c) => c.code === key);
      return i < 0 ? Number.MAX_SAFE_INTEGER - 1 : i;
    }
    if (by === 'report-category') return (STANDARD_CATEGORY_CODES as readonly string[]).indexOf(key);
    if (by === 'source-group') return GROUP_ORDER.indexOf(key);
    return GROUP_ORDER.indexOf(groupOf(key)) * 100 + (DISPUTE_SOURCE_CODES as readonly string[]).indexOf(key);
  };
  const byCount = (a: number, b: number) => (by === 'category' ? (accepted[b]?.numerator ?? 0) - (accepted[a]?.numerator ?? 0) : 0);
  return table.buckets.map((_k, i) => i).sort((a, b) => byCount(a, b) || rank(table.buckets[a] ?? null) - rank(table.buckets[b] ?? null));
}
