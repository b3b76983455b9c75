import { Col, Form, Input, Radio, Row, Select } from 'antd';
import type { CreateMediatorInput, Employment, Gender, Mediator, MediatorPosition } from '@sifa/mediation/shared';
import { useState } from 'react';
import { ApiError, FormDialog, knownFields, notifySuccess, serverFieldErrors, showFieldErrors } from '@sifa/ui';
import { employmentOptions, genderOptions, positionOptions, specialtyOptions } from './registry-labels';
import { useRegistryText } from './registry-messages';
import { useCreateMediator, useUpdateMediator } from './registry-queries';

interface Values {
  name: string;
  gender?: Gender;
  ethnicity?: string;
  position?: MediatorPosition;
  employment?: Employment;
  termStart?: string;
  termEnd?: string;
  specialties?: string[];
  phone?: string;
}

const known = knownFields(['name', 'gender', 'ethnicity', 'position', 'employment', 'termStart', 'termEnd', 'specialties', 'phone']);

export interface MediatorFormModalProps {
  committeeId: string;
  /** The mediator to edit; without one the modal registers a new mediator on the committee. */
  mediator?: Mediator;
  onClose: () => void;
}

/** 登记调解员 / 编辑: 委员 (主任、副主任、委员) or hired mediator, term, specialties and a phone kept encrypted. */
export function MediatorFormModal({ committeeId, mediator, onClose }: MediatorFormModalProps) {
  const { t, rt, lang } = useRegistryText();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const create = useCreateMediator(committeeId);
  const update = useUpdateMediator(mediator?.id ?? '');

  const finish = (v: Values) => {
    setProblem(undefined);
    const base = {
      name: v.name.trim(),
      gender: v.gender,
      ethnicity: mediator ? (v.ethnicity?.trim() ?? '') : v.ethnicity?.trim() || undefined,
      position: v.position,
      employment: v.employment,
      termStart: v.termStart || undefined,
      termEnd: v.termEnd || undefined,
      specialties: v.specialties ?? [],
      // editing: an empty phone keeps the stored one
      phone: v.phone?.trim() || undefined,
    };
    const done = (m: Mediator) => {
      notifySuccess(mediator ? rt('mediator.saved') : rt('mediator.created', { name: m.name }));
      onClose();
    };
    const failed = (error: unknown) => {
      const rest = showFieldErrors(form, serverFieldErrors(error), known);
      if (rest.length || !(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED')
        setProblem(error instanceof ApiError ? error.message : t('common.loadFailed'));
    };
    if (mediator) update.mutate(base, { onSuccess: done, onError: failed });
    else create.mutate(base as CreateMediatorInput, { onSuccess: done, onError: failed });
  };

  const required = (field: string, select = true) => ({ required: true, message: t(select ? 'common.requiredSelect' : 'common.required', { field }) });
  const initial: Partial<Values> = mediator
    ? {
        name: mediator.name,
        gender: mediator.gender,
        ethnicity: mediator.ethnicity ?? undefined,
        position: mediator.position,
        employment: mediator.employment,
        termStart: mediator.termStart ?? undefined,
        termEnd: mediator.termEnd ?? undefined,
        specialties: mediator.specialties,
      }
    : { position: 'member', employment: 'part-time', specialties: [] };

  return (
    <FormDialog
      title={mediator ? rt('mediator.editTitle', { name: mediator.name }) : rt('mediator.addTitle')}
      form={form}
      busy={create.isPending || update.isPending}
      problem={problem}
      problemTestId="mediator-problem"
      width={640}
      onClose={onClose}
    >
      <Form<Values> form={form} layout="vertical" onFinish={finish} initialValues={initial}>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="name"
              label={rt('field.name')}
              rules={[
                { ...required(rt('field.name'), false), whitespace: true },
                { min: 2, max: 40 },
              ]}
            >
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="gender" label={rt('field.gender')} rules={[required(rt('field.gender'))]}>
              <Radio.Group options={genderOptions(lang)} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="ethnicity" label={rt('field.ethnicity')}>
              <Input maxLength={10} placeholder={rt('field.ethnicityHint')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="position" label={rt('field.position')} rules={[required(rt('field.position'))]} extra={rt('field.membersHint')}>
              <Select options={positionOptions(lang)} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="employment" label={rt('field.employment')} rules={[required(rt('field.employment'))]}>
              <Radio.Group options={employmentOptions(lang)} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="termStart" label={rt('field.termStart')}>
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="termEnd" label={rt('field.termEnd')}>
              <Input type="date" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="specialties" label={rt('field.specialties')} extra={rt('field.specialtiesHint')}>
          <Select mode="tags" options={specialtyOptions} maxCount={10} tokenSeparators={['、', '，', ',']} />
        </Form.Item>
        <Form.Item
          name="phone"
          label={rt('field.mobile')}
          extra={mediator?.phoneMasked ? rt('field.mobileKeep', { masked: mediator.phoneMasked }) : rt('field.mobileHint')}
        >
          <Input maxLength={20} inputMode="tel" autoComplete="off" style={{ maxWidth: 260 }} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
