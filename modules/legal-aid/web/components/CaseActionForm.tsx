import { Alert, Form, Input, Modal } from 'antd';
import { ACTION_INPUTS, CASE_WORKFLOW, type FormAction } from '@sifa/legal-aid/shared';
import { ApiError, knownFields, notifySuccess, pick, placeServerErrors, showFieldErrors, useI18n, zodFieldErrors } from '@sifa/ui';
import type { MatterActionFormProps } from '@sifa/ui';
import { useState } from 'react';
import { useCaseAction } from '../queries';
import { useText, type TextKey } from '../text';

/** Each typed action's one text field (its name in the shared schema) and label. */
const FIELDS: Record<FormAction, { name: string; label: TextKey }> = {
  decline: { name: 'reason', label: 'declineReason' },
  close: { name: 'result', label: 'result' },
};

const isFormAction = (action: string): action is FormAction => Object.hasOwn(ACTION_INPUTS, action);

/**
 * The form of a typed action (decline with its reason, close with its result), opened by the shared matter page
 * (WebModule.matterActionForms). Checked with the shared schema, sent with the version the user saw; a field the
 * server refuses is marked on the form, a conflict (someone acted first) is shown above it.
 */
export function CaseActionForm({ matterId, expectedVersion, action, onClose, onDone }: MatterActionFormProps) {
  const { t, lang } = useI18n();
  const { tx } = useText();
  const [form] = Form.useForm<Record<string, string>>();
  const act = useCaseAction(matterId);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  if (!isFormAction(action)) return null;
  const field = FIELDS[action];
  const known = knownFields([field.name]);
  const label = pick(lang, CASE_WORKFLOW.labels.actions[action].zh, CASE_WORKFLOW.labels.actions[action].en);

  const submit = async () => {
    setProblem(undefined);
    const parsed = ACTION_INPUTS[action].safeParse({ ...form.getFieldsValue(), expectedVersion });
    if (!parsed.success) {
      showFieldErrors(form, zodFieldErrors(parsed.error, field.name), known);
      return;
    }
    try {
      await act.mutateAsync({ action, body: parsed.data });
      notifySuccess(tx('done', { action: label }));
      onDone();
    } catch (error) {
      setProblem(error instanceof ApiError && error.status === 409 ? error.message : placeServerErrors(form, error, known, t('common.loadFailed')));
    }
  };

  return (
    <Modal
      open
      title={label}
      okText={tx('submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: action === 'decline' }}
      confirmLoading={act.isPending}
      onOk={() => void submit()}
      onCancel={() => !act.isPending && onClose()}
      destroyOnHidden
      width={560}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid="action-problem" />}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name={field.name} label={tx(field.label)} required>
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
