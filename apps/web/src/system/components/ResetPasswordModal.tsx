import { Button, Form, Input, Modal, Popconfirm } from 'antd';
import { useMutation } from '@tanstack/react-query';
import type { User } from '@sifa/kernel/shared';
import { useI18n } from '../../i18n';
import { passwordProblemText } from '../../lib/password';
import { apiCall, notifySuccess, textRule } from '@sifa/ui';

/** 重置口令: a new password for another user, confirmed once more before it is sent. */
export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ newPassword: string }>();
  const reset = useMutation({
    mutationFn: (newPassword: string) => apiCall('POST', `/api/users/${user.id}/reset-password`, { newPassword }),
    onSuccess: () => {
      notifySuccess(t('user.passwordReset'));
      onClose();
    },
  });
  const confirmAndSend = async () => {
    const { newPassword } = await form.validateFields();
    await reset.mutateAsync(newPassword);
  };
  return (
    <Modal
      open
      title={t('user.resetTitle', { name: user.displayName })}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Popconfirm
          key="ok"
          title={t('user.resetConfirm', { name: user.displayName })}
          okButtonProps={{ danger: true }}
          onConfirm={() => void confirmAndSend().catch(() => undefined)}
        >
          <Button type="primary" danger loading={reset.isPending}>
            {t('user.resetPassword')}
          </Button>
        </Popconfirm>,
      ]}
    >
      <Form<{ newPassword: string }> form={form} layout="vertical">
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          extra={t('password.rule')}
          rules={[
            { required: true, message: t('common.required', { field: t('password.new') }) },
            textRule((v) => (v ? passwordProblemText(v, t) : undefined)),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
