import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './access.guard.js';
import { CallerResolver } from './caller-resolver.js';

/** Installs the deny-by-default access guard in front of every route of the application. */
@Module({
  providers: [CallerResolver, { provide: APP_GUARD, useClass: AccessGuard }],
})
export class AccessModule {}
