import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Form, Input, Select, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { roleNameOf } from '@sifa/kernel/shared';
import type { RoleCode, User } from '@sifa/kernel/shared';
import { ExportButton, formatDateTime, QueryForm, queryString, serverPagination, StatusTag, useCan, useCompact, useUnitFilter } from '@sifa/ui';
import { useEffect, useMemo, useState } from 'react';
import { pick, useI18n } from '../../i18n';
import { ResetPasswordModal } from '../components/ResetPasswordModal';
import { UserActions } from '../components/UserActions';
import { UserFormModal } from '../components/UserFormModal';
import { userStatus } from '../components/user-status';
import { useRoles, useUserPage } from '../queries';

interface Filters {
  q?: string;
  role?: RoleCode;
  active?: 'true' | 'false';
}

type Dialog = { kind: 'add' } | { kind: 'edit'; user: User } | { kind: 'reset'; user: User };

/** 用户管理: search, a server-paginated list, and for kernel.user.manage the account actions. */
export function UsersPage() {
  const { t, lang } = useI18n();
  const compact = useCompact();
  const canManage = useCan('kernel.user.manage');
  const { orgId } = useUnitFilter();
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [dialog, setDialog] = useState<Dialog | undefined>(undefined);

  useEffect(() => setPaging((p) => ({ ...p, page: 1 })), [orgId]);

  const filterParams = { q: filters.q?.trim(), role: filters.role, active: filters.active, orgId };
  const { data, isFetching } = useUserPage({ ...filterParams, ...paging });

  // The org-level roles and the registered modules' (GET /api/roles).
  const roles = useRoles();
  const roleLabel = (code: string) => {
    const name = roleNameOf(code, roles.data);
    return pick(lang, name.zh, name.en);
  };
  const roleOptions = useMemo(
    () =>
      (roles.data ?? []).map((r) => {
        const name = roleNameOf(r.code, roles.data);
        return { value: r.code, label: pick(lang, name.zh, name.en) };
      }),
    [roles.data, lang],
  );

  const columns: TableColumnsType<User> = [
    { title: t('user.username'), dataIndex: 'username', fixed: compact ? undefined : 'left' },
    { title: t('user.displayName'), dataIndex: 'displayName' },
    { title: t('user.org'), dataIndex: 'orgName' },
    {
      title: t('user.roles'),
      dataIndex: 'roles',
      render: (_v, user) => (
        <Space size={[0, 4]} wrap>
          {user.roles.map((code) => (
            <Tag key={code} color="blue">
              {roleLabel(code)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('user.status'),
      key: 'status',
      render: (_v, user) => {
        const status = userStatus(user);
        switch (status) {
          case 'active':
            return <StatusTag tone="success">{t('user.active')}</StatusTag>;
          case 'disabled':
            return <StatusTag tone="default">{t('user.disabled')}</StatusTag>;
          case 'locked':
            return (
              <StatusTag tone="error" title={t('user.lockedUntil', { time: formatDateTime(user.lockedUntil) })}>
                {t('user.locked')}
              </StatusTag>
            );
        }
      },
    },
    {
      title: t('user.lastLogin'),
      dataIndex: 'lastLoginAt',
      render: (_v, user) => formatDateTime(user.lastLoginAt) || t('common.none'),
    },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: compact ? undefined : ('right' as const),
            render: (_v: unknown, user: User) => (
              <UserActions user={user} onEdit={(u) => setDialog({ kind: 'edit', user: u })} onResetPassword={(u) => setDialog({ kind: 'reset', user: u })} />
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('user.title')}
      extra={
        <Space wrap>
          {canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'add' })}>
              {t('user.add')}
            </Button>
          )}
          <ExportButton href={`/api/users/export.xlsx${queryString(filterParams)}`} fileName={t('user.exportName')} />
        </Space>
      }
    >
      <QueryForm<Filters>
        form={form}
        onSearch={(v) => {
          setFilters(v);
          setPaging((p) => ({ ...p, page: 1 }));
        }}
        onReset={() => {
          setFilters({});
          setPaging((p) => ({ ...p, page: 1 }));
        }}
        fields={[
          <Form.Item key="q" name="q" label={t('user.keyword')}>
            <Input allowClear placeholder={t('user.keywordHint')} maxLength={64} />
          </Form.Item>,
          <Form.Item key="role" name="role" label={t('user.role')}>
            <Select allowClear placeholder={t('common.all')} options={roleOptions} />
          </Form.Item>,
          <Form.Item key="active" name="active" label={t('user.status')}>
            <Select
              allowClear
              placeholder={t('common.all')}
              options={[
                { value: 'true', label: t('user.active') },
                { value: 'false', label: t('user.disabled') },
              ]}
            />
          </Form.Item>,
        ]}
      />
      <Table<User>
        rowKey="id"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isFetching}
        scroll={{ x: 'max-content' }}
        size={compact ? 'small' : 'middle'}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.empty')} /> }}
        pagination={serverPagination(
          t,
          { ...paging, total: data?.total ?? 0 },
          (page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
          compact,
        )}
      />
      {dialog?.kind === 'add' && <UserFormModal defaultOrgId={orgId} onClose={() => setDialog(undefined)} />}
      {dialog?.kind === 'edit' && <UserFormModal user={dialog.user} onClose={() => setDialog(undefined)} />}
      {dialog?.kind === 'reset' && <ResetPasswordModal user={dialog.user} onClose={() => setDialog(undefined)} />}
    </Card>
  );
}
