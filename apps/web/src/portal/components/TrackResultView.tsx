import { CheckCircleFilled, ClockCircleFilled } from '@ant-design/icons';
import { Card, Descriptions, Steps, Typography } from 'antd';
import { pick, useI18n } from '../../i18n';
import type { TrackResult } from '@sifa/ui';

/** A plain status page: where the application stands, in big text, and each step with its date. */
export function TrackResultView({ result }: { result: TrackResult }) {
  const { t, lang } = useI18n();
  const status = pick(lang, result.status, result.statusEn ?? result.status);
  const last = result.steps.length - 1;
  return (
    <Card data-testid="track-result">
      <div style={{ textAlign: 'center', padding: '8px 0 16px' }}>
        {result.closed ? <CheckCircleFilled style={{ fontSize: 48, color: '#52c41a' }} /> : <ClockCircleFilled style={{ fontSize: 48, color: '#1f5fbf' }} />}
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
          {t('portal.track.current')}
        </Typography.Text>
        <Typography.Title level={2} style={{ margin: '4px 0' }} data-testid="track-status">
          {status}
        </Typography.Title>
        <Typography.Text style={{ fontSize: 16 }}>{result.closed ? t('portal.track.closed') : t('portal.track.open')}</Typography.Text>
      </div>
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'title', label: t('portal.track.item'), children: result.title },
          { key: 'number', label: t('portal.track.number'), children: result.number },
          { key: 'opened', label: t('portal.track.openedOn'), children: result.openedOn },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('portal.track.steps')}
      </Typography.Title>
      <Steps
        orientation="vertical"
        // every step is something already done; the last one is where the matter stands now
        current={last}
        status="finish"
        items={result.steps.map((s) => ({
          title: pick(lang, s.action, s.actionEn ?? s.action),
          content: (
            <span style={{ fontSize: 15 }}>
              {s.on} · {pick(lang, s.status, s.statusEn ?? s.status)}
            </span>
          ),
        }))}
      />
    </Card>
  );
}
