import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  SprintBurndownResponse,
  SprintReportQuery,
  SprintSummaryResponse,
  VelocityQuery,
  VelocityResponse,
} from '@bearing/contracts';
import { sprintBurndown, sprintSummary, type SprintWindow, velocity } from '@bearing/metrics';
import { DataSource, type EntityManager } from 'typeorm';
import { ProblemException } from '../common/problem/problem.js';
import {
  loadSprintEvents,
  loadSprintEventsOf,
  sprintWindowOf,
} from './sprint-events.repository.js';
import {
  findReportTeamSprint,
  findReportTeamWithClosedSprints,
  listWorkspaceSprints,
  type WorkspaceSprint,
} from './sprint-reports.repository.js';
import { calendarOf } from './team-days.js';
import { doneStatuses } from './team-history.repository.js';

/**
 * One sprint's sprint-report figures (in points), as the query language's `Sprints` table reads
 * them beside the sprint's stored columns.
 */
export type SprintOutcomeRow = {
  workspaceId: string;
  sprintId: string;
  committed: number;
  completed: number;
  added: number;
  removed: number;
  sayDo: number | null;
};

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

  /**
   * The figures the sprint report shows (`sprintSummary`, in points — velocity's numbers too) of
   * every sprint of the workspace that has a report — dates in order — and that ends at or after
   * `endsFrom` when given, inside the caller's transaction: the sprints in one statement, the
   * events of each team's sprints in one more per team. A sprint without a report has no row.
   */
  async workspaceSprintOutcomes(
    manager: EntityManager,
    workspaceId: string,
    { endsFrom }: { endsFrom?: Date | undefined } = {},
  ): Promise<SprintOutcomeRow[]> {
    const sprints = await listWorkspaceSprints(manager, workspaceId, { endsFrom });
    const byTeam = new Map<string, WorkspaceSprint[]>();
    for (const sprint of sprints)
      byTeam.set(sprint.team.id, [...(byTeam.get(sprint.team.id) ?? []), sprint]);
    const rows: SprintOutcomeRow[] = [];
    for (const teamSprints of byTeam.values()) {
      const windows = new Map(
        teamSprints.flatMap((sprint) => {
          const window = reportWindowOf(sprint);
          return window ? [[sprint.id, window] as const] : [];
        }),
      );
      if (windows.size === 0) continue;
      const team = (teamSprints[0] as WorkspaceSprint).team;
      const events = await loadSprintEventsOf(
        manager,
        workspaceId,
        [...windows.keys()],
        doneStatuses(team.workflow),
      );
      for (const [sprintId, window] of windows) {
        const summary = sprintSummary(window, events.get(sprintId) ?? [], { unit: 'points' });
        rows.push({
          workspaceId: team.workspaceId,
          sprintId,
          committed: summary.committed,
          completed: summary.completed,
          added: summary.added,
          removed: summary.removed,
          sayDo: summary.sayDoRatio,
        });
      }
    }
    return rows;
  }
}

/** The sprint's time box, or none when the sprint report would refuse it (409). */
function reportWindowOf(sprint: WorkspaceSprint): SprintWindow | undefined {
  try {
    return sprintWindowOf(sprint);
  } catch (error) {
    if (error instanceof ProblemException) return undefined;
    throw error;
  }
}
