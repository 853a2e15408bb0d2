import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type Portfolio, portfolioSchema } from '@bearing/contracts';
import { Access } from '../access/access.decorator.js';
import type { WorkspaceContext } from '../access/caller.js';
import { CurrentWorkspace } from '../access/current.decorators.js';
import { PortfolioService } from './portfolio.service.js';
import { Returns } from '../common/openapi/openapi.decorators.js';

@ApiTags('portfolio')
@Controller('workspaces/:workspace/portfolio')
export class PortfolioController {
  constructor(private readonly portfolio: PortfolioService) {}

  /** The executive view in one request (`portfolioSchema`). */
  @Get()
  @Access({ workspaceRole: 'viewer' })
  @Returns(portfolioSchema)
  get(@CurrentWorkspace() workspace: WorkspaceContext): Promise<Portfolio> {
    return this.portfolio.portfolio(workspace.id);
  }
}
