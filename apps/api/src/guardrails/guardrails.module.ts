import { Module } from '@nestjs/common';
import { MetricsModule } from '../metrics/metrics.module.js';
import { GuardrailsController } from './guardrails.controller.js';
import { GuardrailsService } from './guardrails.service.js';

/** Guardrails: thresholds a metric must not cross, their status and its history. */
@Module({
  imports: [MetricsModule],
  controllers: [GuardrailsController],
  providers: [GuardrailsService],
  exports: [GuardrailsService],
})
export class GuardrailsModule {}
