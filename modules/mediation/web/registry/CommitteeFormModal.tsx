import { Checkbox, Form, Input, Select } from 'antd';
import { COMMITTEE_PARENT_KINDS } from '@sifa/mediation/shared';
import type { CommitteeDetail, CommitteeType, CreateCommitteeInput, UpdateCommitteeInput } from '@sifa/mediation/shared';
import { useMemo, useState } from 'react';
import { ApiError, FormDialog, knownFields, notifySuccess, serverFieldErrors, showFieldErrors, useOrgList } from '@sifa/ui';
import { committeeTypeOptions } from './registry-labels';
import { useRegistryText } from './registry-messages';
import { useCreateCommittee, useUpdateCommittee } from './registry-queries';

interface Values {
  parentId?: string;
  name: string;
  type?: CommitteeType;
  field?: string;
  establishedOn?: string;
  address?: string;
  phone?: string;
  multiEthnicArea?: boolean;
  notes?: string;
}

const known = knownFields(['parentId', 'name', 'type', 'field', 'establishedOn', 'address', 'phone', 'multiEthnicArea', 'notes']);

export interface CommitteeFormModalProps {
  /** The committee to edit; without one the modal sets up a new committee. */
  committee?: CommitteeDetail;
  /** The unit a new committee goes under by default (the top-bar unit or the user's own). */
  defaultParentId?: string;
  onClose: () => void;
  onSaved?: (c: CommitteeDetail) => void;
}

/** 新设调委会 / 编辑: the unit it is set up under (new only), its name, type and register details. */
export function CommitteeFormModal({ committee, defaultParentId, onClose, onSaved }: CommitteeFormModalProps) {
  const { t, rt, lang } = useRegistryText();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const create = useCreateCommittee();
  const update = useUpdateCommittee(committee?.id ?? '');
  const units = useOrgList(false);
  const parents = useMemo(
    () => (units.data ?? []).filter((o) => COMMITTEE_PARENT_KINDS.includes(o.kind)).map((o) => ({ value: o.id, label: o.name })),
    [units.data],
  );
  const initialParent = parents.some((p) => p.value === defaultParentId) ? defaultParentId : parents[0]?.value;

  const finish = (v: Values) => {
    setProblem(undefined);
    const text = (s: string | undefined) => (committee ? (s?.trim() ?? '') : s?.trim() || undefined);
    const details = {
      field: text(v.field),
      establishedOn: v.establishedOn || undefined,
      address: text(v.address),
      phone: text(v.phone),
      multiEthnicArea: v.multiEthnicArea ?? false,
      notes: text(v.notes),
    };
    const done = (c: CommitteeDetail) => {
      notifySuccess(committee ? rt('committee.saved') : rt('committee.created', { name: c.name }));
      onSaved?.(c);
      onClose();
    };
    const failed = (error: unknown) => {
      const rest = showFieldErrors(form, serverFieldErrors(error), known);
      if (rest.length || !(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED')
        setProblem(error instanceof ApiError ? error.message : t('common.loadFailed'));
    };
    if (committee) {
      const input: UpdateCommitteeInput = { name: v.name.trim(), ...(v.type ? { type: v.type } : {}), ...details };
      update.mutate(input, { onSuccess: done, onError: failed });
    } else {
      const input = { parentId: v.parentId ?? '', name: v.name.trim(), type: v.type, ...details } as CreateCommitteeInput;
      create.mutate(input, { onSuccess: done, onError: failed });
    }
  };

  const initial: Partial<Values> = committee
    ? {
        name: committee.name,
        type: committee.type,
        field: committee.field ?? undefined,
        establishedOn: committee.establishedOn ?? undefined,
        address: committee.address ?? undefined,
        phone: committee.phone ?? undefined,
        multiEthnicArea: committee.multiEthnicArea,
        notes: committee.notes ?? undefined,
      }
    : { parentId: initialParent, multiEthnicArea: false };

  return (
    <FormDialog
      title={committee ? rt('committee.editTitle', { name: committee.name }) : rt('committee.addTitle')}
      form={form}
      busy={create.isPending || update.isPending}
      problem={problem}
      problemTestId="committee-problem"
      width={640}
      onClose={onClose}
    >
      <Form<Values> form={form} layout="vertical" onFinish={finish} initialValues={initial} key={initialParent ?? 'none'}>
        {!committee && (
          <Form.Item
            name="parentId"
            label={rt('field.parent')}
            extra={rt('field.parentHint')}
            rules={[{ required: true, message: t('common.requiredSelect', { field: rt('field.parent') }) }]}
          >
            <Select options={parents} loading={units.isPending} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={rt('field.committeeName')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: rt('field.committeeName') }) },
            { min: 4, max: 60 },
          ]}
        >
          <Input maxLength={60} placeholder={rt('field.committeeNameHint')} />
        </Form.Item>
        <Form.Item name="type" label={rt('field.type')} rules={[{ required: !committee, message: t('common.requiredSelect', { field: rt('field.type') }) }]}>
          <Select options={committeeTypeOptions(lang)} />
        </Form.Item>
        <Form.Item name="field" label={rt('field.field')} extra={rt('field.fieldHint')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="establishedOn" label={rt('field.established')}>
          <Input type="date" style={{ maxWidth: 220 }} />
        </Form.Item>
        <Form.Item name="address" label={rt('field.address')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="phone" label={rt('field.phone')}>
          <Input maxLength={30} style={{ maxWidth: 260 }} />
        </Form.Item>
        <Form.Item name="multiEthnicArea" valuePropName="checked" extra={rt('field.multiEthnicHint')}>
          <Checkbox>{rt('field.multiEthnic')}</Checkbox>
        </Form.Item>
        <Form.Item name="notes" label={rt('field.notes')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
