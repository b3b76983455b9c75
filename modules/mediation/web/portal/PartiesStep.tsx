import { Form, Input, Select, Typography } from 'antd';
import { ID_TYPES, ID_TYPE_NAMES, checkIdNumber } from '@sifa/kernel/shared';
import type { IdType } from '@sifa/kernel/shared';
import { pick } from '@sifa/ui';
import { usePortalText } from './portal-messages';
import { RespondentsList } from './RespondentsList';

/**
 * Step 3, 当事人: the applicant (the citizen, whose ID number is checked as typed; the phone is the one they signed in
 * with) and the respondents.
 */
export function PartiesStep({ phoneMasked }: { phoneMasked: string }) {
  const { pt, lang } = usePortalText();
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {pt('apply.applicant')}
      </Typography.Title>
      <Form.Item name="applicantName" label={pt('apply.name')} rules={[{ required: true, whitespace: true, message: pt('apply.nameRequired') }]}>
        <Input maxLength={100} autoComplete="name" />
      </Form.Item>
      <Form.Item name="idType" label={pt('apply.idType')}>
        <Select options={ID_TYPES.map((i) => ({ value: i, label: pick(lang, ID_TYPE_NAMES[i].zh, ID_TYPE_NAMES[i].en) }))} />
      </Form.Item>
      <Form.Item
        name="idNumber"
        label={pt('apply.idNumber')}
        dependencies={['idType']}
        rules={[
          { required: true, whitespace: true, message: pt('apply.idRequired') },
          ({ getFieldValue }) => ({
            validator: (_r, value: string | undefined) => {
              if (!value?.trim()) return Promise.resolve();
              const c = checkIdNumber(getFieldValue('idType') as IdType, value.trim());
              return c.ok ? Promise.resolve() : Promise.reject(new Error(c.problem));
            },
          }),
        ]}
      >
        <Input maxLength={40} autoComplete="off" />
      </Form.Item>
      <Form.Item label={pt('apply.phone')}>
        <Typography.Text data-testid="apply-phone">{pt('apply.phoneFromLogin', { phone: phoneMasked })}</Typography.Text>
      </Form.Item>

      <Typography.Title level={5}>{pt('apply.respondents')}</Typography.Title>
      <RespondentsList />
    </>
  );
}
