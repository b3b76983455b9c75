import { BookOutlined, DashboardOutlined, ProfileOutlined } from '@ant-design/icons';
import { ACTION_INPUTS, CASE_WORKFLOW } from '@sifa/legal-aid/shared';
import { lazyPage } from '@sifa/ui';
import type { MatterActionFormProps, WebModule } from '@sifa/ui';
import { lazy } from 'react';
import type { ComponentType } from 'react';

/** The typed actions' form, loaded when one is opened: every action of the case workflow has one (shared/schemas.ts ACTION_INPUTS). */
const CaseActionForm: ComponentType<MatterActionFormProps> = lazy(() => import('./components/CaseActionForm').then((m) => ({ default: m.CaseActionForm })));

/** 法律援助 in the console (the case list and a case) and on the public portal (its service guide). */
export const legalAidWeb: WebModule = {
  name: 'legal-aid',
  labelZh: '法律援助',
  labelEn: 'Legal aid',
  // the menu's place among the lines (lower shows higher; mediation is 100)
  groups: [{ key: 'legal-aid', labelZh: '法律援助', labelEn: 'Legal aid', order: 200 }],
  workflows: [CASE_WORKFLOW],
  matterActionForms: Object.fromEntries(Object.keys(ACTION_INPUTS).map((a) => [`case.${a}`, CaseActionForm])),
  entries: [
    {
      key: 'legal-aid.cases',
      group: 'legal-aid',
      labelZh: '案件列表',
      labelEn: 'Cases',
      path: '/legal-aid/cases',
      permission: 'legal-aid.case.read',
      icon: ProfileOutlined,
      element: lazyPage(() => import('./pages/CasesPage').then((m) => m.CasesPage)),
    },
    {
      key: 'legal-aid.dashboard',
      group: 'legal-aid',
      labelZh: '法律援助看板',
      labelEn: 'Dashboard',
      path: '/legal-aid/dashboard',
      permission: 'legal-aid.indicator.read',
      icon: DashboardOutlined,
      element: lazyPage(() => import('./pages/DashboardPage').then((m) => m.DashboardPage)),
    },
    {
      key: 'legal-aid.case',
      group: 'legal-aid',
      labelZh: '案件详情',
      labelEn: 'Case',
      path: '/legal-aid/cases/:id',
      permission: 'legal-aid.case.read',
      menu: false,
      element: lazyPage(() => import('./pages/CasePage').then((m) => m.CasePage)),
    },
  ],
  portalPages: [{ path: 'legal-aid/guide', element: lazyPage(() => import('./portal/GuidePage').then((m) => m.GuidePage)) }],
  portalServices: [
    {
      key: 'legal-aid-guide',
      titleZh: '法律援助办事指南',
      titleEn: 'Legal aid: service guide',
      descriptionZh: '需要准备什么、到哪里办、多久办结',
      descriptionEn: 'What to bring, where to go, how long it takes',
      path: '/portal/legal-aid/guide',
      icon: BookOutlined,
      order: 200,
    },
  ],
};
