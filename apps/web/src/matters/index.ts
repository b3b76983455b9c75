import { FileTextOutlined } from '@ant-design/icons';
import { lazyPage, MatterPage } from '@sifa/ui';
import type { WebEntry } from '@sifa/ui';

/** The kernel's matter page (`MatterPage` of @sifa/ui): any module's matter by id; the to-do list and notifications link here. */
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
    // the page is the kit's matter page with the kernel's tabs only; module pages fill its slots
    element: lazyPage(() => Promise.resolve(MatterPage)),
  },
];
