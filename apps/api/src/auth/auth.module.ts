import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { MembersModule } from '../members/members.module.js';
import { RateLimitModule } from '../rate-limit/rate-limit.module.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { PasswordChangeController } from './password-change/password-change.controller.js';
import { PasswordChangeService } from './password-change/password-change.service.js';
import { AccountSessionsController } from './sessions/account-sessions.controller.js';
import { AccountSessionsService } from './sessions/account-sessions.service.js';
import { SignInThrottle } from './sign-in-throttle.service.js';
import { SessionsService } from './sessions.service.js';
import { MfaController } from './mfa/mfa.controller.js';
import { MfaEnrolmentService } from './mfa/mfa-enrolment.service.js';
import { MfaSignInService } from './mfa/mfa-sign-in.service.js';

@Module({
  imports: [AccountsModule, MembersModule, RateLimitModule],
  controllers: [AuthController, PasswordChangeController, AccountSessionsController, MfaController],
  providers: [
    AuthService,
    SessionsService,
    SignInThrottle,
    PasswordChangeService,
    AccountSessionsService,
    MfaSignInService,
    MfaEnrolmentService,
  ],
  exports: [SessionsService, MfaEnrolmentService],
})
export class AuthModule {}
