import { Module } from '@nestjs/common';
import { OkrsModule } from '../okrs/okrs.module.js';
import { CheckInReminders } from './check-in-reminders.service.js';
import { DependencyReminders } from './dependency-reminders.service.js';
import { ReportReminders } from './report-reminders.service.js';

/**
 * Scheduled reminders: each registers its due work with the minute `Scheduler` and publishes
 * outbox events whose dedupe keys name the period, so they are idempotent across ticks and
 * processes. No routes.
 */
@Module({
  imports: [OkrsModule],
  providers: [CheckInReminders, ReportReminders, DependencyReminders],
  exports: [CheckInReminders, ReportReminders, DependencyReminders],
})
export class RemindersModule {}
