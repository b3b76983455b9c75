import { ImportOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import type { Employment, Mediator, MediatorPosition } from '@sifa/mediation/shared';
import { useEffect, useMemo, useState } from 'react';
import { ExportButton, QueryForm, queryString, serverPagination, useCan, useCompact, useOrgList, useSessionUser, useUnitFilter } from '@sifa/ui';
import { MediatorFormModal } from '../components/MediatorFormModal';
import { MediatorTable } from '../components/MediatorTable';
import { RegistryImportModal } from '../components/RegistryImportModal';
import { employmentOptions, positionOptions, specialtyOptions } from '../registry-labels';
import { useRegistryText } from '../registry-messages';
import { REGISTRY, useCommitteePage, useMediatorPage } from '../registry-queries';

interface Filters {
  q?: string;
  committeeOrgId?: string;
  position?: MediatorPosition;
  employment?: Employment;
  specialty?: string;
  status?: 'active' | 'inactive' | 'all';
}

/**
 * 人民调解员名册: every mediator of the user's scope (or the top-bar unit) — 委员 and hired (人民调解法 第十三条) —
 * filtered by committee, position, employment and specialty; Excel export (phones masked) and import.
 */
export function MediatorsPage() {
  const { t, mt, rt, lang } = useRegistryText();
  const compact = useCompact();
  const user = useSessionUser();
  const canWrite = useCan('mediation.registry.write');
  const { orgId } = useUnitFilter();
  const units = useOrgList(false);
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<Mediator | undefined>(undefined);
  const [importing, setImporting] = useState(false);

  useEffect(() => setPaging((p) => ({ ...p, page: 1 })), [orgId]);

  const filterParams = { ...filters, orgId };
  const { data, isFetching, isError, error, refetch } = useMediatorPage({ ...filterParams, ...paging });
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
    <Card
      title={rt('mediators.title')}
      extra={
        <Space wrap>
          {canWrite && (
            <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="mediators-import">
              {rt('mediators.import')}
            </Button>
          )}
          <ExportButton href={`${REGISTRY}/mediators/export.xlsx${queryString(filterParams)}`} fileName={rt('mediators.exportName')} />
        </Space>
      }
    >
      <QueryForm<Filters>
        form={form}
        onSearch={(v) => {
          setFilters({ ...v, q: v.q?.trim() || undefined, specialty: v.specialty?.trim() || undefined });
          setPaging((p) => ({ ...p, page: 1 }));
        }}
        onReset={() => {
          setFilters({});
          setPaging((p) => ({ ...p, page: 1 }));
        }}
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
      />
      {isError && (
        <Typography.Paragraph type="danger">
          {error.message} <Typography.Link onClick={() => void refetch()}>{t('common.retry')}</Typography.Link>
        </Typography.Paragraph>
      )}
      <MediatorTable
        rows={data?.items ?? []}
        showCommittee
        loading={isFetching}
        emptyText={rt('mediators.empty')}
        onEdit={canWrite ? setEditing : undefined}
        pagination={serverPagination(
          t,
          { ...paging, total: data?.total ?? 0 },
          (page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
          compact,
        )}
      />
      {editing && <MediatorFormModal committeeId={editing.committeeOrgId} mediator={editing} onClose={() => setEditing(undefined)} />}
      {importing && <RegistryImportModal kind="mediators" unitId={unitId} unitName={unitName} onClose={() => setImporting(false)} />}
    </Card>
  );
}
