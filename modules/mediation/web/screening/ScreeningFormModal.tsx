import { Col, Form, Input, Row, Select } from 'antd';
import { CreateScreeningInput, UpdateScreeningInput } from '@sifa/mediation/shared';
import type { ScreeningDetail, ScreeningKind } from '@sifa/mediation/shared';
import { useState } from 'react';
import {
  ApiError,
  FormDialog,
  knownFields,
  notifySuccess,
  NumberInput,
  numberRule,
  OrgTreeSelect,
  serverFieldErrors,
  showFieldErrors,
  todayInShanghai,
  zodFieldErrors,
} from '@sifa/ui';
import type { FieldError } from '@sifa/ui';
import { screeningKindOptions, useScreeningText } from './screening-messages';
import { useCreateScreening, useUpdateScreening } from './screening-queries';

interface Values {
  orgId?: string;
  screenedOn?: string;
  area?: string;
  screeners?: string;
  kind?: ScreeningKind;
  foundCount?: number | null;
  riskCount?: number | null;
  notes?: string;
}

const known = knownFields(['orgId', 'screenedOn', 'area', 'screeners', 'kind', 'foundCount', 'riskCount', 'notes']);

export interface ScreeningFormModalProps {
  /** The record to edit; without one the modal records a new screening. */
  screening?: ScreeningDetail;
  /** The unit a new screening is recorded for by default (the top-bar unit or the user's own). */
  defaultOrgId?: string;
  onClose: () => void;
  onSaved?: (s: ScreeningDetail) => void;
}

/** 新建排查记录 / 编辑: unit (new only), date, area, screeners, kind, what was found and the notes of each. */
export function ScreeningFormModal({ screening, defaultOrgId, onClose, onSaved }: ScreeningFormModalProps) {
  const { t, st, lang } = useScreeningText();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const create = useCreateScreening();
  const update = useUpdateScreening(screening?.id ?? '');
  const today = todayInShanghai();

  const report = (errors: FieldError[], fallback?: string) => {
    const rest = showFieldErrors(form, errors, known);
    setProblem(rest.length ? rest.flatMap((e) => e.errors).join('；') : fallback);
  };

  const finish = (v: Values) => {
    setProblem(undefined);
    const body = {
      screenedOn: v.screenedOn,
      area: v.area?.trim() ?? '',
      screeners: v.screeners?.trim() ?? '',
      kind: v.kind,
      foundCount: v.foundCount ?? 0,
      riskCount: v.riskCount ?? 0,
      // an edit sends '' to clear the notes; a new record leaves them out
      notes: screening ? (v.notes?.trim() ?? '') : v.notes?.trim() || undefined,
    };
    const done = (s: ScreeningDetail) => {
      notifySuccess(screening ? st('form.saved') : st('form.created'));
      onSaved?.(s);
      onClose();
    };
    const failed = (error: unknown) => {
      const fields = serverFieldErrors(error);
      if (fields.length) report(fields);
      else setProblem(error instanceof ApiError ? error.message : t('common.loadFailed'));
    };
    if (screening) {
      const parsed = UpdateScreeningInput.safeParse(body);
      if (!parsed.success) return report(zodFieldErrors(parsed.error, 'notes'));
      update.mutate(parsed.data, { onSuccess: done, onError: failed });
    } else {
      const parsed = CreateScreeningInput.safeParse({ orgId: v.orgId, ...body });
      if (!parsed.success) return report(zodFieldErrors(parsed.error, 'notes'));
      create.mutate(parsed.data, { onSuccess: done, onError: failed });
    }
  };

  const initial: Values = screening
    ? {
        screenedOn: screening.screenedOn,
        area: screening.area,
        screeners: screening.screeners,
        kind: screening.kind,
        foundCount: screening.foundCount,
        riskCount: screening.riskCount,
        notes: screening.notes ?? undefined,
      }
    : { orgId: defaultOrgId, screenedOn: today, kind: 'routine', foundCount: 0, riskCount: 0 };
  const required = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field }) });

  return (
    <FormDialog
      title={screening ? st('form.editTitle') : st('form.addTitle')}
      form={form}
      busy={create.isPending || update.isPending}
      problem={problem}
      problemTestId="screening-problem"
      width={680}
      onClose={onClose}
    >
      <Form<Values> form={form} layout="vertical" onFinish={finish} initialValues={initial} data-testid="screening-form">
        <Row gutter={16}>
          {!screening && (
            <Col xs={24} md={14}>
              <Form.Item name="orgId" label={st('field.org')} rules={[{ required: true, message: t('common.requiredSelect', { field: st('field.org') }) }]}>
                <OrgTreeSelect style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={screening ? 12 : 10}>
            <Form.Item
              name="screenedOn"
              label={st('field.screenedOn')}
              rules={[
                required(st('field.screenedOn')),
                { validator: (_r, v: string | undefined) => (v && v > today ? Promise.reject(new Error(st('form.futureDate'))) : Promise.resolve()) },
              ]}
            >
              <Input type="date" max={today} />
            </Form.Item>
          </Col>
          <Col xs={24} md={screening ? 12 : 14}>
            <Form.Item name="area" label={st('field.area')} rules={[required(st('field.area')), { min: 2, max: 100 }]}>
              <Input maxLength={100} placeholder={st('field.areaHint')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="kind" label={st('field.kind')} rules={[{ required: true, message: t('common.requiredSelect', { field: st('field.kind') }) }]}>
              <Select options={screeningKindOptions(lang)} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="screeners" label={st('field.screeners')} rules={[required(st('field.screeners')), { min: 2, max: 200 }]}>
              <Input maxLength={200} placeholder={st('field.screenersHint')} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item
              name="foundCount"
              label={st('field.foundCount')}
              rules={[numberRule('count', { label: st('field.foundCount'), required: true, max: 9999 })]}
            >
              <NumberInput kind="count" max={9999} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item
              name="riskCount"
              label={st('field.riskCount')}
              dependencies={['foundCount']}
              rules={[
                numberRule('count', { label: st('field.riskCount'), max: 9999 }),
                ({ getFieldValue }) => ({
                  validator: (_r, v: unknown) =>
                    typeof v === 'number' && typeof getFieldValue('foundCount') === 'number' && v > (getFieldValue('foundCount') as number)
                      ? Promise.reject(new Error(st('form.riskTooMany')))
                      : Promise.resolve(),
                }),
              ]}
            >
              <NumberInput kind="count" max={9999} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="notes" label={st('field.notes')} extra={st('field.notesHint')} rules={[{ max: 5000 }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
