import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';

/** Where mail goes out: provided by `MailModule.forRoot`. */
export const MAIL_OPTIONS = Symbol('MAIL_OPTIONS');
export type MailOptions = {
  /** `BEARING_SMTP_URL` (e.g. `smtp://user:pass@mail:587`); undefined → email is off. */
  smtpUrl: string | undefined;
  /** `BEARING_MAIL_FROM`, e.g. `Bearing <bearing@example.com>`. */
  mailFrom: string;
  /** How long the SMTP server may keep a send waiting; `SMTP_TIMEOUT_MS` unless set (tests). */
  timeoutMs?: number;
};

/**
 * How long an SMTP server may keep a send waiting — to connect, to greet, or silent mid-message
 * — before the send fails as unreachable (transient: retried with backoff). nodemailer's own
 * defaults (2 min, 30 s, 10 min) let one stuck send outlast the 5-minute claim a notification
 * delivery holds while it is sent, after which another worker may claim and send it again.
 */
export const SMTP_TIMEOUT_MS = 30_000;

/**
 * Why a message was not sent, never naming the SMTP URL (it may hold a password): `transient`
 * for SMTP 4xx and connection errors (worth retrying), false for 5xx and for email being off.
 */
export class MailError extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
  ) {
    super(message);
    this.name = 'MailError';
  }
}

export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Extra headers, e.g. `List-Unsubscribe`. */
  headers?: Record<string, string>;
};

/**
 * Email over SMTP (`BEARING_SMTP_URL`, from `BEARING_MAIL_FROM`), for notifications and
 * password-reset links. Without an SMTP URL email is off: `enabled` is false and `send`
 * refuses, so callers decide what to do instead (the settings page says so; password-reset
 * links wait for an instance admin). Failures are `MailError`s.
 */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly transport: Transporter | undefined;

  constructor(@Inject(MAIL_OPTIONS) private readonly options: MailOptions) {
    const timeout = options.timeoutMs ?? SMTP_TIMEOUT_MS;
    this.transport = options.smtpUrl
      ? createTransport({
          url: options.smtpUrl,
          connectionTimeout: timeout,
          greetingTimeout: timeout,
          socketTimeout: timeout,
        })
      : undefined;
  }

  get enabled(): boolean {
    return this.transport !== undefined;
  }

  async send(message: MailMessage): Promise<void> {
    if (!this.transport) throw new MailError('email is off: BEARING_SMTP_URL is not set', false);
    try {
      await this.transport.sendMail({
        from: this.options.mailFrom,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        ...(message.headers ? { headers: message.headers } : {}),
      });
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      const reason = code ? `SMTP answered ${code}` : `SMTP unreachable: ${smtpReason(error)}`;
      throw new MailError(reason, code === undefined || code < 500);
    }
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}

function smtpReason(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  // Never the SMTP URL: it may carry a password.
  return code ?? (message ?? 'unknown error').replace(/smtps?:\/\/\S+/g, '<smtp>');
}
