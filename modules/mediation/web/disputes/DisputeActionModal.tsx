import { Alert, App, Form, Modal } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { ActionForms } from '@sifa/mediation/shared';
import type { DisputeAction } from '@sifa/mediation/shared';
import type { MatterActionFormProps } from '@sifa/ui';
import { useState } from 'react';
import type { z } from 'zod';
import { ApiError, knownFields, notifySuccess, pick, placeServerErrors, showFieldErrors, useMatter, zodFieldErrors } from '@sifa/ui';
import { actionLabel, DANGER_ACTIONS, isDisputeAction, isFinalAction } from '../common/labels';
import { useMediationText } from '../common/messages';
import { refreshDispute, useDisputeAction } from './queries';
import { ActionFields, actionBody } from './ActionFields';
import type { ActionValues } from './ActionFields';

const known = knownFields([
  'note',
  'reason',
  'committeeOrgId',
  'mediatorName',
  'on',
  'place',
  'attendees',
  'record',
  'kind',
  'effectiveOn',
  'terms',
  'amountYuan',
  'signedBy',
  'personsInvolved',
  'remediesTold',
  'partyName',
]);

/**
 * The form of one dispute action (ActionForms[action]), sent with the version the user saw. Actions that close the
 * dispute are asked once more. A conflict (someone else acted first) is shown in the dialog and the dispute reloads,
 * so the next attempt carries the new version. Also opened by the kernel's matter page (WebModule.matterActionForms).
 */
export function DisputeActionModal(props: MatterActionFormProps) {
  const { mt } = useMediationText();
  if (!isDisputeAction(props.action)) {
    return (
      <Modal open title={props.action} onCancel={props.onClose} footer={null}>
        {mt('action.unknown')}
      </Modal>
    );
  }
  return <ActionForm {...props} action={props.action} />;
}

function ActionForm({ matterId, expectedVersion, action, onClose, onDone }: MatterActionFormProps & { action: DisputeAction }) {
  const { t, mt, lang } = useMediationText();
  const { modal } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<ActionValues>();
  const matter = useMatter(matterId);
  const act = useDisputeAction(matterId);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const label = actionLabel(action, lang);
  const danger = DANGER_ACTIONS.has(action);
  // After someone else's change the action may no longer be open: say so and offer only 取消.
  const closed = matter.data !== undefined && !matter.data.actions.some((a) => a.action === action);

  const send = (body: Record<string, unknown>) =>
    act.mutateAsync({ action, body }).then(
      () => {
        notifySuccess(mt('action.done', { action: label }));
        void refreshDispute(client, matterId);
        onDone();
      },
      (error: unknown) => {
        if (error instanceof ApiError && error.status === 409) {
          // MATTER_CONFLICT or INVALID_TRANSITION: the dispute moved on; say so and load what it is now
          const number = matter.data?.matter.number ?? '';
          setProblem(error.code === 'MATTER_CONFLICT' ? mt('action.conflict', { number }) : error.message);
          void refreshDispute(client, matterId);
          return;
        }
        setProblem(placeServerErrors(form, error, known, t('common.loadFailed')));
      },
    );

  const submit = async () => {
    setProblem(undefined);
    let values: ActionValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const schema: z.ZodType = ActionForms[action];
    const parsed = schema.safeParse(actionBody(action, values, expectedVersion));
    if (!parsed.success) {
      const rest = showFieldErrors(form, zodFieldErrors(parsed.error, 'reason'), known);
      if (rest.length > 0) setProblem(rest.flatMap((e) => e.errors).join('；'));
      return;
    }
    const body = parsed.data as Record<string, unknown>;
    const status = matter.data?.matter.status;
    if (status !== undefined && isFinalAction(action, status)) {
      modal.confirm({
        title: mt('action.finalTitle', { action: label }),
        content: mt('action.final', { action: label }),
        okText: mt('action.submit'),
        cancelText: t('common.cancel'),
        okButtonProps: { danger },
        onOk: () => send(body),
      });
      return;
    }
    await send(body);
  };

  return (
    <Modal
      open
      title={label}
      okText={mt('action.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger, disabled: closed }}
      confirmLoading={act.isPending}
      onOk={() => void submit()}
      onCancel={() => !act.isPending && onClose()}
      destroyOnHidden
      width={600}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid="action-problem" />}
      {closed && (
        <Alert
          type="warning"
          showIcon
          title={mt('action.closed', { status: pick(lang, matter.data.statusLabel.zh, matter.data.statusLabel.en), action: label })}
          style={{ marginBottom: 16 }}
          data-testid="action-closed"
        />
      )}
      <Form<ActionValues> form={form} layout="vertical" initialValues={{ kind: 'written', terms: [''] }} preserve={false}>
        <ActionFields action={action} matterId={matterId} />
      </Form>
    </Modal>
  );
}
