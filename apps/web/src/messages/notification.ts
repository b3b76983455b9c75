/** The notification bell and the navigation to the kernel's tool pages: [中文, English] per key. */
export const NOTIFICATION_MESSAGES = {
  'notification.title': ['通知', 'Notifications'],
  'notification.open': ['通知（{n} 条未读）', 'Notifications ({n} unread)'],
  'notification.readAll': ['全部已读', 'Mark all read'],
  'notification.empty': ['暂无通知', 'No notifications'],
  'notification.unread': ['未读', 'Unread'],
  'notification.loadFailed': ['通知加载失败', 'Notifications could not be loaded'],
} as const satisfies Record<string, readonly [string, string]>;
