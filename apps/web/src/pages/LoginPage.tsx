import { LockOutlined, UserOutlined } from '@ant-design/icons';
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

/** Staff sign-in with username and password; the API's message shows under the title when it fails. */
export function LoginPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const session = useSessionQuery();
  const login = useLogin();
  const next = safeNext(params.get('next'));

  if (session.data) return <Navigate to={next} replace />;

  const onFinish = (values: LoginInput) => {
    login.mutate(values, { onSuccess: () => void navigate(next, { replace: true }) });
  };
  const error = login.error instanceof ApiError ? login.error.message : login.error ? t('common.loadFailed') : undefined;

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
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
