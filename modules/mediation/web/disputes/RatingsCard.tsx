import { Card, List, Rate, Space, Typography } from 'antd';
import type { Dispute } from '@sifa/mediation/shared';
import { formatDateTime } from '@sifa/ui';
import { useMediationText } from '../common/messages';
import { useDisputeRatings } from './queries';

/**
 * 群众评价: what the parties said of the mediation on the portal after it closed (issue #13 item 9) — the average,
 * how many were satisfied, and each rating with its comment; who rated is not shown.
 */
export function RatingsCard({ dispute }: { dispute: Dispute }) {
  const { mt } = useMediationText();
  const { data } = useDisputeRatings(dispute.matter.id);
  if (!data) return null;
  return (
    <Card size="small" title={mt('rating.title')} data-testid="dispute-ratings">
      {data.count === 0 || data.average === null ? (
        <Typography.Text type="secondary">{mt('rating.none')}</Typography.Text>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Rate disabled allowHalf value={Math.round(data.average * 2) / 2} />
            <Typography.Text data-testid="dispute-ratings-summary">
              {mt('rating.summary', { average: data.average.toFixed(2), count: data.count, satisfied: data.satisfied })}
            </Typography.Text>
          </Space>
          <List
            size="small"
            dataSource={data.items}
            renderItem={(r) => (
              <List.Item>
                <Space wrap>
                  <Rate disabled value={r.score} style={{ fontSize: 14 }} />
                  <Typography.Text style={{ overflowWrap: 'anywhere' }}>{r.comment ?? mt('rating.noComment')}</Typography.Text>
                  <Typography.Text type="secondary">{formatDateTime(r.createdAt)}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </Space>
      )}
    </Card>
  );
}
