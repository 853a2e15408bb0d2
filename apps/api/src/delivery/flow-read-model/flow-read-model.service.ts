import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { lockNameForTransaction } from '../../database/advisory-lock.repository.js';
import { loadFlowItems } from '../team-history.repository.js';
import {
  type FlowTeam,
  readFlowStamp,
  readFlowTeam,
  replaceTeamFlow,
} from './flow-read-model.repository.js';
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
 * The read side: a team with its workflow, calendar and time zone in one query, its read model
 * guaranteed current. Rows computed with another workflow or time zone (an edit since) are never
 * served: the first reader rebuilds them while later ones wait for it.
 */
@Injectable()
export class FlowReadModel {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async team(workspaceId: string, teamRef: string): Promise<FlowTeam> {
    const team = await readFlowTeam(this.dataSource.manager, workspaceId, teamRef);
    const stamp = flowStamp(team.workflow, team.timeZone);
    if (team.stamp === stamp) return team;
    await this.dataSource.transaction(async (manager) => {
      await lockNameForTransaction(manager, lockName(team.id));
      const current = await readFlowTeam(manager, workspaceId, team.id);
      if ((await readFlowStamp(manager, team.id)) === flowStamp(current.workflow, current.timeZone))
        return;
      await rebuild(manager, workspaceId, current);
    });
    return { ...(await readFlowTeam(this.dataSource.manager, workspaceId, team.id)) };
  }
}
