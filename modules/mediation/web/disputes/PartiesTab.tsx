import { Empty, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { ID_TYPE_NAMES } from '@sifa/kernel/shared';
import type { IdType } from '@sifa/kernel/shared';
import { pick, useCompact, useMatterParties } from '@sifa/ui';
import type { MatterParty } from '@sifa/ui';
import { partyRoleLabel } from '../common/labels';
import { useMediationText } from '../common/messages';

const isIdType = (v: string | null): v is IdType => v !== null && Object.hasOwn(ID_TYPE_NAMES, v);

/** 当事人: names, roles, and ID and phone numbers masked as the server sends them. */
export function PartiesTab({ disputeId }: { disputeId: string }) {
  const { t, mt, lang } = useMediationText();
  const compact = useCompact();
  const { data, isFetching, isError, error } = useMatterParties(disputeId);
  const columns: TableColumnsType<MatterParty> = [
    { title: mt('party.name'), dataIndex: 'name' },
    { title: mt('party.role'), dataIndex: 'role', render: (_v, p) => partyRoleLabel(p.role, lang) },
    {
      title: mt('party.kind'),
      dataIndex: 'kind',
      render: (_v, p) => (p.kind === 'organisation' ? mt('party.organisation') : mt('party.person')),
    },
    {
      title: mt('party.id'),
      key: 'id',
      render: (_v, p) => {
        if (p.uscc) return `${mt('party.uscc')} ${p.uscc}`;
        const type = isIdType(p.idType) ? pick(lang, ID_TYPE_NAMES[p.idType].zh, ID_TYPE_NAMES[p.idType].en) : '';
        return p.idMasked ? `${type} ${p.idMasked}`.trim() : t('common.none');
      },
    },
    { title: mt('party.phone'), dataIndex: 'phoneMasked', render: (_v, p) => p.phoneMasked ?? t('common.none') },
  ];
  return (
    <Table<MatterParty>
      rowKey={(p) => `${p.partyId}:${p.role}`}
      columns={columns}
      dataSource={data ?? []}
      loading={isFetching}
      pagination={false}
      scroll={{ x: 'max-content' }}
      size={compact ? 'small' : 'middle'}
      locale={{
        emptyText: (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={isError ? mt('common.loadFailed', { message: error.message }) : t('common.empty')} />
        ),
      }}
    />
  );
}
