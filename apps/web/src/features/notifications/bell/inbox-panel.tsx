import { Anchor, Button, Group, ScrollArea, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useUnreadCount } from '../../../api/notification-count';
import {
  useInbox,
  useMarkAllNotificationsRead,
  useMarkNotificationRead,
} from '../../../api/notifications';
import { ErrorAlert } from '../../../components/error-alert';
import { NotificationItem } from './notification-item';

export interface InboxPanelProps {
  /** The id of the panel's heading, which names the dropdown. */
  titleId: string;
  /** A link in the inbox was followed (the dropdown closes). */
  onNavigate: () => void;
}

/**
 * The signed-in user's notifications, newest first: unread ones marked (in words and shape),
 * each linking to its thing; "Mark all read", more on request, and the way to the preferences.
 */
export function InboxPanel({ titleId, onNavigate }: InboxPanelProps) {
  const inbox = useInbox();
  const markRead = useMarkNotificationRead();
  const markAllRead = useMarkAllNotificationsRead();
  const unread = useUnreadCount().data ?? 0;

  return (
    <Stack gap={0}>
      <Group justify="space-between" px="md" py="sm" wrap="nowrap">
        <Title order={2} size="h5" id={titleId}>
          Notifications
        </Title>
        <Button
          size="compact-xs"
          variant="subtle"
          disabled={unread === 0}
          loading={markAllRead.isPending}
          onClick={() => markAllRead.mutate()}
        >
          Mark all read
        </Button>
      </Group>
      {(markRead.isError || markAllRead.isError) && (
        <ErrorAlert title="Not marked read" error={markRead.error ?? markAllRead.error} />
      )}
      <ScrollArea.Autosize mah="min(60vh, 480px)" type="auto">
        {inbox.isPending ? (
          <Stack
            gap="xs"
            p="md"
            role="progressbar"
            aria-busy="true"
            aria-label="Loading notifications"
          >
            {[0, 1, 2].map((row) => (
              <Skeleton key={row} height={44} radius="sm" />
            ))}
          </Stack>
        ) : inbox.isError ? (
          <Stack p="md">
            <ErrorAlert
              title="Notifications could not be loaded"
              error={inbox.error}
              onRetry={inbox.refetch}
            />
          </Stack>
        ) : inbox.items.length === 0 ? (
          <Text size="sm" c="dimmed" p="md" ta="center">
            Nothing yet. Follow a program, metric, guardrail or team to hear when it changes.
          </Text>
        ) : (
          <Stack component="ul" gap={0} m={0} p={0} aria-label="Notifications, newest first">
            {inbox.items.map((notification) => (
              <NotificationItem
                key={notification.id}
                notification={notification}
                onOpen={() => {
                  if (notification.readAt === null) markRead.mutate(notification.id);
                  onNavigate();
                }}
                onMarkRead={() => markRead.mutate(notification.id)}
                marking={markRead.isPending && markRead.variables === notification.id}
              />
            ))}
          </Stack>
        )}
        {inbox.hasMore && (
          <Group justify="center" p="sm">
            <Button
              variant="default"
              size="xs"
              onClick={inbox.loadMore}
              loading={inbox.isLoadingMore}
            >
              Load more
            </Button>
          </Group>
        )}
      </ScrollArea.Autosize>
      <Group
        justify="flex-end"
        px="md"
        py="xs"
        style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Anchor component={Link} to="/account/notifications" size="sm" onClick={onNavigate}>
          Notification preferences
        </Anchor>
      </Group>
    </Stack>
  );
}
