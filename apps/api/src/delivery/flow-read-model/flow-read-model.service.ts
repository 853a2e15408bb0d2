import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ProblemException } from '../../common/problem/problem.js';
import { lockNameForTransaction } from '../../database/advisory-lock.repository.js';
import { JobQueue } from '../../jobs/job-queue.service.js';
import { FLOW_REFRESH_JOB, type FlowRefreshPayload } from '../../teams/team-flow-refresh.types.js';
import { loadFlowItems } from '../team-history.repository.js';
import { type FlowTeam, readFlowTeam, replaceTeamFlow } from './flow-read-model.repository.js';
import { flowStamp, teamFlowRows } from './team-flow-rows.js';

/** Held while a team's read model is rebuilt, so readers wait instead of rebuilding twice. */
const lockName = (teamId: string) => `flow-read-model:${teamId}`;

/**
 * Recomputes the team's flow read model from its stored items and history, with its current
 * workflow and time zone, inside the caller's transaction: an import calls it after writing, so
 * its items and their rows commit together.
 */
export async function refreshTeamFlow(
  manager: EntityManager,
  workspaceId: string,
  teamId: string,
): Promise<void> {
  await lockNameForTransaction(manager, lockName(teamId));
  const team = await readFlowTeam(manager, workspaceId, teamId);
  await rebuild(manager, workspaceId, team);
}

async function rebuild(manager: EntityManager, workspaceId: string, team: FlowTeam) {
  const items = await loadFlowItems(manager, workspaceId, team.id, team.workflow);
  const rows = teamFlowRows(items, team.workflow, team.timeZone);
  const stamp = flowStamp(team.workflow, team.timeZone);
  await replaceTeamFlow(manager, { workspaceId, teamId: team.id, stamp }, rows.items, rows.days);
}

/**
 * Rebuilds the team's rows if they were computed with another workflow or time zone than the
 * team's current ones (or never); under the refresh lock, so concurrent callers wait for one
 * rebuild. Returns the team as it is now.
 */
export async function refreshStaleTeamFlow(
  manager: EntityManager,
  workspaceId: string,
  teamId: string,
): Promise<FlowTeam> {
  await lockNameForTransaction(manager, lockName(teamId));
  const team = await readFlowTeam(manager, workspaceId, teamId);
  if (team.stamp !== flowStamp(team.workflow, team.timeZone)) {
    await rebuild(manager, workspaceId, team);
  }
  return readFlowTeam(manager, workspaceId, teamId);
}

/**
 * The read side: a team with its workflow, calendar and time zone in one query, its read model
 * guaranteed current. Rows computed with another workflow or time zone (an edit whose queued
 * refresh has not run yet) are never served: the first reader rebuilds them while later ones
 * wait for it.
 */
@Injectable()
export class FlowReadModel {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    queue: JobQueue,
  ) {
    queue.register<FlowRefreshPayload>(
      FLOW_REFRESH_JOB,
      ({ workspaceId, teamId }) =>
        this.dataSource
          .transaction((manager) => refreshStaleTeamFlow(manager, workspaceId, teamId))
          .then(() => undefined)
          .catch((error: unknown) => {
            // A team deleted since the edit has nothing left to refresh.
            if (error instanceof ProblemException && error.getStatus() === 404) return;
            throw error;
          }),
      { retries: 2, timeoutSeconds: 600 },
    );
  }

  async team(workspaceId: string, teamRef: string): Promise<FlowTeam> {
    const team = await readFlowTeam(this.dataSource.manager, workspaceId, teamRef);
    if (team.stamp === flowStamp(team.workflow, team.timeZone)) return team;
    return this.dataSource.transaction((manager) =>
      refreshStaleTeamFlow(manager, workspaceId, team.id),
    );
  }
}
