import { Alert, Space, Typography } from 'antd';
import type { Dispute } from '@sifa/mediation/shared';
import { StatusTag } from '@sifa/ui';
import { Link } from 'react-router-dom';
import { statusLabel, statusTone } from '../common/labels';
import { useMediationText } from '../common/messages';

/**
 * 风险: the dispute is flagged, or earlier disputes (last 12 months) involve the same party or the same place — the
 * signs of a dispute that keeps coming back and may escalate (features.md M5).
 */
export function RelatedAlert({ dispute }: { dispute: Dispute }) {
  const { mt, lang } = useMediationText();
  if (!dispute.atRisk && dispute.related.length === 0) return null;
  const reason = (r: string) => (r === '同一当事人' ? mt('risk.reason.sameParty') : r === '同一地点' ? mt('risk.reason.samePlace') : r);
  return (
    <Alert
      type="error"
      showIcon
      data-testid="risk-alert"
      title={mt('risk.alertTitle')}
      description={
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          {dispute.atRisk && <Typography.Text>{mt('risk.marked')}</Typography.Text>}
          {dispute.related.length > 0 && (
            <>
              <Typography.Text>{mt('risk.related', { n: dispute.related.length })}</Typography.Text>
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {dispute.related.map((r) => (
                  <li key={r.id} style={{ marginBottom: 2 }}>
                    <Space size={8} wrap>
                      <Typography.Text type="danger" strong>
                        {reason(r.reason)}
                      </Typography.Text>
                      <Link to={`/mediation/disputes/${r.id}`}>{r.number}</Link>
                      <span>{r.title}</span>
                      <StatusTag tone={statusTone(r.status)}>{statusLabel(r.status, lang)}</StatusTag>
                      <Typography.Text type="secondary">{r.openedAt}</Typography.Text>
                    </Space>
                  </li>
                ))}
              </ul>
            </>
          )}
        </Space>
      }
    />
  );
}
