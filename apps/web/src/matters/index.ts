import { FileTextOutlined } from '@ant-design/icons';
import { lazyPage } from '@sifa/ui';
import type { WebEntry } from '@sifa/ui';

/** The kernel's matter page: any module's matter by id; the to-do list and notifications link here. */
export const matterEntries: readonly WebEntry[] = [
  {
    key: 'matter',
    group: 'workbench',
    labelZh: '事项详情',
    labelEn: 'Matter',
    path: '/matters/:id',
    permission: 'kernel.matter.read',
    icon: FileTextOutlined,
    menu: false,
    element: lazyPage(() => import('./pages/MatterPage').then((m) => m.MatterPage)),
  },
];
