import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Form, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Category } from '@sifa/mediation/shared';
import { OTHER_CATEGORY } from '@sifa/mediation/shared';
import { useState } from 'react';
import { ExportButton, notifyError, notifySuccess, QueryForm, queryString, useCompact } from '@sifa/ui';
import { CategoryFormModal } from './CategoryFormModal';
import { standardLabel, useCategoryText } from './category-messages';
import { CATEGORIES, useCategoryTable, useUpdateCategory } from './category-queries';

type Status = 'active' | 'inactive' | 'all';

interface Filters {
  q?: string;
  status?: Status;
}

/**
 * 纠纷类型: the city's dispute categories — the fifteen standard ones of the MoJ statistics (built in) and those an
 * administrator added, each counted under a standard one in the monthly report. Add, edit, deactivate or
 * reactivate (never delete), search, Excel export.
 */
export function CategoriesPage() {
  const { t, mt, ct, lang } = useCategoryText();
  const { modal } = App.useApp();
  const compact = useCompact();
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [editing, setEditing] = useState<Category | 'new' | undefined>(undefined);
  const { data, isFetching, isError, error, refetch } = useCategoryTable({ ...filters });
  const setActive = useUpdateCategory();

  const toggle = (c: Category) => {
    const send = () =>
      setActive.mutateAsync({ code: c.code, input: { active: !c.active } }).then(
        () => notifySuccess(ct(c.active ? 'category.deactivated' : 'category.activated', { name: c.nameZh })),
        (e: unknown) => notifyError(e, t('common.loadFailed')),
      );
    modal.confirm({
      title: ct(c.active ? 'category.deactivateTitle' : 'category.activateTitle', { name: c.nameZh }),
      content: ct(c.active ? 'category.deactivateText' : 'category.activateText'),
      okText: ct(c.active ? 'category.deactivate' : 'category.activate'),
      okButtonProps: { danger: c.active },
      cancelText: t('common.cancel'),
      onOk: send,
    });
  };

  const statusOptions = (['all', 'active', 'inactive'] as const).map((s) => ({ value: s, label: ct(`status.${s}`) }));

  const columns: TableColumnsType<Category> = [
    { title: ct('field.code'), dataIndex: 'code', render: (_v, c) => <Typography.Text code>{c.code}</Typography.Text> },
    { title: ct('field.nameZh'), dataIndex: 'nameZh', render: (_v, c) => <span data-testid="category-name">{c.nameZh}</span> },
    { title: ct('field.nameEn'), dataIndex: 'nameEn', render: (_v, c) => c.nameEn ?? t('common.none') },
    {
      title: <Tooltip title={ct('field.reportAsHint')}>{ct('field.reportAs')}</Tooltip>,
      dataIndex: 'reportAs',
      render: (_v, c) => standardLabel(c.reportAs, lang),
    },
    { title: ct('field.sortOrder'), dataIndex: 'sortOrder', align: 'right' },
    {
      title: ct('field.status'),
      dataIndex: 'active',
      render: (_v, c) => (c.active ? <Tag color="green">{ct('status.active')}</Tag> : <Tag>{ct('status.inactive')}</Tag>),
    },
    { title: ct('field.builtin'), dataIndex: 'builtin', render: (_v, c) => (c.builtin ? <Tag color="blue">{ct('builtin.yes')}</Tag> : null) },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: compact ? undefined : 'right',
      render: (_v, c) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing(c)} data-testid="category-edit">
            {ct('category.edit')}
          </Button>
          {c.code === OTHER_CATEGORY ? (
            <Tooltip title={ct('category.otherLocked')}>
              <Button type="link" size="small" disabled>
                {ct('category.deactivate')}
              </Button>
            </Tooltip>
          ) : (
            <Button type="link" size="small" danger={c.active} onClick={() => toggle(c)} data-testid={c.active ? 'category-deactivate' : 'category-activate'}>
              {ct(c.active ? 'category.deactivate' : 'category.activate')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={ct('categories.title')}
      extra={
        <Space wrap>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="category-add">
            {ct('categories.add')}
          </Button>
          <ExportButton href={`${CATEGORIES}/export.xlsx${queryString({ ...filters })}`} fileName={ct('categories.exportName')} />
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{ct('categories.intro')}</Typography.Paragraph>
      <QueryForm<Filters>
        form={form}
        onSearch={(v) => setFilters({ q: v.q?.trim() || undefined, status: v.status === 'all' ? undefined : v.status })}
        onReset={() => setFilters({})}
        fields={[
          <Form.Item key="q" name="q" label={mt('list.keyword')}>
            <Input allowClear maxLength={40} placeholder={ct('categories.keywordHint')} />
          </Form.Item>,
          <Form.Item key="status" name="status" label={ct('field.status')}>
            <Select placeholder={ct('status.all')} options={statusOptions} data-testid="category-status-filter" />
          </Form.Item>,
        ]}
      />
      {isError && (
        <Typography.Paragraph type="danger">
          {error.message} <Typography.Link onClick={() => void refetch()}>{t('common.retry')}</Typography.Link>
        </Typography.Paragraph>
      )}
      <Table<Category>
        rowKey="code"
        columns={columns}
        dataSource={data ?? []}
        loading={isFetching}
        scroll={{ x: 'max-content' }}
        size={compact ? 'small' : 'middle'}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={ct('categories.empty')} /> }}
      />
      {editing && <CategoryFormModal category={editing === 'new' ? undefined : editing} onClose={() => setEditing(undefined)} />}
    </Card>
  );
}
