import { fileURLToPath } from 'node:url';
import { chinaDay, chinaYear, defineModule } from '@sifa/kernel';
import { DISPUTE_CATEGORIES, DISPUTE_SOURCES } from '../shared/categories';
import { MEDIATION_DEADLINES } from '../shared/deadlines';
import { MEDIATION_INDICATORS, SOURCE_GROUPS } from '../shared/indicators';
import { MEDIATION_GRANTS, MEDIATION_PERMISSIONS, MEDIATION_ROLES } from '../shared/permissions';
import { DISPUTE_WORKFLOW } from '../shared/workflow';
import { DISPUTE_ACTIONS } from './actions';
import { categoryNames } from './category';
import { generateDisputes } from './demo';
import { generateRegister } from './registry-demo';
import { generateScreenings } from './screening-demo';
import { mediationRoutes } from './routes';
import { DISPUTE_NUMBER } from './service';

/** People's mediation 人民调解 (modules/mediation/README.md). */
export const mediationModule = defineModule({
  name: 'mediation',
  labelZh: '人民调解',
  labelEn: "People's mediation",
  migrationsDir: fileURLToPath(new URL('./migrations', import.meta.url)),
  permissions: MEDIATION_PERMISSIONS,
  roleGrants: MEDIATION_GRANTS,
  workflows: [DISPUTE_WORKFLOW],
  actions: DISPUTE_ACTIONS,
  indicators: MEDIATION_INDICATORS,
  indicatorSources: [
    {
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
    },
  ],
  routes: mediationRoutes,
  deadlines: MEDIATION_DEADLINES,
  roles: MEDIATION_ROLES,
  numbers: { dispute: DISPUTE_NUMBER },
  // 人民调解法 第二十八条、第二十九条: the written agreement, issued when a dispute is agreed (service.ts issueAgreement).
  documentKinds: [{ kind: 'mediation.agreement', nameZh: '人民调解协议书', nameEn: 'People’s mediation agreement' }],
  // 人民调解法 第八条: committees in villages, towns and industries — a township committee under each judicial
  // office, and a county committee for medical disputes (features.md M4).
  seedUnits: [
    { under: 'county-bureau', kind: 'mediation-committee', name: (county) => `${county}医疗纠纷人民调解委员会`, sort: 3 },
    { under: 'judicial-office', kind: 'mediation-committee', name: (town) => `${town}人民调解委员会`, sort: 1 },
  ],
  scopeFixtures: () => import('./scope-fixtures'),
  async seedDemo(db, { size, now }) {
    const year = chinaYear(now);
    await generateDisputes(db, { count: size, year, until: now });
    // last year too, so the monthly report has a same month last year to compare with (同比)
    await generateDisputes(db, { count: size, year: year - 1, seed: 2025 });
    await generateScreenings(db, { today: chinaDay(now) }); // links a share of the 'screening' disputes (screening-demo.ts)
    await generateRegister(db, { today: chinaDay(now) });
  },
});
