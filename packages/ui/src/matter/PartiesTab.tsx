import { Empty, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { ID_TYPE_NAMES } from '@sifa/kernel/shared';
import type { IdType } from '@sifa/kernel/shared';
import { pick, useI18n } from '../i18n';
import { formatDate } from '../format/date';
import { useCompact } from '../layout/use-compact';
import { partyRoleLabel } from './labels';
import { PartyPhone } from './PartyPhone';
import { useMatterParties } from './queries';
import { fitColumns } from '../list/list-columns';
import type { MatterParty } from './schemas';

const isIdType = (v: string | null): v is IdType => v !== null && Object.hasOwn(ID_TYPE_NAMES, v);

/**
 * 当事人: the parties of a matter and their roles — the one parties tab of every line (kernel matter page and module
 * pages alike). Names as the matter's unit registered them, the phone given with the matter, ID and phone numbers
 * masked as the server sends them. `roleLabel` names the roles (the page's `matterLabels(...).partyRole`, from the
 * workflow's `partyRoles`); the common roles otherwise.
 */
export function PartiesTab({ matterId, roleLabel }: { matterId: string; roleLabel?: (code: string) => string }) {
  const { t, lang } = useI18n();
  const compact = useCompact();
  const { data, isFetching, isError, error } = useMatterParties(matterId);

  const columns: TableColumnsType<MatterParty> = [
    // a long name ellipsizes (whole on hover) instead of pushing the phone out of view
    { title: t('party.name'), dataIndex: 'name', width: 220 },
    { title: t('party.role'), dataIndex: 'role', render: (_v, p) => (roleLabel ? roleLabel(p.role) : partyRoleLabel(p.role, t)) },
    {
      title: t('party.kind'),
      dataIndex: 'kind',
      render: (_v, p) => (p.kind === 'person' ? t('party.person') : t('party.organisation')),
    },
    {
      title: t('party.id'),
      key: 'id',
      width: 240,
      render: (_v, p) => {
        if (p.uscc) return `${t('party.uscc')} ${p.uscc}`;
        const type = isIdType(p.idType) ? pick(lang, ID_TYPE_NAMES[p.idType].zh, ID_TYPE_NAMES[p.idType].en) : '';
        return p.idMasked ? `${type} ${p.idMasked}`.trim() : t('common.none');
      },
    },
    {
      title: t('party.phone'),
      dataIndex: 'phoneMasked',
      width: 180,
      ellipsis: false,
      render: (_v, p) => <PartyPhone matterId={matterId} partyId={p.partyId} name={p.name} masked={p.phoneMasked} />,
    },
    { title: t('party.added'), dataIndex: 'addedAt', render: (_v, p) => formatDate(p.addedAt) },
  ];

  const fitted = fitColumns(columns, { fixed: !compact, keyColumns: { left: ['name'], right: [] } });
  return (
    <Table<MatterParty>
      rowKey={(p) => `${p.partyId}:${p.role}`}
      columns={fitted.columns}
      dataSource={data ?? []}
      tableLayout="fixed"
      loading={isFetching}
      pagination={false}
      scroll={{ x: fitted.width }}
      size={compact ? 'small' : 'middle'}
      locale={{
        emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={isError ? `${t('common.loadFailed')}：${error.message}` : t('matter.noParties')} />,
      }}
    />
  );
}
