import { ArrowLeftOutlined, EditOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Result, Space, Switch, Tag, Typography } from 'antd';
import type { Mediator } from '@sifa/mediation/shared';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError, PageLoading, useCan, useCompact } from '@sifa/ui';
import { CommitteeFormModal } from './CommitteeFormModal';
import { CompositionAlert } from './CompositionAlert';
import { MediatorFormModal } from './MediatorFormModal';
import { MediatorTable } from './MediatorTable';
import { RegistryImportModal } from './RegistryImportModal';
import { committeeTypeLabel } from './registry-labels';
import { useRegistryText } from './registry-messages';
import { useCommittee } from './registry-queries';

/**
 * 调委会详情: the register entry, the composition check (人民调解法 第八条、第九条) as an alert, and the people —
 * 委员 first, then hired mediators (第十三条) — with adding, editing, deactivating and Excel import.
 */
export function CommitteePage() {
  const { t, mt, rt, lang } = useRegistryText();
  const compact = useCompact();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const canWrite = useCan('mediation.registry.write');
  const committee = useCommittee(id);
  const [editing, setEditing] = useState(false);
  const [mediatorForm, setMediatorForm] = useState<{ mediator?: Mediator } | undefined>(undefined);
  const [importing, setImporting] = useState(false);
  const [showInactive, setShowInactive] = useState(false);

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/mediation/committees')}>
      {rt('committee.back')}
    </Button>
  );

  if (committee.isPending) return <PageLoading />;
  if (committee.isError) {
    const missing = committee.error instanceof ApiError && committee.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? rt('committee.notFound') : t('common.loadFailed')}
        subTitle={committee.error.message}
        extra={
          missing ? (
            back
          ) : (
            <Button type="primary" onClick={() => void committee.refetch()}>
              {t('common.retry')}
            </Button>
          )
        }
      />
    );
  }

  const c = committee.data;
  const people = showInactive ? c.mediators : c.mediators.filter((m) => m.active);
  const none = t('common.none');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <span data-testid="committee-name">{c.name}</span>
            <Tag>{committeeTypeLabel(c.type, lang)}</Tag>
            {!c.active && <Tag color="default">{t('common.inactive')}</Tag>}
          </Space>
        }
        extra={
          <Space wrap>
            {back}
            {canWrite && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="committee-edit">
                {rt('committee.edit')}
              </Button>
            )}
          </Space>
        }
      >
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <CompositionAlert warnings={c.warnings} />
          <Descriptions size="small" column={compact ? 1 : 3} bordered={!compact}>
            <Descriptions.Item label={rt('field.parent')}>{c.parentName ?? none}</Descriptions.Item>
            <Descriptions.Item label={rt('field.members')}>{c.memberCount}</Descriptions.Item>
            <Descriptions.Item label={rt('field.mediators')}>{c.mediatorCount}</Descriptions.Item>
            <Descriptions.Item label={rt('field.field')}>{c.field ?? none}</Descriptions.Item>
            <Descriptions.Item label={rt('field.established')}>{c.establishedOn ?? none}</Descriptions.Item>
            <Descriptions.Item label={rt('field.multiEthnic')}>{c.multiEthnicArea ? mt('common.yes') : none}</Descriptions.Item>
            <Descriptions.Item label={rt('field.address')}>{c.address ?? none}</Descriptions.Item>
            <Descriptions.Item label={rt('field.phone')}>{c.phone ?? none}</Descriptions.Item>
            <Descriptions.Item label={rt('field.notes')}>{c.notes ?? none}</Descriptions.Item>
          </Descriptions>
          {!c.registered && <Typography.Text type="secondary">{rt('composition.inferred')}</Typography.Text>}
        </Space>
      </Card>
      <Card
        title={rt('committee.members')}
        extra={
          <Space wrap>
            <Space size={4}>
              <Switch size="small" checked={showInactive} onChange={setShowInactive} aria-label={rt('committee.showInactive')} />
              <Typography.Text>{rt('committee.showInactive')}</Typography.Text>
            </Space>
            {canWrite && c.active && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setMediatorForm({})} data-testid="mediator-add">
                {rt('committee.addMediator')}
              </Button>
            )}
            {canWrite && c.active && (
              <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="mediator-import">
                {rt('committee.importMediators')}
              </Button>
            )}
          </Space>
        }
      >
        <MediatorTable
          rows={people}
          showCommittee={false}
          emptyText={rt('committee.noMediators')}
          onEdit={canWrite ? (m) => setMediatorForm({ mediator: m }) : undefined}
        />
      </Card>
      {editing && <CommitteeFormModal committee={c} onClose={() => setEditing(false)} />}
      {mediatorForm && <MediatorFormModal committeeId={c.id} {...mediatorForm} onClose={() => setMediatorForm(undefined)} />}
      {importing && <RegistryImportModal kind="mediators" unitId={c.id} unitName={c.name} onClose={() => setImporting(false)} />}
    </Space>
  );
}
