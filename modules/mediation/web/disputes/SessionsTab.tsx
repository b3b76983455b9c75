import { Card, Descriptions, Empty, Result, Skeleton, Space, Typography } from 'antd';
import { useCompact } from '@sifa/ui';
import { useMediationText } from '../common/messages';
import { useSessions } from './queries';

/** 调解记录: each session — date, place, who attended, and what was said and agreed. */
export function SessionsTab({ disputeId }: { disputeId: string }) {
  const { t, mt } = useMediationText();
  const compact = useCompact();
  const { data, isPending, isError, error, refetch } = useSessions(disputeId);
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
  if (data.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={mt('sessions.none')} />;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="sessions">
      {data.map((s, i) => (
        <Card key={s.id} size="small" title={`${i + 1}. ${s.heldOn} · ${s.place}`}>
          <Descriptions
            size="small"
            column={compact ? 1 : 2}
            items={[
              { key: 'on', label: mt('sessions.on'), children: s.heldOn },
              { key: 'place', label: mt('sessions.place'), children: s.place },
              { key: 'attendees', label: mt('sessions.attendees'), span: compact ? 1 : 2, children: s.attendees },
            ]}
          />
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '8px 0 0' }}>{s.record}</Typography.Paragraph>
        </Card>
      ))}
    </Space>
  );
}
