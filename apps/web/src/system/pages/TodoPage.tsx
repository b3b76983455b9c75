import { Button, Card, Empty, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TodoItem } from '@sifa/kernel/shared';
import { DeadlineBadge } from '@sifa/ui';
import { useNavigate } from 'react-router-dom';
import { formatNumber, pick, useI18n } from '../../i18n';
import { formatDate } from '../../lib/format';
import { useCompact } from '../../lib/use-compact';
import { findWebModule } from '../../registry';
import { useTodos } from '../queries';

/** 我的待办: matters waiting for the signed-in user, with their deadline level. */
export function TodoPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const compact = useCompact();
  const { data, isFetching } = useTodos();
  const items = data?.items ?? [];
  const total = data?.total ?? 0;

  const open = (item: TodoItem) => {
    if (item.link.startsWith('/') && !item.link.startsWith('//')) void navigate(item.link);
  };

  const columns: TableColumnsType<TodoItem> = [
    {
      title: t('todo.item'),
      dataIndex: 'title',
      render: (_v, item) => (
        <Typography.Link onClick={() => open(item)} style={{ whiteSpace: 'nowrap' }}>
          {item.title}
        </Typography.Link>
      ),
    },
    {
      title: t('todo.module'),
      dataIndex: 'module',
      render: (_v, item) => {
        const m = findWebModule(item.module);
        return m ? pick(lang, m.labelZh, m.labelEn) : item.module;
      },
    },
    { title: t('todo.number'), dataIndex: 'matterNumber', render: (_v, item) => item.matterNumber ?? t('common.none') },
    {
      title: t('todo.due'),
      dataIndex: 'dueDate',
      render: (_v, item) => <DeadlineBadge level={item.level} dueDate={formatDate(item.dueDate)} lang={lang} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: compact ? undefined : 'right',
      render: (_v, item) => (
        <Button type="link" size="small" onClick={() => open(item)}>
          {t('todo.open')}
        </Button>
      ),
    },
  ];

  return (
    <Card
      title={t('todo.title')}
      extra={<Typography.Text type="secondary">{t('common.total', { n: total })}</Typography.Text>}
    >
      <Table<TodoItem>
        rowKey="id"
        columns={columns}
        dataSource={items}
        loading={isFetching}
        scroll={{ x: 'max-content' }}
        size={compact ? 'small' : 'middle'}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('todo.empty')} /> }}
        pagination={
          items.length > 20
            ? { pageSize: 20, showTotal: (n) => t('common.total', { n }), showSizeChanger: false }
            : false
        }
      />
      {total > items.length && (
        <Typography.Text type="secondary">
          {formatNumber(items.length, lang)} / {formatNumber(total, lang)}
        </Typography.Text>
      )}
    </Card>
  );
}
