import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { CommitteeListItem, CommitteeType } from '@sifa/mediation/shared';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ListPage, useCan, useCompact, useListState, useOrgList, useSessionUser } from '@sifa/ui';
import { CommitteeFormModal } from './CommitteeFormModal';
import { CompositionTag } from './CompositionAlert';
import { RegistryImportModal } from './RegistryImportModal';
import { committeeTypeLabel, committeeTypeOptions } from './registry-labels';
import { useRegistryText } from './registry-messages';
import { REGISTRY, useCommitteePage } from './registry-queries';

type Filters = {
  q?: string;
  type?: CommitteeType;
};

const FILTER_KEYS = ['q', 'type'] as const;
const toFilters = (v: Filters): Filters => ({ q: v.q?.trim() || undefined, type: v.type });
const toValues = (f: Filters): Filters => f;

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
  const list = useListState<Filters>(FILTER_KEYS);
  const { orgId } = list;
  const units = useOrgList(false);
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const query = useCommitteePage({ ...list.params, page: list.page, pageSize: list.pageSize });
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
    <ListPage<CommitteeListItem, Filters, Filters>
      title={rt('committees.title')}
      extra={
        canWrite && (
          <>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="committee-add">
              {rt('committees.add')}
            </Button>
            <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="committee-import">
              {rt('committees.import')}
            </Button>
          </>
        )
      }
      state={list}
      query={query}
      toFilters={toFilters}
      toValues={toValues}
      fields={[
        <Form.Item key="q" name="q" label={mt('list.keyword')}>
          <Input allowClear maxLength={60} placeholder={rt('committees.keywordHint')} />
        </Form.Item>,
        <Form.Item key="type" name="type" label={rt('field.type')}>
          <Select allowClear placeholder={t('common.all')} options={committeeTypeOptions(lang)} />
        </Form.Item>,
      ]}
      columns={columns}
      rowKey="id"
      rowTestId="committee-row"
      onOpen={(c) => void navigate(`/mediation/committees/${c.id}`)}
      exportPath={`${REGISTRY}/committees/export.xlsx`}
      exportName={rt('committees.exportName')}
      emptyText={rt('committees.empty')}
    >
      {adding && (
        <CommitteeFormModal defaultParentId={unitId} onClose={() => setAdding(false)} onSaved={(c) => void navigate(`/mediation/committees/${c.id}`)} />
      )}
      {importing && <RegistryImportModal kind="committees" unitId={unitId} unitName={unitName} onClose={() => setImporting(false)} />}
    </ListPage>
  );
}
