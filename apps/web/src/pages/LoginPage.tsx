import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import type { LoginInput } from '@sifa/kernel/shared';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useI18n } from '../i18n';
import { useLogin } from '../session';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { ApiError, useSessionQuery } from '@sifa/ui';

/** Only same-site paths are followed after sign-in (`//evil.example` is not a path). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** The answers that mean: the password was right, now the second factor (ADR 0020). */
const CODE_ASKED = new Set(['SECOND_FACTOR_REQUIRED', 'SECOND_FACTOR_INVALID']);

/**
 * Staff sign-in with username and password, then — for an account with a second factor — the code from the
 * authenticator app (or a recovery code) in the same form; the API's message shows under the title when it fails.
 */
export function LoginPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const session = useSessionQuery();
  const login = useLogin();
  const next = safeNext(params.get('next'));
  // once the server asks for the code, the field stays for the next tries
  const [askCode, setAskCode] = useState(false);

  if (session.data) return <Navigate to={next} replace />;

  const onFinish = (values: LoginInput) => {
    const input = { username: values.username, password: values.password, ...(askCode && values.code ? { code: values.code } : {}) };
    login.mutate(input, {
      onSuccess: () => void navigate(next, { replace: true }),
      onError: (e) => {
        if (e instanceof ApiError && CODE_ASKED.has(e.code)) setAskCode(true);
      },
    });
  };
  // "enter the code" is the field's help, not an error, the first time it is asked for
  const asked = login.error instanceof ApiError && login.error.code === 'SECOND_FACTOR_REQUIRED';
  const error = asked ? undefined : login.error instanceof ApiError ? login.error.message : login.error ? t('common.loadFailed') : undefined;

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        boxSizing: 'border-box',
        background: 'linear-gradient(160deg, #e6f0ff 0%, #f5f7fa 60%)',
        position: 'relative',
      }}
    >
      <div style={{ position: 'absolute', top: 8, right: 8 }}>
        <LanguageSwitch />
      </div>
      <Card style={{ width: '100%', maxWidth: 380 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          {t('app.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('login.subtitle')}
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form<LoginInput> layout="vertical" onFinish={onFinish} requiredMark={false} disabled={login.isPending}>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('login.username') }) }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('common.required', { field: t('login.password') }) }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          {askCode && (
            <Form.Item
              name="code"
              label={t('login.code')}
              extra={t('login.codeHelp')}
              rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('login.code') }) }]}
            >
              <Input prefix={<SafetyOutlined />} autoComplete="one-time-code" inputMode="text" maxLength={12} autoFocus size="large" data-testid="login-code" />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
