import {
  ApartmentOutlined,
  BankOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  IdcardOutlined,
  SolutionOutlined,
  TagsOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { ActionForms, DISPUTE_WORKFLOW } from '@sifa/mediation/shared';
import { lazyPage } from '@sifa/ui';
import type { MatterActionFormProps, WebModule } from '@sifa/ui';
import { lazy } from 'react';
import type { ComponentType } from 'react';
import { LazyActionForm } from './disputes/LazyActionForm';

/**
 * Every dispute action goes through the module's own route with its form — also `accept`, which needs no data but
 * must go through the module so the dispute records its acceptance date (the success-rate denominator); the kernel's
 * plain action route would skip that.
 */
const actionForms: Record<string, ComponentType<MatterActionFormProps>> = Object.fromEntries(
  Object.keys(ActionForms).map((action) => [`dispute.${action}`, LazyActionForm]),
);

/** 评价调解员 under a closed dispute's tracking result, loaded when a mediation matter is tracked. */
const RateMediatorPanel = lazy(() => import('./portal/RateMediatorCard').then((m) => ({ default: m.RateMediatorCard })));

/**
 * 人民调解: the dispute register, registration, the dispute page, the committee and mediator register, screening,
 * court linkage, the dispute categories and the dashboard; on the public portal, the application form (申请人民调解)
 * and rating the mediator under a closed dispute's tracking result.
 */
export const mediationWeb: WebModule = {
  name: 'mediation',
  labelZh: '人民调解',
  labelEn: "People's mediation",
  groups: [{ key: 'mediation', labelZh: '人民调解', labelEn: "People's mediation", order: 100 }],
  workflows: [DISPUTE_WORKFLOW],
  matterActionForms: actionForms,
  // the public portal (portal/): apply online, rate the mediator once the dispute is closed
  portalPages: [
    {
      path: 'mediation/apply',
      citizen: true,
      element: lazyPage(() => import('./portal/PortalApplyPage').then((m) => m.PortalApplyPage)),
    },
  ],
  portalServices: [
    {
      key: 'mediation-apply',
      titleZh: '申请人民调解',
      titleEn: 'Apply for mediation',
      descriptionZh: '邻里、家庭等纠纷，在线向司法所申请调解',
      descriptionEn: 'Ask a judicial office to mediate a dispute online',
      path: '/portal/mediation/apply',
      icon: TeamOutlined,
      order: 100,
    },
  ],
  portalTrackPanel: RateMediatorPanel,
  entries: [
    {
      key: 'mediation.disputes',
      group: 'mediation',
      labelZh: '纠纷台账',
      labelEn: 'Disputes',
      path: '/mediation/disputes',
      permission: 'mediation.dispute.read',
      icon: SolutionOutlined,
      element: lazyPage(() => import('./disputes/DisputesPage').then((m) => m.DisputesPage)),
    },
    {
      key: 'mediation.dispute-new',
      group: 'mediation',
      labelZh: '登记纠纷',
      labelEn: 'Register a dispute',
      path: '/mediation/disputes/new',
      permission: 'mediation.dispute.write',
      menu: false,
      element: lazyPage(() => import('./disputes/NewDisputePage').then((m) => m.NewDisputePage)),
    },
    {
      key: 'mediation.dispute',
      group: 'mediation',
      labelZh: '纠纷详情',
      labelEn: 'Dispute',
      path: '/mediation/disputes/:id',
      permission: 'mediation.dispute.read',
      menu: false,
      element: lazyPage(() => import('./disputes/DisputePage').then((m) => m.DisputePage)),
    },
    // 诉调对接: court referrals in (import) and results out (pages/CourtLinkagePage; court-messages.ts)
    {
      key: 'mediation.court',
      group: 'mediation',
      labelZh: '诉调对接',
      labelEn: 'Court-linked mediation',
      path: '/mediation/court',
      permission: 'mediation.dispute.read',
      icon: BankOutlined,
      element: lazyPage(() => import('./court/CourtLinkagePage').then((m) => m.CourtLinkagePage)),
    },
    // 人民调解组织与调解员名册 (pages/Committee*, MediatorsPage; registry-messages.ts)
    {
      key: 'mediation.committees',
      group: 'mediation',
      labelZh: '调委会名册',
      labelEn: 'Committees',
      path: '/mediation/committees',
      permission: 'mediation.registry.read',
      icon: ApartmentOutlined,
      element: lazyPage(() => import('./registry/CommitteesPage').then((m) => m.CommitteesPage)),
    },
    {
      key: 'mediation.committee',
      group: 'mediation',
      labelZh: '调委会详情',
      labelEn: 'Committee',
      path: '/mediation/committees/:id',
      permission: 'mediation.registry.read',
      menu: false,
      element: lazyPage(() => import('./registry/CommitteePage').then((m) => m.CommitteePage)),
    },
    {
      key: 'mediation.mediators',
      group: 'mediation',
      labelZh: '调解员名册',
      labelEn: 'Mediators',
      path: '/mediation/mediators',
      permission: 'mediation.registry.read',
      icon: IdcardOutlined,
      element: lazyPage(() => import('./registry/MediatorsPage').then((m) => m.MediatorsPage)),
    },
    // 矛盾纠纷排查 (pages/Screening*; screening-messages.ts): screening records and the disputes registered from them
    {
      key: 'mediation.screenings',
      group: 'mediation',
      labelZh: '矛盾纠纷排查',
      labelEn: 'Dispute screening',
      path: '/mediation/screenings',
      permission: 'mediation.dispute.read',
      icon: FileSearchOutlined,
      element: lazyPage(() => import('./screening/ScreeningsPage').then((m) => m.ScreeningsPage)),
    },
    {
      key: 'mediation.screening',
      group: 'mediation',
      labelZh: '排查记录详情',
      labelEn: 'Screening record',
      path: '/mediation/screenings/:id',
      permission: 'mediation.dispute.read',
      menu: false,
      element: lazyPage(() => import('./screening/ScreeningPage').then((m) => m.ScreeningPage)),
    },
    {
      key: 'mediation.dashboard',
      group: 'mediation',
      labelZh: '调解工作看板',
      labelEn: 'Mediation dashboard',
      path: '/mediation/dashboard',
      permission: 'mediation.indicator.read',
      icon: DashboardOutlined,
      element: lazyPage(() => import('./reports/DashboardPage').then((m) => m.DashboardPage)),
    },
    {
      key: 'mediation.monthly-report',
      group: 'mediation',
      labelZh: '调解工作月报',
      labelEn: 'Monthly report',
      path: '/mediation/monthly-report',
      permission: 'mediation.indicator.read',
      icon: FileTextOutlined,
      element: lazyPage(() => import('./reports/MonthlyReportPage').then((m) => m.MonthlyReportPage)),
    },
    // 纠纷类型 (pages/CategoriesPage; category-messages.ts): the city's list of dispute categories
    {
      key: 'mediation.categories',
      group: 'mediation',
      labelZh: '纠纷类型',
      labelEn: 'Dispute categories',
      path: '/mediation/categories',
      permission: 'mediation.category.manage',
      icon: TagsOutlined,
      element: lazyPage(() => import('./categories/CategoriesPage').then((m) => m.CategoriesPage)),
    },
  ],
};
