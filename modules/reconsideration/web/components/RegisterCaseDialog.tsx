import { Col, Form, Input, Row, Select, Switch, Typography } from 'antd';
import { CreateCaseInput, type CaseParty } from '@sifa/reconsideration/shared';
import {
  FormDialog,
  knownFields,
  notifySuccess,
  OrgTreeSelect,
  PartyEntry,
  placeServerErrors,
  showFieldErrors,
  todayInShanghai,
  useI18n,
  useSessionUser,
  zodFieldErrors,
} from '@sifa/ui';
import type { PartyValues } from '@sifa/ui';
import { useState } from 'react';
import { useAgencies, useRegisterCase } from '../queries';
import { useText } from '../text';

type Role = CaseParty['role'];
const FIELDS = [
  'orgId',
  'channel',
  'receivedOn',
  'actKnownOn',
  'lateReason',
  'forwardedBy',
  'respondent',
  'sector',
  'actType',
  'act',
  'request',
  'reasons',
  'parties',
];
const known = knownFields(FIELDS);
const NEW_PARTY: PartyValues<Role> = { kind: 'person', idType: 'resident-id', role: 'applicant' };
const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** The form's values as the shared schema takes them (empty optional fields left out). */
function toInput(v: Record<string, unknown>) {
  const parties = ((v.parties as PartyValues<Role>[] | undefined) ?? []).map((p) =>
    p.kind === 'organisation'
      ? { kind: p.kind, name: p.name?.trim() ?? '', uscc: p.uscc?.trim() ?? '', phone: text(p.phone), role: p.role }
      : { kind: p.kind, name: p.name?.trim() ?? '', idType: p.idType, idNumber: p.idNumber?.trim() ?? '', phone: text(p.phone), role: p.role },
  );
  return {
    orgId: v.orgId,
    channel: v.channel,
    receivedOn: v.receivedOn,
    actKnownOn: text(v.actKnownOn),
    lateReason: text(v.lateReason),
    forwardedBy: text(v.forwardedBy),
    agencyId: text(v.agencyId),
    respondent: text(v.respondent) ?? '',
    sector: v.sector,
    actType: v.actType,
    onTheSpot: Boolean(v.onTheSpot),
    act: text(v.act) ?? '',
    request: text(v.request) ?? '',
    reasons: text(v.reasons) ?? '',
    enterprise: Boolean(v.enterprise),
    parties,
  };
}

/**
 * 登记行政复议申请 (当面递交、邮寄、处罚机关转送): the respondent from the register (or typed), the act, the request, the
 * applicants and agent. Checked by the shared schema before sending; the server's refusal lands on its field.
 */
export function RegisterCaseDialog({ onClose, onDone }: { onClose: () => void; onDone: (id: string) => void }) {
  const { t } = useI18n();
  const { tx, channelOptions, sectorOptions, actTypeOptions } = useText();
  const user = useSessionUser();
  const [form] = Form.useForm<Record<string, unknown>>();
  const register = useRegisterCase();
  const agencies = useAgencies();
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const channel = Form.useWatch('channel', form) as string | undefined;
  const roles = [
    { value: 'applicant' as const, label: tx('applicant') },
    { value: 'agent' as const, label: tx('agent') },
    { value: 'third-party' as const, label: tx('thirdParty') },
  ];

  const save = async (values: Record<string, unknown>) => {
    setProblem(undefined);
    const parsed = CreateCaseInput.safeParse(toInput(values));
    if (!parsed.success) {
      showFieldErrors(form, zodFieldErrors(parsed.error, 'respondent'), known);
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

  const pickAgency = (id: string | undefined) => {
    const a = agencies.data?.find((x) => x.id === id);
    if (a) form.setFieldsValue({ respondent: a.name, sector: a.sector });
  };

  return (
    <FormDialog title={tx('register')} form={form} busy={register.isPending} problem={problem} problemTestId="register-problem" width={860} onClose={onClose}>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void save(v)}
        initialValues={{ orgId: user.orgId, channel: 'window', receivedOn: todayInShanghai(), sector: 'other', actType: 'penalty', parties: [NEW_PARTY] }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="orgId" label={tx('org')} required>
              <OrgTreeSelect />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="channel" label={tx('channel')} required>
              <Select options={channelOptions(true)} data-testid="case-channel" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="receivedOn" label={tx('receivedOn')} required>
              <Input type="date" />
            </Form.Item>
          </Col>
          {channel === 'forwarded' && (
            <Col xs={24} md={12}>
              <Form.Item name="forwardedBy" label={tx('forwardedBy')} required>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={12}>
            <Form.Item name="agencyId" label={tx('respondent')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder="从名录选择"
                loading={agencies.isPending}
                options={(agencies.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
                onChange={(id: string | undefined) => pickAgency(id)}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="respondent" label={`${tx('respondent')}（名称）`} required>
              <Input maxLength={100} data-testid="case-respondent" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="sector" label={tx('sector')} required>
              <Select options={sectorOptions()} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="actType" label={tx('actType')} required>
              <Select options={actTypeOptions()} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="onTheSpot" label={tx('onTheSpot')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="enterprise" label={tx('enterprise')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="act" label={tx('act')} required>
              <Input maxLength={500} data-testid="case-act" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="request" label={tx('request')} required>
              <Input maxLength={1000} data-testid="case-request" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="reasons" label={tx('reasons')}>
              <Input.TextArea rows={2} maxLength={5000} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="actKnownOn" label={tx('actKnownOn')}>
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col xs={24} md={18}>
            <Form.Item name="lateReason" label={`${tx('lateReason')}（超过六十日的，第二十条）`}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>{tx('parties')}</Typography.Title>
        <PartyEntry<Role>
          form={form}
          roles={roles}
          added={{ ...NEW_PARTY, role: 'agent' }}
          max={20}
          check={(ps) => (ps.some((p) => p.role === 'applicant') ? undefined : '请至少填写一名申请人')}
        />
      </Form>
    </FormDialog>
  );
}
