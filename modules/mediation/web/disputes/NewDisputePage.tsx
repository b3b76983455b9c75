import { Alert, App, Button, Card, Col, Form, Input, Row, Select, Space, Typography } from 'antd';
import { CreateDisputeInput, isCourtSource } from '@sifa/mediation/shared';
import type { DisputePartyRole, DisputeSource } from '@sifa/mediation/shared';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import {
  ApiError,
  knownFields,
  notifySuccess,
  NumberInput,
  numberRule,
  OrgTreeSelect,
  PartyEntry,
  serverFieldErrors,
  showFieldErrors,
  useFormDraft,
  useSessionUser,
  zodFieldErrors,
} from '@sifa/ui';
import type { FieldError, PartyValues } from '@sifa/ui';
import { useCategories } from '../categories/category-queries';
import { categoryOptions, roleOptions, sourceOptions } from '../common/labels';
import { useMediationText } from '../common/messages';
import { useCreateDispute } from './queries';
import { screeningText } from '../screening/screening-messages';
import { useScreening } from '../screening/screening-queries';

interface NewDisputeValues {
  orgId?: string;
  category?: string;
  source?: DisputeSource;
  courtCaseNumber?: string;
  courtName?: string;
  courtProcedure?: 'ordinary' | 'simplified';
  summary?: string;
  description?: string;
  address?: string;
  amountYuan?: number | null;
  parties?: PartyValues<DisputePartyRole>[];
}

const known = knownFields([
  'orgId',
  'category',
  'source',
  'courtCaseNumber',
  'courtName',
  'courtProcedure',
  'summary',
  'description',
  'address',
  'amountYuan',
  'parties',
]);

const NEW_PARTY: PartyValues<DisputePartyRole> = { kind: 'person', idType: 'resident-id', role: 'applicant' };
const MAX_PARTIES = 20;

const text = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

/** The form's values as the API's CreateDisputeInput (still unchecked: the schema decides). */
function toInput(v: NewDisputeValues, screeningId?: string): unknown {
  const court = v.source !== undefined && isCourtSource(v.source);
  return {
    ...(screeningId ? { screeningId } : {}),
    orgId: v.orgId,
    category: v.category,
    source: v.source,
    summary: v.summary?.trim() ?? '',
    description: v.description?.trim() ?? '',
    address: text(v.address),
    amountYuan: v.amountYuan ?? undefined,
    ...(court ? { courtCaseNumber: text(v.courtCaseNumber), courtName: text(v.courtName), courtProcedure: v.courtProcedure } : {}),
    parties: (v.parties ?? []).map((p) =>
      p.kind === 'organisation'
        ? { kind: p.kind, name: p.name?.trim() ?? '', uscc: p.uscc?.trim() ?? '', phone: text(p.phone), role: p.role }
        : { kind: p.kind, name: p.name?.trim() ?? '', idType: p.idType, idNumber: p.idNumber?.trim() ?? '', phone: text(p.phone), role: p.role },
    ),
  };
}

/**
 * 登记纠纷: the dispute, the court's reference for court referrals, and its parties; on success the dispute opens.
 * From a screening (`?screening=<id>`, ScreeningPage) the source is 矛盾纠纷排查, the unit the screening's, and the
 * dispute is linked to the record.
 */
export function NewDisputePage() {
  const { t, mt, lang } = useMediationText();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const user = useSessionUser();
  const [form] = Form.useForm<NewDisputeValues>();
  const create = useCreateDispute();
  // what is typed stays on this device until registered (issue #13 item 2); one draft per form, not per screening
  const draft = useFormDraft(form, 'mediation.new-dispute');
  const [unplaced, setUnplaced] = useState<string | undefined>(undefined);
  const source = Form.useWatch('source', form);
  const court = source !== undefined && isCourtSource(source);
  const categories = useCategories();
  // a new dispute takes an active category only (the server refuses a deactivated one)
  const options = useMemo(() => ({ category: categoryOptions(categories.data, lang), source: sourceOptions(lang) }), [categories.data, lang]);
  const roles = useMemo(() => roleOptions(lang), [lang]);
  const screeningId = useSearchParams()[0].get('screening') ?? undefined;
  const screening = useScreening(screeningId);
  const backTo = screeningId ? `/mediation/screenings/${encodeURIComponent(screeningId)}` : '/mediation/disputes';
  useEffect(() => {
    if (screening.data && !form.isFieldTouched('orgId')) form.setFieldsValue({ orgId: screening.data.orgId });
  }, [screening.data, form]);

  const report = (errors: FieldError[]) => {
    const rest = showFieldErrors(form, errors, known);
    setUnplaced(rest.length > 0 ? rest.flatMap((e) => e.errors).join('；') : undefined);
  };

  const submit = (values: NewDisputeValues) => {
    setUnplaced(undefined);
    const parsed = CreateDisputeInput.safeParse(toInput(values, screeningId));
    if (!parsed.success) {
      report(zodFieldErrors(parsed.error, 'parties'));
      return;
    }
    create.mutate(parsed.data, {
      onSuccess: (matter) => {
        draft.clear();
        notifySuccess(mt('new.created', { number: matter.number }));
        void navigate(`/mediation/disputes/${matter.id}`, { replace: true });
      },
      onError: (error) => {
        const fields = serverFieldErrors(error);
        if (fields.length > 0) report(fields);
        else setUnplaced(error instanceof ApiError ? error.message : t('common.loadFailed'));
      },
    });
  };

  const leave = () => {
    if (!form.isFieldsTouched()) {
      void navigate(backTo);
      return;
    }
    modal.confirm({
      title: mt('new.leaveTitle'),
      content: mt('new.leaveText'),
      okText: mt('new.leave'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => void navigate(backTo),
    });
  };

  const required = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field }) });
  const select = (field: string) => ({ required: true, message: t('common.requiredSelect', { field }) });

  return (
    <Card title={mt('new.title')} style={{ maxWidth: 1100 }}>
      <Form<NewDisputeValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={draft.onValuesChange}
        onFinishFailed={() => setUnplaced(mt('new.fixErrors'))}
        scrollToFirstError={{ block: 'center' }}
        initialValues={{ orgId: user.orgId, ...(screeningId ? { source: 'screening' } : {}), parties: [NEW_PARTY, { ...NEW_PARTY, role: 'respondent' }] }}
      >
        {draft.notice}
        {screeningId && (
          <Alert
            type={screening.isError ? 'warning' : 'info'}
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="from-screening"
            title={
              screening.data
                ? screeningText(lang, 'new.fromScreening', { date: screening.data.screenedOn, area: screening.data.area, org: screening.data.orgName })
                : (screening.error?.message ?? '…')
            }
          />
        )}
        <Typography.Title level={5}>{mt('new.basics')}</Typography.Title>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="orgId" label={mt('field.org')} rules={[select(mt('field.org'))]}>
              <OrgTreeSelect style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="category" label={mt('field.category')} rules={[select(mt('field.category'))]}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={options.category} loading={categories.isPending} data-testid="category-select" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="source" label={mt('field.source')} rules={[select(mt('field.source'))]}>
              <Select options={options.source} disabled={!!screeningId} />
            </Form.Item>
          </Col>
        </Row>
        {court && (
          <Row gutter={16} data-testid="court-fields">
            <Col xs={24} md={8}>
              <Form.Item name="courtCaseNumber" label={mt('field.courtCaseNumber')} rules={[required(mt('field.courtCaseNumber'))]}>
                <Input maxLength={60} placeholder="（2026）赣0702民诉前调1号" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="courtName" label={mt('field.courtName')}>
                <Input maxLength={60} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="courtProcedure"
                label={mt('field.courtProcedure')}
                rules={source === 'court-entrusted' ? [select(mt('field.courtProcedure'))] : []}
              >
                <Select
                  allowClear
                  options={[
                    { value: 'ordinary', label: mt('procedure.ordinary') },
                    { value: 'simplified', label: mt('procedure.simplified') },
                  ]}
                />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Form.Item name="summary" label={mt('field.title')} extra={mt('new.summaryHint')} rules={[required(mt('field.title')), { min: 2, max: 60 }]}>
          <Input maxLength={60} showCount />
        </Form.Item>
        <Form.Item
          name="description"
          label={mt('field.description')}
          extra={mt('new.descriptionHint')}
          rules={[required(mt('field.description')), { min: 5, max: 5000 }]}
        >
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={5000} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={16}>
            <Form.Item name="address" label={mt('field.address')} rules={[{ max: 200 }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="amountYuan" label={mt('field.amount')} rules={[numberRule('amount', { label: mt('field.amount') })]}>
              <NumberInput kind="amount" data-testid="dispute-amount" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>
          {mt('new.parties')}
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal', marginInlineStart: 8 }}>
            ≤ {MAX_PARTIES}
          </Typography.Text>
        </Typography.Title>
        <PartyEntry<DisputePartyRole>
          form={form}
          roles={roles}
          added={{ ...NEW_PARTY, role: 'respondent' }}
          max={MAX_PARTIES}
          check={(parties) => (parties.some((p) => p.role === 'applicant') ? undefined : mt('party.needApplicant'))}
        />
        {unplaced && <Alert type="error" showIcon title={unplaced} style={{ marginTop: 16 }} data-testid="form-error" />}
        <Space wrap style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={create.isPending} size="large">
            {mt('new.submit')}
          </Button>
          <Button size="large" onClick={leave}>
            {t('common.cancel')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
