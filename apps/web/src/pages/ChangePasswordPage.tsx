import { Alert, Button, Card, Form, Input } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../i18n';
import { passwordProblemText } from '../lib/password';
import { apiCall, notifySuccess, textRule } from '@sifa/ui';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** 修改口令: the current password, a new one that meets the kernel's rule, and the new one again. */
export function ChangePasswordPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [form] = Form.useForm<PasswordForm>();
  const change = useMutation({
    mutationFn: (v: PasswordForm) => apiCall('POST', '/api/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword }),
    onSuccess: () => {
      notifySuccess(t('password.changed'));
      void navigate('/');
    },
  });

  return (
    <Card title={t('password.title')} style={{ maxWidth: 520 }}>
      <Alert type="info" showIcon title={t('password.rule')} style={{ marginBottom: 16 }} />
      <Form<PasswordForm> form={form} layout="vertical" onFinish={(v) => change.mutate(v)} disabled={change.isPending}>
        <Form.Item
          name="currentPassword"
          label={t('password.current')}
          rules={[{ required: true, message: t('common.required', { field: t('password.current') }) }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          dependencies={['currentPassword']}
          rules={[
            { required: true, message: t('common.required', { field: t('password.new') }) },
            ({ getFieldValue }) =>
              textRule((value) => {
                if (!value) return undefined;
                if (value === getFieldValue('currentPassword')) return t('password.same');
                return passwordProblemText(value, t);
              }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('common.required', { field: t('password.confirm') }) },
            ({ getFieldValue }) => textRule((value) => (value && value !== getFieldValue('newPassword') ? t('password.mismatch') : undefined)),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
