import { CheckCircleFilled, DeleteOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Form, Input, Radio, Select, Space, Steps, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Link, Navigate } from 'react-router-dom';
import { z } from 'zod';
import { ID_TYPES, ID_TYPE_NAMES, checkIdNumber, checkUscc } from '@sifa/kernel/shared';
import type { IdType } from '@sifa/kernel/shared';
import { PortalApplicationResult, PortalOffice, PublicCategory } from '@sifa/mediation/shared';
import { ApiError, queryString } from '../../api';
import { pick, useI18n } from '../../i18n';
import { PageLoading } from '../../shell/PageLoading';
import { isMobile, normalisePhone, publicApi } from '../public-api';
import { usePublicSession } from '../session';

/** The draft is kept on this device only (save and resume); it is removed once the application is submitted. */
const DRAFT_KEY = 'sifa.portal.mediation-apply';

interface Respondent {
  kind: 'person' | 'organisation';
  name?: string;
  idNumber?: string;
  uscc?: string;
  phone?: string;
}

interface ApplyForm {
  officeId?: string;
  officeName?: string;
  category?: string;
  summary?: string;
  description?: string;
  address?: string;
  applicantName?: string;
  idType: IdType;
  idNumber?: string;
  respondents: Respondent[];
}

interface Draft {
  step: number;
  values: ApplyForm;
}

const EMPTY: ApplyForm = { idType: 'resident-id', respondents: [{ kind: 'person' }] };

/** The fields each step checks before moving on. */
const STEP_FIELDS: (string | (string | number)[])[][] = [
  ['officeId'],
  ['category', 'summary', 'description', 'address'],
  ['applicantName', 'idType', 'idNumber', 'respondents'],
];

function loadDraft(): Draft | undefined {
  try {
    const raw = localStorage.getItem(DRAFT_KEY);
    if (!raw) return undefined;
    const d = JSON.parse(raw) as Draft;
    return typeof d.step === 'number' && typeof d.values === 'object' ? d : undefined;
  } catch {
    return undefined;
  }
}

const trimmed = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

/**
 * 申请人民调解: a guided form in four steps (司法所 → 纠纷情况 → 当事人 → 确认提交) for a signed-in citizen. The
 * applicant's phone is the one they signed in with, so they can track the application by number and phone.
 */
export function PortalApplyPage() {
  const session = usePublicSession();
  if (session.isPending) return <PageLoading />;
  if (!session.data) return <Navigate to="/portal/login?next=/portal/mediation/apply" replace />;
  return <ApplyWizard phoneMasked={session.data.account.phoneMasked} />;
}

function ApplyWizard({ phoneMasked }: { phoneMasked: string }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<ApplyForm>();
  const initial = useMemo(() => loadDraft(), []);
  const [step, setStep] = useState(initial?.step ?? 0);
  const [values, setValues] = useState<ApplyForm>(initial?.values ?? EMPTY);
  const [restored, setRestored] = useState(Boolean(initial));
  const [q, setQ] = useState('');

  const offices = useQuery({
    queryKey: ['portal', 'mediation-offices', q],
    queryFn: () => publicApi.get(`/api/public/mediation/offices${queryString({ q: q || undefined })}`, z.array(PortalOffice)),
    enabled: step === 0,
  });

  // The active categories an administrator keeps (纠纷类型): a citizen picks one of those.
  const categories = useQuery({
    queryKey: ['portal', 'mediation-categories'],
    queryFn: () => publicApi.get('/api/public/mediation/categories', z.array(PublicCategory)),
    staleTime: 5 * 60_000,
  });

  const submit = useMutation({
    mutationFn: (v: ApplyForm) =>
      publicApi.send(
        'POST',
        '/api/public/mediation/applications',
        {
          officeId: v.officeId,
          category: v.category,
          summary: v.summary?.trim(),
          description: v.description?.trim(),
          address: trimmed(v.address),
          applicant: { name: v.applicantName?.trim(), idType: v.idType, idNumber: v.idNumber?.trim() },
          respondents: v.respondents.map((r) => ({
            kind: r.kind,
            name: r.name?.trim(),
            ...(r.kind === 'person' && trimmed(r.idNumber) ? { idType: 'resident-id', idNumber: trimmed(r.idNumber) } : {}),
            ...(r.kind === 'organisation' && trimmed(r.uscc) ? { uscc: trimmed(r.uscc) } : {}),
            ...(trimmed(r.phone) ? { phone: normalisePhone(r.phone ?? '') } : {}),
          })),
        },
        PortalApplicationResult,
      ),
    meta: { silent: true },
    onSuccess: () => localStorage.removeItem(DRAFT_KEY),
  });

  // Every change is saved at once, with the step, so an interrupted application can be resumed.
  useEffect(() => {
    if (!submit.isSuccess) localStorage.setItem(DRAFT_KEY, JSON.stringify({ step, values } satisfies Draft));
  }, [step, values, submit.isSuccess]);

  const goNext = async () => {
    try {
      await form.validateFields(STEP_FIELDS[step] ?? [], { recursive: true });
    } catch {
      return;
    }
    setStep((s) => s + 1);
    window.scrollTo(0, 0);
  };
  const goBack = () => {
    setStep((s) => Math.max(0, s - 1));
    window.scrollTo(0, 0);
  };
  const startOver = () => {
    localStorage.removeItem(DRAFT_KEY);
    form.resetFields();
    setValues(EMPTY);
    setStep(0);
    setRestored(false);
  };

  if (submit.data) {
    return (
      <Card data-testid="apply-done">
        <div style={{ textAlign: 'center', padding: '8px 0' }}>
          <CheckCircleFilled style={{ fontSize: 56, color: '#52c41a' }} />
          <Typography.Title level={3} style={{ margin: '12px 0 4px' }}>
            {t('portal.apply.done')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('portal.apply.number')}</Typography.Text>
          <div
            data-testid="apply-number"
            style={{ fontSize: 30, fontWeight: 700, color: '#1f5fbf', margin: '4px 0 8px', wordBreak: 'break-all', userSelect: 'all' }}
          >
            {submit.data.number}
          </div>
          <Alert type="warning" showIcon title={t('portal.apply.remember')} style={{ textAlign: 'left', marginBottom: 12 }} />
          <Typography.Paragraph>{t('portal.apply.doneOffice', { office: submit.data.officeName })}</Typography.Paragraph>
          <Link to="/portal/track">
            <Button type="primary" block style={{ height: 48 }} data-testid="apply-go-track">
              {t('portal.apply.goTrack')}
            </Button>
          </Link>
        </div>
      </Card>
    );
  }

  const error = submit.error instanceof ApiError ? submit.error.message : submit.error ? t('common.loadFailed') : undefined;
  const categoryName = (code: string | undefined) => {
    const c = categories.data?.find((x) => x.code === code);
    return c ? pick(lang, c.nameZh, c.nameEn ?? c.nameZh) : (code ?? '');
  };
  const idTypeName = (i: IdType) => pick(lang, ID_TYPE_NAMES[i].zh, ID_TYPE_NAMES[i].en);
  const kindName = (k: Respondent['kind']) => t(k === 'person' ? 'portal.apply.kind.person' : 'portal.apply.kind.organisation');

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card styles={{ body: { padding: '16px 12px' } }}>
        <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
          {t('portal.apply')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          {t('portal.apply.intro')}
        </Typography.Paragraph>
        <Steps
          size="small"
          responsive={false}
          titlePlacement="vertical"
          current={step}
          data-testid="apply-steps"
          items={[
            { title: t('portal.apply.step.office') },
            { title: t('portal.apply.step.dispute') },
            { title: t('portal.apply.step.parties') },
            { title: t('portal.apply.step.confirm') },
          ]}
        />
        <Typography.Text type="secondary" style={{ display: 'block', textAlign: 'center', marginTop: 8, fontSize: 13 }}>
          {t('portal.apply.stepOf', { n: step + 1 })}
        </Typography.Text>
      </Card>

      {restored && (
        <Alert
          type="info"
          showIcon
          closable={{ onClose: () => setRestored(false) }}
          title={t('portal.apply.restored')}
          action={
            <Button size="small" type="link" onClick={startOver}>
              {t('portal.apply.discard')}
            </Button>
          }
        />
      )}

      <Card>
        <Form<ApplyForm>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={values}
          onValuesChange={() => setValues(form.getFieldsValue(true) as ApplyForm)}
        >
          {step === 0 && (
            <>
              <Input
                allowClear
                prefix={<SearchOutlined />}
                placeholder={t('portal.apply.officeSearch')}
                aria-label={t('portal.apply.officeSearch')}
                value={q}
                onChange={(e) => setQ(e.target.value.trim())}
                style={{ marginBottom: 12 }}
              />
              {offices.isPending && <PageLoading />}
              {offices.data?.length === 0 && <Empty description={t('portal.apply.officeNone')} />}
              <Form.Item name="officeName" hidden>
                <Input />
              </Form.Item>
              <Form.Item
                name="officeId"
                label={t('portal.apply.office')}
                extra={t('portal.apply.officeHint')}
                rules={[{ required: true, message: t('portal.apply.officeRequired') }]}
              >
                <Radio.Group
                  style={{ width: '100%' }}
                  onChange={(e) => {
                    const chosen = offices.data?.find((o) => o.id === e.target.value);
                    form.setFieldValue('officeName', chosen?.name);
                  }}
                >
                  <Space orientation="vertical" size={8} style={{ width: '100%' }}>
                    {(offices.data ?? []).map((o) => (
                      <Radio key={o.id} value={o.id} style={{ width: '100%', padding: '10px 12px', border: '1px solid #e5e7eb', borderRadius: 8 }}>
                        <span style={{ fontSize: 16 }}>{o.name}</span>
                        {o.countyName && (
                          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                            {o.countyName}
                          </Typography.Text>
                        )}
                      </Radio>
                    ))}
                  </Space>
                </Radio.Group>
              </Form.Item>
            </>
          )}

          {step === 1 && (
            <>
              <Form.Item name="category" label={t('portal.apply.category')} rules={[{ required: true, message: t('portal.apply.categoryRequired') }]}>
                <Select
                  placeholder={t('portal.apply.categoryRequired')}
                  loading={categories.isPending}
                  options={(categories.data ?? []).map((c) => ({ value: c.code, label: categoryName(c.code) }))}
                />
              </Form.Item>
              <Form.Item
                name="summary"
                label={t('portal.apply.summary')}
                rules={[{ required: true, whitespace: true, min: 2, max: 60, message: t('portal.apply.summaryRequired') }]}
              >
                <Input maxLength={60} placeholder={t('portal.apply.summaryPlaceholder')} />
              </Form.Item>
              <Form.Item
                name="description"
                label={t('portal.apply.description')}
                rules={[{ required: true, whitespace: true, min: 5, message: t('portal.apply.descriptionRequired') }]}
              >
                <Input.TextArea rows={5} maxLength={5000} showCount placeholder={t('portal.apply.descriptionPlaceholder')} />
              </Form.Item>
              <Form.Item name="address" label={t('portal.apply.address')}>
                <Input maxLength={200} />
              </Form.Item>
            </>
          )}

          {step === 2 && (
            <>
              <Typography.Title level={5} style={{ marginTop: 0 }}>
                {t('portal.apply.applicant')}
              </Typography.Title>
              <Form.Item
                name="applicantName"
                label={t('portal.apply.name')}
                rules={[{ required: true, whitespace: true, message: t('portal.apply.nameRequired') }]}
              >
                <Input maxLength={100} autoComplete="name" />
              </Form.Item>
              <Form.Item name="idType" label={t('portal.apply.idType')}>
                <Select options={ID_TYPES.map((i) => ({ value: i, label: idTypeName(i) }))} />
              </Form.Item>
              <Form.Item
                name="idNumber"
                label={t('portal.apply.idNumber')}
                dependencies={['idType']}
                rules={[
                  { required: true, whitespace: true, message: t('portal.apply.idRequired') },
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
              <Form.Item label={t('portal.apply.phone')}>
                <Typography.Text data-testid="apply-phone">{t('portal.apply.phoneFromLogin', { phone: phoneMasked })}</Typography.Text>
              </Form.Item>

              <Typography.Title level={5}>{t('portal.apply.respondents')}</Typography.Title>
              <Form.List name="respondents">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((field, i) => (
                      <Card
                        key={field.key}
                        size="small"
                        title={t('portal.apply.respondentN', { n: i + 1 })}
                        style={{ marginBottom: 12, background: '#fafcff' }}
                        extra={
                          fields.length > 1 && (
                            <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)}>
                              {t('portal.apply.remove')}
                            </Button>
                          )
                        }
                      >
                        <Form.Item name={[field.name, 'kind']} initialValue="person">
                          <Radio.Group
                            optionType="button"
                            buttonStyle="solid"
                            options={[
                              { value: 'person', label: t('portal.apply.kind.person') },
                              { value: 'organisation', label: t('portal.apply.kind.organisation') },
                            ]}
                          />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'name']}
                          label={t('portal.apply.respondentName')}
                          rules={[{ required: true, whitespace: true, message: t('portal.apply.nameRequired') }]}
                        >
                          <Input maxLength={100} />
                        </Form.Item>
                        <Form.Item noStyle dependencies={[['respondents', field.name, 'kind']]}>
                          {({ getFieldValue }) =>
                            getFieldValue(['respondents', field.name, 'kind']) === 'organisation' ? (
                              <Form.Item
                                name={[field.name, 'uscc']}
                                label={t('portal.apply.uscc')}
                                rules={[
                                  {
                                    validator: (_r, value: string | undefined) => {
                                      if (!value?.trim()) return Promise.resolve();
                                      const c = checkUscc(value.trim());
                                      return c.ok ? Promise.resolve() : Promise.reject(new Error(t('portal.apply.usccInvalid', { problem: c.problem })));
                                    },
                                  },
                                ]}
                              >
                                <Input maxLength={30} autoComplete="off" />
                              </Form.Item>
                            ) : (
                              <Form.Item
                                name={[field.name, 'idNumber']}
                                label={t('portal.apply.respondentId')}
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
                          label={t('portal.apply.respondentPhone')}
                          rules={[
                            {
                              validator: (_r, value: string | undefined) =>
                                !value?.trim() || isMobile(normalisePhone(value)) ? Promise.resolve() : Promise.reject(new Error(t('portal.phoneInvalid'))),
                            },
                          ]}
                        >
                          <Input inputMode="tel" maxLength={20} />
                        </Form.Item>
                      </Card>
                    ))}
                    {fields.length < 10 && (
                      <Button block type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'person' })}>
                        {t('portal.apply.addRespondent')}
                      </Button>
                    )}
                  </>
                )}
              </Form.List>
            </>
          )}

          {step === 3 && (
            <>
              <Typography.Paragraph type="secondary">{t('portal.apply.confirmIntro')}</Typography.Paragraph>
              {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="apply-error" />}
              <Descriptions
                column={1}
                size="small"
                layout="vertical"
                colon={false}
                styles={{ label: { color: '#8c8c8c', paddingBottom: 0 }, content: { fontSize: 16 } }}
                data-testid="apply-confirm"
                items={[
                  { key: 'office', label: t('portal.apply.office'), children: values.officeName },
                  { key: 'category', label: t('portal.apply.category'), children: categoryName(values.category) },
                  { key: 'summary', label: t('portal.apply.summary'), children: values.summary },
                  { key: 'description', label: t('portal.apply.description'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{values.description}</span> },
                  ...(trimmed(values.address) ? [{ key: 'address', label: t('portal.apply.address'), children: values.address }] : []),
                  {
                    key: 'applicant',
                    label: t('portal.apply.applicant'),
                    children: `${values.applicantName ?? ''} · ${idTypeName(values.idType)} ${values.idNumber ?? ''} · ${phoneMasked}`,
                  },
                  ...values.respondents.map((r, i) => ({
                    key: `r${String(i)}`,
                    label: t('portal.apply.respondentN', { n: i + 1 }),
                    children: [kindName(r.kind), r.name, r.kind === 'person' ? r.idNumber : r.uscc, r.phone].filter((x) => x?.trim()).join(' · '),
                  })),
                ]}
              />
            </>
          )}
        </Form>

        <div style={{ display: 'flex', gap: 12, marginTop: 20 }}>
          {step > 0 && (
            <Button style={{ flex: 1, height: 48 }} onClick={goBack} disabled={submit.isPending}>
              {t('portal.apply.prev')}
            </Button>
          )}
          {step < 3 ? (
            <Button type="primary" style={{ flex: 2, height: 48 }} onClick={() => void goNext()} data-testid="apply-next">
              {t('portal.apply.next')}
            </Button>
          ) : (
            <Button
              type="primary"
              style={{ flex: 2, height: 48 }}
              loading={submit.isPending}
              onClick={() => submit.mutate(form.getFieldsValue(true) as ApplyForm)}
              data-testid="apply-submit"
            >
              {t('portal.apply.submit')}
            </Button>
          )}
        </div>
      </Card>
    </Space>
  );
}
