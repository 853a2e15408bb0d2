import { Module } from '@nestjs/common';
import { ReportGenerationModule } from '../status-reports/report-generation.module.js';
import { ReviewsController } from './reviews.controller.js';
import { ReviewsService } from './reviews.service.js';

/** The weekly review: the workspace's review weekday and each program's report state. */
@Module({
  imports: [ReportGenerationModule],
  controllers: [ReviewsController],
  providers: [ReviewsService],
})
export class ReviewsModule {}
