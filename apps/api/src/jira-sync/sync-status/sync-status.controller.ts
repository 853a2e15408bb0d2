import { Controller, Get } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiTags } from '@nestjs/swagger';
import { type TeamSyncStatusList, teamSyncStatusListSchema } from '@bearing/contracts';
import { DataSource } from 'typeorm';
import { Access } from '../../access/access.decorator.js';
import type { WorkspaceContext } from '../../access/caller.js';
import { CurrentWorkspace } from '../../access/current.decorators.js';
import { Returns } from '../../common/openapi/openapi.decorators.js';
import { sourceStatuses } from './sync-status.repository.js';

/** How fresh each synced team's data is, for the portfolio: everyone in the workspace may see it. */
@ApiTags('jira')
@Controller('workspaces/:workspace/jira-sync-status')
export class SyncStatusController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** → `teamSyncStatusListSchema`: failing teams first, then by name. */
  @Get()
  @Access({ workspaceRole: 'viewer' })
  @Returns(teamSyncStatusListSchema)
  async list(@CurrentWorkspace() workspace: WorkspaceContext): Promise<TeamSyncStatusList> {
    const rows = await sourceStatuses(this.dataSource.manager, workspace.id);
    return {
      items: rows.map((row) => ({
        ...row,
        lastSyncAt: row.lastSyncAt?.toISOString() ?? null,
        failingSince: row.failingSince?.toISOString() ?? null,
      })),
    };
  }
}
