import { fileURLToPath } from 'node:url';
import { defineModule } from '@sifa/kernel';
import { RECONSIDERATION_DEADLINES } from '../shared/deadlines';
import { RECONSIDERATION_INDICATORS } from '../shared/indicators';
import { RECONSIDERATION_GRANTS, RECONSIDERATION_PERMISSIONS } from '../shared/permissions';
import { ACT_TYPES, CASE_CHANNELS, CLOSINGS, SECTORS } from '../shared/schemas';
import { CASE_WORKFLOW } from '../shared/workflow';
import { CASE_ACTIONS } from './actions';
import { CASE_DOCUMENT_KINDS } from './documents';
import { registerCaseJobs } from './jobs';
import { reconsiderationRoutes } from './routes';

const labels = (t: Record<string, { zh: string }>) => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.zh]));

/** 行政复议 (modules/reconsideration/README.md): everything the line brings is declared here. */
export const reconsiderationModule = defineModule({
  name: 'reconsideration',
  labelZh: '行政复议',
  labelEn: 'Administrative reconsideration',
  migrationsDir: fileURLToPath(new URL('./migrations', import.meta.url)),
  permissions: RECONSIDERATION_PERMISSIONS,
  roleGrants: RECONSIDERATION_GRANTS,
  workflows: [CASE_WORKFLOW],
  actions: CASE_ACTIONS,
  deadlines: RECONSIDERATION_DEADLINES,
  documentKinds: CASE_DOCUMENT_KINDS,
  indicators: RECONSIDERATION_INDICATORS,
  indicatorSources: [
    {
      id: 'reconsideration.cases',
      table: 'reconsideration.cases',
      orgColumn: 'org_id',
      // the figures count by the acceptance date (shared/indicators.ts)
      dateColumn: 'accepted_at',
      base: [{ column: 'accepted_at', op: 'notNull' }],
      columns: ['status', 'outcome', 'channel', 'closing', 'sector', 'act_type', 'respondent', 'enterprise', 'accepted_at', 'opened_at', 'closed_at'],
      drill: [
        ['id', 'id'],
        ['number', '案号'],
        ['title', '案件'],
        ['respondent', '被申请人'],
        ['closing', '结案方式'],
        ['status', '状态'],
        ['accepted_at', '受理日期'],
        ['closed_at', '办结时间'],
      ],
      dimensions: {
        respondent: { column: 'respondent', nameZh: '被申请人' },
        sector: { column: 'sector', nameZh: '行业领域', labels: labels(SECTORS) },
        'act-type': { column: 'act_type', nameZh: '行为类别', labels: labels(ACT_TYPES) },
        closing: { column: 'closing', nameZh: '结案方式', labels: labels(CLOSINGS) },
        channel: { column: 'channel', nameZh: '申请方式', labels: labels(CASE_CHANNELS) },
      },
      measures: {
        duration: { nameZh: '审理天数', days: ['accepted_at', 'closed_at'] },
        'loss-recovered': { nameZh: '挽回经济损失（分）', column: 'loss_recovered_fen' },
      },
      // Matter-backed: the unit (org_id), status, outcome, number, title and times are the matter's (same id).
      matterColumn: 'id',
    },
  ],
  jobs: registerCaseJobs,
  routes: reconsiderationRoutes,
  scopeFixtures: () => import('./scope-fixtures'),
});
