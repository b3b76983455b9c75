import { Menu } from 'antd';
import type { MenuProps } from 'antd';
import { createElement, useMemo } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { pick, useI18n } from '../i18n';
import { MENU_GROUPS, allowedEntries, entryForPath } from '../registry';
import { useSessionUser } from '@sifa/ui';

/** The left menu: the registry's pages the user may open, grouped by business line. */
export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { lang } = useI18n();
  const user = useSessionUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  const items = useMemo<MenuProps['items']>(() => {
    const entries = allowedEntries(user.permissions).filter((e) => e.menu !== false);
    return MENU_GROUPS.flatMap((group) => {
      const children = entries
        .filter((e) => e.group === group.key)
        .map((e) => ({
          key: e.key,
          icon: e.icon ? createElement(e.icon) : undefined,
          label: pick(lang, e.labelZh, e.labelEn),
        }));
      if (children.length === 0) return [];
      return [
        {
          type: 'group' as const,
          key: `group:${group.key}`,
          label: pick(lang, group.labelZh, group.labelEn),
          children,
        },
      ];
    });
  }, [user.permissions, lang]);

  const current = entryForPath(pathname);
  const onClick: MenuProps['onClick'] = ({ key }) => {
    const entry = allowedEntries(user.permissions).find((e) => e.key === key);
    if (entry) void navigate(entry.path);
    onNavigate?.();
  };

  return <Menu mode="inline" theme="dark" items={items} selectedKeys={current ? [current.key] : []} onClick={onClick} style={{ borderInlineEnd: 0 }} />;
}
