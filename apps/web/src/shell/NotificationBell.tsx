import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Dropdown, Empty, Spin, Typography, theme } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../i18n';
import { useLatestNotifications, useMarkAllRead, useMarkRead, useUnreadCount } from '../notifications/queries';
import type { Notification } from '../notifications/queries';
import { formatDateTime } from '@sifa/ui';

/** Only links inside the console are followed (`//host` is not a path). */
const internal = (link: string | null): link is string => Boolean(link?.startsWith('/') && !link.startsWith('//'));

function Item({ n, onOpen }: { n: Notification; onOpen: (n: Notification) => void }) {
  const { token } = theme.useToken();
  const unread = n.readAt === null;
  return (
    <button
      type="button"
      onClick={() => onOpen(n)}
      data-testid="notification-item"
      style={{
        display: 'block',
        width: '100%',
        textAlign: 'start',
        padding: '10px 16px',
        border: 0,
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
        background: unread ? token.colorPrimaryBg : 'transparent',
        cursor: 'pointer',
        font: 'inherit',
      }}
    >
      <div style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
        {unread && <Badge status="processing" />}
        <Typography.Text strong={unread} ellipsis style={{ flex: 1 }}>
          {n.title}
        </Typography.Text>
      </div>
      {n.body && (
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '2px 0 0', fontSize: 13 }}>
          {n.body}
        </Typography.Paragraph>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatDateTime(n.createdAt)}
      </Typography.Text>
    </button>
  );
}

/**
 * The top bar's bell: unread count (asked every few seconds, ADR 0023), a dropdown of the latest notifications with 全部已读;
 * opening one marks it read and follows its link.
 */
export function NotificationBell() {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const count = useUnreadCount();
  const latest = useLatestNotifications(open);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = count.data?.unread ?? 0;
  // a new notification is new work: the open lists (the dropdown, the workbench's counts) are read again
  const client = useQueryClient();
  const seen = useRef(unread);
  useEffect(() => {
    if (unread > seen.current) {
      void client.invalidateQueries({ queryKey: ['notifications', 'latest'] });
      void client.invalidateQueries({ queryKey: ['workbench'] });
    }
    seen.current = unread;
  }, [unread, client]);

  const onOpen = (n: Notification) => {
    setOpen(false);
    if (n.readAt === null) markRead.mutate(n.id);
    if (internal(n.link)) void navigate(n.link);
  };

  const panel = (
    <div
      data-testid="notification-panel"
      style={{
        width: 'min(360px, calc(100vw - 16px))',
        background: token.colorBgElevated,
        borderRadius: token.borderRadiusLG,
        boxShadow: token.boxShadowSecondary,
        overflow: 'hidden',
      }}
    >
      <div
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          padding: '8px 16px',
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
        }}
      >
        <Typography.Text strong>{t('notification.title')}</Typography.Text>
        <Button type="link" size="small" disabled={unread === 0} loading={markAll.isPending} onClick={() => markAll.mutate()}>
          {t('notification.readAll')}
        </Button>
      </div>
      <div style={{ maxHeight: 420, overflowY: 'auto' }}>
        {latest.isPending ? (
          <div style={{ padding: 24, textAlign: 'center' }}>
            <Spin />
          </div>
        ) : latest.isError ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notification.loadFailed')} />
        ) : latest.data.items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notification.empty')} />
        ) : (
          latest.data.items.map((n) => <Item key={n.id} n={n} onOpen={onOpen} />)
        )}
      </div>
    </div>
  );

  return (
    <Dropdown open={open} onOpenChange={setOpen} trigger={['click']} placement="bottomRight" popupRender={() => panel}>
      <Button
        type="text"
        aria-label={unread > 0 ? t('notification.open', { n: unread }) : t('notification.title')}
        data-testid="notification-bell"
        icon={
          <Badge count={unread} size="small" overflowCount={99}>
            <BellOutlined style={{ fontSize: 18 }} />
          </Badge>
        }
      />
    </Dropdown>
  );
}
