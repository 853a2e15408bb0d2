import { Module } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { AdminSettingsService } from './admin-settings.service.js';
import { AdminUsersService } from './admin-users.service.js';
import { AdminController } from './admin.controller.js';

/** Instance administration: users, instance settings and the instance audit log. */
@Module({
  controllers: [AdminController],
  providers: [AdminSettingsService, AdminUsersService, AuditService],
})
export class AdminModule {}
