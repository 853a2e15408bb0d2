import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CreateTeamRequest,
  PageQuery,
  Team as TeamResponse,
  TeamPage,
  UpdateTeamRequest,
} from '@bearing/contracts';
import { DataSource } from 'typeorm';
import type { Actor } from '../access/caller.js';
import { recordAuditEvent } from '../audit/audit.repository.js';
import { ProblemException } from '../common/problem/problem.js';
import { isUniqueViolation } from '../database/postgres-errors.js';
import {
  deleteTeam,
  findTeam,
  insertTeam,
  openDependenciesNamingTeam,
  saveTeam,
  teamPage,
} from './team.repository.js';
import { toTeamResponse } from './team.mapper.js';
import { JobQueue } from '../jobs/job-queue.service.js';
import { FLOW_REFRESH_JOB } from './team-flow-refresh.types.js';
import { assertVersion } from '../common/problem/stale-version.js';

/** Teams of one workspace; every method takes the workspace id from the access guard. */
@Injectable()
export class TeamsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
  ) {}

  /** Teams by slug. */
  async list(workspaceId: string, { limit, cursor }: PageQuery): Promise<TeamPage> {
    const { rows, nextCursor } = await teamPage(this.dataSource.manager, workspaceId, {
      cursor,
      limit,
    });
    return { items: rows.map(toTeamResponse), nextCursor };
  }

  async get(workspaceId: string, ref: string): Promise<TeamResponse> {
    return toTeamResponse(await findTeam(this.dataSource.manager, workspaceId, ref));
  }

  async create(
    workspaceId: string,
    actor: Actor,
    request: CreateTeamRequest,
  ): Promise<TeamResponse> {
    return this.slugChecked(request.slug, () =>
      this.dataSource.transaction(async (manager) => {
        const team = await insertTeam(manager, { workspaceId, ...request });
        await recordAuditEvent(manager, {
          workspaceId,
          actor,
          action: 'team.created',
          target: { type: 'team', id: team.id },
          details: { name: team.name, slug: team.slug },
        });
        return toTeamResponse(team);
      }),
    );
  }

  /** Changes the fields sent; the caller's `version` must be current. */
  async update(
    workspaceId: string,
    actor: Actor,
    ref: string,
    { version, ...changes }: UpdateTeamRequest,
  ): Promise<TeamResponse> {
    const updated = await this.slugChecked(changes.slug ?? ref, () =>
      this.dataSource.transaction(async (manager) => {
        const team = await findTeam(manager, workspaceId, ref, true);
        assertVersion('team', team.version, version);
        const changed = Object.keys(changes).filter(
          (field) => changes[field as keyof typeof changes] !== undefined,
        );
        Object.assign(team, withoutUndefined(changes));
        const saved = await saveTeam(manager, team);
        await recordAuditEvent(manager, {
          workspaceId,
          actor,
          action: 'team.updated',
          target: { type: 'team', id: team.id },
          details: { changed },
        });
        return toTeamResponse(saved);
      }),
    );
    if (changes.workflow !== undefined || changes.timeZone !== undefined) {
      // The flow read model depends on both; its readers never serve rows of the old ones, and
      // this recomputes them off the request.
      await this.queue.enqueue(
        FLOW_REFRESH_JOB,
        { workspaceId, teamId: updated.id },
        { singletonKey: `${FLOW_REFRESH_JOB}:${updated.id}` },
      );
    }
    return updated;
  }

  /** Deletes the team with its members, sprints, work items and import history. */
  /** Refused (409) while an open program dependency names the team. */
  async remove(workspaceId: string, actor: Actor, ref: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const team = await findTeam(manager, workspaceId, ref, true);
      // A program's dependency names its team without a foreign key: deleting the team would
      // leave an open one owed by or to nobody, overdue in every report and reminder for good.
      const dependencies = await openDependenciesNamingTeam(manager, workspaceId, team.id);
      if (dependencies.length > 0) {
        const named = dependencies
          .slice(0, 5)
          .map(({ program, description, needBy }) => `${program}: "${description}" (by ${needBy})`)
          .join('; ');
        const more = dependencies.length > 5 ? `; and ${dependencies.length - 5} more` : '';
        throw ProblemException.conflict(
          'team-has-dependencies',
          `${team.name} is named by ${dependencies.length} open program ${dependencies.length === 1 ? 'dependency' : 'dependencies'} — ${named}${more}. Move them to another team or close them (delivered or cancelled), then delete the team.`,
        );
      }
      await deleteTeam(manager, workspaceId, team.id);
      await recordAuditEvent(manager, {
        workspaceId,
        actor,
        action: 'team.deleted',
        target: { type: 'team', id: team.id },
        details: { name: team.name, slug: team.slug },
      });
    });
  }

  private async slugChecked<T>(slug: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw ProblemException.conflict(
          'slug-taken',
          `A team with the slug "${slug}" exists here already; choose another.`,
        );
      }
      throw error;
    }
  }
}

function withoutUndefined<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(changes).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
