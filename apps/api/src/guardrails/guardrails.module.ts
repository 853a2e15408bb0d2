import { Module } from '@nestjs/common';
import { GuardrailsController } from './guardrails.controller.js';
import { GuardrailsService } from './guardrails.service.js';

/** Guardrails: thresholds a metric must not cross, their status and its history. */
@Module({
  controllers: [GuardrailsController],
  providers: [GuardrailsService],
  exports: [GuardrailsService],
})
export class GuardrailsModule {}
