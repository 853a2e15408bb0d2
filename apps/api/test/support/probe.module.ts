import { Controller, Get, HttpCode, HttpStatus, Module, Post } from '@nestjs/common';
import { type WorkspaceRole, workspaceRoleSchema } from '@bearing/contracts';
import { z } from 'zod';
import { Access } from '../../src/access/access.decorator.js';
import type { WorkspaceContext } from '../../src/access/caller.js';
import { CurrentWorkspace } from '../../src/access/current.decorators.js';
import { Returns } from '../../src/common/openapi/openapi.decorators.js';

const roleSchema = z.object({ role: workspaceRoleSchema });

/**
 * Test-only routes at each workspace role, so the access rules can be exercised for roles that
 * no feature route needs yet (e.g. an editor-level write). They answer with the role the guard
 * resolved, which shows how a token's scope and its owner's role combine.
 */
@Controller('workspaces/:workspace/probe')
class ProbeController {
  @Get('viewer')
  @Access({ workspaceRole: 'viewer' })
  @Returns(roleSchema)
  read(@CurrentWorkspace() workspace: WorkspaceContext): { role: WorkspaceRole } {
    return { role: workspace.role };
  }

  @Post('editor')
  @HttpCode(HttpStatus.OK)
  @Access({ workspaceRole: 'editor' })
  @Returns(roleSchema)
  write(@CurrentWorkspace() workspace: WorkspaceContext): { role: WorkspaceRole } {
    return { role: workspace.role };
  }

  @Post('admin')
  @HttpCode(HttpStatus.OK)
  @Access({ workspaceRole: 'admin' })
  @Returns(roleSchema)
  manage(@CurrentWorkspace() workspace: WorkspaceContext): { role: WorkspaceRole } {
    return { role: workspace.role };
  }
}

@Module({ controllers: [ProbeController] })
export class ProbeModule {}
