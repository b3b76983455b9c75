import { Alert, Modal, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';

export interface FormDialogProps {
  title: ReactNode;
  /** The dialog's form: 保存 submits it (its onFinish saves). */
  form: FormInstance;
  /** A save in flight: 保存 spins and cannot be pressed again. */
  busy: boolean;
  /** The server's refusal of the last save, shown above the fields. */
  problem: string | undefined;
  /** `data-testid` of that notice. */
  problemTestId: string;
  width: number;
  /** The submit button's words (保存 when absent). */
  okText?: ReactNode;
  onClose: () => void;
  children: ReactNode;
}

/** A dialog around one form: 保存 submits it, 取消 closes, the server's refusal stands above the fields. */
export function FormDialog({ title, form, busy, problem, problemTestId, width, okText, onClose, children }: FormDialogProps) {
  const { t } = useI18n();
  return (
    <Modal
      open
      title={title}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={width}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid={problemTestId} />}
      {children}
    </Modal>
  );
}
