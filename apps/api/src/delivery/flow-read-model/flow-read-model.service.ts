import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ProblemException } from '../../common/problem/problem.js';
import { lockNameForTransaction } from '../../database/advisory-lock.repository.js';
import { JobQueue } from '../../jobs/job-queue.service.js';
import { FLOW_REFRESH_JOB, type FlowRefreshPayload } from '../../teams/team-flow-refresh.types.js';
import {
  doneStatuses,
  flowItemOf,
  forEachFlowItemChunk,
  loadFlowItemsWithIds,
  type StoredFlowFields,
} from '../team-history.repository.js';
import {
  changedDays,
  firstTouchedDay,
  type FlowContribution,
  type RankedItem,
  ranksFrom,
} from './flow-changes.js';
import {
  clearTeamFlow,
  countTeamItems,
  type FlowTeam,
  holdTeamAgainstDelete,
  type ItemFlowRow,
  readContributions,
  readDaysFrom,
  readDoneBefore,
  readFinishedFrom,
  readFlowTeam,
  readFlowTeams,
  removedAmong,
  replaceDaysFrom,
  replaceTeamFlow,
  writeChangedItems,
  writeFlowStamp,
} from './flow-read-model.repository.js';
import { flowStamp, itemFlowRow, teamFlowRowsOf } from './team-flow-rows.js';

/** Held while a team's read model is rebuilt, so readers wait instead of rebuilding twice. */
const lockName = (teamId: string) => `flow-read-model:${teamId}`;

/**
 * Takes the team's refresh lock, then holds its row against deletion before any flow row is
 * touched. The rows written reference the team, so writing them waits on a delete that locked
 * the team; a delete that got in after the old rows were cleared would cascade into them and
 * wait on this transaction in turn — a deadlock. Holding the team first makes the delete wait
 * for the refresh to commit (or the refresh find no team, once the delete committed).
 */
async function lockTeamFlow(manager: EntityManager, teamId: string): Promise<void> {
  await lockNameForTransaction(manager, lockName(teamId));
  await holdTeamAgainstDelete(manager, teamId);
}

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
  await lockTeamFlow(manager, teamId);
  const team = await readFlowTeam(manager, workspaceId, teamId);
  await rebuild(manager, workspaceId, team);
}

/** A stamp `flowStamp` never gives (it gives hex digests): rows stamped so are never served. */
const STALE_STAMP = 'stale';

/**
 * Marks the team's rows out of date inside the caller's transaction, so that the first reader
 * after its commit rebuilds them. For a writer that leaves the rows of what it writes to a
 * rebuild later on (a full Jira sync rebuilds once after its last batch): if it fails or its
 * process dies before then, its committed batches are not left out of the served numbers. Under
 * the refresh lock, so a rebuild that read the items before this commit cannot stamp its rows
 * current after it.
 */
export async function markTeamFlowStale(manager: EntityManager, teamId: string): Promise<void> {
  await lockTeamFlow(manager, teamId);
  await writeFlowStamp(manager, teamId, STALE_STAMP);
}

/** Items an import (or a sync) has just written, for `refreshTeamFlowOfItems`. */
export type WrittenItems = {
  /** Items whose stored fields and status changes are exactly these. */
  written: readonly StoredFlowFields[];
  /** Items to read back: the import kept part of what was stored (a CSV over a history). */
  reread: readonly string[];
};

/**
 * Brings the team's flow read model up to date with the items just written, inside the caller's
 * transaction, recomputing only their rows: their old rows come out of the team's days and their
 * new ones go in (see `flow-changes.ts`), the days before the first one they touch keep their
 * rows, and only the finished items from the first done day they touch are ranked again. The
 * result is what `refreshTeamFlow` would store. When the stored rows were computed with another
 * workflow or time zone — or never — and the team has items other than these, the whole team is
 * rebuilt instead.
 */
export async function refreshTeamFlowOfItems(
  manager: EntityManager,
  workspaceId: string,
  teamId: string,
  items: WrittenItems,
): Promise<void> {
  await lockTeamFlow(manager, teamId);
  const team = await readFlowTeam(manager, workspaceId, teamId);
  const stamp = flowStamp(team.workflow, team.timeZone);
  const ids = [...items.written.map((item) => item.id), ...items.reread];
  const current = team.stamp === stamp;
  if (current && ids.length === 0) return;
  // Items marked removed from their source have no row: theirs only comes out.
  const removed = await removedAmong(manager, workspaceId, ids);
  if (!current) {
    if ((await countTeamItems(manager, workspaceId, team.id)) !== ids.length - removed.size) {
      await rebuild(manager, workspaceId, team);
      return;
    }
    // Every item of the team is among these: computing them all is the rebuild.
    await clearTeamFlow(manager, team.id);
  }
  const done = doneStatuses(team.workflow);
  const flowItems = [
    ...items.written
      .filter((fields) => !removed.has(fields.id))
      .map((fields) => flowItemOf(fields, done)),
    ...(await loadFlowItemsWithIds(manager, workspaceId, team.id, team.workflow, items.reread)),
  ];
  const rows = flowItems.map((item) => itemFlowRow(item, team.workflow, team.timeZone));
  const old: FlowContribution[] = current ? await readContributions(manager, team.id, ids) : [];

  // Ranks: from the first done day any of them had or has, every finished item is ranked again.
  const doneDays = [...old, ...rows].flatMap((row) => (row.doneDay === null ? [] : [row.doneDay]));
  const reranked = new Map<string, number>();
  if (doneDays.length > 0) {
    const firstDoneDay = Math.min(...doneDays);
    // Finished items are ranked in (done day, key) order: those done before that day keep theirs.
    const firstRank = await readDoneBefore(manager, team.id, firstDoneDay);
    const others = await readFinishedFrom(manager, team.id, firstRank, ids);
    const createdAt = new Map(flowItems.map((item) => [item.id, Date.parse(item.createdAt)]));
    const finished: RankedItem[] = [
      ...others,
      ...rows.flatMap((row) =>
        row.doneDay === null
          ? []
          : [
              {
                id: row.workItemId,
                key: row.key,
                doneDay: row.doneDay,
                createdAt: createdAt.get(row.workItemId) as number,
              },
            ],
      ),
    ];
    const ranks = ranksFrom(firstRank, finished);
    for (const row of rows)
      if (row.doneDay !== null) row.doneRank = ranks.get(row.workItemId) ?? null;
    for (const other of others) {
      const rank = ranks.get(other.id) as number;
      if (rank !== other.rank) reranked.set(other.id, rank);
    }
  }
  await writeChangedItems(manager, { workspaceId, teamId: team.id }, ids, rows, reranked);

  const firstDay = firstTouchedDay([...old, ...rows]);
  if (firstDay !== null) {
    const stored = await readDaysFrom(manager, team.id, firstDay);
    const days = changedDays(team.workflow.stages.length, stored.before, stored.from, old, rows);
    await replaceDaysFrom(manager, team.id, firstDay, days);
  }
  if (!current) await writeFlowStamp(manager, team.id, stamp);
}

/**
 * Items a rebuild reads at once. Each chunk's status changes become compact rows before the
 * next chunk is read: reading a large team's whole history at once added tens of MB to a full
 * Jira sync's peak memory.
 */
const REBUILD_CHUNK = 2_000;

async function rebuild(manager: EntityManager, workspaceId: string, team: FlowTeam) {
  const itemRows: ItemFlowRow[] = [];
  await forEachFlowItemChunk(
    manager,
    workspaceId,
    team.id,
    team.workflow,
    REBUILD_CHUNK,
    (items) => {
      for (const item of items) itemRows.push(itemFlowRow(item, team.workflow, team.timeZone));
    },
  );
  const rows = teamFlowRowsOf(itemRows, team.workflow);
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
  await lockTeamFlow(manager, teamId);
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

  /**
   * Rebuilds the rows of every team of the workspace that are not current — computed with
   * another workflow or time zone, never, or marked stale by a writer that did not finish —
   * each team in a transaction of its own: for a reader of all teams' rows at once that cannot
   * rebuild them itself (the query language reads them in a read-only transaction). One query
   * when every team is current.
   */
  async refreshStaleTeams(workspaceId: string): Promise<void> {
    for (const team of await readFlowTeams(this.dataSource.manager, workspaceId)) {
      if (team.stamp === flowStamp(team.workflow, team.timeZone)) continue;
      try {
        await this.dataSource.transaction((manager) =>
          refreshStaleTeamFlow(manager, workspaceId, team.id),
        );
      } catch (error) {
        // A team deleted meanwhile has no rows left to read.
        if (error instanceof ProblemException && error.getStatus() === 404) continue;
        throw error;
      }
    }
  }
}
