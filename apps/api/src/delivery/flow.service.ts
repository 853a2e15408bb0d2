import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AgingQuery,
  AgingWipResponse,
  CumulativeFlowResponse,
  CycleTimesResponse,
  DayRangeQuery,
  ThroughputQuery,
  ThroughputResponse,
  WipResponse,
} from '@bearing/contracts';
import {
  type AgingItem,
  agingOfRecords,
  agingWip,
  countsBetween,
  cumulativeFlowOfDays,
  dayToEpochDay,
  epochDayToDay,
  nearestRankOfCounts,
  throughputOfDays,
  wipOfDays,
} from '@bearing/metrics';
import { DataSource, type EntityManager } from 'typeorm';
import { ClockService } from '../common/clock/clock.service.js';
import {
  readChangedAfter,
  readCountsThrough,
  readDoneByRank,
  readDoneDays,
  readFlowDays,
  readFlowTeams,
  readInProgress,
  type FlowTeam,
} from './flow-read-model/flow-read-model.repository.js';
import { FlowReadModel } from './flow-read-model/flow-read-model.service.js';
import { dayRange, todayOf } from './team-days.js';
import { loadFlowItemsWithIds } from './team-history.repository.js';

const PERCENTILES = [0.5, 0.85, 0.95];

/** The most points the cycle-time scatter sends; more are sampled evenly (percentiles use all). */
export const MAX_CYCLE_TIME_POINTS = 5000;
/** The most items aging WIP lists: the oldest. */
export const MAX_AGING_ITEMS = 1000;

/**
 * Flow read models of a team, read from the stored per-item flow rows and per-day counts (see
 * `flow-read-model/`) and assembled by `@bearing/metrics`: a request costs a few indexed reads
 * whose size does not grow with the team's history. Nothing is computed here.
 */
@Injectable()
export class FlowService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: ClockService,
    private readonly readModel: FlowReadModel,
  ) {}

  /**
   * Items done in the range with cycle and lead time — every one, or an even sample of
   * `MAX_CYCLE_TIME_POINTS` in (done day, key) order — and the nearest-rank percentiles of all.
   */
  async cycleTimes(
    workspaceId: string,
    teamRef: string,
    query: DayRangeQuery,
  ): Promise<CycleTimesResponse> {
    const team = await this.readModel.team(workspaceId, teamRef);
    const { from, to } = dayRange(team, this.clock.now(), query);
    const manager = this.dataSource.manager;
    const { upTo: through, before } = await readCountsThrough(manager, team.id, {
      before: dayToEpochDay(from) - 1,
      upTo: dayToEpochDay(to),
    });
    const firstRank = before?.doneThrough ?? 0;
    const total = (through?.doneThrough ?? 0) - firstRank;
    const cycleCounts = countsBetween(through?.cycleCounts ?? [], before?.cycleCounts ?? null);
    const leadCounts = countsBetween(through?.leadCounts ?? [], before?.leadCounts ?? null);
    const sampled = total > MAX_CYCLE_TIME_POINTS;
    const rows =
      total === 0
        ? []
        : await readDoneByRank(
            manager,
            team.id,
            sampled
              ? { first: firstRank, total, count: MAX_CYCLE_TIME_POINTS }
              : { from: firstRank, to: firstRank + total - 1 },
          );
    const withCycleTime = cycleCounts.reduce((sum, count) => sum + count, 0);
    // Thousands of points share a few hundred done days: each day's text is made once.
    const days = new Map<number, string>();
    const dayOf = (epochDay: number) => {
      let day = days.get(epochDay);
      if (day === undefined) days.set(epochDay, (day = epochDayToDay(epochDay)));
      return day;
    };
    return {
      from,
      to,
      timeZone: team.timeZone,
      total,
      sampled,
      withoutCycleTime: total - withCycleTime,
      points: rows.map((row) => [row.key, dayOf(row.done_day), row.cycle_time, row.lead_time]),
      percentiles: percentilesOf(cycleCounts),
      leadTimePercentiles: percentilesOf(leadCounts),
    };
  }

  async throughput(
    workspaceId: string,
    teamRef: string,
    query: ThroughputQuery,
  ): Promise<ThroughputResponse> {
    const team = await this.readModel.team(workspaceId, teamRef);
    const { from, to } = dayRange(team, this.clock.now(), query);
    // Weekly buckets reach from the Monday before `from` to the Sunday after `to`.
    const days = await readDoneDays(
      this.dataSource.manager,
      team.id,
      dayToEpochDay(from) - 6,
      dayToEpochDay(to) + 6,
    );
    const buckets = throughputOfDays(days, { from, to, interval: query.interval });
    return { from, to, interval: query.interval, buckets };
  }

  async cumulativeFlow(
    workspaceId: string,
    teamRef: string,
    query: DayRangeQuery,
  ): Promise<CumulativeFlowResponse> {
    const team = await this.readModel.team(workspaceId, teamRef);
    const { from, to } = dayRange(team, this.clock.now(), query);
    const days = await readFlowDays(
      this.dataSource.manager,
      team.id,
      dayToEpochDay(from),
      dayToEpochDay(to),
    );
    return {
      from,
      to,
      stages: team.workflow.stages.map((stage) => stage.name),
      days: cumulativeFlowOfDays(days, team.workflow, { from, to }),
    };
  }

  async wip(workspaceId: string, teamRef: string, query: DayRangeQuery): Promise<WipResponse> {
    const team = await this.readModel.team(workspaceId, teamRef);
    const { from, to } = dayRange(team, this.clock.now(), query);
    const days = await readFlowDays(
      this.dataSource.manager,
      team.id,
      dayToEpochDay(from),
      dayToEpochDay(to),
    );
    return { from, to, days: wipOfDays(days, team.workflow, { from, to }) };
  }

  /**
   * Items committed and not done as of `asOf` (default today), oldest first: how many, and the
   * `MAX_AGING_ITEMS` oldest. Items whose history goes on after `asOf` (a day in the past) are
   * replayed up to it; the others are what their stored rows say.
   */
  async aging(workspaceId: string, teamRef: string, query: AgingQuery): Promise<AgingWipResponse> {
    const team = await this.readModel.team(workspaceId, teamRef);
    const asOf = query.asOf ?? todayOf(team, this.clock.now());
    const { total, items } = await agingAsOf(
      this.dataSource.manager,
      workspaceId,
      team,
      asOf,
      MAX_AGING_ITEMS,
    );
    return {
      asOf,
      stages: team.workflow.stages.map((stage) => stage.name),
      total,
      items: items.map(({ key, title, stage, ageDays }) => ({ key, title, stage, ageDays })),
    };
  }

  /**
   * The age of every item in progress in every team of the workspace, as each team's aging WIP
   * chart shows it today in the team's time zone (`now` the caller's), inside the caller's
   * transaction — which may be read-only, so it cannot rebuild stale rows: the caller brings
   * them up to date first (`FlowReadModel.refreshStaleTeams`).
   */
  async workspaceAges(
    manager: EntityManager,
    workspaceId: string,
    now: Date,
  ): Promise<{ workspaceId: string; workItemId: string; ageDays: number }[]> {
    const ages: { workspaceId: string; workItemId: string; ageDays: number }[] = [];
    for (const team of await readFlowTeams(manager, workspaceId)) {
      const { items } = await agingAsOf(manager, workspaceId, team, todayOf(team, now));
      for (const item of items) {
        ages.push({ workspaceId: team.workspaceId, workItemId: item.id, ageDays: item.ageDays });
      }
    }
    return ages;
  }
}

/**
 * Items committed and not done as of `asOf`, oldest first, at most `limit` of them: those whose
 * history goes on after `asOf` (a day in the past) replayed up to it, the others what their
 * stored rows say.
 */
async function agingAsOf(
  manager: EntityManager,
  workspaceId: string,
  team: FlowTeam,
  asOf: string,
  limit = Number.MAX_SAFE_INTEGER,
): Promise<{ total: number; items: (AgingItem & { key: string; title: string })[] }> {
  const asOfDay = dayToEpochDay(asOf);
  const [stored, changedAfter] = await Promise.all([
    readInProgress(manager, team.id, asOfDay, limit),
    readChangedAfter(manager, team.id, asOfDay),
  ]);
  const fromRows = agingOfRecords(
    stored.rows.map((row) => ({
      id: row.id,
      committedDay: row.committed_day,
      doneDay: null,
      stage: row.stage,
    })),
    team.workflow,
    asOf,
  );
  const labels = new Map<string, { key: string; title: string }>(
    stored.rows.map((row) => [row.id, row]),
  );
  let replayed: AgingItem[] = [];
  if (changedAfter.length > 0) {
    const items = await loadFlowItemsWithIds(
      manager,
      workspaceId,
      team.id,
      team.workflow,
      changedAfter,
    );
    for (const item of items) labels.set(item.id, item);
    replayed = agingWip(items, team.workflow, asOf, { timeZone: team.timeZone });
  }
  const items = [...fromRows, ...replayed]
    .map((item) => {
      const { key, title } = labels.get(item.id) as { key: string; title: string };
      return { ...item, key, title };
    })
    .sort((first, second) => second.ageDays - first.ageDays || first.key.localeCompare(second.key))
    .slice(0, limit);
  return { total: stored.total + replayed.length, items };
}

function percentilesOf(counts: number[]): CycleTimesResponse['percentiles'] {
  const [p50 = null, p85 = null, p95 = null] = nearestRankOfCounts(counts, PERCENTILES) ?? [];
  return { p50, p85, p95 };
}
