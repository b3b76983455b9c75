import { Button, Card, Empty, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TodoItem } from '@sifa/kernel/shared';
import { DeadlineBadge, formatDate, useCompact } from '@sifa/ui';
import { Link, useNavigate } from 'react-router-dom';
import { formatNumber, pick, useI18n } from '../../i18n';
import { findWebModule } from '../../registry';
import { useTodos } from '../queries';

/** Only links inside the console are followed (`//host` is not a path). */
const internal = (link: string) => link.startsWith('/') && !link.startsWith('//');

/** 我的待办: matters waiting for the signed-in user, with their deadline level; a row opens its matter. */
export function TodoPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const compact = useCompact();
  const { data, isFetching } = useTodos();
  const items = data?.items ?? [];
  const total = data?.total ?? 0;

  const open = (item: TodoItem) => {
    if (internal(item.link)) void navigate(item.link);
  };

  const columns: TableColumnsType<TodoItem> = [
    {
      title: t('todo.item'),
      dataIndex: 'title',
      // a real link (the matter page), so it can also open in a new tab
      render: (_v, item) =>
        internal(item.link) ? (
          <Link to={item.link} style={{ whiteSpace: 'nowrap' }}>
            {item.title}
          </Link>
        ) : (
          item.title
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
    <Card title={t('todo.title')} extra={<Typography.Text type="secondary">{t('common.total', { n: total })}</Typography.Text>}>
      <Table<TodoItem>
        rowKey="id"
        columns={columns}
        dataSource={items}
        loading={isFetching}
        scroll={{ x: 'max-content' }}
        size={compact ? 'small' : 'middle'}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('todo.empty')} /> }}
        pagination={items.length > 20 ? { pageSize: 20, showTotal: (n) => t('common.total', { n }), showSizeChanger: false } : false}
      />
      {total > items.length && (
        <Typography.Text type="secondary">
          {formatNumber(items.length, lang)} / {formatNumber(total, lang)}
        </Typography.Text>
      )}
    </Card>
  );
}
