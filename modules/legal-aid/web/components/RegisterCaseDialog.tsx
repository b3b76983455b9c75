import { Form, Input, Select } from 'antd';
import { CreateCaseInput } from '@sifa/legal-aid/shared';
import { FormDialog, knownFields, notifySuccess, OrgTreeSelect, placeServerErrors, showFieldErrors, useI18n, zodFieldErrors } from '@sifa/ui';
import { useState } from 'react';
import { useRegisterCase } from '../queries';
import { useText } from '../text';

const known = knownFields(['orgId', 'title', 'channel', 'summary']);

/** 登记案件: the fields checked by the shared schema before sending, the server's refusal placed on its field. */
export function RegisterCaseDialog({ onClose, onDone }: { onClose: () => void; onDone: (id: string) => void }) {
  const { t } = useI18n();
  const { tx, channelOptions } = useText();
  const [form] = Form.useForm<Record<string, unknown>>();
  const register = useRegisterCase();
  const [problem, setProblem] = useState<string | undefined>(undefined);

  const save = async (values: Record<string, unknown>) => {
    setProblem(undefined);
    const parsed = CreateCaseInput.safeParse(values);
    if (!parsed.success) {
      showFieldErrors(form, zodFieldErrors(parsed.error, 'title'), known);
      return;
    }
    try {
      const matter = await register.mutateAsync(parsed.data);
      notifySuccess(tx('done', { action: tx('register') }));
      onDone(matter.id);
    } catch (error) {
      setProblem(placeServerErrors(form, error, known, t('common.loadFailed')));
    }
  };

  return (
    <FormDialog title={tx('register')} form={form} busy={register.isPending} problem={problem} problemTestId="register-problem" width={600} onClose={onClose}>
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)} initialValues={{ channel: 'window' }}>
        <Form.Item name="orgId" label={tx('org')} required>
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item name="title" label={tx('title')} required>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="channel" label={tx('channel')} required>
          <Select options={channelOptions()} />
        </Form.Item>
        <Form.Item name="summary" label={tx('summary')} required>
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
