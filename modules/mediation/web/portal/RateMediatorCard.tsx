import { StarFilled } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Rate, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { RatingStatus } from '@sifa/mediation/shared';
import { usePortalApi, usePublicSession } from '@sifa/ui';
import type { PortalTrackPanelProps } from '@sifa/ui';
import { ApiError, queryString } from '@sifa/ui';
import { usePortalText } from './portal-messages';

interface RateForm {
  score: number;
  comment?: string;
}

/**
 * 评价调解员, mediation's panel under the portal's tracking result of one of its matters: once the dispute is closed,
 * a party signed in with the phone they gave rates the mediator once (1–5 stars and a comment). Open matters, and
 * closed ones that did not go through mediation, show nothing.
 */
export function RateMediatorCard({ number, closed }: PortalTrackPanelProps) {
  if (!closed) return null;
  return <RateMediator number={number} />;
}

function RateMediator({ number }: { number: string }) {
  const { t, pt } = usePortalText();
  const api = usePortalApi();
  const session = usePublicSession();
  const client = useQueryClient();
  const key = ['portal', 'mediation-rating', number];
  const status = useQuery({
    queryKey: key,
    queryFn: () => api.get(`/api/public/mediation/ratings${queryString({ number })}`, RatingStatus),
    enabled: Boolean(session.data),
    retry: false,
    meta: { silent: true },
  });
  const rate = useMutation({
    mutationFn: (v: RateForm) =>
      api.send('POST', '/api/public/mediation/ratings', { number, score: v.score, ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}) }, RatingStatus),
    meta: { silent: true },
    onSuccess: (s) => client.setQueryData(key, s),
  });

  if (session.isPending) return null;
  if (!session.data) {
    return (
      <Card style={{ marginTop: 16 }} data-testid="rate-login">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {pt('rate.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{pt('rate.loginText')}</Typography.Paragraph>
        <Link to="/portal/login?next=/portal/track">
          <Button block style={{ height: 48 }}>
            {pt('rate.login')}
          </Button>
        </Link>
      </Card>
    );
  }
  const s = status.data;
  if (!s || (!s.eligible && !s.rating)) return null;

  if (s.rating) {
    return (
      <Card style={{ marginTop: 16 }} data-testid="rate-done">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {rate.isSuccess ? pt('rate.done') : pt('rate.title')}
        </Typography.Title>
        <Rate disabled value={s.rating.score} />
        <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
          {pt('rate.given', { score: s.rating.score })}
          {s.rating.comment ? ` · ${s.rating.comment}` : ''}
        </Typography.Paragraph>
      </Card>
    );
  }

  const error = rate.error instanceof ApiError ? rate.error.message : rate.error ? t('common.loadFailed') : undefined;
  return (
    <Card style={{ marginTop: 16 }} data-testid="rate-form">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {pt('rate.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{pt('rate.intro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<RateForm> layout="vertical" requiredMark={false} onFinish={(v) => rate.mutate(v)}>
        <Form.Item name="score" label={pt('rate.score')} rules={[{ required: true, message: pt('rate.scoreRequired') }]}>
          <Rate character={<StarFilled />} style={{ fontSize: 36 }} aria-label={pt('rate.score')} />
        </Form.Item>
        <Form.Item name="comment" label={pt('rate.comment')}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={rate.isPending} style={{ height: 48 }} data-testid="rate-submit">
          {pt('rate.submit')}
        </Button>
      </Form>
    </Card>
  );
}
