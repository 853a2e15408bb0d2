import { UnstyledButton } from '@mantine/core';
import { lazy } from 'react';
import { useUnreadCount } from '../../../api/notification-count';
import { DeferredMenu } from '../../../components/deferred-menu';
import { bellCount, bellLabel } from './bell-label';
import classes from './notification-bell.module.css';

// The inbox's dropdown (Mantine's Popover and the list) loads after the page, as the header's
// other menus do: the bell and its count draw at once, and a click that comes first is kept.
const InboxPopover = lazy(async () => ({
  default: (await import('./inbox-popover')).InboxPopover,
}));

function BellIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d="M12 3a6 6 0 0 0-6 6v3.6l-1.7 3A1 1 0 0 0 5.2 17h13.6a1 1 0 0 0 .9-1.4l-1.7-3V9a6 6 0 0 0-6-6Zm-2.5 15.5a2.5 2.5 0 0 0 5 0"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/**
 * The header's bell: the signed-in user's unread notifications across their workspaces (asked
 * again every half minute and when the window regains focus), opening the inbox.
 */
export function NotificationBell() {
  const unreadCount = useUnreadCount().data ?? null;
  return (
    <DeferredMenu
      target={
        <UnstyledButton className={classes.bell} aria-label={bellLabel(unreadCount)}>
          <BellIcon />
          {unreadCount !== null && unreadCount > 0 && (
            <span className={classes.count} aria-hidden="true">
              {bellCount(unreadCount)}
            </span>
          )}
        </UnstyledButton>
      }
    >
      {(menu) => <InboxPopover {...menu} />}
    </DeferredMenu>
  );
}
