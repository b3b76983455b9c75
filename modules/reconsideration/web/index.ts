import { BarChartOutlined, BookOutlined, ProfileOutlined } from '@ant-design/icons';
import { ACTION_INPUTS, CASE_WORKFLOW } from '@sifa/reconsideration/shared';
import { lazyPage } from '@sifa/ui';
import type { MatterActionFormProps, WebModule } from '@sifa/ui';
import { lazy } from 'react';
import type { ComponentType } from 'react';

/** The typed actions' form, loaded when one is opened (every action of the case workflow has one). */
const CaseActionForm: ComponentType<MatterActionFormProps> = lazy(() => import('./components/CaseActionForm').then((m) => ({ default: m.CaseActionForm })));

/** 行政复议 in the console (cases, a case, the figures) and on the public portal (its service guide). */
export const reconsiderationWeb: WebModule = {
  name: 'reconsideration',
  labelZh: '行政复议',
  labelEn: 'Reconsideration',
  // after people's mediation (100)
  groups: [{ key: 'reconsideration', labelZh: '行政复议', labelEn: 'Reconsideration', order: 200 }],
  workflows: [CASE_WORKFLOW],
  matterActionForms: Object.fromEntries(Object.keys(ACTION_INPUTS).map((a) => [`case.${a}`, CaseActionForm])),
  entries: [
    {
      key: 'reconsideration.cases',
      group: 'reconsideration',
      labelZh: '案件列表',
      labelEn: 'Cases',
      path: '/reconsideration/cases',
      permission: 'reconsideration.case.read',
      icon: ProfileOutlined,
      element: lazyPage(() => import('./pages/CasesPage').then((m) => m.CasesPage)),
    },
    {
      key: 'reconsideration.case',
      group: 'reconsideration',
      labelZh: '案件详情',
      labelEn: 'Case',
      path: '/reconsideration/cases/:id',
      permission: 'reconsideration.case.read',
      menu: false,
      element: lazyPage(() => import('./pages/CasePage').then((m) => m.CasePage)),
    },
    {
      key: 'reconsideration.dashboard',
      group: 'reconsideration',
      labelZh: '统计',
      labelEn: 'Figures',
      path: '/reconsideration/dashboard',
      permission: 'reconsideration.case.read',
      icon: BarChartOutlined,
      element: lazyPage(() => import('./reports/DashboardPage').then((m) => m.DashboardPage)),
    },
  ],
  portalPages: [{ path: 'reconsideration/guide', element: lazyPage(() => import('./portal/GuidePage').then((m) => m.GuidePage)) }],
  portalServices: [
    {
      key: 'reconsideration-guide',
      titleZh: '行政复议办事指南',
      titleEn: 'Reconsideration: service guide',
      descriptionZh: '申请期限、需要准备的材料、到哪里申请、多久作出决定',
      descriptionEn: 'Time limits, what to bring, where to apply, how long it takes',
      path: '/portal/reconsideration/guide',
      icon: BookOutlined,
      order: 200,
    },
  ],
};
