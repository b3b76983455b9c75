import { BookOutlined, ProfileOutlined } from '@ant-design/icons';
import { CASE_WORKFLOW } from '@sifa/__name__/shared';
import { lazyPage } from '@sifa/ui';
import type { MatterActionFormProps, WebModule } from '@sifa/ui';
import { lazy } from 'react';
import type { ComponentType } from 'react';

/** The typed actions' form (decline, close), loaded when one is opened; `accept` is confirmed by the matter page. */
const CaseActionForm: ComponentType<MatterActionFormProps> = lazy(() => import('./components/CaseActionForm').then((m) => ({ default: m.CaseActionForm })));

/** __zh__ in the console (the case list and a case) and on the public portal (its service guide). */
export const __camel__Web: WebModule = {
  name: '__name__',
  labelZh: '__zh__',
  labelEn: '__en__',
  // TODO(__name__): the menu's place among the lines (lower shows higher; mediation is 100)
  groups: [{ key: '__name__', labelZh: '__zh__', labelEn: '__en__', order: 200 }],
  workflows: [CASE_WORKFLOW],
  matterActionForms: { 'case.decline': CaseActionForm, 'case.close': CaseActionForm },
  entries: [
    {
      key: '__name__.cases',
      group: '__name__',
      labelZh: '案件列表',
      labelEn: 'Cases',
      path: '/__name__/cases',
      permission: '__name__.case.read',
      icon: ProfileOutlined,
      element: lazyPage(() => import('./pages/CasesPage').then((m) => m.CasesPage)),
    },
    {
      key: '__name__.case',
      group: '__name__',
      labelZh: '案件详情',
      labelEn: 'Case',
      path: '/__name__/cases/:id',
      permission: '__name__.case.read',
      menu: false,
      element: lazyPage(() => import('./pages/CasePage').then((m) => m.CasePage)),
    },
  ],
  portalPages: [{ path: '__name__/guide', element: lazyPage(() => import('./portal/GuidePage').then((m) => m.GuidePage)) }],
  portalServices: [
    {
      key: '__name__-guide',
      titleZh: '__zh__办事指南',
      titleEn: '__en__: service guide',
      descriptionZh: '需要准备什么、到哪里办、多久办结',
      descriptionEn: 'What to bring, where to go, how long it takes',
      path: '/portal/__name__/guide',
      icon: BookOutlined,
      order: 200,
    },
  ],
};
