import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import { ACTION_INPUTS, CASE_WORKFLOW, PROGRESS_KINDS, TERMINATION_GROUNDS, type FormAction } from '@sifa/legal-aid/shared';
import { ApiError, knownFields, notifySuccess, pick, placeServerErrors, showFieldErrors, useI18n, zodFieldErrors } from '@sifa/ui';
import type { MatterActionFormProps } from '@sifa/ui';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useCaseAction, useLawyerChoice } from '../queries';
import { useText, type TextKey } from '../text';

type Field = { name: string; label: TextKey; kind: 'text' | 'optional-text' | 'money' | 'date' | 'lawyer' | 'progress-kind' | 'ground' };

/** Each typed action's fields (their names in the shared schema, shared/schemas.ts). */
const FIELDS: Record<FormAction, Field[]> = {
  requestMaterials: [{ name: 'materials', label: 'materials', kind: 'text' }],
  supplyMaterials: [{ name: 'note', label: 'note', kind: 'optional-text' }],
  grant: [{ name: 'note', label: 'decisionReason', kind: 'optional-text' }],
  refuse: [{ name: 'reason', label: 'reason', kind: 'text' }],
  withdraw: [{ name: 'reason', label: 'reason', kind: 'text' }],
  assign: [{ name: 'lawyerId', label: 'lawyer', kind: 'lawyer' }],
  changeLawyer: [
    { name: 'lawyerId', label: 'lawyer', kind: 'lawyer' },
    { name: 'reason', label: 'reason', kind: 'text' },
  ],
  recordProgress: [
    { name: 'kind', label: 'kind', kind: 'progress-kind' },
    { name: 'note', label: 'progress', kind: 'text' },
    { name: 'date', label: 'date', kind: 'date' },
  ],
  terminate: [
    { name: 'ground', label: 'ground', kind: 'ground' },
    { name: 'reason', label: 'reason', kind: 'text' },
  ],
  close: [
    { name: 'outcome', label: 'outcome', kind: 'text' },
    { name: 'benefitYuan', label: 'benefit', kind: 'money' },
  ],
  object: [{ name: 'reason', label: 'reason', kind: 'text' }],
  upholdDecision: [{ name: 'reason', label: 'reason', kind: 'text' }],
  orderCorrection: [{ name: 'reason', label: 'reason', kind: 'text' }],
};

const isFormAction = (action: string): action is FormAction => Object.hasOwn(ACTION_INPUTS, action);

/** The lawyer picker: the rotation's suggestion (with its reason) preselected, any other person of the pool selectable. */
function LawyerField({ caseId, name, label }: { caseId: string; name: string; label: string }) {
  const { suggestion, pool } = useLawyerChoice(caseId);
  const { tx } = useText();
  const s = suggestion.data;
  return (
    <>
      {s && (
        <Alert
          type={s.lawyer ? 'info' : 'warning'}
          showIcon
          title={`${tx('suggestion')}：${s.reasonZh}`}
          style={{ marginBottom: 12 }}
          data-testid="lawyer-suggestion"
        />
      )}
      <Form.Item name={name} label={label} required initialValue={s?.lawyer?.id} key={s?.lawyer?.id ?? 'none'}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="lawyer-select"
          options={(pool.data?.items ?? []).map((l) => ({ value: l.id, label: `${l.name}（${l.firm}，执业 ${l.practiceYears} 年，在办 ${l.openCases} 件）` }))}
        />
      </Form.Item>
    </>
  );
}

/**
 * The form of a typed action, opened by the shared matter page (WebModule.matterActionForms). Checked with the shared
 * schema, sent with the version the user saw; a field the server refuses is marked on the form, a conflict (someone
 * acted first) is shown above it.
 */
export function CaseActionForm({ matterId, expectedVersion, action, onClose, onDone }: MatterActionFormProps) {
  const { t, lang } = useI18n();
  const { tx } = useText();
  const [form] = Form.useForm<Record<string, unknown>>();
  const act = useCaseAction(matterId);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  if (!isFormAction(action)) return null;
  const fields = FIELDS[action];
  const known = knownFields(fields.map((f) => f.name));
  const label = pick(lang, CASE_WORKFLOW.labels.actions[action].zh, CASE_WORKFLOW.labels.actions[action].en);

  const submit = async () => {
    setProblem(undefined);
    const raw = form.getFieldsValue();
    const values = Object.fromEntries(
      fields
        .map((f) => [f.name, f.kind === 'date' && raw[f.name] ? (raw[f.name] as { format(p: string): string }).format('YYYY-MM-DD') : raw[f.name]] as const)
        .filter(([, v]) => v !== undefined && v !== null && v !== ''),
    );
    const parsed = ACTION_INPUTS[action].safeParse({ ...values, expectedVersion });
    if (!parsed.success) {
      showFieldErrors(form, zodFieldErrors(parsed.error, fields[0]?.name ?? 'reason'), known);
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

  const render = (f: Field): ReactNode => {
    const text = tx(f.label);
    switch (f.kind) {
      case 'lawyer':
        return <LawyerField key={f.name} caseId={matterId} name={f.name} label={text} />;
      case 'progress-kind':
        return (
          <Form.Item key={f.name} name={f.name} label={text} required initialValue="meeting">
            <Select options={Object.entries(PROGRESS_KINDS).map(([value, v]) => ({ value, label: v.zh }))} />
          </Form.Item>
        );
      case 'ground':
        return (
          <Form.Item key={f.name} name={f.name} label={text} required>
            <Select options={Object.entries(TERMINATION_GROUNDS).map(([value, zh]) => ({ value, label: zh }))} />
          </Form.Item>
        );
      case 'money':
        return (
          <Form.Item key={f.name} name={f.name} label={text}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        );
      case 'date':
        return (
          <Form.Item key={f.name} name={f.name} label={text}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        );
      case 'text':
      case 'optional-text':
        return (
          <Form.Item key={f.name} name={f.name} label={text} required={f.kind === 'text'}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        );
    }
  };

  return (
    <Modal
      open
      title={label}
      okText={tx('submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: action === 'refuse' || action === 'terminate' }}
      confirmLoading={act.isPending}
      onOk={() => void submit()}
      onCancel={() => !act.isPending && onClose()}
      destroyOnHidden
      width={600}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid="action-problem" />}
      <Form form={form} layout="vertical" preserve={false}>
        {fields.map(render)}
      </Form>
    </Modal>
  );
}
