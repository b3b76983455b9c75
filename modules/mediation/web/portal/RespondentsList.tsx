import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Radio } from 'antd';
import { checkIdNumber, checkUscc } from '@sifa/kernel/shared';
import { isMobile, normalisePhone } from '@sifa/ui';
import { usePortalText } from './portal-messages';

/** At most this many respondents on one application. */
const MAX_RESPONDENTS = 10;

/** The respondents (被申请人): a card each, person or organisation; identity numbers are optional but checked. */
export function RespondentsList() {
  const { pt } = usePortalText();
  return (
    <Form.List name="respondents">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, i) => (
            <Card
              key={field.key}
              size="small"
              title={pt('apply.respondentN', { n: i + 1 })}
              style={{ marginBottom: 12, background: '#fafcff' }}
              extra={
                fields.length > 1 && (
                  <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)}>
                    {pt('apply.remove')}
                  </Button>
                )
              }
            >
              <Form.Item name={[field.name, 'kind']} initialValue="person">
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  options={[
                    { value: 'person', label: pt('apply.kind.person') },
                    { value: 'organisation', label: pt('apply.kind.organisation') },
                  ]}
                />
              </Form.Item>
              <Form.Item
                name={[field.name, 'name']}
                label={pt('apply.respondentName')}
                rules={[{ required: true, whitespace: true, message: pt('apply.nameRequired') }]}
              >
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item noStyle dependencies={[['respondents', field.name, 'kind']]}>
                {({ getFieldValue }) =>
                  getFieldValue(['respondents', field.name, 'kind']) === 'organisation' ? (
                    <Form.Item
                      name={[field.name, 'uscc']}
                      label={pt('apply.uscc')}
                      rules={[
                        {
                          validator: (_r, value: string | undefined) => {
                            if (!value?.trim()) return Promise.resolve();
                            const c = checkUscc(value.trim());
                            return c.ok ? Promise.resolve() : Promise.reject(new Error(pt('apply.usccInvalid', { problem: c.problem })));
                          },
                        },
                      ]}
                    >
                      <Input maxLength={30} autoComplete="off" />
                    </Form.Item>
                  ) : (
                    <Form.Item
                      name={[field.name, 'idNumber']}
                      label={pt('apply.respondentId')}
                      rules={[
                        {
                          validator: (_r, value: string | undefined) => {
                            if (!value?.trim()) return Promise.resolve();
                            const c = checkIdNumber('resident-id', value.trim());
                            return c.ok ? Promise.resolve() : Promise.reject(new Error(c.problem));
                          },
                        },
                      ]}
                    >
                      <Input maxLength={40} autoComplete="off" />
                    </Form.Item>
                  )
                }
              </Form.Item>
              <Form.Item
                name={[field.name, 'phone']}
                label={pt('apply.respondentPhone')}
                rules={[
                  {
                    validator: (_r, value: string | undefined) =>
                      !value?.trim() || isMobile(normalisePhone(value)) ? Promise.resolve() : Promise.reject(new Error(pt('apply.phoneInvalid'))),
                  },
                ]}
              >
                <Input inputMode="tel" maxLength={20} />
              </Form.Item>
            </Card>
          ))}
          {fields.length < MAX_RESPONDENTS && (
            <Button block type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'person' })}>
              {pt('apply.addRespondent')}
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}
