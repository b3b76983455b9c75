import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiCall, apiGet } from '@sifa/ui';

// Declared inside the kernel's notification.routes.ts; repeated here so the answers are checked.
export const Notification = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationPage = z.object({
  items: z.array(Notification),
  total: z.number(),
  unread: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

const keys = {
  all: ['notifications'] as const,
  count: ['notifications', 'unread-count'] as const,
  latest: ['notifications', 'latest'] as const,
};

/**
 * New work reaches the bell within seconds (ADR 0023): a short poll the server answers 304 while nothing changed
 * (ETag of the unread count and the newest one), so a quiet poll costs one indexed count and no body.
 */
export const POLL_MS = 5_000;
export const LATEST_COUNT = 8;

/** The unread count, asked every few seconds; a failed poll stays quiet (the next one may succeed). */
export function useUnreadCount() {
  return useQuery({
    queryKey: keys.count,
    // a poll is not the person working: it must not keep an idle session alive (issue #13 item 2)
    queryFn: () => apiGet('/api/notifications/unread-count', z.object({ unread: z.number() }), { background: true }),
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
    staleTime: 0,
    meta: { silent: true },
  });
}

/** The latest notifications, read and unread, for the bell's dropdown. */
export function useLatestNotifications(enabled: boolean) {
  return useQuery({
    queryKey: keys.latest,
    queryFn: () => apiGet(`/api/notifications?page=1&pageSize=${String(LATEST_COUNT)}`, NotificationPage),
    enabled,
    staleTime: 0,
    meta: { silent: true },
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiCall('POST', `/api/notifications/${encodeURIComponent(id)}/read`),
    onSettled: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiCall('POST', '/api/notifications/read-all'),
    onSettled: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}
