import { Global, Module } from '@nestjs/common';
import { ClockService } from './clock.service.js';

/** Makes the one `ClockService` available to every feature module. */
@Global()
@Module({ providers: [ClockService], exports: [ClockService] })
export class ClockModule {}
