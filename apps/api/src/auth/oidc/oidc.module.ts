import { type DynamicModule, type MiddlewareConsumer, Module, RequestMethod } from '@nestjs/common';
import type { AppConfig } from '../../config/config.js';
import { RateLimitModule } from '../../rate-limit/rate-limit.module.js';
import { AuthModule } from '../auth.module.js';
import { OidcAdminController } from './oidc-admin.controller.js';
import { OidcClient } from './oidc-client.js';
import { OidcController } from './oidc.controller.js';
import { OidcService } from './oidc.service.js';
import { OIDC_SETTINGS, type OidcSettings } from './oidc-settings.js';
import { PasswordSignInGate } from './password-sign-in-gate.middleware.js';

/** OpenID Connect single sign-on, and the switch that turns password sign-in off. */
@Module({})
export class OidcModule {
  static forRoot(config: Pick<AppConfig, 'oidc' | 'passwordLogin' | 'publicUrl'>): DynamicModule {
    const settings: OidcSettings = {
      sso: config.oidc && {
        config: config.oidc,
        client: new OidcClient(config.oidc, `${config.publicUrl}/api/auth/oidc/callback`),
      },
      passwordSignIn: config.passwordLogin !== false,
    };
    return {
      module: OidcModule,
      imports: [AuthModule, RateLimitModule],
      controllers: [OidcController, OidcAdminController],
      providers: [{ provide: OIDC_SETTINGS, useValue: settings }, OidcService, PasswordSignInGate],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(PasswordSignInGate)
      .forRoutes({ path: 'auth/sign-in', method: RequestMethod.POST });
  }
}
