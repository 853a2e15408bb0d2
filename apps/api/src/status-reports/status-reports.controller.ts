import { Controller, Get, Header, Patch, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type CreateStatusReportRequest,
  createStatusReportRequestSchema,
  type HealthTimeline,
  type HealthTimelineQuery,
  healthTimelineQuerySchema,
  healthTimelineSchema,
  type PublishStatusReportRequest,
  publishStatusReportRequestSchema,
  regenerateStatusReportRequestSchema,
  type ReportMarkdownQuery,
  reportMarkdownQuerySchema,
  type StatusReport,
  type StatusReportListQuery,
  statusReportListQuerySchema,
  type StatusReportPage,
  statusReportPageSchema,
  statusReportSchema,
  type UpdateStatusReportRequest,
  updateStatusReportRequestSchema,
} from '@bearing/contracts';
import type { Response } from 'express';
import { z } from 'zod';
import { Access } from '../access/access.decorator.js';
import type { Actor, WorkspaceContext } from '../access/caller.js';
import { CurrentActor, CurrentWorkspace } from '../access/current.decorators.js';
import { ZodBody, ZodParam, ZodQuery } from '../common/validation/zod.pipe.js';
import { StatusReportsService } from './status-reports.service.js';
import { Fails, Returns, ReturnsContent } from '../common/openapi/openapi.decorators.js';

@ApiTags('status-reports')
@Controller('workspaces/:workspace/programs/:program')
export class StatusReportsController {
  constructor(private readonly reports: StatusReportsService) {}

  /** `statusReportListQuerySchema` → `statusReportPageSchema`, newest week first. */
  @Get('reports')
  @Access({ workspaceRole: 'viewer' })
  @Returns(statusReportPageSchema)
  list(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('program', z.uuid()) programId: string,
    @ZodQuery(statusReportListQuerySchema) query: StatusReportListQuery,
  ): Promise<StatusReportPage> {
    return this.reports.list({ workspaceId: workspace.id, programId }, query);
  }

  /** `createStatusReportRequestSchema` → `statusReportSchema`: a generated draft. */
  @Post('reports')
  @Access({ workspaceRole: 'editor' })
  @Returns(statusReportSchema)
  @Fails(409, 'report-exists', 'concurrent-change')
  create(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('program', z.uuid()) programId: string,
    @ZodBody(createStatusReportRequestSchema) body: CreateStatusReportRequest,
  ): Promise<StatusReport> {
    return this.reports.create({ workspaceId: workspace.id, programId }, actor, body);
  }

  /**
   * `reportMarkdownQuerySchema` → `text/markdown`. Declared before `reports/:id` so that route
   * does not take `<id>.md` for an id.
   */
  @Get('reports/:id.md')
  @Access({ workspaceRole: 'viewer' })
  @Header('Content-Type', 'text/markdown; charset=utf-8')
  @ReturnsContent('text/markdown', 'The report as Markdown, for the chosen audience.')
  async markdown(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('program', z.uuid()) programId: string,
    @ZodParam('id', z.uuid()) id: string,
    @ZodQuery(reportMarkdownQuerySchema) { audience }: ReportMarkdownQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const { fileName, text } = await this.reports.markdown(
      { workspaceId: workspace.id, programId },
      id,
      audience,
    );
    response.setHeader('Content-Disposition', `inline; filename="${fileName}"`);
    return text;
  }

  /** → `statusReportSchema`, with its snapshot. */
  @Get('reports/:id')
  @Access({ workspaceRole: 'viewer' })
  @Returns(statusReportSchema)
  get(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('program', z.uuid()) programId: string,
    @ZodParam('id', z.uuid()) id: string,
  ): Promise<StatusReport> {
    return this.reports.get({ workspaceId: workspace.id, programId }, id);
  }

  /** `updateStatusReportRequestSchema` → `statusReportSchema`; published → 409. */
  @Patch('reports/:id')
  @Access({ workspaceRole: 'editor' })
  @Returns(statusReportSchema)
  @Fails(409, 'report-published', 'stale-version')
  update(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('program', z.uuid()) programId: string,
    @ZodParam('id', z.uuid()) id: string,
    @ZodBody(updateStatusReportRequestSchema) body: UpdateStatusReportRequest,
  ): Promise<StatusReport> {
    return this.reports.update({ workspaceId: workspace.id, programId }, actor, id, body);
  }

  /** `regenerateStatusReportRequestSchema` → `statusReportSchema`; drafts only. */
  @Post('reports/:id/regenerate')
  @Access({ workspaceRole: 'editor' })
  @Returns(statusReportSchema)
  @Fails(409, 'report-published', 'stale-version', 'concurrent-change')
  regenerate(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('program', z.uuid()) programId: string,
    @ZodParam('id', z.uuid()) id: string,
    @ZodBody(regenerateStatusReportRequestSchema) body: PublishStatusReportRequest,
  ): Promise<StatusReport> {
    return this.reports.regenerate({ workspaceId: workspace.id, programId }, actor, id, body);
  }

  /**
   * `publishStatusReportRequestSchema` → `statusReportSchema`; published already → 409, and so is
   * a draft whose comparison is no longer the last published report before its week
   * (`stale-comparison`: regenerate it first).
   */
  @Post('reports/:id/publish')
  @Access({ workspaceRole: 'editor' })
  @Returns(statusReportSchema)
  @Fails(409, 'report-published', 'stale-version', 'stale-comparison')
  publish(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('program', z.uuid()) programId: string,
    @ZodParam('id', z.uuid()) id: string,
    @ZodBody(publishStatusReportRequestSchema) body: PublishStatusReportRequest,
  ): Promise<StatusReport> {
    return this.reports.publish({ workspaceId: workspace.id, programId }, actor, id, body);
  }

  /**
   * `healthTimelineQuerySchema` → `healthTimelineSchema`: the health of the last `limit`
   * (default 12) published reports, oldest week first.
   */
  @Get('health-timeline')
  @Access({ workspaceRole: 'viewer' })
  @Returns(healthTimelineSchema)
  timeline(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('program', z.uuid()) programId: string,
    @ZodQuery(healthTimelineQuerySchema) query: HealthTimelineQuery,
  ): Promise<HealthTimeline> {
    return this.reports.timeline({ workspaceId: workspace.id, programId }, query);
  }
}
