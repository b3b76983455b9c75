import { Result, Skeleton, Typography } from 'antd';
import { formatDateTime, Timeline, useMatterTimeline } from '@sifa/ui';
import { actionLabel, statusLabel } from '../common/labels';
import { useMediationText } from '../common/messages';

/** 办理过程: the dispute's action log (who did what, when, with the reason or note given). */
export function HistoryTab({ disputeId }: { disputeId: string }) {
  const { t, mt, lang } = useMediationText();
  const { data, isPending, isError, error, refetch } = useMatterTimeline(disputeId);
  if (isPending) return <Skeleton active />;
  if (isError) {
    return (
      <Result
        status="warning"
        title={mt('common.loadFailed', { message: error.message })}
        extra={<Typography.Link onClick={() => void refetch()}>{t('common.retry')}</Typography.Link>}
      />
    );
  }
  return (
    <Timeline
      lang={lang}
      entries={data.map((e) => ({
        key: e.id,
        at: formatDateTime(e.at),
        action: e.action === 'register' ? mt('action.register') : actionLabel(e.action, lang),
        from: e.fromStatus ? statusLabel(e.fromStatus, lang) : null,
        to: statusLabel(e.toStatus, lang),
        actor: e.actorName,
        note: e.note,
      }))}
    />
  );
}
