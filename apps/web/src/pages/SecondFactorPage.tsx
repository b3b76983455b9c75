import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, QRCode, Result, Space, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { RecoveryCodes, SecondFactorStatus, TotpSetup } from '@sifa/kernel/shared';
import { useI18n } from '../i18n';
import { apiGet, apiSend, PageLoading, SESSION_KEY } from '@sifa/ui';

/**
 * 二次验证: enrol a TOTP authenticator (QR code, then a code from the app), see the recovery codes once; or see
 * that one is enrolled. An account whose roles require a second factor lands here after signing in and can use
 * nothing else until it is done (ADR 0020). Outside the console frame: its menus need what enrolment unlocks.
 */
export function SecondFactorPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const client = useQueryClient();
  const status = useQuery({ queryKey: ['second-factor'], queryFn: () => apiGet('/api/auth/second-factor', SecondFactorStatus) });
  const setup = useMutation({ mutationFn: () => apiSend('POST', '/api/auth/second-factor/totp/setup', {}, TotpSetup) });
  const [codes, setCodes] = useState<string[]>();
  const confirm = useMutation({
    mutationFn: (v: { code: string }) => apiSend('POST', '/api/auth/second-factor/totp/confirm', v, RecoveryCodes),
    onSuccess: (r) => setCodes(r.recoveryCodes),
  });
  const done = async () => {
    // the session now says "enrolled": the console opens
    await client.invalidateQueries({ queryKey: SESSION_KEY });
    await client.invalidateQueries({ queryKey: ['second-factor'] });
    void navigate('/', { replace: true });
  };

  let body;
  if (status.isPending) body = <PageLoading />;
  else if (codes) {
    body = (
      <Result
        status="success"
        title={t('mfa.done')}
        subTitle={t('mfa.codesHelp')}
        extra={
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <Typography.Title level={5}>{t('mfa.codesTitle')}</Typography.Title>
            <pre data-testid="recovery-codes" style={{ fontSize: 16, lineHeight: 1.8, background: '#f5f7fa', padding: 12, columns: 2, margin: 0 }}>
              {codes.join('\n')}
            </pre>
            <Button type="primary" size="large" onClick={() => void done()}>
              {t('mfa.continue')}
            </Button>
          </Space>
        }
      />
    );
  } else if (status.data?.enrolled) {
    body = (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert type="success" showIcon title={t('mfa.enrolled', { at: (status.data.enrolledAt ?? '').slice(0, 10), left: status.data.recoveryCodesLeft })} />
        <Typography.Paragraph type="secondary">{t('mfa.lost')}</Typography.Paragraph>
        <Button onClick={() => void navigate('/')}>{t('mfa.back')}</Button>
      </Space>
    );
  } else {
    body = (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert type={status.data?.required ? 'warning' : 'info'} showIcon title={status.data?.required ? t('mfa.required') : t('mfa.optional')} />
        {!setup.data ? (
          <Button type="primary" size="large" icon={<SafetyCertificateOutlined />} loading={setup.isPending} onClick={() => setup.mutate()}>
            {t('mfa.start')}
          </Button>
        ) : (
          <>
            <Typography.Paragraph>{t('mfa.apps')}</Typography.Paragraph>
            <div style={{ display: 'flex', justifyContent: 'center' }}>
              <QRCode value={setup.data.uri} size={200} data-testid="totp-qr" />
            </div>
            <Typography.Paragraph style={{ textAlign: 'center' }}>
              {t('mfa.secret')}：
              <Typography.Text code copyable data-testid="totp-secret">
                {setup.data.secret.replace(/(.{4})/g, '$1 ').trim()}
              </Typography.Text>
            </Typography.Paragraph>
            <Form<{ code: string }> layout="vertical" onFinish={(v) => confirm.mutate(v)} disabled={confirm.isPending}>
              <Form.Item name="code" label={t('mfa.code')} rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('mfa.code') }]}>
                <Input autoComplete="one-time-code" inputMode="numeric" maxLength={6} size="large" data-testid="totp-code" />
              </Form.Item>
              <Button type="primary" htmlType="submit" size="large" block loading={confirm.isPending}>
                {t('mfa.confirm')}
              </Button>
            </Form>
          </>
        )}
      </Space>
    );
  }

  return (
    <div style={{ minHeight: '100vh', display: 'flex', justifyContent: 'center', padding: 16, boxSizing: 'border-box', background: '#f5f7fa' }}>
      <Card title={t('mfa.title')} style={{ width: '100%', maxWidth: 520, alignSelf: 'flex-start', marginTop: 48 }}>
        {body}
      </Card>
    </div>
  );
}
