import { Alert, Card, Descriptions, Empty, Result, Skeleton, Space, Spin, Typography } from 'antd';
import { citationText } from '../DeadlineBadge';
import { StatusTag } from '../StatusTag';
import { pick, useI18n } from '../i18n';
import { useCompact } from '../layout/use-compact';
import { DEADLINE_STATUS, isCalendarWarning } from './deadline-view';
import { useDeadlineExplanation, useMatterDeadlines } from './queries';
import type { MatterDeadline } from './schemas';
import { MatterDeadlineBadge } from './MatterDeadlineBadge';

function DeadlineItem({ deadline }: { deadline: MatterDeadline }) {
  const { t, lang } = useI18n();
  const compact = useCompact();
  const preview = useDeadlineExplanation(deadline, true);
  const explanation = deadline.explanation ?? preview.data?.explanation;
  const cite = deadline.cite ?? preview.data?.cite;
  const status = DEADLINE_STATUS[deadline.status];
  const warnings = deadline.calendarCovered ? [] : (explanation ?? []).filter(isCalendarWarning);
  const name = pick(lang, deadline.ruleNameZh, deadline.ruleNameEn ?? preview.data?.rule.nameEn ?? deadline.ruleNameZh);

  return (
    <Card
      size="small"
      data-testid="deadline-item"
      title={
        <Space wrap size={8}>
          <Typography.Text strong>{name}</Typography.Text>
          <StatusTag tone={status.tone}>{t(status.key)}</StatusTag>
        </Space>
      }
      extra={<MatterDeadlineBadge deadline={deadline} />}
    >
      {!deadline.calendarCovered && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={warnings[0] ?? t('deadline.uncoveredGeneric')} />}
      <Descriptions
        size="small"
        column={compact ? 1 : 3}
        items={[
          { key: 'start', label: t('deadline.startDate'), children: deadline.startDate },
          {
            key: 'due',
            label: t('deadline.dueDate'),
            children: <Typography.Text strong>{deadline.dueDate}</Typography.Text>,
          },
          { key: 'warn', label: t('deadline.warnDate'), children: deadline.warnDate },
          ...(deadline.pausedDays > 0 || deadline.pausedSince
            ? [
                {
                  key: 'paused',
                  label: t('deadline.paused'),
                  children: deadline.pausedSince
                    ? t('deadline.pausedSince', { date: deadline.pausedSince, days: deadline.pausedDays })
                    : t('deadline.pausedDays', { days: deadline.pausedDays }),
                },
              ]
            : []),
          ...(deadline.extensionCount > 0
            ? [
                {
                  key: 'ext',
                  label: t('deadline.extended'),
                  children: t('deadline.extendedTimes', {
                    n: deadline.extensionCount,
                    amount: deadline.extendedAmount,
                  }),
                },
              ]
            : []),
        ]}
      />
      <Typography.Text type="secondary">{t('deadline.explanation')}</Typography.Text>
      {explanation ? (
        <ol style={{ paddingInlineStart: 20, margin: '4px 0 8px' }}>
          {explanation
            .filter((line) => !warnings.includes(line))
            .map((line, i) => (
              <li key={i}>{line}</li>
            ))}
        </ol>
      ) : preview.isFetching ? (
        <div style={{ padding: 8 }}>
          <Spin size="small" />
        </div>
      ) : (
        <div style={{ margin: '4px 0 8px' }}>
          <Typography.Text type="secondary">{t('deadline.noExplanation')}</Typography.Text>
        </div>
      )}
      {cite && (
        <Typography.Text>
          {t('deadline.cite')}：{citationText(cite)}
        </Typography.Text>
      )}
    </Card>
  );
}

/** 期限: every deadline of the matter, with its level, dates and the explanation of how the date was reached. */
export function DeadlinesTab({ matterId }: { matterId: string }) {
  const { t } = useI18n();
  const { data, isPending, isError, error, refetch } = useMatterDeadlines(matterId);
  if (isPending) return <Skeleton active />;
  if (isError) {
    return (
      <Result
        status="warning"
        title={t('deadline.loadFailed')}
        subTitle={error.message}
        extra={<Typography.Link onClick={() => void refetch()}>{t('common.retry')}</Typography.Link>}
      />
    );
  }
  if (data.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('deadline.none')} />;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {data.map((d) => (
        <DeadlineItem key={d.id} deadline={d} />
      ))}
    </Space>
  );
}
