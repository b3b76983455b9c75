import { ImportOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Form, Input, Select } from 'antd';
import type { Employment, Mediator, MediatorPosition } from '@sifa/mediation/shared';
import { useMemo, useState } from 'react';
import { ListPage, useCan, useListState, useOrgList, useSessionUser } from '@sifa/ui';
import { MediatorFormModal } from './MediatorFormModal';
import { MediatorTable } from './MediatorTable';
import { RegistryImportModal } from './RegistryImportModal';
import { employmentOptions, positionOptions, specialtyOptions } from './registry-labels';
import { useRegistryText } from './registry-messages';
import { REGISTRY, useCommitteePage, useMediatorPage } from './registry-queries';

type Filters = {
  q?: string;
  committeeOrgId?: string;
  position?: MediatorPosition;
  employment?: Employment;
  specialty?: string;
  status?: 'active' | 'inactive' | 'all';
};

const FILTER_KEYS = ['q', 'committeeOrgId', 'position', 'employment', 'specialty', 'status'] as const;
const toFilters = (v: Filters): Filters => ({ ...v, q: v.q?.trim() || undefined, specialty: v.specialty?.trim() || undefined });
const toValues = (f: Filters): Filters => f;

/**
 * 人民调解员名册: every mediator of the user's scope (or the top-bar unit) — 委员 and hired (人民调解法 第十三条) —
 * filtered by committee, position, employment and specialty; Excel export (phones masked) and import.
 */
export function MediatorsPage() {
  const { t, mt, rt, lang } = useRegistryText();
  const user = useSessionUser();
  const canWrite = useCan('mediation.registry.write');
  const list = useListState<Filters>(FILTER_KEYS);
  const { orgId } = list;
  const units = useOrgList(false);
  const [editing, setEditing] = useState<Mediator | undefined>(undefined);
  const [importing, setImporting] = useState(false);

  const query = useMediatorPage({ ...list.params, page: list.page, pageSize: list.pageSize });
  const committees = useCommitteePage({ orgId, pageSize: 200 });
  const committeeOptions = useMemo(() => (committees.data?.items ?? []).map((c) => ({ value: c.id, label: c.name })), [committees.data]);
  const statusOptions = [
    { value: 'active', label: rt('status.active') },
    { value: 'inactive', label: rt('status.inactive') },
    { value: 'all', label: rt('status.all') },
  ];
  const unitId = orgId ?? user.orgId;
  const unitName = (units.data ?? []).find((u) => u.id === unitId)?.name ?? user.orgName;

  return (
    <ListPage<Mediator, Filters, Filters>
      title={rt('mediators.title')}
      extra={
        canWrite && (
          <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="mediators-import">
            {rt('mediators.import')}
          </Button>
        )
      }
      state={list}
      query={query}
      toFilters={toFilters}
      toValues={toValues}
      fields={[
        <Form.Item key="q" name="q" label={mt('list.keyword')}>
          <Input allowClear maxLength={40} placeholder={rt('mediators.keywordHint')} />
        </Form.Item>,
        <Form.Item key="committee" name="committeeOrgId" label={rt('field.committee')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            options={committeeOptions}
            loading={committees.isPending}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>,
        <Form.Item key="position" name="position" label={rt('field.position')}>
          <Select allowClear placeholder={t('common.all')} options={positionOptions(lang)} />
        </Form.Item>,
        <Form.Item key="employment" name="employment" label={rt('field.employment')}>
          <Select allowClear placeholder={t('common.all')} options={employmentOptions(lang)} />
        </Form.Item>,
        <Form.Item key="specialty" name="specialty" label={rt('field.specialties')}>
          <AutoComplete
            allowClear
            options={specialtyOptions}
            placeholder={t('common.all')}
            showSearch={{ filterOption: (input, o) => (o?.value ?? '').includes(input) }}
          />
        </Form.Item>,
        <Form.Item key="status" name="status" label={rt('field.status')}>
          <Select placeholder={rt('status.active')} options={statusOptions} />
        </Form.Item>,
      ]}
      table={({ rows, loading, pagination }) => (
        <MediatorTable
          rows={rows}
          showCommittee
          loading={loading}
          emptyText={rt('mediators.empty')}
          onEdit={canWrite ? setEditing : undefined}
          pagination={pagination}
        />
      )}
      exportPath={`${REGISTRY}/mediators/export.xlsx`}
      exportName={rt('mediators.exportName')}
    >
      {editing && <MediatorFormModal committeeId={editing.committeeOrgId} mediator={editing} onClose={() => setEditing(undefined)} />}
      {importing && <RegistryImportModal kind="mediators" unitId={unitId} unitName={unitName} onClose={() => setImporting(false)} />}
    </ListPage>
  );
}
