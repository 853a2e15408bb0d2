import { Module } from '@nestjs/common';
import { DeliveryModule } from '../delivery/delivery.module.js';
import { PortfolioModule } from '../portfolio/portfolio.module.js';
import { WeeklyDigests } from './weekly-digests.service.js';

/**
 * Weekly digests per member and audience, queued through the notifications' outbox on the
 * workspace's review weekday in each member's time zone. No routes.
 */
@Module({
  imports: [PortfolioModule, DeliveryModule],
  providers: [WeeklyDigests],
  exports: [WeeklyDigests],
})
export class DigestsModule {}
