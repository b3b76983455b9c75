import { Form, Input, Modal, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { roleNameOf, User, Username } from '@sifa/kernel/shared';
import type { CreateUserInput, RoleCode, UpdateUserInput } from '@sifa/kernel/shared';
import { useMemo } from 'react';
import { pick, useI18n } from '../../i18n';
import { passwordProblemText } from '../../lib/password';
import { useRoles } from '../queries';
import { apiSend, notifySuccess, OrgTreeSelect, textRule } from '@sifa/ui';

interface UserForm {
  username: string;
  displayName: string;
  orgId: string;
  roles: RoleCode[];
  password: string;
}

export interface UserFormModalProps {
  /** The user to edit; without one the modal adds a user. */
  user?: User;
  /** The unit a new user starts in (the top-bar filter). */
  defaultOrgId?: string;
  onClose: () => void;
}

/** 新增用户 / 编辑: username and initial password when adding; name, unit and roles always. */
export function UserFormModal({ user, defaultOrgId, onClose }: UserFormModalProps) {
  const { t, lang } = useI18n();
  const client = useQueryClient();
  const [form] = Form.useForm<UserForm>();
  const roles = useRoles();
  const editing = user !== undefined;

  const save = useMutation({
    mutationFn: (v: UserForm) => {
      if (user) {
        const input: UpdateUserInput = { displayName: v.displayName.trim(), orgId: v.orgId, roles: v.roles };
        return apiSend('PATCH', `/api/users/${user.id}`, input, User);
      }
      const input: CreateUserInput = {
        username: v.username.trim(),
        displayName: v.displayName.trim(),
        orgId: v.orgId,
        roles: v.roles,
        password: v.password,
      };
      return apiSend('POST', '/api/users', input, User);
    },
    onSuccess: async () => {
      notifySuccess(editing ? t('user.updated') : t('user.created'));
      await client.invalidateQueries({ queryKey: ['users'] });
      onClose();
    },
  });

  const roleOptions = useMemo(
    () =>
      (roles.data ?? []).map((r) => {
        // org-level roles by the console's names, a module's roles by the name the module declares
        const name = roleNameOf(r.code, roles.data);
        return { value: r.code, label: pick(lang, name.zh, name.en) };
      }),
    [roles.data, lang],
  );

  return (
    <Modal
      open
      title={user ? t('user.editTitle', { name: user.displayName }) : t('user.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<UserForm>
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        initialValues={user ? { displayName: user.displayName, orgId: user.orgId, roles: user.roles } : { orgId: defaultOrgId, roles: [] }}
      >
        {!editing && (
          <Form.Item
            name="username"
            label={t('user.username')}
            extra={t('user.usernameRule')}
            rules={[
              { required: true, message: t('common.required', { field: t('user.username') }) },
              textRule((v) => (v && !Username.safeParse(v).success ? t('user.usernameRule') : undefined)),
            ]}
          >
            <Input autoComplete="off" maxLength={32} />
          </Form.Item>
        )}
        <Form.Item
          name="displayName"
          label={t('user.displayName')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('user.displayName') }) }, { max: 40 }]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="orgId" label={t('user.org')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('user.org') }) }]}>
          <OrgTreeSelect style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('user.roles')}
          rules={[{ required: true, type: 'array', min: 1, message: t('common.requiredSelect', { field: t('user.roles') }) }]}
        >
          <Select mode="multiple" options={roleOptions} loading={roles.isPending} />
        </Form.Item>
        {!editing && (
          <Form.Item
            name="password"
            label={t('user.initialPassword')}
            extra={t('password.rule')}
            rules={[
              { required: true, message: t('common.required', { field: t('user.initialPassword') }) },
              textRule((v) => (v ? passwordProblemText(v, t) : undefined)),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
