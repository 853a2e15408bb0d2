import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type QueryCatalog,
  queryCatalogSchema,
  type QueryResult,
  queryResultSchema,
  type QueryRunRequest,
  queryRunRequestSchema,
} from '@bearing/contracts';
import { Access } from '../access/access.decorator.js';
import type { WorkspaceContext } from '../access/caller.js';
import { CurrentWorkspace } from '../access/current.decorators.js';
import { Returns } from '../common/openapi/openapi.decorators.js';
import { ZodBody } from '../common/validation/zod.pipe.js';
import { QueriesService } from './queries.service.js';

/** The query language over the workspace's data (docs/query-language.md). */
@ApiTags('queries')
@Controller('workspaces/:workspace/queries')
export class QueriesController {
  constructor(private readonly queries: QueriesService) {}

  /** Any member may ask questions of what they can already see. → `queryResultSchema`. */
  @Post('run')
  @HttpCode(200)
  @Access({ workspaceRole: 'viewer' })
  @Returns(queryResultSchema)
  run(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodBody(queryRunRequestSchema) body: QueryRunRequest,
  ): Promise<QueryResult> {
    return this.queries.run(workspace.id, body.query);
  }

  /** Tables, columns, operators and functions, for the editor's autocomplete. */
  @Get('catalog')
  @Access({ workspaceRole: 'viewer' })
  @Returns(queryCatalogSchema)
  catalog(): QueryCatalog {
    return this.queries.catalog();
  }
}
