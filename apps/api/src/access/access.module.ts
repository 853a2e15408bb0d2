import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthModule } from '../auth/auth.module.js';
import { TokensModule } from '../tokens/tokens.module.js';
import { WorkspacesModule } from '../workspaces/workspaces.module.js';
import { AccessGuard } from './access.guard.js';
import { CallerResolver } from './caller-resolver.js';

/** Installs the deny-by-default access guard in front of every route of the application. */
@Module({
  imports: [AuthModule, TokensModule, WorkspacesModule],
  providers: [CallerResolver, { provide: APP_GUARD, useClass: AccessGuard }],
})
export class AccessModule {}
