import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { SessionInfo } from '@sifa/kernel/shared';
import { ApiError, apiGet, apiSend, setCsrfToken, setReauthenticateHandler, setSessionExpiryListener } from '../api/client';
import { SESSION_KEY } from '../api/session';
import { useI18n } from '../i18n';

/** How long before the idle timeout the warning shows. */
export const SESSION_WARN_MS = 3 * 60_000;

/** Answers of the sign-in that mean: the password was right, now the second factor (ADR 0020). */
const CODE_ASKED = new Set(['SECOND_FACTOR_REQUIRED', 'SECOND_FACTOR_INVALID']);

interface SignInValues {
  password: string;
  code?: string;
}

/**
 * Keeps typed work when the session runs out (issue #13 item 2): warns a few minutes before the idle timeout with
 * 继续使用; when a request meets an ended session, signs the same account in again in a dialog over the page (with
 * the second factor when the account has one) and lets the request go through — the form underneath keeps what
 * was typed. 放弃并退出 ends the session as before. Mounted once in the signed-in console.
 */
export function SessionGuard({ username }: { username: string }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [expiresAt, setExpiresAt] = useState<number | undefined>(undefined);
  const [now, setNow] = useState(() => Date.now());
  const [asking, setAsking] = useState(false);
  const resolver = useRef<((ok: boolean) => void) | undefined>(undefined);
  const pending = useRef<Promise<boolean> | undefined>(undefined);

  useEffect(() => {
    setSessionExpiryListener((seconds) => {
      setExpiresAt(Date.now() + seconds * 1000);
      setNow(Date.now());
    });
    const tick = setInterval(() => setNow(Date.now()), 5_000);
    return () => {
      setSessionExpiryListener(undefined);
      clearInterval(tick);
    };
  }, []);

  // one dialog for every request that meets the ended session; each waits for the same sign-in
  useEffect(() => {
    setReauthenticateHandler(() => {
      pending.current ??= new Promise<boolean>((resolve) => {
        resolver.current = resolve;
        setAsking(true);
      });
      return pending.current;
    });
    return () => setReauthenticateHandler(undefined);
  }, []);

  const settle = useCallback((ok: boolean) => {
    const resolve = resolver.current;
    resolver.current = undefined;
    pending.current = undefined;
    setAsking(false);
    resolve?.(ok);
  }, []);

  const left = expiresAt === undefined ? undefined : expiresAt - now;
  const expired = left !== undefined && left <= 0;
  // at the computed end, ask the server: another tab may have kept the session; if not, the 401 opens the dialog
  useEffect(() => {
    if (expired) void apiGet('/api/auth/session', SessionInfo).catch(() => undefined);
  }, [expired]);

  const [staying, setStaying] = useState(false);
  const stay = () => {
    setStaying(true);
    // any signed-in request renews the idle timer; the answer's header moves the end
    apiGet('/api/auth/session', SessionInfo)
      .catch(() => undefined)
      .finally(() => setStaying(false));
  };

  const warn = !asking && left !== undefined && left > 0 && left <= SESSION_WARN_MS;
  return (
    <>
      <Modal
        open={warn}
        title={t('session.expiring')}
        closable={false}
        mask={{ closable: false }}
        zIndex={2000}
        footer={
          <Button type="primary" loading={staying} onClick={stay} data-testid="session-stay">
            {t('session.stay')}
          </Button>
        }
      >
        <Typography.Paragraph data-testid="session-expiring">
          {t('session.expiringText', { minutes: Math.max(1, Math.ceil((left ?? 0) / 60_000)) })}
        </Typography.Paragraph>
      </Modal>
      {asking && (
        <SignInAgainDialog
          username={username}
          onSignedIn={(session) => {
            setCsrfToken(session.csrfToken);
            // the same account: the cache stays, the pages and forms underneath with it
            client.setQueryData(SESSION_KEY, session);
            settle(true);
          }}
          onGiveUp={() => settle(false)}
        />
      )}
    </>
  );
}

function SignInAgainDialog({ username, onSignedIn, onGiveUp }: { username: string; onSignedIn: (s: SessionInfo) => void; onGiveUp: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<SignInValues>();
  const [askCode, setAskCode] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);

  const submit = (values: SignInValues) => {
    setBusy(true);
    setProblem(undefined);
    const input = { username, password: values.password, ...(askCode && values.code ? { code: values.code.trim() } : {}) };
    apiSend('POST', '/api/auth/login', input, SessionInfo)
      .then(onSignedIn)
      .catch((e: unknown) => {
        if (e instanceof ApiError && CODE_ASKED.has(e.code)) setAskCode(true);
        // "enter the code" is the field's help the first time it is asked for, not an error
        if (!(e instanceof ApiError && e.code === 'SECOND_FACTOR_REQUIRED')) setProblem(e instanceof ApiError ? e.message : t('common.loadFailed'));
      })
      .finally(() => setBusy(false));
  };

  return (
    <Modal
      open
      title={t('session.expired')}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      zIndex={2100}
      data-testid="session-dialog"
      footer={[
        <Button key="out" onClick={onGiveUp} disabled={busy} data-testid="session-give-up">
          {t('session.signOut')}
        </Button>,
        <Button key="in" type="primary" loading={busy} onClick={() => form.submit()} data-testid="session-sign-in">
          {t('session.signIn')}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">{t('session.expiredText')}</Typography.Paragraph>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid="session-problem" />}
      <Form<SignInValues> form={form} layout="vertical" onFinish={submit} requiredMark={false} disabled={busy}>
        <Form.Item label={t('session.username')}>
          <Input prefix={<UserOutlined />} value={username} disabled autoComplete="username" />
        </Form.Item>
        <Form.Item name="password" label={t('session.password')} rules={[{ required: true, message: t('common.required', { field: t('session.password') }) }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" autoFocus data-testid="session-password" />
        </Form.Item>
        {askCode && (
          <Form.Item
            name="code"
            label={t('session.code')}
            extra={t('session.codeHelp')}
            rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('session.code') }) }]}
          >
            <Input prefix={<SafetyOutlined />} autoComplete="one-time-code" maxLength={12} autoFocus data-testid="session-code" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
