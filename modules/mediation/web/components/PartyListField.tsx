import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Radio, Row, Select } from 'antd';
import type { FormInstance } from 'antd';
import { checkIdNumber, checkMobile, checkUscc, ID_TYPE_NAMES, ID_TYPES } from '@sifa/kernel/shared';
import type { IdType } from '@sifa/kernel/shared';
import type { DisputePartyRole } from '@sifa/mediation/shared';
import { useMemo } from 'react';
import { pick, textRule } from '@sifa/ui';
import { roleOptions } from '../labels';
import { useMediationText } from '../messages';

/** One party as the form holds it; person and organisation fields share the row. */
export interface PartyValues {
  kind: 'person' | 'organisation';
  name?: string;
  idType?: IdType;
  idNumber?: string;
  uscc?: string;
  phone?: string;
  role?: DisputePartyRole;
}

export const NEW_PARTY: PartyValues = { kind: 'person', idType: 'resident-id', role: 'applicant' };
export const MAX_PARTIES = 20;

const problem = (result: { ok: true } | { ok: false; problem: string }) => (result.ok ? undefined : result.problem);

/**
 * 当事人: a list of parties, each a person (ID type and number checked as typed — GB 11643 check digit, birth date,
 * permits) or an organisation (unified social credit code, GB 32100), with phone and role.
 */
export function PartyListField({ form }: { form: FormInstance }) {
  const { t, mt, lang } = useMediationText();
  const roles = useMemo(() => roleOptions(lang), [lang]);
  const idTypes = useMemo(() => ID_TYPES.map((v) => ({ value: v, label: pick(lang, ID_TYPE_NAMES[v].zh, ID_TYPE_NAMES[v].en) })), [lang]);
  const required = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field }) });

  return (
    <Form.List
      name="parties"
      rules={[
        {
          validator: (_rule, value: PartyValues[] | undefined) => {
            if (!value || value.length === 0) return Promise.reject(new Error(mt('party.atLeastOne')));
            if (!value.some((p) => p.role === 'applicant')) return Promise.reject(new Error(mt('party.needApplicant')));
            return Promise.resolve();
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map(({ key, name }, index) => (
            <Card
              key={key}
              size="small"
              title={mt('party.n', { n: index + 1 })}
              style={{ marginBottom: 12 }}
              data-testid="party-card"
              extra={
                fields.length > 1 && (
                  <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(name)}>
                    {mt('party.remove')}
                  </Button>
                )
              }
            >
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item name={[name, 'kind']} label={mt('party.kind')}>
                    <Radio.Group
                      optionType="button"
                      options={[
                        { value: 'person', label: mt('party.person') },
                        { value: 'organisation', label: mt('party.organisation') },
                      ]}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item
                    name={[name, 'role']}
                    label={mt('party.role')}
                    rules={[{ required: true, message: t('common.requiredSelect', { field: mt('party.role') }) }]}
                  >
                    <Select options={roles} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item noStyle dependencies={[['parties', name, 'kind']]}>
                {() => {
                  const person = form.getFieldValue(['parties', name, 'kind']) !== 'organisation';
                  const nameLabel = person ? mt('party.name') : mt('party.orgName');
                  return (
                    <Row gutter={16}>
                      <Col xs={24} md={12}>
                        <Form.Item name={[name, 'name']} label={nameLabel} rules={[required(nameLabel), { max: 100 }]}>
                          <Input maxLength={100} autoComplete="off" />
                        </Form.Item>
                      </Col>
                      {person ? (
                        <>
                          <Col xs={24} md={12}>
                            <Form.Item
                              name={[name, 'idType']}
                              label={mt('party.idType')}
                              rules={[{ required: true, message: t('common.requiredSelect', { field: mt('party.idType') }) }]}
                            >
                              <Select options={idTypes} />
                            </Form.Item>
                          </Col>
                          <Col xs={24} md={12}>
                            <Form.Item
                              name={[name, 'idNumber']}
                              label={mt('party.idNumber')}
                              dependencies={[['parties', name, 'idType']]}
                              validateDebounce={300}
                              rules={[
                                required(mt('party.idNumber')),
                                textRule((v) => {
                                  const type = form.getFieldValue(['parties', name, 'idType']) as IdType | undefined;
                                  return v && type ? problem(checkIdNumber(type, v)) : undefined;
                                }),
                              ]}
                            >
                              <Input maxLength={40} autoComplete="off" inputMode="text" />
                            </Form.Item>
                          </Col>
                        </>
                      ) : (
                        <Col xs={24} md={12}>
                          <Form.Item
                            name={[name, 'uscc']}
                            label={mt('party.uscc')}
                            validateDebounce={300}
                            rules={[required(mt('party.uscc')), textRule((v) => (v ? problem(checkUscc(v)) : undefined))]}
                          >
                            <Input maxLength={30} autoComplete="off" />
                          </Form.Item>
                        </Col>
                      )}
                      <Col xs={24} md={12}>
                        <Form.Item
                          name={[name, 'phone']}
                          label={mt('party.phone')}
                          validateDebounce={300}
                          rules={[textRule((v) => (v?.trim() ? problem(checkMobile(v)) : undefined))]}
                        >
                          <Input maxLength={30} autoComplete="off" inputMode="tel" />
                        </Form.Item>
                      </Col>
                    </Row>
                  );
                }}
              </Form.Item>
            </Card>
          ))}
          <Form.ErrorList errors={errors} />
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            disabled={fields.length >= MAX_PARTIES}
            onClick={() => add({ ...NEW_PARTY, role: 'respondent' })}
            style={{ marginTop: 4 }}
          >
            {mt('party.add')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
