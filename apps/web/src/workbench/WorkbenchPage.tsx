import { Alert, Button, Card, Col, Empty, List, Row, Space, Spin, Statistic, Tag, Tooltip, Typography, theme } from 'antd';
import { WORKBENCH_STAGE_LABELS, type Workbench, type WorkbenchStage } from '@sifa/kernel/shared';
import { DeadlineBadge, formatDate, formatDateTime, useCan } from '@sifa/ui';
import { Link, useNavigate } from 'react-router-dom';
import { formatNumber, pick, useI18n } from '../i18n';
import { useLatestNotifications, useMarkRead } from '../notifications/queries';
import { useTodos } from '../system/queries';
import { internal, ItemLine, useModuleName } from './parts';
import { useWorkbench } from './queries';

const STAGES: WorkbenchStage[] = ['accept', 'assign', 'inHand', 'dueSoon', 'overdue'];
const TODO_PREVIEW = 6;

/** One count of a stage: a card that opens the list of its matters; its tooltip splits it by business line. */
function StageCard({ c }: { c: Workbench['counts'][number] }) {
  const { lang } = useI18n();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const moduleName = useModuleName();
  const label = pick(lang, WORKBENCH_STAGE_LABELS[c.stage].zh, WORKBENCH_STAGE_LABELS[c.stage].en);
  const color = c.count === 0 ? undefined : c.stage === 'overdue' ? token.colorError : c.stage === 'dueSoon' ? token.colorWarning : undefined;
  const tip = c.parts.length ? c.parts.map((p) => `${moduleName(p.module)} ${formatNumber(p.count, lang)}`).join('，') : undefined;
  return (
    <Tooltip title={tip}>
      <Card
        hoverable
        size="small"
        role="link"
        tabIndex={0}
        data-testid={`stage-${c.stage}`}
        onClick={() => void navigate(`/workbench/${c.stage}`)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void navigate(`/workbench/${c.stage}`);
        }}
      >
        <Statistic title={label} value={c.count} styles={{ content: { color, fontSize: 28 } }} formatter={(v) => formatNumber(Number(v), lang)} />
      </Card>
    </Tooltip>
  );
}

function Notifications() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const latest = useLatestNotifications(true);
  const markRead = useMarkRead();
  return (
    <Card size="small" title={t('notification.title')} data-testid="workbench-notifications">
      {latest.isPending ? (
        <Spin />
      ) : latest.isError || latest.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notification.empty')} />
      ) : (
        <List
          size="small"
          dataSource={latest.data.items}
          renderItem={(n) => (
            <List.Item
              style={{ cursor: n.link ? 'pointer' : undefined, paddingInline: 0 }}
              onClick={() => {
                if (n.readAt === null) markRead.mutate(n.id);
                if (n.link && internal(n.link)) void navigate(n.link);
              }}
            >
              <div style={{ minWidth: 0, width: '100%' }}>
                <Typography.Text strong={n.readAt === null} ellipsis={{ tooltip: n.title }} style={{ display: 'block' }}>
                  {n.title}
                </Typography.Text>
                <Typography.Text type="secondary" ellipsis={{ tooltip: n.body }} style={{ display: 'block', fontSize: 12 }}>
                  {formatDateTime(n.createdAt)} {n.body}
                </Typography.Text>
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** 我的待办 on the workbench: the nearest open deadlines of the user and the unit; the whole list is a page of its own. */
function Todos() {
  const { t, lang } = useI18n();
  const { data, isPending } = useTodos();
  const items = (data?.items ?? []).slice(0, TODO_PREVIEW);
  return (
    <Card
      size="small"
      title={t('todo.title')}
      data-testid="workbench-todos"
      extra={
        <Link to="/todos">
          {t('workbench.all')}
          {data ? `（${formatNumber(data.total, lang)}）` : ''}
        </Link>
      }
    >
      {isPending ? (
        <Spin />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('todo.empty')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(i) => (
            <List.Item style={{ paddingInline: 0, gap: 8 }}>
              <Typography.Text ellipsis={{ tooltip: i.title }} style={{ minWidth: 0, flex: 1 }}>
                {internal(i.link) ? <Link to={i.link}>{i.title}</Link> : i.title}
              </Typography.Text>
              <DeadlineBadge level={i.level} dueDate={i.dueDate ? formatDate(i.dueDate) : undefined} lang={lang} />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/**
 * 工作台, the landing page (ADR 0023): what waits at each stage in the user's unit and the units under it (each count
 * opens its list), the user's own matters, what arrived lately from every channel, the to-do list and notifications.
 */
export function WorkbenchPage() {
  const { t, lang } = useI18n();
  const canReadMatters = useCan('kernel.matter.read');
  const { data, isPending, isError, refetch } = useWorkbench();
  const today = data?.today ?? '';

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="workbench">
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('workbench.title')}
        </Typography.Title>
        {data && (
          <Typography.Text type="secondary">
            {data.unitName} · {formatDate(data.today)}
          </Typography.Text>
        )}
      </div>
      {isError && (
        <Alert type="error" showIcon title={t('workbench.loadFailed')} action={<Button onClick={() => void refetch()}>{t('workbench.retry')}</Button>} />
      )}
      {canReadMatters && (
        <Row gutter={[12, 12]}>
          {(data?.counts ?? STAGES.map((stage) => ({ stage, count: 0, parts: [] }))).map((c) => (
            <Col key={c.stage} xs={8} sm={8} lg={{ flex: '1 1 0' }}>
              {isPending ? <Card size="small" loading /> : <StageCard c={c} />}
            </Col>
          ))}
        </Row>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {canReadMatters && (
              <Card size="small" title={t('workbench.mine')} extra={data ? t('common.total', { n: data.mine.total }) : null} data-testid="workbench-mine">
                <List
                  size="small"
                  loading={isPending}
                  dataSource={data?.mine.items.slice(0, 10) ?? []}
                  locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.mineEmpty')} /> }}
                  renderItem={(i) => (
                    <List.Item style={{ paddingInline: 0 }}>
                      <ItemLine item={i} today={today} />
                    </List.Item>
                  )}
                />
              </Card>
            )}
            {canReadMatters && (
              <Card
                size="small"
                data-testid="workbench-arrivals"
                title={t('workbench.arrivals', { n: data?.arrivals.days ?? 7 })}
                extra={data ? t('common.total', { n: data.arrivals.total }) : null}
              >
                {data && data.arrivals.byChannel.length > 0 && (
                  <Space size={[6, 6]} wrap style={{ marginBottom: 8 }}>
                    {data.arrivals.byChannel.map((c) => (
                      <Tag key={c.channel} color="blue">
                        {c.channelZh} {formatNumber(c.count, lang)}
                      </Tag>
                    ))}
                  </Space>
                )}
                <List
                  size="small"
                  loading={isPending}
                  dataSource={data?.arrivals.items ?? []}
                  locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.arrivalsEmpty')} /> }}
                  renderItem={(i) => (
                    <List.Item style={{ paddingInline: 0 }}>
                      <ItemLine item={i} today={today} />
                    </List.Item>
                  )}
                />
              </Card>
            )}
          </Space>
        </Col>
        <Col xs={24} lg={10}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Todos />
            <Notifications />
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
