import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Form, Input, Select, Space, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { CommitteeListItem, CommitteeType } from '@sifa/mediation/shared';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ExportButton, QueryForm, queryString, serverPagination, useCan, useCompact, useOrgList, useSessionUser, useUnitFilter } from '@sifa/ui';
import { CommitteeFormModal } from '../components/CommitteeFormModal';
import { CompositionTag } from '../components/CompositionAlert';
import { RegistryImportModal } from '../components/RegistryImportModal';
import { committeeTypeLabel, committeeTypeOptions } from '../registry-labels';
import { useRegistryText } from '../registry-messages';
import { REGISTRY, useCommitteePage } from '../registry-queries';

interface Filters {
  q?: string;
  type?: CommitteeType;
}

/**
 * 人民调解委员会名册: the committees of the user's scope (or the top-bar unit), each with its 委员 count and the
 * composition warnings of 人民调解法 第八条、第九条; new committees, Excel import and export. A row opens the committee.
 */
export function CommitteesPage() {
  const { t, mt, rt, lang } = useRegistryText();
  const compact = useCompact();
  const navigate = useNavigate();
  const user = useSessionUser();
  const canWrite = useCan('mediation.registry.write');
  const { orgId } = useUnitFilter();
  const units = useOrgList(false);
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);

  useEffect(() => setPaging((p) => ({ ...p, page: 1 })), [orgId]);

  const filterParams = { ...filters, orgId };
  const { data, isFetching, isError, error, refetch } = useCommitteePage({ ...filterParams, ...paging });
  const unitId = orgId ?? user.orgId;
  const unitName = (units.data ?? []).find((u) => u.id === unitId)?.name ?? user.orgName;

  const columns: TableColumnsType<CommitteeListItem> = [
    {
      title: rt('field.committeeName'),
      dataIndex: 'name',
      fixed: compact ? undefined : 'left',
      render: (_v, c) => (
        <Link to={`/mediation/committees/${c.id}`} onClick={(e) => e.stopPropagation()}>
          {c.name}
        </Link>
      ),
    },
    {
      title: rt('field.type'),
      dataIndex: 'type',
      render: (_v, c) =>
        c.registered ? (
          committeeTypeLabel(c.type, lang)
        ) : (
          <Tooltip title={rt('composition.inferred')}>
            <Typography.Text type="secondary">{committeeTypeLabel(c.type, lang)}</Typography.Text>
          </Tooltip>
        ),
    },
    { title: rt('field.parent'), dataIndex: 'parentName', render: (_v, c) => c.parentName ?? t('common.none') },
    { title: <Tooltip title={rt('field.membersHint')}>{rt('field.members')}</Tooltip>, dataIndex: 'memberCount', align: 'right' },
    { title: rt('field.mediators'), dataIndex: 'mediatorCount', align: 'right' },
    { title: rt('field.phone'), dataIndex: 'phone', render: (_v, c) => c.phone ?? t('common.none') },
    {
      title: rt('field.composition'),
      key: 'warnings',
      fixed: compact ? undefined : 'right',
      render: (_v, c) => <CompositionTag warnings={c.warnings} />,
    },
  ];

  return (
    <Card
      title={rt('committees.title')}
      extra={
        <Space wrap>
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="committee-add">
              {rt('committees.add')}
            </Button>
          )}
          {canWrite && (
            <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="committee-import">
              {rt('committees.import')}
            </Button>
          )}
          <ExportButton href={`${REGISTRY}/committees/export.xlsx${queryString(filterParams)}`} fileName={rt('committees.exportName')} />
        </Space>
      }
    >
      <QueryForm<Filters>
        form={form}
        onSearch={(v) => {
          setFilters({ q: v.q?.trim() || undefined, type: v.type });
          setPaging((p) => ({ ...p, page: 1 }));
        }}
        onReset={() => {
          setFilters({});
          setPaging((p) => ({ ...p, page: 1 }));
        }}
        fields={[
          <Form.Item key="q" name="q" label={mt('list.keyword')}>
            <Input allowClear maxLength={60} placeholder={rt('committees.keywordHint')} />
          </Form.Item>,
          <Form.Item key="type" name="type" label={rt('field.type')}>
            <Select allowClear placeholder={t('common.all')} options={committeeTypeOptions(lang)} />
          </Form.Item>,
        ]}
      />
      {isError && (
        <Typography.Paragraph type="danger">
          {error.message} <Typography.Link onClick={() => void refetch()}>{t('common.retry')}</Typography.Link>
        </Typography.Paragraph>
      )}
      <Table<CommitteeListItem>
        rowKey="id"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isFetching}
        scroll={{ x: 'max-content' }}
        size={compact ? 'small' : 'middle'}
        onRow={(c) => ({ onClick: () => void navigate(`/mediation/committees/${c.id}`), style: { cursor: 'pointer' }, 'data-testid': 'committee-row' })}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={rt('committees.empty')} /> }}
        pagination={serverPagination(
          t,
          { ...paging, total: data?.total ?? 0 },
          (page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
          compact,
        )}
      />
      {adding && (
        <CommitteeFormModal defaultParentId={unitId} onClose={() => setAdding(false)} onSaved={(c) => void navigate(`/mediation/committees/${c.id}`)} />
      )}
      {importing && <RegistryImportModal kind="committees" unitId={unitId} unitName={unitName} onClose={() => setImporting(false)} />}
    </Card>
  );
}
