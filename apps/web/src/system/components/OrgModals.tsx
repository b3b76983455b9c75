import { Form, Input, Modal, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ORG_KINDS, ORG_KIND_NAMES, Org } from '@sifa/kernel/shared';
import type { CreateOrgInput, OrgKind } from '@sifa/kernel/shared';
import { useMemo } from 'react';
import { pick, useI18n } from '../../i18n';
import type { Translate } from '../../i18n';
import { useDivisions } from '../queries';
import { apiSend, notifySuccess, orgKeys } from '@sifa/ui';

// What a new unit under a parent of this kind most often is; the user can pick another.
const LIKELY_CHILD: Partial<Record<OrgKind, OrgKind>> = {
  'city-bureau': 'county-bureau',
  'county-bureau': 'judicial-office',
  'judicial-office': 'mediation-committee',
};

const nameRules = (t: Translate) => [
  { required: true, whitespace: true, message: t('common.required', { field: t('org.name') }) },
  { min: 2, max: 60, message: t('org.nameLength') },
];

interface AddForm {
  name: string;
  kind: OrgKind;
  divisionCode?: string;
}

/** 新增下级单位: name, kind, and optionally a division under the parent's division. */
export function AddOrgModal({ parent, onClose, onCreated }: { parent: Org; onClose: () => void; onCreated: (org: Org) => void }) {
  const { t, lang } = useI18n();
  const client = useQueryClient();
  const [form] = Form.useForm<AddForm>();
  const divisions = useDivisions(parent.divisionCode);

  const create = useMutation({
    mutationFn: (input: CreateOrgInput) => apiSend('POST', '/api/orgs', input, Org),
    onSuccess: async (org) => {
      notifySuccess(t('org.created'));
      await client.invalidateQueries({ queryKey: orgKeys.all });
      onCreated(org);
    },
  });

  const kindOptions = useMemo(() => ORG_KINDS.map((k) => ({ value: k, label: pick(lang, ORG_KIND_NAMES[k].zh, ORG_KIND_NAMES[k].en) })), [lang]);
  const divisionOptions = useMemo(() => {
    const own =
      parent.divisionCode && parent.divisionName
        ? [
            {
              value: parent.divisionCode,
              label: t('org.sameDivision', { name: `${parent.divisionCode} ${parent.divisionName}` }),
            },
          ]
        : [];
    const children = (divisions.data ?? []).map((d) => ({ value: d.code, label: `${d.code} ${d.name}` }));
    return [...own, ...children];
  }, [parent, divisions.data, t]);

  const onFinish = (v: AddForm) => {
    create.mutate({ parentId: parent.id, kind: v.kind, name: v.name.trim(), divisionCode: v.divisionCode ?? null });
  };

  return (
    <Modal
      open
      title={t('org.addTitle', { parent: parent.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<AddForm> form={form} layout="vertical" onFinish={onFinish} initialValues={{ kind: LIKELY_CHILD[parent.kind] ?? 'other' }}>
        <Form.Item name="name" label={t('org.name')} rules={nameRules(t)}>
          <Input maxLength={60} autoFocus />
        </Form.Item>
        <Form.Item name="kind" label={t('org.kind')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('org.kind') }) }]}>
          <Select options={kindOptions} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        {parent.divisionCode && (
          <Form.Item name="divisionCode" label={t('org.division')} extra={t('org.divisionOptional')}>
            <Select allowClear options={divisionOptions} loading={divisions.isFetching} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** 重命名: a new name for the unit. */
export function RenameOrgModal({ org, onClose }: { org: Org; onClose: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [form] = Form.useForm<{ name: string }>();
  const rename = useMutation({
    mutationFn: (name: string) => apiSend('PATCH', `/api/orgs/${org.id}`, { name }, Org),
    onSuccess: async () => {
      notifySuccess(t('org.renamed'));
      await client.invalidateQueries({ queryKey: orgKeys.all });
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t('org.renameTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={rename.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<{ name: string }> form={form} layout="vertical" initialValues={{ name: org.name }} onFinish={(v) => rename.mutate(v.name.trim())}>
        <Form.Item name="name" label={t('org.name')} rules={nameRules(t)}>
          <Input maxLength={60} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
