import { Space, Tag, Typography } from 'antd';
import type { WorkbenchItem } from '@sifa/kernel/shared';
import { DeadlineBadge, formatDate, type DeadlineLevel } from '@sifa/ui';
import { Link } from 'react-router-dom';
import { pick, useI18n } from '../i18n';
import { findWebModule } from '../registry';

/** Only links inside the console are followed (`//host` is not a path). */
export const internal = (link: string) => link.startsWith('/') && !link.startsWith('//');

/** The level of an item's deadline today: past its date overdue; in the 即将到期 list due soon; else normal. */
export function levelOf(item: WorkbenchItem, today: string, dueSoon = false): DeadlineLevel {
  if (!item.dueDate) return 'normal';
  if (item.dueDate < today) return 'overdue';
  return dueSoon ? 'due-soon' : 'normal';
}

export function useModuleName() {
  const { lang } = useI18n();
  return (module: string) => {
    const m = findWebModule(module);
    return m ? pick(lang, m.labelZh, m.labelEn) : module;
  };
}

/** One matter as a line of the workbench's lists: number and title (a link), status, unit, channel, deadline. */
export function ItemLine({ item, today, dueSoon }: { item: WorkbenchItem; today: string; dueSoon?: boolean }) {
  const { lang } = useI18n();
  const moduleName = useModuleName();
  return (
    <div data-testid="workbench-item" style={{ minWidth: 0, width: '100%' }}>
      <Typography.Text ellipsis={{ tooltip: item.title }} style={{ display: 'block' }}>
        {internal(item.link) ? <Link to={item.link}>{item.title}</Link> : item.title}
      </Typography.Text>
      <Space size={[6, 4]} wrap style={{ fontSize: 12 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {item.number}
        </Typography.Text>
        <Tag style={{ marginInlineEnd: 0 }}>{item.statusZh}</Tag>
        {item.channelZh && (
          <Tag color="blue" style={{ marginInlineEnd: 0 }}>
            {item.channelZh}
          </Tag>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {moduleName(item.module)} · {item.orgName}
        </Typography.Text>
        {item.dueDate && (
          <span title={item.deadlineZh ?? undefined}>
            <DeadlineBadge level={levelOf(item, today, dueSoon)} dueDate={formatDate(item.dueDate)} lang={lang} />
          </span>
        )}
      </Space>
    </div>
  );
}
