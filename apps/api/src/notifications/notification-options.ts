/** What the notifications feature reads from the configuration; provided by its module. */
export const NOTIFICATION_OPTIONS = Symbol('NOTIFICATION_OPTIONS');

export type NotificationOptions = {
  /** `BEARING_PUBLIC_URL`: links in every message start with it. */
  publicUrl: string;
  /** `BEARING_SMTP_URL` (e.g. `smtp://user:pass@mail:587`); undefined → email is off. */
  smtpUrl: string | undefined;
  /** `BEARING_MAIL_FROM`, e.g. `Bearing <bearing@example.com>`. */
  mailFrom: string;
  /** `BEARING_WEBHOOK_ALLOW_LOOPBACK=1`: loopback webhooks are allowed (tests only). */
  webhookAllowLoopback: boolean;
};
