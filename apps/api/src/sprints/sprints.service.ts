import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CreateSprintRequest,
  PageQuery,
  Sprint as SprintResponse,
  SprintPage,
  UpdateSprintRequest,
} from '@bearing/contracts';
import { DataSource } from 'typeorm';
import type { Actor } from '../access/caller.js';
import { recordAuditEvent } from '../audit/audit.repository.js';
import { ProblemException } from '../common/problem/problem.js';
import { findTeam, lockTeamForImport } from '../teams/team.repository.js';
import {
  deleteSprint,
  deleteSprintChangesOf,
  findTeamSprint,
  insertSprint,
  saveSprint,
  sprintPage,
} from './sprint.repository.js';
import { toSprintResponse } from './sprint.mapper.js';
import {
  freezeSprintAvailability,
  thawSprintAvailability,
} from './sprint-availability.repository.js';
import type { Sprint } from './sprint.entity.js';
import { assertVersion } from '../common/problem/stale-version.js';

@Injectable()
export class SprintsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A team's sprints, latest start first. */
  async list(workspaceId: string, teamRef: string, page: PageQuery): Promise<SprintPage> {
    const team = await findTeam(this.dataSource.manager, workspaceId, teamRef);
    const { rows, nextCursor } = await sprintPage(this.dataSource.manager, team.id, page);
    return { items: rows.map(toSprintResponse), nextCursor };
  }

  async get(workspaceId: string, teamRef: string, sprintId: string): Promise<SprintResponse> {
    const { sprint } = await findTeamSprint(
      this.dataSource.manager,
      workspaceId,
      teamRef,
      sprintId,
    );
    return toSprintResponse(sprint);
  }

  async create(
    workspaceId: string,
    actor: Actor,
    teamRef: string,
    request: CreateSprintRequest,
  ): Promise<SprintResponse> {
    return this.dataSource.transaction(async (manager) => {
      const team = await findTeam(manager, workspaceId, teamRef);
      const sprint = await insertSprint(manager, {
        teamId: team.id,
        name: request.name,
        startsAt: toDate(request.start),
        endsAt: toDate(request.end),
        goal: request.goal,
        state: request.state,
        completedAt: toDate(request.completedAt),
        source: 'manual',
        externalId: null,
      });
      await recordAuditEvent(manager, {
        workspaceId,
        actor,
        action: 'sprint.created',
        target: { type: 'sprint', id: sprint.id },
        details: { teamId: team.id, name: sprint.name },
      });
      return toSprintResponse(sprint);
    });
  }

  /** Changes the fields sent; the caller's `version` must be current. */
  async update(
    workspaceId: string,
    actor: Actor,
    teamRef: string,
    sprintId: string,
    { version, ...changes }: UpdateSprintRequest,
  ): Promise<SprintResponse> {
    return this.dataSource.transaction(async (manager) => {
      const { sprint } = await findTeamSprint(manager, workspaceId, teamRef, sprintId, true);
      assertVersion('sprint', sprint.version, version);
      const wasOpen = sprint.state !== 'closed';
      if (changes.name !== undefined) sprint.name = changes.name;
      if (changes.start !== undefined) sprint.startsAt = toDate(changes.start);
      if (changes.end !== undefined) sprint.endsAt = toDate(changes.end);
      if (changes.goal !== undefined) sprint.goal = changes.goal;
      if (changes.state !== undefined) sprint.state = changes.state;
      if (changes.completedAt !== undefined) sprint.completedAt = toDate(changes.completedAt);
      assertTimeBox(sprint);
      const saved = await saveSprint(manager, sprint);
      // Closing freezes the sprint's availability; reopening thaws it.
      if (wasOpen) await freezeSprintAvailability(manager, sprint.teamId, [sprint.id]);
      else await thawSprintAvailability(manager, sprint.teamId, [sprint.id]);
      await recordAuditEvent(manager, {
        workspaceId,
        actor,
        action: 'sprint.updated',
        target: { type: 'sprint', id: sprint.id },
        details: { teamId: sprint.teamId, changed: Object.keys(changes) },
      });
      return toSprintResponse(saved);
    });
  }

  /** Deletes the sprint, its availability and the items' membership of it. */
  async remove(workspaceId: string, actor: Actor, teamRef: string, sprintId: string) {
    await this.dataSource.transaction(async (manager) => {
      const { sprint } = await findTeamSprint(manager, workspaceId, teamRef, sprintId, true);
      // Waits for a running import of the team, which may be writing this sprint's changes.
      await lockTeamForImport(manager, sprint.teamId);
      await deleteSprintChangesOf(manager, workspaceId, sprint.id);
      await deleteSprint(manager, sprint);
      await recordAuditEvent(manager, {
        workspaceId,
        actor,
        action: 'sprint.deleted',
        target: { type: 'sprint', id: sprint.id },
        details: { teamId: sprint.teamId, name: sprint.name },
      });
    });
  }
}

function toDate(instant: string | null): Date | null {
  return instant === null ? null : new Date(instant);
}

/** A change of one end checked against the stored other end. */
function assertTimeBox(sprint: Sprint): void {
  const start = sprint.startsAt?.getTime();
  if (start === undefined) return;
  const errors = [];
  if (sprint.endsAt && sprint.endsAt.getTime() < start) {
    errors.push({ path: 'end', message: 'must not be before start' });
  }
  if (sprint.completedAt && sprint.completedAt.getTime() < start) {
    errors.push({ path: 'completedAt', message: 'must not be before start' });
  }
  if (errors.length > 0) throw ProblemException.validation(errors);
}
