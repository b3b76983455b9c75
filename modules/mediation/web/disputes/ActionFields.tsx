import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, AutoComplete, Button, Checkbox, DatePicker, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { DISPUTE_WORKFLOW } from '@sifa/mediation/shared';
import type { DisputeAction } from '@sifa/mediation/shared';
import { NumberInput, numberRule, useCan, useEventDateRule, useMatterParties } from '@sifa/ui';
import { useMediationText } from '../common/messages';
import { useCommittees } from './queries';
import { positionLabel } from '../registry/registry-labels';
import { useCommitteeMediators } from '../registry/registry-queries';

/** What antd's date pickers hand back (a Dayjs); only its formatting is needed here. */
export interface DateValue {
  format: (template: string) => string;
}

/** The union of every action form's fields, as the modal's form holds them. */
export interface ActionValues {
  note?: string;
  reason?: string;
  committeeOrgId?: string;
  mediatorName?: string;
  on?: DateValue | null;
  place?: string;
  attendees?: string;
  record?: string;
  kind?: 'written' | 'oral';
  effectiveOn?: DateValue | null;
  terms?: string[];
  amountYuan?: number | null;
  signedBy?: string;
  prevented?: ('criminal' | 'massPetition')[];
  personsInvolved?: number | null;
  remediesTold?: boolean;
  partyName?: string;
}

const text = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
const day = (v: DateValue | null | undefined) => v?.format('YYYY-MM-DD');

/** The request body of `action` from the form (unchecked: ActionForms[action] decides). */
export function actionBody(action: DisputeAction, v: ActionValues, expectedVersion: number): Record<string, unknown> {
  const body: Record<string, unknown> = { expectedVersion };
  const put = (key: string, value: unknown) => {
    if (value !== undefined) body[key] = value;
  };
  switch (action) {
    case 'accept':
      put('note', text(v.note));
      break;
    case 'recordContact':
      put('note', text(v.reason) ?? '');
      break;
    case 'decline':
    case 'withdraw':
      put('reason', text(v.reason) ?? '');
      break;
    case 'assign':
      put('committeeOrgId', v.committeeOrgId);
      put('mediatorName', text(v.mediatorName) ?? '');
      put('note', text(v.note));
      break;
    case 'transfer':
      put('committeeOrgId', v.committeeOrgId);
      put('mediatorName', text(v.mediatorName) ?? '');
      put('reason', text(v.reason) ?? '');
      break;
    case 'startSession':
    case 'recordSession':
      put('on', day(v.on));
      put('place', text(v.place) ?? '');
      put('attendees', text(v.attendees) ?? '');
      put('record', text(v.record) ?? '');
      break;
    case 'reachAgreement':
      put('kind', v.kind);
      put('effectiveOn', day(v.effectiveOn));
      put('terms', (v.terms ?? []).map((term) => term.trim()).filter(Boolean));
      put('amountYuan', v.amountYuan ?? undefined);
      put('signedBy', text(v.signedBy) ?? '');
      put('preventedCriminal', v.prevented?.includes('criminal') || undefined);
      put('preventedMassPetition', v.prevented?.includes('massPetition') || undefined);
      put('personsInvolved', v.personsInvolved ?? undefined);
      break;
    case 'fail':
      put('reason', text(v.reason) ?? '');
      put('remediesTold', v.remediesTold === true ? true : undefined);
      break;
    case 'partyRefuses':
      put('partyName', text(v.partyName) ?? '');
      put('note', text(v.note));
      break;
  }
  return body;
}

function CommitteeFields({ reason }: { reason: boolean }) {
  const { t, mt } = useMediationText();
  const committees = useCommittees();
  const options = (committees.data ?? []).map((c) => ({
    value: c.id,
    label: c.parentName ? `${c.name}（${c.parentName}）` : c.name,
  }));
  return (
    <>
      {committees.data?.length === 0 && <Alert type="warning" showIcon title={mt('form.noCommittee')} style={{ marginBottom: 12 }} />}
      <Form.Item
        name="committeeOrgId"
        label={mt('form.committee')}
        rules={[{ required: true, message: t('common.requiredSelect', { field: mt('form.committee') }) }]}
      >
        <Select options={options} loading={committees.isPending} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      <Form.Item
        name="mediatorName"
        label={mt('form.mediatorName')}
        rules={[
          { required: true, whitespace: true, message: t('common.required', { field: mt('form.mediatorName') }) },
          { min: 2, max: 40 },
        ]}
      >
        <MediatorNameInput />
      </Form.Item>
      {reason ? <ReasonField label={mt('form.transferReason')} /> : <NoteField />}
    </>
  );
}

/**
 * The mediator's name: the committee's active registered mediators (人民调解员名册) offered as choices, any other
 * name still allowed (a register not yet complete must not block an assignment).
 */
function MediatorNameInput({ value, onChange, id }: { value?: string; onChange?: (v: string) => void; id?: string }) {
  const { lang } = useMediationText();
  const committeeOrgId = Form.useWatch<string | undefined>('committeeOrgId');
  const canRead = useCan('mediation.registry.read');
  const mediators = useCommitteeMediators(committeeOrgId, canRead);
  const options = (mediators.data?.items ?? []).map((m) => ({
    value: m.name,
    label: `${m.name}（${positionLabel(m.position, lang)}${m.specialties.length ? `，${m.specialties.join('、')}` : ''}）`,
  }));
  return (
    <AutoComplete
      id={id}
      value={value}
      onChange={onChange}
      options={options}
      maxLength={40}
      showSearch={{ filterOption: (input, o) => (o?.value ?? '').includes(input) }}
      data-testid="mediator-name-input"
    />
  );
}

function ReasonField({ label }: { label: string }) {
  const { t } = useMediationText();
  return (
    <Form.Item name="reason" label={label} rules={[{ required: true, whitespace: true, message: t('common.required', { field: label }) }, { min: 2 }]}>
      <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount />
    </Form.Item>
  );
}

function NoteField() {
  const { mt } = useMediationText();
  return (
    <Form.Item name="note" label={mt('form.note')}>
      <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} showCount />
    </Form.Item>
  );
}

/** The workflow's name of an action's event date, which the kernel's check and its message use (调解日期). */
const eventLabel = (action: keyof NonNullable<typeof DISPUTE_WORKFLOW.eventDates>) => DISPUTE_WORKFLOW.eventDates?.[action]?.zh ?? '';

function SessionFields({ matterId }: { matterId: string }) {
  const { t, mt } = useMediationText();
  const inOrder = useEventDateRule(matterId, eventLabel('startSession'));
  const need = (field: string) => [{ required: true, whitespace: true, message: t('common.required', { field }) }, { min: 2 }];
  return (
    <>
      <Form.Item name="on" label={mt('sessions.on')} rules={[{ required: true, message: t('common.requiredSelect', { field: mt('sessions.on') }) }, inOrder]}>
        <DatePicker style={{ width: '100%' }} data-testid="session-on" />
      </Form.Item>
      <Form.Item name="place" label={mt('sessions.place')} rules={need(mt('sessions.place'))}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="attendees" label={mt('sessions.attendees')} rules={need(mt('sessions.attendees'))}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} />
      </Form.Item>
      <Form.Item name="record" label={mt('sessions.record')} rules={need(mt('sessions.record'))}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={10000} showCount />
      </Form.Item>
    </>
  );
}

function AgreementFields({ matterId }: { matterId: string }) {
  const { t, mt } = useMediationText();
  const inOrder = useEventDateRule(matterId, eventLabel('reachAgreement'));
  const kind = Form.useWatch<ActionValues['kind']>('kind');
  return (
    <>
      <Form.Item
        name="kind"
        label={mt('form.agreementKind')}
        rules={[{ required: true, message: t('common.requiredSelect', { field: mt('form.agreementKind') }) }]}
      >
        <Radio.Group
          optionType="button"
          options={[
            { value: 'written', label: mt('agreement.written') },
            { value: 'oral', label: mt('agreement.oral') },
          ]}
        />
      </Form.Item>
      {kind === 'written' && <Alert type="info" showIcon title={mt('form.writtenHint')} style={{ marginBottom: 12 }} />}
      <Form.Item
        name="effectiveOn"
        label={mt('form.effectiveOn')}
        rules={[{ required: true, message: t('common.requiredSelect', { field: mt('form.effectiveOn') }) }, inOrder]}
      >
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.List name="terms">
        {(fields, { add, remove }) => (
          <Form.Item label={mt('form.terms')} required>
            {fields.map(({ key, name }, i) => (
              <Space key={key} align="start" style={{ display: 'flex' }}>
                <Form.Item
                  name={name}
                  rules={[{ required: true, whitespace: true, min: 2, message: mt('form.termRequired') }]}
                  style={{ flex: 1, marginBottom: 8 }}
                >
                  <Input.TextArea
                    autoSize={{ minRows: 1, maxRows: 4 }}
                    maxLength={1000}
                    placeholder={mt('form.term', { n: i + 1 })}
                    style={{ width: 380, maxWidth: '62vw' }}
                  />
                </Form.Item>
                {fields.length > 1 && <Button type="text" danger icon={<DeleteOutlined />} aria-label={mt('party.remove')} onClick={() => remove(name)} />}
              </Space>
            ))}
            {fields.length < 30 && (
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')}>
                {mt('form.addTerm')}
              </Button>
            )}
          </Form.Item>
        )}
      </Form.List>
      <Form.Item name="amountYuan" label={mt('form.amount')} rules={[numberRule('amount', { label: mt('form.amount') })]}>
        <NumberInput kind="amount" data-testid="agreement-amount" />
      </Form.Item>
      <Form.Item
        name="signedBy"
        label={mt('form.signedBy')}
        rules={[
          { required: true, whitespace: true, message: t('common.required', { field: mt('form.signedBy') }) },
          { min: 2, max: 300 },
        ]}
      >
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="prevented" label={mt('form.prevented')} extra={mt('form.preventedHint')}>
        <Checkbox.Group
          options={[
            { value: 'criminal', label: mt('prevented.criminal') },
            { value: 'massPetition', label: mt('prevented.massPetition') },
          ]}
        />
      </Form.Item>
      <Form.Item noStyle dependencies={['prevented']}>
        {({ getFieldValue }) =>
          ((getFieldValue('prevented') as unknown[] | undefined) ?? []).length > 0 && (
            <Form.Item
              name="personsInvolved"
              label={mt('form.personsInvolved')}
              rules={[numberRule('count', { label: mt('form.personsInvolved'), required: true, min: 1, max: 100_000 })]}
            >
              <NumberInput kind="count" min={1} max={100_000} />
            </Form.Item>
          )
        }
      </Form.Item>
    </>
  );
}

function PartyRefusesFields({ matterId }: { matterId: string }) {
  const { t, mt } = useMediationText();
  const parties = useMatterParties(matterId);
  const names = [...new Set((parties.data ?? []).map((p) => p.name))];
  return (
    <>
      <Typography.Paragraph type="secondary">{mt('form.partyRefusesHint')}</Typography.Paragraph>
      <Form.Item
        name="partyName"
        label={mt('form.partyName')}
        rules={[{ required: true, message: t('common.requiredSelect', { field: mt('form.partyName') }) }]}
      >
        <Select loading={parties.isPending} options={names.map((n) => ({ value: n, label: n }))} />
      </Form.Item>
      <NoteField />
    </>
  );
}

/** The fields of one dispute action's form (ActionForms in @sifa/mediation/shared). */
export function ActionFields({ action, matterId }: { action: DisputeAction; matterId: string }) {
  const { mt } = useMediationText();
  switch (action) {
    case 'accept':
      return (
        <>
          <Typography.Paragraph type="secondary">{mt('action.acceptText')}</Typography.Paragraph>
          <NoteField />
        </>
      );
    case 'recordContact':
      return (
        <>
          <Typography.Paragraph type="secondary">{mt('action.recordContactText')}</Typography.Paragraph>
          <ReasonField label={mt('form.contactNote')} />
        </>
      );
    case 'decline':
      return <ReasonField label={mt('form.declineReason')} />;
    case 'withdraw':
      return <ReasonField label={mt('form.withdrawReason')} />;
    case 'assign':
      return <CommitteeFields reason={false} />;
    case 'transfer':
      return <CommitteeFields reason />;
    case 'startSession':
    case 'recordSession':
      return <SessionFields matterId={matterId} />;
    case 'reachAgreement':
      return <AgreementFields matterId={matterId} />;
    case 'fail':
      return (
        <>
          <ReasonField label={mt('form.failReason')} />
          <Form.Item
            name="remediesTold"
            valuePropName="checked"
            rules={[{ validator: (_r, v: boolean | undefined) => (v ? Promise.resolve() : Promise.reject(new Error(mt('form.remediesRequired')))) }]}
          >
            <Checkbox data-testid="remedies-told">{mt('form.remediesTold')}</Checkbox>
          </Form.Item>
        </>
      );
    case 'partyRefuses':
      return <PartyRefusesFields matterId={matterId} />;
  }
}
