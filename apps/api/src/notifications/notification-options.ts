/** What the notifications feature reads from the configuration; provided by its module. */
export const NOTIFICATION_OPTIONS = Symbol('NOTIFICATION_OPTIONS');

export type NotificationOptions = {
  /** `BEARING_PUBLIC_URL`: links in every message start with it. */
  publicUrl: string;
  /** `BEARING_WEBHOOK_ALLOW_LOOPBACK=1`: loopback webhooks are allowed (tests only). */
  webhookAllowLoopback: boolean;
};
