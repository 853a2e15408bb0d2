import {
  type CreateNotificationChannelRequest,
  type DeliveryState,
  followListSchema,
  followSchema,
  type FollowSubject,
  notificationChannelListSchema,
  notificationChannelSchema,
  notificationChannelTestResultSchema,
  notificationDeliveryPageSchema,
  notificationDeliverySchema,
  notificationPageSchema,
  notificationPreferencesSchema,
  notificationSchema,
  readAllNotificationsResponseSchema,
  type UpdateNotificationChannelRequest,
  type UpdateNotificationPreferencesRequest,
} from '@bearing/contracts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { withQuery } from './all-pages';
import { apiGet, apiSend } from './client';
import { notificationKeys, UNREAD_POLL_MS } from './notification-count';
import { pagedListOf } from './paged-list';

const INBOX_PAGE_SIZE = 20;
const DELIVERIES_PAGE_SIZE = 50;

// ---------------------------------------------------------------- inbox

/**
 * `GET /api/me/notifications`: the signed-in user's notifications across their workspaces,
 * newest first, page by page, for the open inbox — asked again as often as the bell's count.
 */
export function useInbox() {
  const query = useInfiniteQuery({
    queryKey: notificationKeys.list,
    queryFn: ({ pageParam, signal }) =>
      apiGet(
        withQuery('/api/me/notifications', {
          limit: String(INBOX_PAGE_SIZE),
          cursor: pageParam,
        }),
        notificationPageSchema,
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    refetchInterval: UNREAD_POLL_MS,
  });
  return pagedListOf(query);
}

/** `PATCH /api/me/notifications/:id {read: true}`; the inbox and its count follow. */
export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiSend(
        'PATCH',
        `/api/me/notifications/${encodeURIComponent(id)}`,
        { read: true },
        notificationSchema,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.inbox }),
  });
}

/** `POST /api/me/notifications/read-all`: every notification of the user read at once. */
export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiSend(
        'POST',
        '/api/me/notifications/read-all',
        undefined,
        readAllNotificationsResponseSchema,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.inbox }),
  });
}

// ---------------------------------------------------------------- preferences

/** `GET /api/me/notification-preferences`: event × channel switches and the weekly digest. */
export function useNotificationPreferences() {
  return useQuery({
    queryKey: notificationKeys.preferences,
    queryFn: ({ signal }) =>
      apiGet('/api/me/notification-preferences', notificationPreferencesSchema, { signal }),
  });
}

/** `PUT /api/me/notification-preferences`: the answer replaces the cached preferences. */
export function useUpdateNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: UpdateNotificationPreferencesRequest) =>
      apiSend('PUT', '/api/me/notification-preferences', request, notificationPreferencesSchema),
    onSuccess: (preferences) => queryClient.setQueryData(notificationKeys.preferences, preferences),
  });
}

// ---------------------------------------------------------------- follows

function followsPath(workspace: string): string {
  return `/api/workspaces/${encodeURIComponent(workspace)}/follows`;
}

/** `GET /api/workspaces/:workspace/follows`: what the signed-in user follows there. */
export function useFollows(workspace: string) {
  return useQuery({
    queryKey: notificationKeys.follows(workspace),
    queryFn: ({ signal }) => apiGet(followsPath(workspace), followListSchema, { signal }),
  });
}

/** `POST …/follows {subject}` → 201; the follows list is asked again. */
export function useFollow(workspace: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (subject: FollowSubject) =>
      apiSend('POST', followsPath(workspace), { subject }, followSchema),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: notificationKeys.follows(workspace) }),
  });
}

/** `DELETE …/follows/:type/:id` → 204. */
export function useUnfollow(workspace: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (subject: FollowSubject) =>
      apiSend(
        'DELETE',
        `${followsPath(workspace)}/${encodeURIComponent(subject.type)}/${encodeURIComponent(subject.id)}`,
      ),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: notificationKeys.follows(workspace) }),
  });
}

// ---------------------------------------------------------------- channels (admin)

function channelsPath(workspace: string): string {
  return `/api/workspaces/${encodeURIComponent(workspace)}/notification-channels`;
}

/** `GET …/notification-channels` (admin): the channels, and whether email is on at all. */
export function useNotificationChannels(workspace: string) {
  return useQuery({
    queryKey: notificationKeys.channels(workspace),
    queryFn: ({ signal }) =>
      apiGet(channelsPath(workspace), notificationChannelListSchema, { signal }),
  });
}

/** `POST …/notification-channels` (admin) → 201 channel; its URL is never sent back. */
export function useCreateNotificationChannel(workspace: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateNotificationChannelRequest) =>
      apiSend('POST', channelsPath(workspace), request, notificationChannelSchema),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: notificationKeys.channels(workspace) }),
  });
}

/**
 * `PATCH …/notification-channels/:id` (admin): a new name and/or address; a new address makes a
 * broken channel a working one.
 */
export function useUpdateNotificationChannel(workspace: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...request }: UpdateNotificationChannelRequest & { id: string }) =>
      apiSend(
        'PATCH',
        `${channelsPath(workspace)}/${encodeURIComponent(id)}`,
        request,
        notificationChannelSchema,
      ),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: notificationKeys.channels(workspace) }),
  });
}

/** `DELETE …/notification-channels/:id` (admin) → 204. */
export function useDeleteNotificationChannel(workspace: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiSend('DELETE', `${channelsPath(workspace)}/${encodeURIComponent(id)}`),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: notificationKeys.channels(workspace) }),
  });
}

/**
 * `POST …/notification-channels/:id/test` (admin): a test message sent at once, and what came
 * of it. A 404/410 marks the channel broken, and one that arrives a broken channel working
 * again, so the list is asked again.
 */
export function useTestNotificationChannel(workspace: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiSend(
        'POST',
        `${channelsPath(workspace)}/${encodeURIComponent(id)}/test`,
        undefined,
        notificationChannelTestResultSchema,
      ),
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: notificationKeys.channels(workspace) }),
  });
}

// ---------------------------------------------------------------- deliveries (admin)

function deliveriesPath(workspace: string): string {
  return `/api/workspaces/${encodeURIComponent(workspace)}/notification-deliveries`;
}

/** `GET …/notification-deliveries?state=` (admin): the delivery log, newest first. */
export function useNotificationDeliveries(workspace: string, state: DeliveryState | undefined) {
  const query = useInfiniteQuery({
    queryKey: notificationKeys.deliveryList(workspace, state),
    queryFn: ({ pageParam, signal }) =>
      apiGet(
        withQuery(deliveriesPath(workspace), {
          state,
          limit: String(DELIVERIES_PAGE_SIZE),
          cursor: pageParam,
        }),
        notificationDeliveryPageSchema,
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
  return pagedListOf(query);
}

/** `POST …/notification-deliveries/:id/retry` (admin): the delivery queued again. */
export function useRetryNotificationDelivery(workspace: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiSend(
        'POST',
        `${deliveriesPath(workspace)}/${encodeURIComponent(id)}/retry`,
        undefined,
        notificationDeliverySchema,
      ),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: notificationKeys.deliveries(workspace) }),
  });
}
