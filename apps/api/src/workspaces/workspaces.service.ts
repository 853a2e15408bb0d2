import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CreateWorkspaceRequest,
  PageQuery,
  Workspace as WorkspaceResponse,
  WorkspacePage,
} from '@bearing/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../access/caller.js';
import { recordAuditEvent } from '../audit/audit.repository.js';
import { ProblemException } from '../common/problem/problem.js';
import { isUniqueViolation } from '../database/postgres-errors.js';
import { assertMayCreateWorkspaces } from '../instance-settings/instance-settings.service.js';
import type { Workspace } from './workspace.entity.js';
import { toWorkspaceResponse } from './workspace.mapper.js';
import { insertWorkspaceAndAdmin, membershipsOfUserPage } from './workspace.repository.js';

@Injectable()
export class WorkspacesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Creates a workspace with the caller as its first admin, if the instance's settings let
   * them (else 403); a taken slug is a 409.
   */
  async create(
    actor: Actor,
    creator: { instanceAdmin: boolean },
    request: CreateWorkspaceRequest,
  ): Promise<WorkspaceResponse> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        await assertMayCreateWorkspaces(manager, creator);
        const workspace = await insertWorkspaceWithAdmin(manager, request, actor);
        return toWorkspaceResponse(workspace, 'admin');
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw ProblemException.conflict(
          'slug-taken',
          `The slug "${request.slug}" is taken; choose another.`,
        );
      }
      throw error;
    }
  }

  /** The caller's workspaces, by slug. */
  async listMine(userId: string, page: PageQuery): Promise<WorkspacePage> {
    const { rows, nextCursor } = await membershipsOfUserPage(this.dataSource.manager, userId, page);
    return {
      items: rows.flatMap(({ workspace, role }) =>
        workspace ? [toWorkspaceResponse(workspace, role)] : [],
      ),
      nextCursor,
    };
  }
}

/**
 * Inserts a workspace, makes `actor` its admin and records it, inside the caller's
 * transaction. Shared with start-up, which creates the demo workspace the same way.
 */
export async function insertWorkspaceWithAdmin(
  manager: EntityManager,
  { slug, name }: CreateWorkspaceRequest,
  actor: Actor,
): Promise<Workspace> {
  const workspace = await insertWorkspaceAndAdmin(manager, { slug, name }, actor.userId);
  await recordAuditEvent(manager, {
    workspaceId: workspace.id,
    actor,
    action: 'workspace.created',
    target: { type: 'workspace', id: workspace.id },
    details: { slug, name },
  });
  return workspace;
}
