import { type DynamicModule, Module } from '@nestjs/common';
import { JiraConnectionsController } from './jira-connections.controller.js';
import { JiraConnectionsService } from './jira-connections.service.js';
import { JiraSyncService } from './jira-sync.service.js';
import { TeamSourceController } from './team-source.controller.js';
import {
  JIRA_SYNC_OPTIONS,
  type JiraSyncOptions,
  TeamSourceService,
} from './team-source.service.js';

/** The live Jira connection: connections, team sources, and the scheduled sync of each team. */
@Module({})
export class JiraSyncModule {
  static forRoot(options: JiraSyncOptions): DynamicModule {
    return {
      module: JiraSyncModule,
      controllers: [JiraConnectionsController, TeamSourceController],
      providers: [
        { provide: JIRA_SYNC_OPTIONS, useValue: options },
        JiraConnectionsService,
        JiraSyncService,
        TeamSourceService,
      ],
      exports: [JiraSyncService],
    };
  }
}
