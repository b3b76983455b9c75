import { SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { Suspense } from 'react';
import { ApiError, queryString } from '@sifa/ui';
import { useI18n } from '../../i18n';
import { TrackResult, isMobile, normalisePhone } from '@sifa/ui';
import { portalTrackPanel } from '../../registry';
import { TrackResultView } from '../components/TrackResultView';
import { publicApi } from '../public-api';

interface TrackForm {
  number: string;
  phone: string;
}

/**
 * 查询办理进度: the number on the receipt and the phone given on the application. Neither goes into the address bar
 * (the phone is personal data), so the answer lives on this page only. Under it, the matter's module may add its own
 * panel (mediation: rating the mediator once the dispute is closed).
 */
export function PortalTrackPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<TrackForm>();
  const track = useMutation({
    mutationFn: (v: TrackForm) => publicApi.get(`/api/public/track${queryString({ number: v.number.trim(), phone: normalisePhone(v.phone) })}`, TrackResult),
    meta: { silent: true },
  });
  const error = track.error instanceof ApiError ? track.error.message : track.error ? t('common.loadFailed') : undefined;

  if (track.data) {
    const Panel = portalTrackPanel(track.data.module);
    return (
      <>
        <TrackResultView result={track.data} />
        {Panel && (
          <Suspense fallback={null}>
            <Panel number={track.data.number} kind={track.data.kind} closed={track.data.closed} />
          </Suspense>
        )}
        <Button block style={{ marginTop: 16, height: 48 }} onClick={() => track.reset()}>
          {t('portal.track.again')}
        </Button>
      </>
    );
  }

  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('portal.track')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('portal.track.intro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="track-error" />}
      <Form<TrackForm> form={form} layout="vertical" requiredMark={false} onFinish={(v) => track.mutate(v)}>
        <Form.Item
          name="number"
          label={t('portal.track.number')}
          extra={t('portal.track.numberHint')}
          rules={[{ required: true, whitespace: true, message: t('portal.track.numberRequired') }]}
        >
          <Input maxLength={60} placeholder={t('portal.track.numberPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('portal.track.phone')}
          rules={[
            { required: true, message: t('portal.phoneRequired') },
            {
              validator: (_r, value: string | undefined) =>
                !value || isMobile(normalisePhone(value)) ? Promise.resolve() : Promise.reject(new Error(t('portal.phoneInvalid'))),
            },
          ]}
        >
          <Input inputMode="tel" autoComplete="tel" maxLength={20} placeholder={t('portal.phonePlaceholder')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block icon={<SearchOutlined />} loading={track.isPending} style={{ height: 48 }}>
          {t('portal.track.submit')}
        </Button>
      </Form>
    </Card>
  );
}
