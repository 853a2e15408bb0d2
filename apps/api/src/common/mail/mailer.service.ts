import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { DeliveryFailure } from './delivery-failure.js';
import { NOTIFICATION_OPTIONS, type NotificationOptions } from './notification-options.js';

export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Extra headers, e.g. `List-Unsubscribe`. */
  headers?: Record<string, string>;
};

/**
 * Email over SMTP (`BEARING_SMTP_URL`, from `BEARING_MAIL_FROM`). Without an SMTP URL email is
 * off: `enabled` is false and `send` refuses, so callers decide what to do instead (the settings
 * page says so; password-reset links wait for an instance admin). Failures are
 * `DeliveryFailure`s: SMTP 4xx and connection errors are retried, 5xx is given up.
 */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly transport: Transporter | undefined;

  constructor(@Inject(NOTIFICATION_OPTIONS) private readonly options: NotificationOptions) {
    this.transport = options.smtpUrl ? createTransport(options.smtpUrl) : undefined;
  }

  get enabled(): boolean {
    return this.transport !== undefined;
  }

  async send(message: MailMessage): Promise<void> {
    if (!this.transport)
      throw new DeliveryFailure('email is off: BEARING_SMTP_URL is not set', 'give-up');
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
      throw new DeliveryFailure(reason, code !== undefined && code >= 500 ? 'give-up' : 'retry');
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
