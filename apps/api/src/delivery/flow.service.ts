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
  agingWip,
  cumulativeFlow,
  cycleTime,
  leadTime,
  quantiles,
  stageEntryDays,
  throughput,
  wip,
  type Workflow,
} from '@bearing/metrics';
import { DataSource } from 'typeorm';
import { ClockService } from '../common/clock/clock.service.js';
import { findTeam } from '../teams/team.repository.js';
import type { Team } from '../teams/team.entity.js';
import { dayRange, todayOf } from './team-days.js';
import { type FlowItem, loadFlowItems } from './team-history.repository.js';

const PERCENTILES = [0.5, 0.85, 0.95];

/**
 * Flow read models of a team: each loads the team's item histories and hands them, with the
 * team's workflow and time zone, to `@bearing/metrics`. Nothing is computed here.
 */
@Injectable()
export class FlowService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: ClockService,
  ) {}

  /** Items done in the range with cycle and lead time, and their nearest-rank percentiles. */
  async cycleTimes(
    workspaceId: string,
    teamRef: string,
    query: DayRangeQuery,
  ): Promise<CycleTimesResponse> {
    const { team, workflow, items } = await this.load(workspaceId, teamRef);
    const { from, to } = dayRange(team, this.clock.now(), query);
    const options = { timeZone: team.timeZone };
    const rows = items.flatMap((item) => {
      const days = stageEntryDays(item, workflow, options);
      const doneDay = days[workflow.doneStage] ?? null;
      if (doneDay === null || doneDay < from || doneDay > to) return [];
      return [
        {
          key: item.key,
          title: item.title,
          committedDay: item.hasHistory ? (days[workflow.committedStage] ?? null) : null,
          doneDay,
          cycleTime: item.hasHistory ? cycleTime(item, workflow, options) : null,
          leadTime: leadTime(item, workflow, options),
        },
      ];
    });
    rows.sort(
      (first, second) =>
        first.doneDay.localeCompare(second.doneDay) || first.key.localeCompare(second.key),
    );
    return {
      from,
      to,
      timeZone: team.timeZone,
      items: rows,
      percentiles: percentilesOf(rows.map((row) => row.cycleTime)),
      leadTimePercentiles: percentilesOf(rows.map((row) => row.leadTime)),
    };
  }

  async throughput(
    workspaceId: string,
    teamRef: string,
    query: ThroughputQuery,
  ): Promise<ThroughputResponse> {
    const { team, workflow, items } = await this.load(workspaceId, teamRef);
    const { from, to } = dayRange(team, this.clock.now(), query);
    const buckets = throughput(items, workflow, {
      from,
      to,
      interval: query.interval,
      timeZone: team.timeZone,
    });
    return { from, to, interval: query.interval, buckets };
  }

  async cumulativeFlow(
    workspaceId: string,
    teamRef: string,
    query: DayRangeQuery,
  ): Promise<CumulativeFlowResponse> {
    const { team, workflow, items } = await this.load(workspaceId, teamRef);
    const { from, to } = dayRange(team, this.clock.now(), query);
    const days = cumulativeFlow(withHistory(items), workflow, {
      from,
      to,
      timeZone: team.timeZone,
    });
    return { from, to, stages: workflow.stages.map((stage) => stage.name), days };
  }

  async wip(workspaceId: string, teamRef: string, query: DayRangeQuery): Promise<WipResponse> {
    const { team, workflow, items } = await this.load(workspaceId, teamRef);
    const { from, to } = dayRange(team, this.clock.now(), query);
    return {
      from,
      to,
      days: wip(withHistory(items), workflow, { from, to, timeZone: team.timeZone }),
    };
  }

  /** Items committed and not done as of `asOf` (default today), oldest first. */
  async aging(workspaceId: string, teamRef: string, query: AgingQuery): Promise<AgingWipResponse> {
    const { team, workflow, items } = await this.load(workspaceId, teamRef);
    const asOf = query.asOf ?? todayOf(team, this.clock.now());
    const byId = new Map(items.map((item) => [item.id, item]));
    const aging = agingWip(withHistory(items), workflow, asOf, { timeZone: team.timeZone })
      .map(({ id, stage, ageDays }) => {
        const item = byId.get(id) as FlowItem;
        return { key: item.key, title: item.title, stage, ageDays };
      })
      .sort(
        (first, second) => second.ageDays - first.ageDays || first.key.localeCompare(second.key),
      );
    return { asOf, stages: workflow.stages.map((stage) => stage.name), items: aging };
  }

  private async load(
    workspaceId: string,
    teamRef: string,
  ): Promise<{ team: Team; workflow: Workflow; items: FlowItem[] }> {
    const manager = this.dataSource.manager;
    const team = await findTeam(manager, workspaceId, teamRef);
    const items = await loadFlowItems(manager, workspaceId, team.id, team.workflow);
    return { team, workflow: team.workflow, items };
  }
}

/** Only items whose status history is known: a CSV row cannot say when work started. */
function withHistory(items: FlowItem[]): FlowItem[] {
  return items.filter((item) => item.hasHistory);
}

function percentilesOf(values: (number | null)[]): CycleTimesResponse['percentiles'] {
  const known = values.filter((value): value is number => value !== null);
  const [p50 = null, p85 = null, p95 = null] = quantiles(known, PERCENTILES, 'nearest-rank') ?? [];
  return { p50, p85, p95 };
}
