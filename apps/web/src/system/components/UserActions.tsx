import { Button, Input, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { User } from '@sifa/kernel/shared';
import { useI18n } from '../../i18n';
import { isLocked } from './user-status';
import { apiCall, apiSend, notifySuccess, useSessionUser } from '@sifa/ui';

type Action = 'deactivate' | 'activate' | 'unlock';

export interface UserActionsProps {
  user: User;
  onEdit: (user: User) => void;
  onResetPassword: (user: User) => void;
}

/**
 * One row's actions: 编辑, 停用/启用, 解锁, 重置口令, and for the security administrator 重置二次验证 (with a
 * reason, audited); each change that takes something away asks first.
 */
export function UserActions({ user, onEdit, onResetPassword }: UserActionsProps) {
  const { t } = useI18n();
  const client = useQueryClient();
  const me = useSessionUser();
  // one's own account is changed through 修改口令, never disabled from here (the server refuses it too)
  const self = me.id === user.id;
  const security = me.permissions.includes('kernel.user.security');
  const manage = me.permissions.includes('kernel.user.manage');
  const [reason, setReason] = useState('');
  const resetFactor = useMutation({
    mutationFn: () => apiCall('POST', `/api/users/${user.id}/reset-second-factor`, { reason }),
    onSuccess: async () => {
      notifySuccess(t('common.done'));
      setReason('');
      await client.invalidateQueries({ queryKey: ['users'] });
    },
  });
  const act = useMutation({
    mutationFn: (action: Action) => apiSend('POST', `/api/users/${user.id}/${action}`, {}, User),
    onSuccess: async () => {
      notifySuccess(t('common.done'));
      await client.invalidateQueries({ queryKey: ['users'] });
    },
  });

  const confirmText: Record<Action, string> = {
    deactivate: t('user.deactivateConfirm', { name: user.displayName }),
    activate: t('user.activateConfirm', { name: user.displayName }),
    unlock: t('user.unlockConfirm', { name: user.displayName }),
  };
  const toggle: Action = user.active ? 'deactivate' : 'activate';

  return (
    <Space size={0} wrap={false}>
      <Button type="link" size="small" onClick={() => onEdit(user)}>
        {t('user.edit')}
      </Button>
      {!self && (
        <Popconfirm title={confirmText[toggle]} okButtonProps={{ danger: toggle === 'deactivate' }} onConfirm={() => act.mutate(toggle)}>
          <Button type="link" size="small" danger={toggle === 'deactivate'} loading={act.isPending && act.variables === toggle}>
            {toggle === 'deactivate' ? t('user.deactivate') : t('user.activate')}
          </Button>
        </Popconfirm>
      )}
      {isLocked(user) && (
        <Popconfirm title={confirmText.unlock} onConfirm={() => act.mutate('unlock')}>
          <Button type="link" size="small" loading={act.isPending && act.variables === 'unlock'}>
            {t('user.unlock')}
          </Button>
        </Popconfirm>
      )}
      {!self && manage && (
        <Button type="link" size="small" danger onClick={() => onResetPassword(user)}>
          {t('user.resetPassword')}
        </Button>
      )}
      {!self && security && user.secondFactorEnrolled && (
        <Popconfirm
          title={t('user.resetSecondFactorConfirm', { name: user.displayName })}
          description={<Input value={reason} maxLength={200} placeholder={t('user.resetSecondFactorReason')} onChange={(e) => setReason(e.target.value)} />}
          okButtonProps={{ danger: true, disabled: reason.trim().length < 2 }}
          onConfirm={() => resetFactor.mutate()}
        >
          <Button type="link" size="small" danger loading={resetFactor.isPending}>
            {t('user.resetSecondFactor')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
