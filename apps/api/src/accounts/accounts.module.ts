import { Module } from '@nestjs/common';
import { AccountsService } from './accounts.service.js';
import { MeController } from './me.controller.js';
import { PasswordPolicyService } from './passwords/password-policy.service.js';

@Module({
  controllers: [MeController],
  providers: [AccountsService, PasswordPolicyService],
  exports: [AccountsService, PasswordPolicyService],
})
export class AccountsModule {}
