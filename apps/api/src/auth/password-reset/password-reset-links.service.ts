import { Injectable, Logger } from '@nestjs/common';

/** A reset link on its way to the account's owner. `url` holds the one-time secret. */
export type PasswordResetLink = {
  userId: string;
  email: string;
  url: string;
  expiresAt: Date;
};

/**
 * THE SEAM where a password-reset link leaves the API. Bearing has no mail channel yet, so
 * this default delivers nowhere: the request is in the instance audit log (without the link)
 * and the log says a link was made (without the link). The notifications feature replaces
 * this provider with one that emails `url` to `email` (`{ provide: PasswordResetLinks,
 * useClass: … }` in the auth module); an instance-admin view of pending links can hook here
 * too. Whatever replaces it must never log or store `url`: it is a credential for 30 minutes.
 */
@Injectable()
export class PasswordResetLinks {
  private readonly logger = new Logger(PasswordResetLinks.name);

  deliver(link: PasswordResetLink): Promise<void> {
    this.logger.warn(
      `A password reset was requested for user ${link.userId}, but no email channel is set up: ` +
        'the link was not delivered.',
    );
    return Promise.resolve();
  }
}
