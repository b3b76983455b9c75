import { DownOutlined, KeyOutlined, LogoutOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown } from 'antd';
import type { MenuProps } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../i18n';
import { useLogout } from '../session';
import { notifySuccess, useSessionUser } from '@sifa/ui';

/** The signed-in user's name with 修改口令, 二次验证 and 退出登录. */
export function UserMenu({ compact = false }: { compact?: boolean }) {
  const { t } = useI18n();
  const user = useSessionUser();
  const navigate = useNavigate();
  const logout = useLogout(() => notifySuccess(t('user.loggedOut')));
  const items: MenuProps['items'] = [
    { key: 'org', label: user.orgName, disabled: true },
    { type: 'divider' },
    { key: 'password', icon: <KeyOutlined />, label: t('user.menu.password') },
    { key: 'second-factor', icon: <SafetyOutlined />, label: t('user.menu.secondFactor') },
    { key: 'logout', icon: <LogoutOutlined />, label: t('user.menu.logout'), danger: true },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') void navigate('/me/password');
    if (key === 'second-factor') void navigate('/me/second-factor');
    if (key === 'logout') {
      logout.mutate();
    }
  };
  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button type="text" data-testid="user-menu" style={{ paddingInline: 4 }}>
        <Avatar size="small" icon={<UserOutlined />} />
        {!compact && <span>{user.displayName}</span>}
        <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}
