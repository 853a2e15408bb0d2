import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  SprintBurndownResponse,
  SprintReportQuery,
  SprintSummaryResponse,
  VelocityQuery,
  VelocityResponse,
} from '@bearing/contracts';
import { sprintBurndown, sprintSummary, velocity } from '@bearing/metrics';
import { DataSource, type EntityManager } from 'typeorm';
import { findTeamSprint } from '../sprints/sprint.repository.js';
import { Sprint } from '../sprints/sprint.entity.js';
import { findTeam } from '../teams/team.repository.js';
import { loadSprintEvents, sprintWindowOf } from './sprint-events.repository.js';
import { calendarOf } from './team-days.js';
import { doneStatuses } from './team-history.repository.js';

/** Burndown, sprint report and velocity, from the sprints' event streams. */
@Injectable()
export class SprintReportsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async burndown(
    workspaceId: string,
    teamRef: string,
    sprintId: string,
    { unit }: SprintReportQuery,
  ): Promise<SprintBurndownResponse> {
    const manager = this.dataSource.manager;
    const { team, sprint } = await findTeamSprint(manager, workspaceId, teamRef, sprintId);
    const window = sprintWindowOf(sprint);
    const events = await loadSprintEvents(
      manager,
      { workspaceId, sprintId: sprint.id },
      doneStatuses(team.workflow),
    );
    const burndown = sprintBurndown(window, events, {
      calendar: calendarOf(team),
      timeZone: team.timeZone,
      unit,
    });
    return { sprintId: sprint.id, unit, timeZone: team.timeZone, ...burndown };
  }

  async summary(
    workspaceId: string,
    teamRef: string,
    sprintId: string,
    { unit }: SprintReportQuery,
  ): Promise<SprintSummaryResponse> {
    const manager = this.dataSource.manager;
    const { team, sprint } = await findTeamSprint(manager, workspaceId, teamRef, sprintId);
    const window = sprintWindowOf(sprint);
    const events = await loadSprintEvents(
      manager,
      { workspaceId, sprintId: sprint.id },
      doneStatuses(team.workflow),
    );
    return { sprintId: sprint.id, unit, ...sprintSummary(window, events, { unit }) };
  }

  /** Velocity over the last `window` closed sprints with dates, oldest first. */
  async velocity(
    workspaceId: string,
    teamRef: string,
    { window, unit }: VelocityQuery,
  ): Promise<VelocityResponse> {
    const manager = this.dataSource.manager;
    const team = await findTeam(manager, workspaceId, teamRef);
    const sprints = await lastClosedSprints(manager, team.id, window);
    const done = doneStatuses(team.workflow);
    const outcomes = [];
    for (const sprint of sprints) {
      const events = await loadSprintEvents(manager, { workspaceId, sprintId: sprint.id }, done);
      const summary = sprintSummary(sprintWindowOf(sprint), events, { unit });
      outcomes.push({
        sprintId: sprint.id,
        name: sprint.name,
        start: sprint.startsAt?.toISOString() ?? null,
        end: sprint.endsAt?.toISOString() ?? null,
        committed: summary.committed,
        completed: summary.completed,
        sayDoRatio: summary.sayDoRatio,
      });
    }
    return { window, unit, ...velocity(outcomes, { window }), outcomes };
  }
}

/**
 * The team's last `count` closed sprints that have dates and end before `before` (if given),
 * oldest first.
 */
export async function lastClosedSprints(
  manager: EntityManager,
  teamId: string,
  count: number,
  before?: Date,
): Promise<Sprint[]> {
  const query = manager
    .getRepository(Sprint)
    .createQueryBuilder('sprint')
    .where('sprint.teamId = :teamId', { teamId })
    .andWhere(`sprint.state = 'closed'`)
    .andWhere('sprint.startsAt IS NOT NULL AND sprint.endsAt IS NOT NULL')
    .andWhere('sprint.endsAt >= sprint.startsAt')
    .andWhere('(sprint.completedAt IS NULL OR sprint.completedAt >= sprint.startsAt)')
    .orderBy('sprint.endsAt', 'DESC')
    .addOrderBy('sprint.id', 'DESC')
    .limit(count);
  if (before) query.andWhere('sprint.endsAt <= :before', { before });
  return (await query.getMany()).reverse();
}
