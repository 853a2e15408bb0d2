import { Module } from '@nestjs/common';
import { RateLimitModule } from '../rate-limit/rate-limit.module.js';
import { WorkspacesModule } from '../workspaces/workspaces.module.js';
import { MyTokensController } from './my-tokens.controller.js';
import { TokensService } from './tokens.service.js';
import { WorkspaceTokensController } from './workspace-tokens.controller.js';

@Module({
  imports: [RateLimitModule, WorkspacesModule],
  controllers: [MyTokensController, WorkspaceTokensController],
  providers: [TokensService],
})
export class TokensModule {}
