import { ApartmentOutlined, AuditOutlined, CheckSquareOutlined, DashboardOutlined, TeamOutlined } from '@ant-design/icons';
import { lazyPage } from '@sifa/ui';
import type { WebModule } from '@sifa/ui';
import { deadlineEntries } from '../deadlines';
import { matterEntries } from '../matters';

/** The kernel's own pages: the workbench, the to-do list, matter detail, deadline explainer, units, users, audit log, holiday calendar. */
export const systemModule: WebModule = {
  name: 'kernel',
  labelZh: '平台',
  labelEn: 'Platform',
  groups: [
    { key: 'workbench', labelZh: '工作台', labelEn: 'Workbench', order: 0 },
    { key: 'system', labelZh: '系统管理', labelEn: 'System', order: 1000 },
  ],
  entries: [
    // the landing page (ADR 0023): counts per stage, own matters, arrivals, to-do and notifications
    {
      key: 'workbench',
      group: 'workbench',
      labelZh: '工作台',
      labelEn: 'Workbench',
      path: '/',
      permission: 'kernel.todo.read',
      icon: DashboardOutlined,
      element: lazyPage(() => import('../workbench/WorkbenchPage').then((m) => m.WorkbenchPage)),
    },
    {
      key: 'workbench-stage',
      group: 'workbench',
      labelZh: '工作台环节',
      labelEn: 'Workbench stage',
      path: '/workbench/:stage',
      permission: 'kernel.todo.read',
      icon: DashboardOutlined,
      menu: false,
      element: lazyPage(() => import('../workbench/StagePage').then((m) => m.StagePage)),
    },
    {
      key: 'todos',
      group: 'workbench',
      labelZh: '我的待办',
      labelEn: 'My to-do',
      path: '/todos',
      permission: 'kernel.todo.read',
      icon: CheckSquareOutlined,
      element: lazyPage(() => import('./pages/TodoPage').then((m) => m.TodoPage)),
    },
    ...matterEntries,
    {
      key: 'orgs',
      group: 'system',
      labelZh: '组织机构',
      labelEn: 'Organisations',
      path: '/system/orgs',
      permission: 'kernel.org.read',
      icon: ApartmentOutlined,
      element: lazyPage(() => import('./pages/OrgsPage').then((m) => m.OrgsPage)),
    },
    {
      key: 'users',
      group: 'system',
      labelZh: '用户管理',
      labelEn: 'Users',
      path: '/system/users',
      permission: 'kernel.user.read',
      icon: TeamOutlined,
      element: lazyPage(() => import('./pages/UsersPage').then((m) => m.UsersPage)),
    },
    {
      key: 'audit',
      group: 'system',
      labelZh: '审计日志',
      labelEn: 'Audit log',
      path: '/system/audit',
      permission: 'kernel.audit.read',
      icon: AuditOutlined,
      element: lazyPage(() => import('./pages/AuditPage').then((m) => m.AuditPage)),
    },
    ...deadlineEntries,
  ],
};
