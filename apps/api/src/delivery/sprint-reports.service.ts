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
import { DataSource } from 'typeorm';
import {
  loadSprintEvents,
  loadSprintEventsOf,
  sprintWindowOf,
} from './sprint-events.repository.js';
import {
  findReportTeamSprint,
  findReportTeamWithClosedSprints,
} from './sprint-reports.repository.js';
import { calendarOf } from './team-days.js';
import { doneStatuses } from './team-history.repository.js';

/**
 * Burndown, sprint report and velocity, from the sprints' event streams. Each reads the team
 * with its sprint(s) in one statement and the events of every sprint it needs in one more.
 */
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
    const { team, sprint } = await findReportTeamSprint(manager, workspaceId, teamRef, sprintId);
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
    const { team, sprint } = await findReportTeamSprint(manager, workspaceId, teamRef, sprintId);
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
    const { team, sprints } = await findReportTeamWithClosedSprints(
      manager,
      workspaceId,
      teamRef,
      window,
    );
    const events = await loadSprintEventsOf(
      manager,
      workspaceId,
      sprints.map(({ id }) => id),
      doneStatuses(team.workflow),
    );
    const outcomes = sprints.map((sprint) => {
      const summary = sprintSummary(sprintWindowOf(sprint), events.get(sprint.id) ?? [], {
        unit,
      });
      return {
        sprintId: sprint.id,
        name: sprint.name,
        start: sprint.startsAt?.toISOString() ?? null,
        end: sprint.endsAt?.toISOString() ?? null,
        committed: summary.committed,
        completed: summary.completed,
        sayDoRatio: summary.sayDoRatio,
      };
    });
    return { window, unit, ...velocity(outcomes, { window }), outcomes };
  }
}
