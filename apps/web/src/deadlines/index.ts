import { CalculatorOutlined, CalendarOutlined } from '@ant-design/icons';
import { lazyPage } from '@sifa/ui';
import type { WebEntry } from '@sifa/ui';

/** The deadline explainer (every staff member) and the holiday calendar (platform administrators). */
export const deadlineEntries: readonly WebEntry[] = [
  {
    key: 'deadline-tool',
    group: 'workbench',
    labelZh: '期限试算',
    labelEn: 'Deadline explainer',
    path: '/tools/deadline',
    // every staff role holds the to-do permission; the preview itself only needs a signed-in user
    permission: 'kernel.todo.read',
    icon: CalculatorOutlined,
    element: lazyPage(() => import('./pages/DeadlineToolPage').then((m) => m.DeadlineToolPage)),
  },
  {
    key: 'calendar',
    group: 'system',
    labelZh: '节假日安排',
    labelEn: 'Holiday calendar',
    path: '/system/calendar',
    permission: 'kernel.calendar.manage',
    icon: CalendarOutlined,
    element: lazyPage(() => import('./pages/CalendarPage').then((m) => m.CalendarPage)),
  },
];
