import { Module } from '@nestjs/common';
import { LinkedRecords } from './linked-records.service.js';

/**
 * The one `LinkedRecords` of the application, in a module of its own: programs check links with
 * it and status-report collectors name linked records with it, and the report generator (which
 * programs use for their suggested health) must not import the programs module back.
 */
@Module({
  providers: [LinkedRecords],
  exports: [LinkedRecords],
})
export class LinkedRecordsModule {}
