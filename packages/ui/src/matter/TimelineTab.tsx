import { Skeleton } from 'antd';
import { Timeline } from '../Timeline';
import { useI18n } from '../i18n';
import { formatDateTime } from '../format/date';
import type { MatterLabels } from './labels';
import { useMatterTimeline } from './queries';

/** 办理过程: the matter's action log with labels in the console language. */
export function TimelineTab({ matterId, labels }: { matterId: string; labels: MatterLabels }) {
  const { t, lang } = useI18n();
  const { data, isPending, isError } = useMatterTimeline(matterId);
  if (isPending) return <Skeleton active />;
  if (isError) return <Timeline entries={[]} lang={lang} emptyText={t('common.loadFailed')} />;
  return (
    <Timeline
      lang={lang}
      entries={data.map((e) => ({
        key: e.id,
        at: formatDateTime(e.at),
        action: labels.action(e.action),
        from: e.fromStatus ? labels.status(e.fromStatus) : null,
        to: labels.status(e.toStatus),
        actor: e.actorName,
        note: e.note,
      }))}
    />
  );
}
