import { timingSafeEqual } from 'node:crypto';
import { type NotificationEvent, notificationEventSchema } from '@bearing/contracts';
import type { SecretBox } from '../common/secrets/secret-box.js';

const PURPOSE = 'unsubscribe';

/**
 * A one-click unsubscribe token: which user turns email off for which event, signed with an
 * HMAC of the instance key, so it works without signing in and cannot be forged or altered.
 * `<base64url(userId:event)>.<mac>`; it does not expire (an old email's link keeps working).
 */
export function unsubscribeToken(box: SecretBox, userId: string, event: NotificationEvent): string {
  const payload = Buffer.from(`${userId}:${event}`, 'utf8').toString('base64url');
  return `${payload}.${box.mac(PURPOSE, payload)}`;
}

/** The user and event a token names, or undefined when it is not one Bearing signed. */
export function readUnsubscribeToken(
  box: SecretBox,
  token: string,
): { userId: string; event: NotificationEvent } | undefined {
  const [payload, mac, ...rest] = token.split('.');
  if (!payload || !mac || rest.length > 0) return undefined;
  const expected = Buffer.from(box.mac(PURPOSE, payload));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  const [userId, event] = Buffer.from(payload, 'base64url').toString('utf8').split(':');
  const parsedEvent = notificationEventSchema.safeParse(event);
  if (!userId || !parsedEvent.success) return undefined;
  return { userId, event: parsedEvent.data };
}
