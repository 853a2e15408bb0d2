import { Module } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { AuthModule } from '../auth/auth.module.js';
import { JobsService } from '../jobs/jobs.service.js';
import { AdminSettingsService } from './admin-settings.service.js';
import { AdminUsersService } from './admin-users.service.js';
import { AdminController } from './admin.controller.js';

/** Instance administration: users, instance settings, the instance audit log and jobs. */
@Module({
  imports: [AuthModule],
  controllers: [AdminController],
  providers: [AdminSettingsService, AdminUsersService, AuditService, JobsService],
})
export class AdminModule {}
