import { Injectable, Logger } from '@nestjs/common';

/** A reset link on its way to the account's owner. `url` holds the one-time secret. */
export type PasswordResetLink = {
  userId: string;
  email: string;
  url: string;
  expiresAt: Date;
};

/**
 * THE SEAM where a password-reset link leaves the API. Bearing sends no email yet, so this
 * default holds links for instance admins: `holdsLinks` makes the reset service keep the
 * secret sealed beside its hash, and `GET /api/admin/password-resets` shows pending links to
 * instance admins, who pass them on; `deliver` only notes that a link is waiting (never the
 * link). The notifications feature replaces this provider with one that emails `url` to
 * `email` and says `holdsLinks = false` (`{ provide: PasswordResetLinks, useClass: … }` in
 * `PasswordResetModule`). Whatever replaces it must never log or store `url` in clear: it is
 * a credential for 30 minutes.
 */
@Injectable()
export class PasswordResetLinks {
  private readonly logger = new Logger(PasswordResetLinks.name);

  /** Whether links wait (sealed) for an instance admin to pass them on. */
  readonly holdsLinks: boolean = true;

  deliver(link: PasswordResetLink): Promise<void> {
    this.logger.log(
      `A password reset link for user ${link.userId} waits for an instance admin to pass it on ` +
        '(Administration → Password resets); no email channel is set up.',
    );
    return Promise.resolve();
  }
}
