import { Button, Card, Empty, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { WORKBENCH_STAGE_LABELS, type WorkbenchItem, type WorkbenchStage } from '@sifa/kernel/shared';
import { DeadlineBadge, formatDate, formatDateTime, serverPagination, useCompact } from '@sifa/ui';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { pick, useI18n } from '../i18n';
import { internal, levelOf, useModuleName } from './parts';
import { useStageItems } from './queries';

const isStage = (s: string | undefined): s is WorkbenchStage => s !== undefined && s in WORKBENCH_STAGE_LABELS;
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

/** The matters behind one count of the workbench (`/workbench/:stage`), longest waiting or nearest deadline first. */
export function StagePage() {
  const { stage } = useParams();
  const { t, lang } = useI18n();
  const compact = useCompact();
  const navigate = useNavigate();
  const moduleName = useModuleName();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const valid = isStage(stage);
  const { data, isFetching } = useStageItems(valid ? stage : 'accept', paging.page, paging.pageSize);
  if (!valid) return <Empty description={t('error.notFound.text')} />;
  const label = pick(lang, WORKBENCH_STAGE_LABELS[stage].zh, WORKBENCH_STAGE_LABELS[stage].en);
  const day = today();

  const columns: TableColumnsType<WorkbenchItem> = [
    {
      title: t('todo.number'),
      dataIndex: 'number',
      width: 170,
      fixed: compact ? undefined : 'left',
      render: (_v, i) => (internal(i.link) ? <Link to={i.link}>{i.number}</Link> : i.number),
    },
    { title: t('todo.item'), dataIndex: 'title', ellipsis: { showTitle: true } },
    { title: t('workbench.status'), dataIndex: 'statusZh', width: 100, render: (v: string) => <Tag style={{ marginInlineEnd: 0 }}>{v}</Tag> },
    { title: t('todo.module'), dataIndex: 'module', width: 100, render: (m: string) => moduleName(m) },
    { title: t('workbench.unit'), dataIndex: 'orgName', width: 180, ellipsis: { showTitle: true } },
    { title: t('workbench.channel'), dataIndex: 'channelZh', width: 120, render: (v: string | null) => v ?? t('common.none') },
    {
      title: t('todo.due'),
      dataIndex: 'dueDate',
      width: 190,
      render: (_v, i) =>
        i.dueDate ? (
          <span title={i.deadlineZh ?? undefined}>
            <DeadlineBadge level={levelOf(i, day, stage === 'dueSoon')} dueDate={formatDate(i.dueDate)} lang={lang} />
          </span>
        ) : (
          t('common.none')
        ),
    },
    { title: t('workbench.openedAt'), dataIndex: 'openedAt', width: 170, render: (v: string) => formatDateTime(v) },
  ];

  return (
    <Card
      title={
        <span>
          {t('workbench.title')} · {label}
        </span>
      }
      extra={
        <Button type="link" onClick={() => void navigate('/')}>
          {t('workbench.back')}
        </Button>
      }
      data-testid="workbench-stage"
    >
      <Table<WorkbenchItem>
        rowKey="id"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isFetching}
        size={compact ? 'small' : 'middle'}
        scroll={{ x: 1100 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.stageEmpty', { stage: label })} /> }}
        pagination={serverPagination(t, { ...paging, total: data?.total ?? 0 }, (page, pageSize) => setPaging({ page, pageSize }), compact)}
        onRow={(i) => ({ onDoubleClick: () => internal(i.link) && void navigate(i.link) })}
      />
      <Typography.Text type="secondary">{t('workbench.stageHint')}</Typography.Text>
    </Card>
  );
}
