import type { Notification } from '@bearing/contracts';
import { Anchor, Box, Button, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { DateTime } from '../../../components/date-time';
import { ShapeIcon } from '../../../components/shape-icon';
import { eventLabel } from '../event-labels';
import { notificationPath } from '../notification-link';

export interface NotificationItemProps {
  notification: Notification;
  /** Its link was followed: mark it read and close the inbox. */
  onOpen: () => void;
  onMarkRead: () => void;
  marking: boolean;
}

/**
 * One notification: unread ones carry a filled dot and the word "Unread" for screen readers, a
 * read one a hollow ring. The title links to the thing; the event, workspace and time below.
 */
export function NotificationItem({
  notification,
  onOpen,
  onMarkRead,
  marking,
}: NotificationItemProps) {
  const unread = notification.readAt === null;
  const link = (
    <Anchor
      component={Link}
      to={notificationPath(notification.url)}
      size="sm"
      fw={unread ? 700 : 500}
      onClick={onOpen}
    >
      {notification.title}
    </Anchor>
  );
  return (
    <Box
      component="li"
      px="md"
      py="sm"
      style={{
        listStyle: 'none',
        borderTop: '1px solid var(--mantine-color-gray-2)',
        background: unread ? 'var(--mantine-color-indigo-0)' : undefined,
      }}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Box pt={6} c={unread ? 'indigo.7' : 'gray.5'}>
          <ShapeIcon shape={unread ? 'circle' : 'ring'} size={9} />
        </Box>
        <Stack gap={2} miw={0} style={{ flex: 1 }}>
          <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
            {unread && <VisuallyHidden>Unread: </VisuallyHidden>}
            {link}
          </Text>
          {notification.body && (
            // Plain text in lines (health, then why): its line breaks kept, four lines at most.
            <Text
              size="xs"
              lineClamp={4}
              style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}
            >
              {notification.body}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {eventLabel(notification.event)} · {notification.workspace.name} ·{' '}
            <DateTime value={notification.createdAt} />
          </Text>
        </Stack>
        {unread && (
          <Button
            size="compact-xs"
            variant="subtle"
            color="gray"
            onClick={onMarkRead}
            loading={marking}
            aria-label={`Mark read: ${notification.title}`}
          >
            Mark read
          </Button>
        )}
      </Group>
    </Box>
  );
}
