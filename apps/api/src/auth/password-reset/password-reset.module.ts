import { type DynamicModule, Module } from '@nestjs/common';
import { AccountsModule } from '../../accounts/accounts.module.js';
import { RateLimitModule } from '../../rate-limit/rate-limit.module.js';
import { HeldResetLinksController } from './held-reset-links.controller.js';
import { PasswordResetLinks } from './password-reset-links.service.js';
import { PasswordResetController } from './password-reset.controller.js';
import { PasswordResetService, PUBLIC_URL } from './password-reset.service.js';

/**
 * Forgotten passwords: one-time links, made with `BEARING_PUBLIC_URL`, delivered through
 * `PasswordResetLinks` (the seam email delivery replaces; until then links are held for
 * instance admins, `GET /api/admin/password-resets`).
 */
@Module({})
export class PasswordResetModule {
  static forRoot(publicUrl: string): DynamicModule {
    return {
      module: PasswordResetModule,
      imports: [AccountsModule, RateLimitModule],
      controllers: [PasswordResetController, HeldResetLinksController],
      providers: [
        PasswordResetService,
        PasswordResetLinks,
        { provide: PUBLIC_URL, useValue: publicUrl },
      ],
      exports: [PasswordResetLinks],
    };
  }
}
