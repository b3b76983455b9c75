import { fileURLToPath } from 'node:url';
import { defineModule } from '@sifa/kernel';
import { __CONST___DEADLINES } from '../shared/deadlines';
import { __CONST___INDICATORS } from '../shared/indicators';
import { __CONST___GRANTS, __CONST___PERMISSIONS } from '../shared/permissions';
import { CASE_CHANNELS } from '../shared/schemas';
import { CASE_WORKFLOW } from '../shared/workflow';
import { CASE_ACTIONS } from './actions';
import { __camel__Routes } from './routes';

/** __zh__ (modules/__name__/README.md). Written by `npm run new-module`; everything the line brings is declared here. */
export const __camel__Module = defineModule({
  name: '__name__',
  labelZh: '__zh__',
  labelEn: '__en__',
  migrationsDir: fileURLToPath(new URL('./migrations', import.meta.url)),
  permissions: __CONST___PERMISSIONS,
  roleGrants: __CONST___GRANTS,
  workflows: [CASE_WORKFLOW],
  actions: CASE_ACTIONS,
  deadlines: __CONST___DEADLINES,
  // what staff issue from a case's documents tab (the console's 出具通知书); add the line's own documents with their numbers
  documentKinds: [{ kind: '__name__.notice', nameZh: '通知书', nameEn: 'Notice' }],
  indicators: __CONST___INDICATORS,
  indicatorSources: [
    {
      id: '__name__.cases',
      table: '__snake__.cases',
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
  routes: __camel__Routes,
  scopeFixtures: () => import('./scope-fixtures'),
});
