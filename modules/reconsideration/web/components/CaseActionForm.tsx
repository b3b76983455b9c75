import { Alert, Form, Input, InputNumber, Modal, Radio, Select, Switch } from 'antd';
import { ACTION_INPUTS, CASE_WORKFLOW, type FormAction } from '@sifa/reconsideration/shared';
import { ApiError, knownFields, notifySuccess, pick, placeServerErrors, showFieldErrors, todayInShanghai, useI18n, zodFieldErrors } from '@sifa/ui';
import type { MatterActionFormProps } from '@sifa/ui';
import { useMemo, useState } from 'react';
import { useCaseAction } from '../queries';
import { useText } from '../text';
import { ACTION_FIELDS, type ActionField } from './action-fields';

const isFormAction = (action: string): action is FormAction => Object.hasOwn(ACTION_INPUTS, action);

/** The control of one field; Form.Item hands it `value`, `onChange` (or `checked`) and `id`, passed on to the control. */
function FieldInput({ field, ...control }: { field: ActionField } & Record<string, unknown>) {
  switch (field.input) {
    case 'textarea':
      return <Input.TextArea {...control} rows={3} maxLength={2000} />;
    case 'date':
      return <Input {...control} type="date" />;
    case 'number':
      return <InputNumber {...control} min={0} style={{ width: '100%' }} />;
    case 'switch':
      return <Switch {...control} />;
    case 'select':
      return <Select {...control} options={field.options ? [...field.options] : []} showSearch={{ optionFilterProp: 'label' }} />;
    case 'radio':
      return <Radio.Group {...control} options={field.options ? [...field.options] : []} />;
    case 'text':
      return <Input {...control} maxLength={200} />;
  }
}

/**
 * The form of a typed action (通知补正、受理、不予受理、中止、恢复、终止、延长、转换、决定), opened by the shared matter page
 * (WebModule.matterActionForms). Its fields come from action-fields.ts, checked with the shared schema, sent with the
 * version the user saw; a field the server refuses is marked on the form, a refusal (409) is shown above it.
 */
export function CaseActionForm({ matterId, expectedVersion, action, onClose, onDone }: MatterActionFormProps) {
  const { t, lang } = useI18n();
  const { tx } = useText();
  const [form] = Form.useForm<Record<string, unknown>>();
  const act = useCaseAction(matterId);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const values = Form.useWatch([], form) as Record<string, unknown> | undefined;
  const fields = isFormAction(action) ? ACTION_FIELDS[action] : [];
  const initial = useMemo(
    () => Object.fromEntries(fields.filter((f) => f.initial !== undefined).map((f) => [f.name, f.initial === 'today' ? todayInShanghai() : f.initial])),
    [fields],
  );
  if (!isFormAction(action)) return null;
  const known = knownFields(fields.map((f) => f.name));
  const label = pick(lang, CASE_WORKFLOW.labels.actions[action].zh, CASE_WORKFLOW.labels.actions[action].en);
  const shown = (f: ActionField) => !f.when || (values ?? initial)[f.when.name] === f.when.value;

  const submit = async () => {
    setProblem(undefined);
    const raw = form.getFieldsValue();
    const body: Record<string, unknown> = { expectedVersion };
    for (const f of fields) {
      const v = raw[f.name];
      if (!shown(f) || v === undefined || v === null || v === '') continue;
      body[f.name] = f.input === 'number' ? Number(v) : v;
    }
    const parsed = ACTION_INPUTS[action].safeParse(body);
    if (!parsed.success) {
      showFieldErrors(form, zodFieldErrors(parsed.error, fields[0]?.name ?? 'note'), known);
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
      okButtonProps={{ danger: action === 'decline' || action === 'abandon' }}
      confirmLoading={act.isPending}
      onOk={() => void submit()}
      onCancel={() => !act.isPending && onClose()}
      destroyOnHidden
      width={600}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid="action-problem" />}
      <Form form={form} layout="vertical" preserve={false} initialValues={initial}>
        {fields.filter(shown).map((f) => (
          <Form.Item key={f.name} name={f.name} label={f.label} required={f.required} valuePropName={f.input === 'switch' ? 'checked' : 'value'}>
            <FieldInput field={f} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
