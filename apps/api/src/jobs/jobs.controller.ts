import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type Job,
  type JobListQuery,
  jobListQuerySchema,
  type JobPage,
  jobPageSchema,
  jobSchema,
} from '@bearing/contracts';
import { z } from 'zod';
import { Access } from '../access/access.decorator.js';
import type { Actor, WorkspaceContext } from '../access/caller.js';
import { CurrentActor, CurrentWorkspace } from '../access/current.decorators.js';
import { ZodParam, ZodQuery } from '../common/validation/zod.pipe.js';
import { JobsService } from './jobs.service.js';
import { Fails, Returns } from '../common/openapi/openapi.decorators.js';

/** Settings → Jobs: the workspace's background jobs, for its admins. */
@ApiTags('jobs')
@Controller('workspaces/:workspace/jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  /** `jobListQuerySchema` → `jobPageSchema`, newest first. */
  @Get()
  @Access({ workspaceRole: 'admin' })
  @Returns(jobPageSchema)
  list(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodQuery(jobListQuerySchema) query: JobListQuery,
  ): Promise<JobPage> {
    return this.jobs.list(workspace.id, query);
  }

  /** Sends a failed job back to the queue → 202 with the job (`jobSchema`); audited. */
  @Post(':id/retry')
  @HttpCode(202)
  @Access({ workspaceRole: 'admin' })
  @Returns(jobSchema, { description: 'The job, queued again.' })
  @Fails(409, 'job-not-failed')
  retry(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('id', z.uuid()) id: string,
  ): Promise<Job> {
    return this.jobs.retry(workspace.id, actor, id);
  }
}
