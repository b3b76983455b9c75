import { CheckCircleFilled } from '@ant-design/icons';
import { Alert, Button, Card, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { PortalApplicationResult } from '@sifa/mediation/shared';
import { usePortalText } from './portal-messages';

/** The receipt: the application's number in large type (the citizen tracks with it) and the office that has it. */
export function ApplyDone({ result }: { result: PortalApplicationResult }) {
  const { pt } = usePortalText();
  return (
    <Card data-testid="apply-done">
      <div style={{ textAlign: 'center', padding: '8px 0' }}>
        <CheckCircleFilled style={{ fontSize: 56, color: '#52c41a' }} />
        <Typography.Title level={3} style={{ margin: '12px 0 4px' }}>
          {pt('apply.done')}
        </Typography.Title>
        <Typography.Text type="secondary">{pt('apply.number')}</Typography.Text>
        <div
          data-testid="apply-number"
          style={{ fontSize: 30, fontWeight: 700, color: '#1f5fbf', margin: '4px 0 8px', wordBreak: 'break-all', userSelect: 'all' }}
        >
          {result.number}
        </div>
        <Alert type="warning" showIcon title={pt('apply.remember')} style={{ textAlign: 'left', marginBottom: 12 }} />
        <Typography.Paragraph>{pt('apply.doneOffice', { office: result.officeName })}</Typography.Paragraph>
        <Link to="/portal/track">
          <Button type="primary" block style={{ height: 48 }} data-testid="apply-go-track">
            {pt('apply.goTrack')}
          </Button>
        </Link>
      </div>
    </Card>
  );
}
