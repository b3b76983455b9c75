import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '@sifa/ui';
import { useI18n } from '../../i18n';
import { isMobile, maskPhone, normalisePhone, useCountdown, usePublicLogin, usePublicSession, useRequestCode } from '@sifa/ui';

interface LoginForm {
  phone: string;
  code: string;
}

const RESEND_SECONDS = 60;

/** Only portal paths are followed after sign-in. */
function safeNext(next: string | null): string {
  return next?.startsWith('/portal') ? next : '/portal/me';
}

/** Seconds to wait from an OTP_TOO_SOON answer (the number in its message), else the usual minute. */
function waitFrom(error: unknown): number | undefined {
  if (!(error instanceof ApiError) || error.code !== 'OTP_TOO_SOON') return undefined;
  const n = /(\d+)/.exec(error.message)?.[1];
  return n ? Number(n) : RESEND_SECONDS;
}

/** 手机号登录: phone, 获取验证码 (60 s countdown), the 6-digit code. */
export function PortalLoginPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<LoginForm>();
  const session = usePublicSession();
  const requestCode = useRequestCode();
  const login = usePublicLogin();
  const [seconds, startCountdown] = useCountdown();
  const [sentTo, setSentTo] = useState<string | undefined>(undefined);
  const next = safeNext(params.get('next'));

  if (session.data) return <Navigate to={next} replace />;

  const sendCode = async () => {
    let phone: string;
    try {
      phone = normalisePhone((await form.validateFields(['phone'])).phone);
    } catch {
      return;
    }
    requestCode.mutate(phone, {
      onSuccess: () => {
        setSentTo(phone);
        startCountdown(RESEND_SECONDS);
      },
      onError: (error) => {
        const wait = waitFrom(error);
        if (wait) startCountdown(wait);
      },
    });
  };

  const onFinish = (v: LoginForm) => {
    login.mutate({ phone: normalisePhone(v.phone), code: v.code.trim() }, { onSuccess: () => void navigate(next, { replace: true }) });
  };

  const failure = login.error ?? requestCode.error;
  const error = failure instanceof ApiError ? failure.message : failure ? t('common.loadFailed') : undefined;

  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('portal.login.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('portal.login.intro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="portal-login-error" />}
      {sentTo && !error && <Alert type="success" showIcon title={t('portal.login.sent', { phone: maskPhone(sentTo) })} style={{ marginBottom: 16 }} />}
      <Form<LoginForm> form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item
          name="phone"
          label={t('portal.phone')}
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
        <Form.Item label={t('portal.code')} required>
          <div style={{ display: 'flex', gap: 8 }}>
            <Form.Item name="code" noStyle rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('portal.codeInvalid') }]}>
              <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} placeholder={t('portal.codePlaceholder')} aria-label={t('portal.code')} />
            </Form.Item>
            <Button
              onClick={() => void sendCode()}
              disabled={seconds > 0}
              loading={requestCode.isPending}
              style={{ minWidth: 132, flex: 'none' }}
              data-testid="request-code"
            >
              {seconds > 0 ? t('portal.resendIn', { n: seconds }) : t('portal.getCode')}
            </Button>
          </div>
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={login.isPending} style={{ height: 48 }}>
          {t('portal.login.submit')}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 13 }}>
        {t('portal.login.privacy')}
      </Typography.Paragraph>
    </Card>
  );
}
