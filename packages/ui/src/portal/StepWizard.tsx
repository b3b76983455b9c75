import { Alert, Button, Card, Form, Space, Steps, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { portalText } from './portal-text';
import { usePortal } from './PortalProvider';
import { loadWizardDraft, removeWizardDraft, saveWizardDraft } from './wizard-draft';

/** A form field's name: `'summary'`, or a path into a list, `['respondents', 0, 'name']`. */
export type WizardFieldName = string | number | (string | number)[];

/** What a step's content gets: the form (to set a field from a pick) and the values typed so far. */
export interface WizardStepContext<V> {
  form: FormInstance<V>;
  values: V;
}

/** One input step of a StepWizard. */
export interface WizardStep<V> {
  key: string;
  /** Its name in the step indicator. */
  title: string;
  /** The fields checked before the next step opens (lists are checked with all their rows). */
  fields?: readonly WizardFieldName[];
  /** The step's `Form.Item`s; all steps share one form, so values of hidden steps are kept. */
  content: (ctx: WizardStepContext<V>) => ReactNode;
}

/** The last step: what will be sent, to check before submitting. */
export interface WizardReview<V> {
  title: string;
  intro?: ReactNode;
  content: (values: V) => ReactNode;
}

export interface StepWizardProps<V extends object, R> {
  title: ReactNode;
  intro?: ReactNode;
  /**
   * Save and resume: every change is kept on this device under `service`, per citizen (the signed-in account id),
   * with the step; it is offered back when the form opens again and removed once submitted.
   */
  draft: { service: string; citizenId: string };
  /** The values of an empty form (also what "start over" returns to). */
  initialValues: V;
  steps: readonly WizardStep<V>[];
  review: WizardReview<V>;
  /** Sends the application; a rejection is shown on the review step with `describeError`'s text. */
  onSubmit: (values: V) => Promise<R>;
  /** What replaces the wizard once submitted (the receipt with its number). */
  renderDone: (result: R) => ReactNode;
  /** The text of a failed submission; by default the error's message when it is an API error, else a plain notice. */
  describeError?: (error: unknown) => string;
  /** Prefix of the test ids: `<prefix>-steps`, `-next`, `-submit`, `-error`, `-restored`. */
  testIdPrefix?: string;
}

const isApiError = (e: unknown): e is { message: string } => e instanceof Error && 'code' in e && typeof e.code === 'string';

/**
 * A multi-step application for the phone: a step indicator with "step n of m", the fields of one step at a time
 * checked before the next, a final review step, and save and resume per citizen and per service.
 */
export function StepWizard<V extends object, R>(props: StepWizardProps<V, R>) {
  const { title, intro, draft, initialValues, steps, review, onSubmit, renderDone, describeError, testIdPrefix = 'wizard' } = props;
  const { lang } = usePortal();
  const [form] = Form.useForm<V>();
  const saved = useMemo(() => loadWizardDraft<V>(draft.service, draft.citizenId), [draft.service, draft.citizenId]);
  const last = steps.length; // the review step
  const [step, setStep] = useState(() => Math.min(Math.max(saved?.step ?? 0, 0), last));
  const [values, setValues] = useState<V>(saved?.values ?? initialValues);
  const [restored, setRestored] = useState(Boolean(saved));
  // "start over": the form's initial values become the empty ones on one render, and the fields reset to them after it
  const [resets, setResets] = useState(0);
  useEffect(() => {
    if (resets > 0) form.resetFields();
  }, [resets, form]);

  const submit = useMutation({
    mutationFn: onSubmit,
    meta: { silent: true },
    onSuccess: () => removeWizardDraft(draft.service, draft.citizenId),
  });

  // Every change is saved at once, with the step, so an interrupted application can be resumed.
  useEffect(() => {
    if (!submit.isSuccess) saveWizardDraft(draft.service, draft.citizenId, { step, values });
  }, [draft.service, draft.citizenId, step, values, submit.isSuccess]);

  const goTo = (next: number) => {
    setStep(next);
    window.scrollTo(0, 0);
  };
  const goNext = async () => {
    try {
      await form.validateFields([...(steps[step]?.fields ?? [])], { recursive: true });
    } catch {
      return;
    }
    goTo(step + 1);
  };
  const startOver = () => {
    removeWizardDraft(draft.service, draft.citizenId);
    setValues(initialValues);
    setResets((n) => n + 1);
    setStep(0);
    setRestored(false);
  };

  if (submit.isSuccess) return <>{renderDone(submit.data)}</>;

  const error = submit.error
    ? (describeError?.(submit.error) ?? (isApiError(submit.error) ? submit.error.message : portalText(lang, 'wizard.failed')))
    : undefined;
  const tid = (name: string) => `${testIdPrefix}-${name}`;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card styles={{ body: { padding: '16px 12px' } }}>
        <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
          {title}
        </Typography.Title>
        {intro && (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
            {intro}
          </Typography.Paragraph>
        )}
        <Steps
          size="small"
          responsive={false}
          titlePlacement="vertical"
          current={step}
          data-testid={tid('steps')}
          items={[...steps.map((s) => ({ key: s.key, title: s.title })), { key: 'review', title: review.title }]}
        />
        <Typography.Text type="secondary" style={{ display: 'block', textAlign: 'center', marginTop: 8, fontSize: 13 }}>
          {portalText(lang, 'wizard.stepOf', { n: step + 1, total: last + 1 })}
        </Typography.Text>
      </Card>

      {restored && (
        <Alert
          type="info"
          showIcon
          data-testid={tid('restored')}
          closable={{ onClose: () => setRestored(false) }}
          title={portalText(lang, 'wizard.restored')}
          action={
            <Button size="small" type="link" onClick={startOver}>
              {portalText(lang, 'wizard.discard')}
            </Button>
          }
        />
      )}

      <Card>
        <Form<V> form={form} layout="vertical" requiredMark={false} initialValues={values} onValuesChange={() => setValues(form.getFieldsValue(true) as V)}>
          {step < last ? (
            steps[step]?.content({ form, values })
          ) : (
            <>
              {review.intro && <Typography.Paragraph type="secondary">{review.intro}</Typography.Paragraph>}
              {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid={tid('error')} />}
              {review.content(values)}
            </>
          )}
        </Form>

        <div style={{ display: 'flex', gap: 12, marginTop: 20 }}>
          {step > 0 && (
            <Button style={{ flex: 1, height: 48 }} onClick={() => goTo(step - 1)} disabled={submit.isPending}>
              {portalText(lang, 'wizard.prev')}
            </Button>
          )}
          {step < last ? (
            <Button type="primary" style={{ flex: 2, height: 48 }} onClick={() => void goNext()} data-testid={tid('next')}>
              {portalText(lang, 'wizard.next')}
            </Button>
          ) : (
            <Button
              type="primary"
              style={{ flex: 2, height: 48 }}
              loading={submit.isPending}
              onClick={() => submit.mutate(form.getFieldsValue(true) as V)}
              data-testid={tid('submit')}
            >
              {portalText(lang, 'wizard.submit')}
            </Button>
          )}
        </div>
      </Card>
    </Space>
  );
}
