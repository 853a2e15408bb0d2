import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CapacityQuery,
  CapacityResponse,
  ForecastHowManyQuery,
  ForecastHowManyResponse,
  ForecastWhenQuery,
  ForecastWhenResponse,
  InsufficientHistory,
  SprintAvailability,
} from '@bearing/contracts';
import {
  addDays,
  capacityPlan,
  epochMsToDay,
  dayToEpochDay,
  sprintSummary,
  type TeamMember as CapacityMember,
  throughputOfDays,
} from '@bearing/metrics';
import { DataSource } from 'typeorm';
import { ClockService } from '../common/clock/clock.service.js';
import { WorkerPool, workerTask } from '../common/worker-pool/worker-pool.js';
import type { forecastHowMany, forecastWhen } from './forecast.worker.js';
import { availabilityOfSprints } from '../sprints/sprint-availability.repository.js';
import { loadSprintEventsOf, sprintWindowOf } from './sprint-events.repository.js';
import {
  findReportTeamSprint,
  lastClosedSprints,
  type ReportSprint,
  type ReportTeam,
} from './sprint-reports.repository.js';
import { calendarOf, sampleRange, todayOf } from './team-days.js';
import { doneStatuses } from './team-history.repository.js';
import { readDoneDays } from './flow-read-model/flow-read-model.repository.js';
import { FlowReadModel } from './flow-read-model/flow-read-model.service.js';

const FORECAST_WORKER = new URL('./forecast.worker.js', import.meta.url);
const whenTask = workerTask<typeof forecastWhen>(FORECAST_WORKER, 'forecastWhen');
const howManyTask = workerTask<typeof forecastHowMany>(FORECAST_WORKER, 'forecastHowMany');

/**
 * Capacity planning and Monte Carlo forecasts, computed by `@bearing/metrics` — the forecasts on
 * the worker pool, as their trials are CPU-heavy.
 */
@Injectable()
export class PlanningService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: ClockService,
    private readonly workers: WorkerPool,
    private readonly flowReadModel: FlowReadModel,
  ) {}

  /**
   * `capacityPlan` for a sprint from its availability, with "yesterday's weather" from the
   * last closed sprints before it (their completed points and their own available days).
   */
  async capacity(
    workspaceId: string,
    teamRef: string,
    query: CapacityQuery,
  ): Promise<CapacityResponse> {
    const manager = this.dataSource.manager;
    const { team, sprint } = await findReportTeamSprint(
      manager,
      workspaceId,
      teamRef,
      query.sprint,
    );
    const days = sprintDays(team, sprint);
    const calendar = calendarOf(team);
    const past = (
      await lastClosedSprints(manager, team.id, query.history, sprint.startsAt ?? undefined)
    ).filter(({ id }) => id !== sprint.id);
    // The planned sprint's availability and the history's, and the history's events: two
    // statements, however long the history.
    const [availabilities, events] = await Promise.all([
      availabilityOfSprints(manager, team.id, [sprint.id, ...past.map(({ id }) => id)]),
      loadSprintEventsOf(
        manager,
        workspaceId,
        past.map(({ id }) => id),
        doneStatuses(team.workflow),
      ),
    ]);
    const availabilityIn = (sprintId: string): SprintAvailability =>
      availabilities.get(sprintId) ?? { sprintId, version: 1, members: [] };
    const availability = availabilityIn(sprint.id);
    const members = toCapacityMembers(availability);
    const history = past.map((pastSprint) => {
      const { completed } = sprintSummary(
        sprintWindowOf(pastSprint),
        events.get(pastSprint.id) ?? [],
      );
      const { availablePersonDays } = capacityPlan({
        sprint: sprintDays(team, pastSprint),
        calendar,
        members: toCapacityMembers(availabilityIn(pastSprint.id)),
        history: [],
      });
      return { sprintId: pastSprint.id, name: pastSprint.name, completed, availablePersonDays };
    });
    const plan = capacityPlan({
      sprint: days,
      calendar,
      members,
      history,
      focusFactor: query.focusFactor,
    });
    return {
      sprintId: sprint.id,
      ...days,
      ...plan,
      members: members.map((member, index) => ({
        memberId: member.id,
        displayName: availability.members[index]?.displayName ?? '',
        allocation: member.allocation,
        daysOff: member.daysOff,
        availablePersonDays: capacityPlan({
          sprint: days,
          calendar,
          members: [member],
          history: [],
        }).availablePersonDays,
      })),
      history,
    };
  }

  /** "When will `remaining` items be done?" — `monteCarloWhen` on daily throughput. */
  async when(
    workspaceId: string,
    teamRef: string,
    query: ForecastWhenQuery,
  ): Promise<ForecastWhenResponse> {
    const { team, samples, sample } = await this.samples(workspaceId, teamRef, query);
    if (samples.every((count) => count === 0)) return insufficientHistory(sample);
    const seed = seedOf(team.id, 'when', query.remaining, sample.from, sample.to, query.trials);
    const result = await this.workers.run(whenTask, {
      samples,
      remaining: query.remaining,
      trials: query.trials,
      seed,
    });
    const startDay = todayOf(team, this.clock.now());
    const dateAfter = (days: number | null) => (days === null ? null : addDays(startDay, days));
    return {
      insufficientHistory: false,
      sampleFrom: sample.from,
      sampleTo: sample.to,
      seed,
      trials: result.trials,
      remaining: query.remaining,
      startDay,
      p50: result.p50,
      p85: result.p85,
      p95: result.p95,
      dates: { p50: dateAfter(result.p50), p85: dateAfter(result.p85), p95: dateAfter(result.p95) },
      distribution: result.distribution,
      unfinished: result.unfinished,
    };
  }

  /** "How many items in `days` days?" — `monteCarloHowMany` on daily throughput. */
  async howMany(
    workspaceId: string,
    teamRef: string,
    query: ForecastHowManyQuery,
  ): Promise<ForecastHowManyResponse> {
    const { team, samples, sample } = await this.samples(workspaceId, teamRef, query);
    if (samples.every((count) => count === 0)) return insufficientHistory(sample);
    const seed = seedOf(team.id, 'how-many', query.days, sample.from, sample.to, query.trials);
    const result = await this.workers.run(howManyTask, {
      samples,
      days: query.days,
      trials: query.trials,
      seed,
    });
    return {
      insufficientHistory: false,
      sampleFrom: sample.from,
      sampleTo: sample.to,
      seed,
      trials: query.trials,
      days: query.days,
      ...result,
    };
  }

  /**
   * Daily throughput over the sample window (zero days included), as the forecasts want it:
   * the stored per-day done counts of the flow read model.
   */
  private async samples(
    workspaceId: string,
    teamRef: string,
    query: { sampleFrom?: string | undefined; sampleTo?: string | undefined },
  ) {
    const team = await this.flowReadModel.team(workspaceId, teamRef);
    const sample = sampleRange(team, this.clock.now(), query);
    const days = await readDoneDays(
      this.dataSource.manager,
      team.id,
      dayToEpochDay(sample.from),
      dayToEpochDay(sample.to),
    );
    const samples = throughputOfDays(days, { ...sample, interval: 'day' }).map(
      (bucket) => bucket.count,
    );
    return { team, samples, sample };
  }
}

/** The answer when the sample window finished nothing: nothing to resample, said in words. */
function insufficientHistory(sample: { from: string; to: string }): InsufficientHistory {
  return {
    insufficientHistory: true,
    sampleFrom: sample.from,
    sampleTo: sample.to,
    reason: `No item was finished from ${sample.from} to ${sample.to}: forecasts resample the days on which work was finished. Import the team's history or choose a sample window in which items were finished.`,
  };
}

function sprintDays(
  team: Pick<ReportTeam, 'timeZone'>,
  sprint: ReportSprint,
): { start: string; end: string } {
  const window = sprintWindowOf(sprint);
  return {
    start: epochMsToDay(Date.parse(window.start), team.timeZone),
    end: epochMsToDay(Date.parse(window.end), team.timeZone),
  };
}

/** Members with their allocation and days off in a sprint (defaults where none were entered). */
function toCapacityMembers(availability: SprintAvailability): CapacityMember[] {
  return availability.members.map((member) => ({
    id: member.memberId,
    allocation: member.allocation ?? member.defaultAllocation,
    daysOff: member.daysOff,
  }));
}

/**
 * A seed fixed by the request (FNV-1a of the team and the query), so reloading a page shows the
 * same forecast and a different question draws differently.
 */
function seedOf(...parts: (string | number)[]): number {
  let hash = 0x811c9dc5;
  for (const character of parts.join('|')) {
    hash ^= character.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
