import type { IndicatorSource } from '@sifa/kernel';
import { DISPUTE_CATEGORIES, DISPUTE_SOURCES } from '../../shared/categories';
import { SOURCE_GROUPS } from '../../shared/indicators';
import { categoryNames } from '../categories/category';

/**
 * The indicators' source `mediation.disputes` (declared in index.ts's `indicatorSources`): what the dashboard, the
 * monthly report and the indicator routes count, break down and drill into (README.md "Indicators").
 */
export const DISPUTES_SOURCE: IndicatorSource = {
  id: 'mediation.disputes',
  table: 'mediation.disputes',
  orgColumn: 'org_id',
  dateColumn: 'accepted_at',
  columns: [
    'status',
    'outcome',
    'category',
    'source',
    'accepted_at',
    'closed_at',
    'confirmation_result',
    'at_risk',
    'prevented_criminal',
    'prevented_mass_petition',
  ],
  drill: [
    ['id', 'id'],
    ['number', '编号'],
    ['title', '纠纷'],
    ['category', '类型'],
    ['source', '来源'],
    ['status', '状态'],
    ['accepted_at', '受理时间'],
    ['closed_at', '办结时间'],
  ],
  // The monthly report's breakdowns (features.md M6): by category, by source and by the three source groups.
  dimensions: {
    // categories are data (mediation.categories): their names are read when a table is exported
    category: { column: 'category', nameZh: '纠纷类型', labels: categoryNames },
    // the monthly report's categories: a city's own category counted under the standard one it names (0008)
    'report-category': {
      column: 'category',
      nameZh: '纠纷类型（统计口径）',
      lookup: { table: 'mediation.categories', key: 'code', value: 'report_as' },
      labels: Object.fromEntries(Object.entries(DISPUTE_CATEGORIES).map(([k, v]) => [k, v.zh])),
    },
    source: { column: 'source', nameZh: '纠纷来源', labels: Object.fromEntries(Object.entries(DISPUTE_SOURCES).map(([k, v]) => [k, v.zh])) },
    'source-group': {
      column: 'source',
      nameZh: '来源分组',
      groups: Object.fromEntries(Object.entries(DISPUTE_SOURCES).map(([k, v]) => [k, v.group])),
      labels: Object.fromEntries(Object.entries(SOURCE_GROUPS).map(([k, v]) => [k, v.zh])),
    },
  },
  // mediation.average-duration: calendar days from acceptance to closing.
  // The monthly report's sums: the agreement's amount (fen; the indicator shows yuan) and the persons involved.
  measures: {
    duration: { nameZh: '办理天数', days: ['accepted_at', 'closed_at'] },
    'agreement-amount': { nameZh: '协议涉及金额（分）', column: 'agreement_amount_fen' },
    persons: { nameZh: '涉及人数', column: 'persons_involved' },
  },
  // Same id as the kernel matter: the unit (org_id), status, outcome, number, title and closed_at above are the
  // matter's, read from kernel.matters (migrations/0010); mediation.overdue reads the matter's deadlines.
  matterColumn: 'id',
};

/**
 * The indicators' source `mediation.ratings`: the citizens' ratings on the portal, each counted in the unit of the
 * dispute it rates (matter-backed through `dispute_id`) on the day it was given; the drill-down lists the disputes.
 */
export const RATINGS_SOURCE: IndicatorSource = {
  id: 'mediation.ratings',
  table: 'mediation.ratings',
  orgColumn: 'org_id',
  dateColumn: 'created_at',
  columns: ['score', 'created_at'],
  drill: [
    ['id', 'id'],
    ['dispute_id', '纠纷 ID'],
    ['number', '编号'],
    ['title', '纠纷'],
    ['score', '评分'],
    ['comment', '评价内容'],
    ['created_at', '评价时间'],
  ],
  measures: { score: { nameZh: '评分', column: 'score' } },
  matterColumn: 'dispute_id',
};
