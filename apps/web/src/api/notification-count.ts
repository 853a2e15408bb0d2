import { notificationPageSchema } from '@bearing/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiGet } from './client';
import { workspaceKey } from './workspaces';

/** How often the bell asks for the unread count while the app is open. */
export const UNREAD_POLL_MS = 30_000;

// The keys live here, beside the bell's one hook: the app shell imports this small module, and
// the inbox, preferences and settings hooks (api/notifications.ts) load with their pages.
export const notificationKeys = {
  /** Everything of the signed-in user's inbox: the count and the list. */
  inbox: ['me', 'notifications'] as const,
  count: ['me', 'notifications', 'count'] as const,
  list: ['me', 'notifications', 'list'] as const,
  preferences: ['me', 'notification-preferences'] as const,
  follows: (workspace: string) => [...workspaceKey(workspace), 'follows'] as const,
  channels: (workspace: string) => [...workspaceKey(workspace), 'notification-channels'] as const,
  deliveries: (workspace: string) =>
    [...workspaceKey(workspace), 'notification-deliveries'] as const,
  deliveryList: (workspace: string, state: string | undefined) =>
    [...notificationKeys.deliveries(workspace), state ?? 'all'] as const,
};

/**
 * The bell's number: `GET /api/me/notifications?limit=1` answers the unread count across the
 * user's workspaces (one item, so each poll is small). Asked every {@link UNREAD_POLL_MS} and
 * whenever the window regains focus, so the count rises on its own.
 */
export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.count,
    queryFn: async ({ signal }) =>
      (await apiGet('/api/me/notifications?limit=1', notificationPageSchema, { signal }))
        .unreadCount,
    refetchInterval: UNREAD_POLL_MS,
    refetchOnWindowFocus: 'always',
  });
}
