import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type AuditEventPage,
  auditEventPageSchema,
  type PageQuery,
  pageQuerySchema,
} from '@bearing/contracts';
import { Access } from '../access/access.decorator.js';
import type { WorkspaceContext } from '../access/caller.js';
import { CurrentWorkspace } from '../access/current.decorators.js';
import { ZodQuery } from '../common/validation/zod.pipe.js';
import { AuditService } from './audit.service.js';
import { Returns } from '../common/openapi/openapi.decorators.js';

@ApiTags('audit')
@Controller('workspaces/:workspace/audit-events')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** `pageQuerySchema` → `auditEventPageSchema`, newest first. */
  @Get()
  @Access({ workspaceRole: 'admin' })
  @Returns(auditEventPageSchema)
  list(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodQuery(pageQuerySchema) page: PageQuery,
  ): Promise<AuditEventPage> {
    return this.audit.list(workspace.id, page);
  }
}
