import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type ImportJob, importJobSchema } from '@bearing/contracts';
import { z } from 'zod';
import { Access } from '../access/access.decorator.js';
import type { WorkspaceContext } from '../access/caller.js';
import { CurrentWorkspace } from '../access/current.decorators.js';
import { ZodParam } from '../common/validation/zod.pipe.js';
import { ImportJobsService } from './import-jobs.service.js';
import { Returns } from '../common/openapi/openapi.decorators.js';

@ApiTags('imports')
@Controller('workspaces/:workspace/imports')
export class ImportJobsController {
  constructor(private readonly jobs: ImportJobsService) {}

  /** → `importJobSchema`: poll it for `progress` until `status` is no longer `running`. */
  @Get(':id')
  @Access({ workspaceRole: 'viewer' })
  @Returns(importJobSchema)
  get(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('id', z.uuid()) id: string,
  ): Promise<ImportJob> {
    return this.jobs.get(workspace.id, id);
  }
}
