import { Module } from '@nestjs/common';
import { UserWorkspacesModule } from './user-workspaces.module.js';
import { WorkspaceAccessService } from './workspace-access.service.js';
import { WorkspacesController } from './workspaces.controller.js';
import { WorkspacesService } from './workspaces.service.js';

@Module({
  imports: [UserWorkspacesModule],
  controllers: [WorkspacesController],
  providers: [WorkspacesService, WorkspaceAccessService],
  exports: [WorkspaceAccessService],
})
export class WorkspacesModule {}
