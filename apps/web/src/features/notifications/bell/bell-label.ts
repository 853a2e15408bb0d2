/** The bell's accessible name: "Notifications, 3 unread"; just "Notifications" until known. */
export function bellLabel(unreadCount: number | null): string {
  if (unreadCount === null) return 'Notifications';
  return unreadCount === 0 ? 'Notifications, none unread' : `Notifications, ${unreadCount} unread`;
}

/** The count on the bell: at most two digits, so it stays a badge. */
export function bellCount(unreadCount: number): string {
  return unreadCount > 99 ? '99+' : String(unreadCount);
}
