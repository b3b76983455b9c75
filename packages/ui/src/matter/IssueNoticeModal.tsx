import { Form, Input, Modal } from 'antd';
import { useI18n } from '../i18n';
import { notifySuccess } from '../api/notify';
import { useIssueDocument } from './queries';

interface NoticeForm {
  title: string;
  addressee?: string;
  body: string;
}

const KIND = /^[a-z][a-z0-9-]*$/;

/** Paragraphs of the body: one per non-empty line. */
export function paragraphsOf(body: string): string[] {
  return body
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** 出具通知书: title, addressee and body paragraphs; the server adds unit, number, date and the QR code. */
export function IssueNoticeModal({ matterId, module, onClose }: { matterId: string; module: string; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<NoticeForm>();
  const issue = useIssueDocument(matterId);

  const onFinish = (v: NoticeForm) => {
    issue.mutate(
      {
        kind: KIND.test(module) ? `${module}.notice` : 'kernel.notice',
        title: v.title.trim(),
        ...(v.addressee?.trim() ? { addressee: v.addressee.trim() } : {}),
        body: paragraphsOf(v.body),
      },
      {
        onSuccess: (doc) => {
          notifySuccess(t('document.issued', { number: doc.number }));
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('document.issueTitle')}
      okText={t('document.issueOk')}
      cancelText={t('common.cancel')}
      confirmLoading={issue.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Form<NoticeForm> form={form} layout="vertical" onFinish={onFinish} requiredMark="optional">
        <Form.Item
          name="title"
          label={t('document.title')}
          extra={t('document.titleHint')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('document.title') }) },
            { min: 2, max: 40, message: t('document.titleLength') },
          ]}
        >
          <Input maxLength={40} showCount autoFocus placeholder={t('document.titlePlaceholder')} />
        </Form.Item>
        <Form.Item name="addressee" label={t('document.addressee')} extra={t('document.addresseeHint')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="body"
          label={t('document.body')}
          extra={t('document.bodyHint')}
          rules={[
            {
              validator: (_r, value: string | undefined) => {
                const paras = paragraphsOf(value ?? '');
                if (paras.length === 0) return Promise.reject(new Error(t('document.bodyRequired')));
                if (paras.length > 200) return Promise.reject(new Error(t('document.bodyTooMany')));
                if (paras.some((p) => p.length > 5000)) return Promise.reject(new Error(t('document.bodyTooLong')));
                return Promise.resolve();
              },
            },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 6, maxRows: 16 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 撤销文书: the reason is required; the public verification page shows 已撤销 from then on. */
export function RevokeDocumentModal({
  number,
  pending,
  onRevoke,
  onClose,
}: {
  number: string;
  pending: boolean;
  onRevoke: (reason: string) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open
      title={t('document.revokeTitle', { number })}
      okText={t('document.revoke')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<{ reason: string }> form={form} layout="vertical" onFinish={(v) => onRevoke(v.reason.trim())}>
        <Form.Item
          name="reason"
          label={t('document.revokeReason')}
          extra={t('document.revokeHint')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('document.revokeReason') }) },
            { min: 2, max: 500, message: t('document.revokeReasonLength') },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3 }} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
