import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Radio, Row, Select } from 'antd';
import type { FormInstance } from 'antd';
import { checkIdNumber, checkMobile, checkUscc, ID_TYPE_NAMES, ID_TYPES } from '@sifa/kernel/shared';
import type { IdType } from '@sifa/kernel/shared';
import { useMemo } from 'react';
import { pick, useI18n } from '../i18n';
import { textRule } from './text-rule';

/** One party as the form holds it; person and organisation fields share the row. `R` is the module's role codes. */
export interface PartyValues<R extends string = string> {
  kind: 'person' | 'organisation';
  name?: string;
  idType?: IdType;
  idNumber?: string;
  uscc?: string;
  phone?: string;
  role?: R;
}

export interface PartyEntryProps<R extends string> {
  form: FormInstance;
  /** The form list's name; `parties` when absent. */
  name?: string;
  /** The roles a party may take in this module (申请人, 被申请人 …). */
  roles: readonly { value: R; label: string }[];
  /** What 添加当事人 adds. */
  added: PartyValues<R>;
  /** At most this many parties (添加 is disabled at the limit). */
  max: number;
  /** The module's check of the whole list (e.g. at least one applicant): a message, or undefined when fine. */
  check?: (parties: readonly PartyValues<R>[]) => string | undefined;
}

const problem = (result: { ok: true } | { ok: false; problem: string }) => (result.ok ? undefined : result.problem);

/**
 * 当事人: a list of parties, each a person (ID type and number checked as typed — GB 11643 check digit, birth date,
 * permits) or an organisation (unified social credit code, GB 32100), with phone and role. The server checks the same
 * rules again and its field errors land on these fields (placeServerErrors).
 */
export function PartyEntry<R extends string>({ form, name: listName = 'parties', roles, added, max, check }: PartyEntryProps<R>) {
  const { t, lang } = useI18n();
  const idTypes = useMemo(() => ID_TYPES.map((v) => ({ value: v, label: pick(lang, ID_TYPE_NAMES[v].zh, ID_TYPE_NAMES[v].en) })), [lang]);
  const required = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field }) });

  return (
    <Form.List
      name={listName}
      rules={[
        {
          validator: (_rule, value: PartyValues<R>[] | undefined) => {
            if (!value || value.length === 0) return Promise.reject(new Error(t('partyEntry.atLeastOne')));
            const problem = check?.(value);
            return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
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
              title={t('partyEntry.n', { n: index + 1 })}
              style={{ marginBottom: 12 }}
              data-testid="party-card"
              extra={
                fields.length > 1 && (
                  <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(name)}>
                    {t('partyEntry.remove')}
                  </Button>
                )
              }
            >
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item name={[name, 'kind']} label={t('partyEntry.kind')}>
                    <Radio.Group
                      optionType="button"
                      options={[
                        { value: 'person', label: t('partyEntry.person') },
                        { value: 'organisation', label: t('partyEntry.organisation') },
                      ]}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item
                    name={[name, 'role']}
                    label={t('partyEntry.role')}
                    rules={[{ required: true, message: t('common.requiredSelect', { field: t('partyEntry.role') }) }]}
                  >
                    <Select options={[...roles]} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item noStyle dependencies={[[listName, name, 'kind']]}>
                {() => {
                  const person = form.getFieldValue([listName, name, 'kind']) !== 'organisation';
                  const nameLabel = person ? t('partyEntry.name') : t('partyEntry.orgName');
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
                              label={t('partyEntry.idType')}
                              rules={[{ required: true, message: t('common.requiredSelect', { field: t('partyEntry.idType') }) }]}
                            >
                              <Select options={idTypes} />
                            </Form.Item>
                          </Col>
                          <Col xs={24} md={12}>
                            <Form.Item
                              name={[name, 'idNumber']}
                              label={t('partyEntry.idNumber')}
                              dependencies={[[listName, name, 'idType']]}
                              validateDebounce={300}
                              rules={[
                                required(t('partyEntry.idNumber')),
                                textRule((v) => {
                                  const type = form.getFieldValue([listName, name, 'idType']) as IdType | undefined;
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
                            label={t('partyEntry.uscc')}
                            validateDebounce={300}
                            rules={[required(t('partyEntry.uscc')), textRule((v) => (v ? problem(checkUscc(v)) : undefined))]}
                          >
                            <Input maxLength={30} autoComplete="off" />
                          </Form.Item>
                        </Col>
                      )}
                      <Col xs={24} md={12}>
                        <Form.Item
                          name={[name, 'phone']}
                          label={t('partyEntry.phone')}
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
          <Button type="dashed" block icon={<PlusOutlined />} disabled={fields.length >= max} onClick={() => add({ ...added })} style={{ marginTop: 4 }}>
            {t('partyEntry.add')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
