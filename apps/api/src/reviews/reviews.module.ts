import { Module } from '@nestjs/common';
import { ReviewsController } from './reviews.controller.js';
import { ReviewsService } from './reviews.service.js';

/** The weekly review: the workspace's review weekday and each program's report state. */
@Module({ controllers: [ReviewsController], providers: [ReviewsService] })
export class ReviewsModule {}
