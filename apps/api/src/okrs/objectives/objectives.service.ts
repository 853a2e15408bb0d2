import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CreateObjectiveRequest,
  Objective as ObjectiveResponse,
  ObjectiveListQuery,
  ObjectivePage,
  UpdateObjectiveRequest,
} from '@bearing/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../access/caller.js';
import { recordAuditEvent } from '../../audit/audit.repository.js';
import {
  assertMember,
  findObjective,
  lockForEdit,
  referencedObjective,
  referencedPeriod,
} from '../okr.repository.js';
import { OkrReadModel } from '../okr-read-model.service.js';
import { OBJECTIVE_PROGRAMS, type ObjectivePrograms } from './objective-programs.types.js';
import { assertNoCycle, lockObjectiveTree } from './objective-tree.js';
import { insertObjective, objectivePage, saveObjective } from './objective.repository.js';
import { staleVersion } from '../../common/problem/stale-version.js';

/** Objectives of one workspace; every query filters by the workspace id. */
@Injectable()
export class ObjectivesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly readModel: OkrReadModel,
    @Inject(OBJECTIVE_PROGRAMS) private readonly programs: ObjectivePrograms,
  ) {}

  /** Oldest first, keyset-paged on (created_at, id); filtered by period, owner, status, program. */
  async list(
    workspaceId: string,
    { limit, cursor, period, owner, status, program }: ObjectiveListQuery,
  ): Promise<ObjectivePage> {
    const { rows, nextCursor } = await objectivePage(
      this.dataSource.manager,
      workspaceId,
      {
        period,
        owner,
        status,
        program: program
          ? {
              id: program,
              linkedToProgram: (alias) => this.programs.linkedToProgramCondition(alias),
            }
          : undefined,
      },
      { cursor, limit },
    );
    const responses = await this.readModel.objectives(this.dataSource.manager, rows);
    const byId = new Map(responses.map((response) => [response.id, response]));
    return {
      items: rows.map((objective) => byId.get(objective.id) as ObjectiveResponse),
      nextCursor,
    };
  }

  async get(workspaceId: string, id: string): Promise<ObjectiveResponse> {
    return this.responseFor(this.dataSource.manager, workspaceId, id);
  }

  async create(
    workspaceId: string,
    actor: Actor,
    request: CreateObjectiveRequest,
  ): Promise<ObjectiveResponse> {
    return this.dataSource.transaction(async (manager) => {
      await assertMember(manager, workspaceId, request.ownerId);
      await referencedPeriod(manager, workspaceId, request.periodId);
      if (request.parentId !== null) {
        await referencedObjective(manager, workspaceId, request.parentId, 'parentId');
      }
      const objective = await insertObjective(manager, {
        workspaceId,
        title: request.title,
        description: request.description,
        ownerUserId: request.ownerId,
        periodId: request.periodId,
        parentId: request.parentId,
        status: request.status,
      });
      await recordAuditEvent(manager, {
        workspaceId,
        actor,
        action: 'objective.created',
        target: { type: 'objective', id: objective.id },
        details: { title: objective.title, periodId: objective.periodId },
      });
      return this.responseFor(manager, workspaceId, objective.id);
    });
  }

  /** Edits an objective; a new parent may not create a cycle in the alignment tree. */
  async update(
    workspaceId: string,
    actor: Actor,
    id: string,
    { version, ...changes }: UpdateObjectiveRequest,
  ): Promise<ObjectiveResponse> {
    return this.dataSource.transaction(async (manager) => {
      await lockForEdit(manager, 'objective', workspaceId, id);
      const objective = await findObjective(manager, workspaceId, id);
      if (objective.version !== version)
        throw staleVersion('objective', objective.version, version);
      if (changes.ownerId !== undefined && changes.ownerId !== objective.ownerUserId) {
        await assertMember(manager, workspaceId, changes.ownerId);
        objective.ownerUserId = changes.ownerId;
      }
      if (changes.periodId !== undefined && changes.periodId !== objective.periodId) {
        await referencedPeriod(manager, workspaceId, changes.periodId);
        objective.periodId = changes.periodId;
      }
      if (changes.parentId !== undefined && changes.parentId !== objective.parentId) {
        if (changes.parentId !== null) {
          await lockObjectiveTree(manager, workspaceId);
          await referencedObjective(manager, workspaceId, changes.parentId, 'parentId');
          await assertNoCycle(manager, workspaceId, id, changes.parentId);
        }
        objective.parentId = changes.parentId;
      }
      if (changes.title !== undefined) objective.title = changes.title;
      if (changes.description !== undefined) objective.description = changes.description;
      if (changes.status !== undefined) objective.status = changes.status;
      // The loaded relations would win over the changed ids when saving: leave them out.
      objective.owner = undefined;
      objective.period = undefined;
      await saveObjective(manager, objective);
      await recordAuditEvent(manager, {
        workspaceId,
        actor,
        action: 'objective.updated',
        target: { type: 'objective', id },
        details: { changes },
      });
      return this.responseFor(manager, workspaceId, id);
    });
  }

  private async responseFor(
    manager: EntityManager,
    workspaceId: string,
    id: string,
  ): Promise<ObjectiveResponse> {
    const [response] = await this.readModel.objectives(manager, [
      await findObjective(manager, workspaceId, id),
    ]);
    if (!response) throw new Error(`no response for objective ${id}`);
    return response;
  }
}
