import { Module } from '@nestjs/common';
import { GuardrailsModule } from '../guardrails/guardrails.module.js';
import { OkrsModule } from '../okrs/okrs.module.js';
import { ReportGenerationModule } from '../status-reports/report-generation.module.js';
import { PortfolioController } from './portfolio.controller.js';
import { PortfolioService } from './portfolio.service.js';

@Module({
  imports: [OkrsModule, GuardrailsModule, ReportGenerationModule],
  controllers: [PortfolioController],
  providers: [PortfolioService],
  // The weekly digests word the same portfolio the page shows.
  exports: [PortfolioService],
})
export class PortfolioModule {}
