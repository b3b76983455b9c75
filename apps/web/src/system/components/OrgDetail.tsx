import { EditOutlined, PlusOutlined, StopOutlined, CheckCircleOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Popconfirm, Space } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ORG_KIND_NAMES, Org } from '@sifa/kernel/shared';
import { apiSend, notifySuccess, orgKeys, StatusTag, useCan } from '@sifa/ui';
import { useState } from 'react';
import { pick, useI18n } from '../../i18n';
import { AddOrgModal, RenameOrgModal } from './OrgModals';

export interface OrgDetailProps {
  org: Org;
  parent: Org | undefined;
  /** Called with the id of a unit just added under this one. */
  onCreated: (id: string) => void;
}

/** A unit's details and, for a user with kernel.org.manage, 新增下级单位 / 重命名 / 停用 / 启用. */
export function OrgDetail({ org, parent, onCreated }: OrgDetailProps) {
  const { t, lang } = useI18n();
  const canManage = useCan('kernel.org.manage');
  const client = useQueryClient();
  const [modal, setModal] = useState<'add' | 'rename' | undefined>(undefined);

  const toggle = useMutation({
    mutationFn: (action: 'activate' | 'deactivate') => apiSend('POST', `/api/orgs/${org.id}/${action}`, {}, Org),
    onSuccess: async (updated) => {
      notifySuccess(updated.active ? t('org.activated') : t('org.deactivated'));
      await client.invalidateQueries({ queryKey: orgKeys.all });
    },
  });

  const kind = ORG_KIND_NAMES[org.kind];
  const division = org.divisionCode ? `${org.divisionCode} ${org.divisionName ?? ''}`.trim() : t('common.none');

  const actions = canManage ? (
    <Space wrap>
      <Button type="primary" icon={<PlusOutlined />} disabled={!org.active} onClick={() => setModal('add')}>
        {t('org.add')}
      </Button>
      <Button icon={<EditOutlined />} onClick={() => setModal('rename')}>
        {t('org.rename')}
      </Button>
      {org.active ? (
        <Popconfirm title={t('org.deactivateConfirm', { name: org.name })} okButtonProps={{ danger: true }} onConfirm={() => toggle.mutate('deactivate')}>
          <Button danger icon={<StopOutlined />} loading={toggle.isPending}>
            {t('org.deactivate')}
          </Button>
        </Popconfirm>
      ) : (
        <Popconfirm title={t('org.activateConfirm', { name: org.name })} onConfirm={() => toggle.mutate('activate')}>
          <Button icon={<CheckCircleOutlined />} loading={toggle.isPending}>
            {t('org.activate')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  ) : null;

  return (
    <Card title={org.name} data-testid="org-detail">
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 1, md: 1, lg: 2 }}
        items={[
          { key: 'name', label: t('org.name'), children: org.name },
          { key: 'kind', label: t('org.kind'), children: pick(lang, kind.zh, kind.en) },
          { key: 'division', label: t('org.division'), children: division },
          { key: 'parent', label: t('org.parent'), children: parent?.name ?? t('common.none') },
          {
            key: 'status',
            label: t('common.status'),
            children: org.active ? <StatusTag tone="success">{t('common.active')}</StatusTag> : <StatusTag tone="default">{t('common.inactive')}</StatusTag>,
          },
          { key: 'sort', label: t('org.sort'), children: org.sort },
        ]}
      />
      {actions && <div style={{ marginTop: 16 }}>{actions}</div>}
      {modal === 'add' && (
        <AddOrgModal
          parent={org}
          onClose={() => setModal(undefined)}
          onCreated={(created) => {
            setModal(undefined);
            onCreated(created.id);
          }}
        />
      )}
      {modal === 'rename' && <RenameOrgModal org={org} onClose={() => setModal(undefined)} />}
    </Card>
  );
}
