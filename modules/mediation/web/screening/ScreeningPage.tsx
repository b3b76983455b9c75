import { ArrowLeftOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, Result, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ScreeningDispute } from '@sifa/mediation/shared';
import { ApiError, formatDate, formatDateTime, PageLoading, StatusTag, useCan, useCompact } from '@sifa/ui';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ScreeningFormModal } from './ScreeningFormModal';
import { useCategories } from '../categories/category-queries';
import { categoryLabel, statusLabel, statusTone } from '../common/labels';
import { screeningKindLabel, useScreeningText } from './screening-messages';
import { useScreening } from './screening-queries';

/**
 * 排查记录详情: when, where, by whom and what was found, and the disputes registered from it; "登记排查发现的纠纷"
 * opens the intake form with the source 矛盾纠纷排查 and the unit preset and the record linked.
 */
export function ScreeningPage() {
  const { t, mt, st, lang } = useScreeningText();
  const compact = useCompact();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const canWrite = useCan('mediation.dispute.write');
  const screening = useScreening(id);
  const categories = useCategories().data;
  const [editing, setEditing] = useState(false);

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/mediation/screenings')}>
      {st('detail.back')}
    </Button>
  );

  if (screening.isPending) return <PageLoading />;
  if (screening.isError) {
    const missing = screening.error instanceof ApiError && screening.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? st('detail.notFound') : t('common.loadFailed')}
        subTitle={screening.error.message}
        extra={
          missing ? (
            back
          ) : (
            <Button type="primary" onClick={() => void screening.refetch()}>
              {t('common.retry')}
            </Button>
          )
        }
      />
    );
  }

  const s = screening.data;
  const none = t('common.none');
  const columns: TableColumnsType<ScreeningDispute> = [
    {
      title: mt('field.number'),
      dataIndex: 'number',
      render: (_v, d) => (
        <Link to={`/mediation/disputes/${d.id}`} onClick={(e) => e.stopPropagation()}>
          {d.number}
        </Link>
      ),
    },
    { title: mt('field.title'), dataIndex: 'title', ellipsis: { showTitle: true }, width: 240 },
    { title: mt('field.category'), dataIndex: 'category', render: (_v, d) => categoryLabel(categories, d.category, lang) },
    { title: mt('field.status'), dataIndex: 'status', render: (_v, d) => <StatusTag tone={statusTone(d.status)}>{statusLabel(d.status, lang)}</StatusTag> },
    { title: mt('field.org'), dataIndex: 'orgName' },
    { title: mt('field.registered'), dataIndex: 'openedAt', render: (_v, d) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(d.openedAt)}</span> },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <span data-testid="screening-title">
              {s.screenedOn} {s.area}
            </span>
            <Tag>{screeningKindLabel(s.kind, lang)}</Tag>
          </Space>
        }
        extra={
          <Space wrap>
            {back}
            {canWrite && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="screening-edit">
                {st('detail.edit')}
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions size="small" column={compact ? 1 : 3} bordered={!compact} data-testid="screening-facts">
          <Descriptions.Item label={st('field.org')}>{s.orgName}</Descriptions.Item>
          <Descriptions.Item label={st('field.screenedOn')}>{s.screenedOn}</Descriptions.Item>
          <Descriptions.Item label={st('field.kind')}>{screeningKindLabel(s.kind, lang)}</Descriptions.Item>
          <Descriptions.Item label={st('field.area')}>{s.area}</Descriptions.Item>
          <Descriptions.Item label={st('field.screeners')} span={compact ? 1 : 2}>
            {s.screeners}
          </Descriptions.Item>
          <Descriptions.Item label={st('field.foundCount')}>{s.foundCount}</Descriptions.Item>
          <Descriptions.Item label={st('field.riskCount')}>{s.riskCount > 0 ? <Tag color="red">{s.riskCount}</Tag> : s.riskCount}</Descriptions.Item>
          <Descriptions.Item label={st('field.registered')}>{s.disputeCount}</Descriptions.Item>
          <Descriptions.Item label={st('field.notes')} span={compact ? 1 : 3}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{s.notes ?? none}</Typography.Paragraph>
          </Descriptions.Item>
          <Descriptions.Item label={st('field.createdBy')}>{s.createdByName ?? none}</Descriptions.Item>
          <Descriptions.Item label={st('field.createdAt')} span={compact ? 1 : 2}>
            {formatDateTime(s.createdAt)}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        title={st('detail.disputes', { n: s.disputes.length })}
        extra={
          canWrite && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => void navigate(`/mediation/disputes/new?screening=${encodeURIComponent(s.id)}`)}
              data-testid="screening-register"
            >
              {st('detail.register')}
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary">{st('detail.pending', { found: s.foundCount, registered: s.disputeCount })}</Typography.Paragraph>
        <Table<ScreeningDispute>
          rowKey="id"
          columns={columns}
          dataSource={s.disputes}
          pagination={false}
          scroll={{ x: 'max-content' }}
          size={compact ? 'small' : 'middle'}
          onRow={(d) => ({ onClick: () => void navigate(`/mediation/disputes/${d.id}`), style: { cursor: 'pointer' }, 'data-testid': 'screening-dispute' })}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={st('detail.noDisputes')} /> }}
        />
      </Card>
      {editing && <ScreeningFormModal screening={s} onClose={() => setEditing(false)} />}
    </Space>
  );
}
