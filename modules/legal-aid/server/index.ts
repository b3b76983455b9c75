import { fileURLToPath } from 'node:url';
import { defineModule } from '@sifa/kernel';
import { LEGAL_AID_DEADLINES } from '../shared/deadlines';
import { MATTER_CATEGORIES } from '../shared/eligibility';
import { LEGAL_AID_INDICATORS } from '../shared/indicators';
import { LEGAL_AID_GRANTS, LEGAL_AID_PERMISSIONS, LEGAL_AID_ROLES } from '../shared/permissions';
import { CASE_CHANNELS } from '../shared/schemas';
import { CASE_WORKFLOW } from '../shared/workflow';
import { CASE_ACTIONS } from './actions';
import { legalAidRoutes } from './routes';

const labelsOf = (t: Record<string, { zh: string }>) => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.zh]));

/** 法律援助 (modules/legal-aid/README.md): everything the line brings is declared here. */
export const legalAidModule = defineModule({
  name: 'legal-aid',
  labelZh: '法律援助',
  labelEn: 'Legal aid',
  migrationsDir: fileURLToPath(new URL('./migrations', import.meta.url)),
  permissions: LEGAL_AID_PERMISSIONS,
  roleGrants: LEGAL_AID_GRANTS,
  roles: LEGAL_AID_ROLES,
  workflows: [CASE_WORKFLOW],
  actions: CASE_ACTIONS,
  deadlines: LEGAL_AID_DEADLINES,
  // what staff issue from a case's documents tab (the console's 出具通知书); the SF/T 0024 documents are not built yet
  documentKinds: [{ kind: 'legal-aid.notice', nameZh: '通知书', nameEn: 'Notice' }],
  indicators: LEGAL_AID_INDICATORS,
  indicatorSources: [
    {
      id: 'legal-aid.cases',
      table: 'legal_aid.cases',
      orgColumn: 'org_id',
      dateColumn: 'opened_at',
      columns: ['status', 'outcome', 'channel', 'category', 'means_test', 'same_day', 'assigned_at', 'opened_at', 'closed_at'],
      drill: [
        ['id', 'id'],
        ['number', '编号'],
        ['title', '案件'],
        ['category', '援助事项'],
        ['channel', '申请渠道'],
        ['status', '状态'],
        ['opened_at', '收到时间'],
        ['assigned_at', '指派时间'],
        ['closed_at', '结案时间'],
      ],
      dimensions: {
        channel: { column: 'channel', nameZh: '申请渠道', labels: labelsOf(CASE_CHANNELS) },
        category: { column: 'category', nameZh: '援助事项', labels: labelsOf(MATTER_CATEGORIES) },
      },
      measures: {
        toAssignment: { nameZh: '指派用时（天）', days: ['opened_at', 'assigned_at'] },
        benefit: { nameZh: '挽回经济损失（分）', column: 'benefit_fen' },
      },
      // Matter-backed: the unit (org_id), status, outcome, number, title and times are the matter's (same id).
      matterColumn: 'id',
    },
  ],
  routes: legalAidRoutes,
  scopeFixtures: () => import('./scope-fixtures'),
});
