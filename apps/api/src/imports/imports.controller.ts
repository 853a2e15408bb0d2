import { Body, Controller, Get, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiTags } from '@nestjs/swagger';
import {
  type ImportJobPage,
  importJobPageSchema,
  type ImportStartResponse,
  importJobSchema,
  importPreviewSchema,
  importUploadFieldsSchema,
  type PageQuery,
  pageQuerySchema,
  teamRefSchema,
} from '@bearing/contracts';
import type { Response } from 'express';
import { Access } from '../access/access.decorator.js';
import type { Actor, WorkspaceContext } from '../access/caller.js';
import { CurrentActor, CurrentWorkspace } from '../access/current.decorators.js';
import { ZodParam, ZodQuery } from '../common/validation/zod.pipe.js';
import { ImportJobsService } from './import-jobs.service.js';
import { ImportsService } from './imports.service.js';
import { IMPORT_UPLOAD_OPTIONS, type StoredUpload } from './upload-storage.js';
import { AcceptsUpload, Fails, Returns } from '../common/openapi/openapi.decorators.js';

@ApiTags('imports')
@Controller('workspaces/:workspace/teams/:team/imports')
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    private readonly jobs: ImportJobsService,
  ) {}

  /**
   * Multipart: `file` (≤ 60 MB) and the fields of `importUploadFieldsSchema`. A dry run
   * answers 200 `importPreviewSchema`; an import 202 `importJobSchema` (running). The fields
   * are validated in the service, after the team was found.
   */
  @Post()
  @Access({ workspaceRole: 'editor' })
  @AcceptsUpload(importUploadFieldsSchema, 'The export file (at most 60 MB).')
  @Returns(importPreviewSchema, { status: 200, description: 'Dry run: what the import would do.' })
  @Returns(importJobSchema, { status: 202, description: 'The import job, running; poll it.' })
  @Fails(400, 'unreadable-import')
  @Fails(413, 'too-many-issues', 'http-413')
  @Fails(503, 'busy')
  @UseInterceptors(FileInterceptor('file', IMPORT_UPLOAD_OPTIONS))
  async start(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('team', teamRefSchema) team: string,
    @UploadedFile() file: StoredUpload | undefined,
    @Body() fields: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ImportStartResponse> {
    const started = await this.imports.start(workspace.id, actor, team, { file, fields });
    response.status(started.dryRun ? 200 : 202);
    if (!started.dryRun) {
      response.location(`/api/workspaces/${workspace.slug}/imports/${started.id}`);
    }
    return started;
  }

  /** `pageQuerySchema` → `importJobPageSchema`: the team's import history, newest first. */
  @Get()
  @Access({ workspaceRole: 'viewer' })
  @Returns(importJobPageSchema)
  list(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('team', teamRefSchema) team: string,
    @ZodQuery(pageQuerySchema) page: PageQuery,
  ): Promise<ImportJobPage> {
    return this.jobs.list(workspace.id, team, page);
  }
}
