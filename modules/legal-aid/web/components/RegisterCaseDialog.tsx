import { Checkbox, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import { CreateCaseInput, NO_MEANS_CHECK, NO_MEANS_TEST, NOTIFYING_BODIES } from '@sifa/legal-aid/shared';
import { FormDialog, knownFields, notifySuccess, OrgTreeSelect, placeServerErrors, showFieldErrors, useI18n, zodFieldErrors } from '@sifa/ui';
import { useState } from 'react';
import { useRegisterCase } from '../queries';
import { useText } from '../text';

const FIELDS = [
  'orgId',
  'channel',
  'category',
  'applicant.name',
  'applicant.idNumber',
  'applicant.phone',
  'monthlyIncomeYuan',
  'commitment',
  'noMeansTest',
  'noMeansCheck',
  'limitationDate',
  'notifiedBy',
  'notifyingOrgan',
  'capitalCase',
  'receivedAt',
  'routingReason',
  'summary',
];
const known = knownFields(FIELDS);
const options = (t: Record<string, { zh: string }>) => Object.entries(t).map(([value, v]) => ({ value, label: v.zh }));
type Values = Record<string, unknown> & { applicant?: Record<string, unknown>; limitationDate?: { format(f: string): string } };

/** 登记申请 at the window (or a notice, a forwarded application): the shared schema checks it before sending. */
export function RegisterCaseDialog({ onClose, onDone }: { onClose: () => void; onDone: (id: string) => void }) {
  const { t } = useI18n();
  const { tx, channelOptions, categoryOptions } = useText();
  const [form] = Form.useForm<Values>();
  const register = useRegisterCase();
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const channel = Form.useWatch('channel', form) as string | undefined;

  const save = async (v: Values) => {
    setProblem(undefined);
    const values: Record<string, unknown> = {
      ...Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null && x !== '')),
      applicant: { kind: 'person', idType: 'resident-id', ...v.applicant },
      limitationDate: v.limitationDate?.format('YYYY-MM-DD'),
    };
    const parsed = CreateCaseInput.safeParse(values);
    if (!parsed.success) {
      showFieldErrors(form, zodFieldErrors(parsed.error, 'summary'), known);
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
    <FormDialog title={tx('register')} form={form} busy={register.isPending} problem={problem} problemTestId="register-problem" width={680} onClose={onClose}>
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)} initialValues={{ channel: 'window', category: 'labour' }}>
        <Form.Item name="orgId" label={tx('org')} required>
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item name="channel" label={tx('channel')} required>
          <Select options={channelOptions()} />
        </Form.Item>
        <Form.Item name="category" label={tx('category')} required>
          <Select options={categoryOptions()} />
        </Form.Item>
        <Form.Item name={['applicant', 'name']} label={tx('applicantName')} required>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name={['applicant', 'idNumber']} label={tx('idNumber')} required>
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name={['applicant', 'phone']} label={tx('phone')}>
          <Input maxLength={11} />
        </Form.Item>
        {channel === 'notice' && (
          <>
            <Form.Item name="notifiedBy" label={tx('notifiedBy')} required>
              <Select options={options(NOTIFYING_BODIES)} />
            </Form.Item>
            <Form.Item name="notifyingOrgan" label={tx('notifyingOrgan')}>
              <Input maxLength={60} />
            </Form.Item>
          </>
        )}
        <Form.Item name="capitalCase" valuePropName="checked">
          <Checkbox>{tx('capitalCase')}</Checkbox>
        </Form.Item>
        <Form.Item name="noMeansTest" label={tx('noMeansTest')}>
          <Select allowClear options={options(NO_MEANS_TEST)} />
        </Form.Item>
        <Form.Item name="noMeansCheck" label={tx('noMeansCheck')}>
          <Select allowClear options={options(NO_MEANS_CHECK)} />
        </Form.Item>
        <Form.Item name="monthlyIncomeYuan" label={tx('income')}>
          <InputNumber min={0} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="commitment" valuePropName="checked">
          <Checkbox>{tx('commitment')}</Checkbox>
        </Form.Item>
        <Form.Item name="limitationDate" label={tx('limitationDate')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="receivedAt" label={tx('receivedAt')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="routingReason" label={tx('routingReason')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="summary" label={tx('summary')} required>
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
