import { Injectable, Logger } from '@nestjs/common';
import { Mailer } from '../../common/mail/mailer.service.js';

/** A reset link on its way to the account's owner. `url` holds the one-time secret. */
export type PasswordResetLink = {
  userId: string;
  email: string;
  url: string;
  expiresAt: Date;
};

/**
 * THE SEAM where a password-reset link leaves the API. With SMTP configured
 * (`BEARING_SMTP_URL`) the link is emailed to the account's address through the notifications'
 * `Mailer`. Without it Bearing holds links for instance admins: `holdsLinks` makes the reset
 * service keep the secret sealed beside its hash, and `GET /api/admin/password-resets` shows
 * pending links to instance admins, who pass them on; `deliver` only notes that a link is
 * waiting (never the link). Nothing here logs or stores `url` in clear: it is a credential for
 * 30 minutes.
 */
@Injectable()
export class PasswordResetLinks {
  private readonly logger = new Logger(PasswordResetLinks.name);

  constructor(private readonly mailer: Mailer) {}

  /** Whether links wait (sealed) for an instance admin to pass them on: when email is off. */
  get holdsLinks(): boolean {
    return !this.mailer.enabled;
  }

  async deliver(link: PasswordResetLink): Promise<void> {
    if (!this.mailer.enabled) {
      this.logger.log(
        `A password reset link for user ${link.userId} waits for an instance admin to pass it on ` +
          '(Administration → Password resets); no email channel is set up.',
      );
      return;
    }
    try {
      await this.mailer.send({
        to: link.email,
        subject: 'Reset your Bearing password',
        text: [
          'Someone (hopefully you) asked to reset the password of your Bearing account.',
          '',
          `Choose a new password here, before ${link.expiresAt.toISOString()}: ${link.url}`,
          '',
          'If you did not ask for this, ignore this email: your password stays as it is.',
        ].join('\n'),
      });
    } catch (error) {
      // The answer to the request stays the same either way (it must not reveal the account).
      this.logger.warn(
        `The password reset email for user ${link.userId} could not be sent: ${(error as Error).message}`,
      );
    }
  }
}
