import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { MfaRequirement } from '../config/config.js';
import { AccessGuard } from './access.guard.js';
import { CallerResolver } from './caller-resolver.js';
import { MFA_REQUIREMENT } from './mfa-requirement.js';

/**
 * Installs the deny-by-default access guard in front of every route of the application, and
 * makes the instance's MFA requirement known to every feature (the web app learns it from me).
 */
@Module({})
export class AccessModule {
  static forRoot(requireMfa: MfaRequirement): DynamicModule {
    return {
      module: AccessModule,
      global: true,
      providers: [
        CallerResolver,
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: MFA_REQUIREMENT, useValue: requireMfa },
      ],
      exports: [MFA_REQUIREMENT],
    };
  }
}
