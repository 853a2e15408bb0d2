import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ProblemException } from '../../common/problem/problem.js';
import { OIDC_SETTINGS, type OidcSettings } from './oidc-settings.js';

/**
 * `BEARING_PASSWORD_LOGIN=off`: password sign-in answers 403 before any password is looked at,
 * leaving single sign-on the only way in. Mounted on `POST /api/auth/sign-in` only.
 */
@Injectable()
export class PasswordSignInGate implements NestMiddleware {
  constructor(@Inject(OIDC_SETTINGS) private readonly settings: OidcSettings) {}

  use(_request: Request, _response: Response, next: NextFunction): void {
    if (!this.settings.passwordSignIn) {
      throw ProblemException.forbidden(
        'Password sign-in is turned off on this instance: use "Sign in with SSO".',
      );
    }
    next();
  }
}
