import { fileURLToPath } from 'node:url';
import { chinaDay, chinaYear, defineModule } from '@sifa/kernel';
import { MEDIATION_AUDIT_ACTIONS } from '../shared/audit-actions';
import { MEDIATION_DEADLINES } from '../shared/deadlines';
import { MEDIATION_INDICATORS } from '../shared/indicators';
import { MEDIATION_GRANTS, MEDIATION_PERMISSIONS, MEDIATION_ROLES } from '../shared/permissions';
import { DISPUTE_WORKFLOW } from '../shared/workflow';
import { DISPUTE_ACTIONS } from './disputes/actions';
import { generateDisputes } from './disputes/demo';
import { generateRegister } from './registry/registry-demo';
import { generateScreenings } from './screening/screening-demo';
import { DISPUTES_SOURCE, RATINGS_SOURCE } from './reports/indicator-sources';
import { MEDIATION_LOAD_STEPS } from './load';
import { mediationRoutes } from './routes';

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
  auditActions: MEDIATION_AUDIT_ACTIONS,
  indicators: MEDIATION_INDICATORS,
  indicatorSources: [DISPUTES_SOURCE, RATINGS_SOURCE],
  routes: mediationRoutes,
  deadlines: MEDIATION_DEADLINES,
  roles: MEDIATION_ROLES,
  // 人民调解法 第二十八条、第二十九条: the written agreement, issued when a dispute is agreed (disputes/service.ts
  // issueAgreement); notices staff issue from the dispute page (受理/不予受理通知 …) take the kernel's format.
  documentKinds: [
    { kind: 'mediation.agreement', nameZh: '人民调解协议书', nameEn: 'People’s mediation agreement', number: '{abbr}调协〔{year}〕{seq}号' },
    { kind: 'mediation.notice', nameZh: '通知书', nameEn: 'Notice' },
  ],
  // 人民调解法 第八条: committees in villages, towns and industries — a township committee under each judicial
  // office, and a county committee for medical disputes (features.md M4).
  seedUnits: [
    { under: 'county-bureau', kind: 'mediation-committee', name: (county) => `${county}医疗纠纷人民调解委员会`, sort: 3 },
    { under: 'judicial-office', kind: 'mediation-committee', name: (town) => `${town}人民调解委员会`, sort: 1 },
  ],
  scopeFixtures: () => import('./scope-fixtures'),
  loadSteps: MEDIATION_LOAD_STEPS,
  async seedDemo(db, { size, now }) {
    const year = chinaYear(now);
    await generateDisputes(db, { count: size, year, until: now });
    // last year too, so the monthly report has a same month last year to compare with (同比)
    await generateDisputes(db, { count: size, year: year - 1, seed: 2025 });
    await generateScreenings(db, { today: chinaDay(now) }); // links a share of the 'screening' disputes (screening-demo.ts)
    await generateRegister(db, { today: chinaDay(now) });
  },
});
