import { Button, Empty, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType, TablePaginationConfig } from 'antd';
import { App } from 'antd';
import type { Mediator } from '@sifa/mediation/shared';
import { Link } from 'react-router-dom';
import { notifyError, notifySuccess, todayInShanghai, useCompact } from '@sifa/ui';
import { employmentLabel, genderLabel, positionLabel } from './registry-labels';
import { useRegistryText } from './registry-messages';
import { useSetMediatorActive } from './registry-queries';

const POSITION_COLORS: Record<string, string> = { director: 'blue', deputy: 'geekblue', member: 'cyan', hired: 'default' };

export interface MediatorTableProps {
  rows: Mediator[];
  /** The 所属调委会 column (the mediators register; not on a committee's own page). */
  showCommittee: boolean;
  emptyText: string;
  loading?: boolean;
  pagination?: TablePaginationConfig | false;
  /** Editing is offered when given (the user holds mediation.registry.write). */
  onEdit?: (m: Mediator) => void;
}

/** People of the register: position, term (red once ended, 人民调解法 第九条), specialties, masked phone, status. */
export function MediatorTable({ rows, showCommittee, emptyText, loading, pagination = false, onEdit }: MediatorTableProps) {
  const { t, rt, lang } = useRegistryText();
  const { modal } = App.useApp();
  const compact = useCompact();
  const setActive = useSetMediatorActive();
  const today = todayInShanghai();
  const none = t('common.none');

  const toggle = (m: Mediator) => {
    const send = () =>
      setActive.mutateAsync({ id: m.id, active: !m.active }).then(
        () => notifySuccess(rt(m.active ? 'mediator.deactivated' : 'mediator.activated', { name: m.name })),
        (error: unknown) => notifyError(error, t('common.loadFailed')),
      );
    if (!m.active) {
      void send();
      return;
    }
    // deactivating is asked once more: the person leaves the committee's count and the assignment choices
    modal.confirm({
      title: rt('mediator.deactivateTitle', { name: m.name }),
      content: rt('mediator.deactivateText'),
      okText: rt('mediator.deactivate'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: send,
    });
  };

  const columns: TableColumnsType<Mediator> = [
    { title: rt('field.name'), dataIndex: 'name', fixed: compact ? undefined : 'left', render: (_v, m) => <span data-testid="mediator-name">{m.name}</span> },
    ...(showCommittee
      ? [
          {
            title: rt('field.committee'),
            dataIndex: 'committeeName',
            render: (_v: unknown, m: Mediator) => <Link to={`/mediation/committees/${m.committeeOrgId}`}>{m.committeeName}</Link>,
          },
        ]
      : []),
    { title: rt('field.position'), dataIndex: 'position', render: (_v, m) => <Tag color={POSITION_COLORS[m.position]}>{positionLabel(m.position, lang)}</Tag> },
    { title: rt('field.gender'), dataIndex: 'gender', render: (_v, m) => genderLabel(m.gender, lang) },
    { title: rt('field.ethnicity'), dataIndex: 'ethnicity', render: (_v, m) => m.ethnicity ?? none },
    { title: rt('field.employment'), dataIndex: 'employment', render: (_v, m) => employmentLabel(m.employment, lang) },
    {
      title: rt('field.term'),
      key: 'term',
      render: (_v, m) =>
        m.termStart || m.termEnd ? (
          <Typography.Text type={m.termEnd && m.termEnd < today ? 'danger' : undefined} style={{ whiteSpace: 'nowrap' }}>
            {m.termStart ?? '…'} ~ {m.termEnd ?? '…'}
          </Typography.Text>
        ) : (
          none
        ),
    },
    {
      title: rt('field.specialties'),
      dataIndex: 'specialties',
      render: (_v, m) => (m.specialties.length ? m.specialties.map((s) => <Tag key={s}>{s}</Tag>) : none),
    },
    { title: rt('field.mobile'), dataIndex: 'phoneMasked', render: (_v, m) => m.phoneMasked ?? none },
    {
      // citizens' ratings of the disputes the mediator handled (portal, after closing)
      title: rt('field.rating'),
      key: 'rating',
      render: (_v, m) =>
        m.ratingCount && m.ratingAverage != null ? (
          <span style={{ whiteSpace: 'nowrap' }} data-testid="mediator-rating">
            {rt('field.ratingValue', { average: m.ratingAverage.toFixed(2), count: m.ratingCount })}
          </span>
        ) : (
          none
        ),
    },
    {
      title: rt('field.status'),
      dataIndex: 'active',
      render: (_v, m) => (m.active ? <Tag color="green">{rt('status.active')}</Tag> : <Tag>{rt('status.inactive')}</Tag>),
    },
    ...(onEdit
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: compact ? undefined : ('right' as const),
            render: (_v: unknown, m: Mediator) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => onEdit(m)}>
                  {rt('committee.edit')}
                </Button>
                <Button
                  type="link"
                  size="small"
                  danger={m.active}
                  onClick={() => toggle(m)}
                  data-testid={m.active ? 'mediator-deactivate' : 'mediator-activate'}
                >
                  {rt(m.active ? 'mediator.deactivate' : 'mediator.activate')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Table<Mediator>
      rowKey="id"
      columns={columns}
      dataSource={rows}
      loading={loading}
      scroll={{ x: 'max-content' }}
      size={compact ? 'small' : 'middle'}
      pagination={pagination}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> }}
    />
  );
}
