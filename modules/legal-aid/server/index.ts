import { fileURLToPath } from 'node:url';
import { defineModule } from '@sifa/kernel';
import { LEGAL_AID_DEADLINES } from '../shared/deadlines';
import { LEGAL_AID_INDICATORS } from '../shared/indicators';
import { LEGAL_AID_GRANTS, LEGAL_AID_PERMISSIONS } from '../shared/permissions';
import { CASE_CHANNELS } from '../shared/schemas';
import { CASE_WORKFLOW } from '../shared/workflow';
import { CASE_ACTIONS } from './actions';
import { legalAidRoutes } from './routes';

/** 法律援助 (modules/legal-aid/README.md). Written by `npm run new-module`; everything the line brings is declared here. */
export const legalAidModule = defineModule({
  name: 'legal-aid',
  labelZh: '法律援助',
  labelEn: 'Legal aid',
  migrationsDir: fileURLToPath(new URL('./migrations', import.meta.url)),
  permissions: LEGAL_AID_PERMISSIONS,
  roleGrants: LEGAL_AID_GRANTS,
  workflows: [CASE_WORKFLOW],
  actions: CASE_ACTIONS,
  deadlines: LEGAL_AID_DEADLINES,
  // what staff issue from a case's documents tab (the console's 出具通知书); add the line's own documents with their numbers
  documentKinds: [{ kind: 'legal-aid.notice', nameZh: '通知书', nameEn: 'Notice' }],
  indicators: LEGAL_AID_INDICATORS,
  indicatorSources: [
    {
      id: 'legal-aid.cases',
      table: 'legal_aid.cases',
      orgColumn: 'org_id',
      dateColumn: 'opened_at',
      columns: ['status', 'outcome', 'channel', 'opened_at', 'closed_at'],
      drill: [
        ['id', 'id'],
        ['number', '编号'],
        ['title', '案件'],
        ['channel', '登记渠道'],
        ['status', '状态'],
        ['opened_at', '登记时间'],
        ['closed_at', '办结时间'],
      ],
      dimensions: { channel: { column: 'channel', nameZh: '登记渠道', labels: Object.fromEntries(Object.entries(CASE_CHANNELS).map(([k, v]) => [k, v.zh])) } },
      measures: { duration: { nameZh: '办理天数', days: ['opened_at', 'closed_at'] } },
      // Matter-backed: the unit (org_id), status, outcome, number, title and times are the matter's (same id).
      matterColumn: 'id',
    },
  ],
  routes: legalAidRoutes,
  scopeFixtures: () => import('./scope-fixtures'),
});
