import { Inject, Injectable } from '@nestjs/common';
import type {
  CheckInDue,
  KeyResult as KeyResultResponse,
  Objective as ObjectiveResponse,
} from '@bearing/contracts';
import {
  type Day,
  type ObjectiveRollupNode,
  okrAsOf,
  type WeightedProgress,
} from '@bearing/metrics';
import type { EntityManager } from 'typeorm';
import { ClockService } from '../common/clock/clock.service.js';
import { latestPointsOnOrBefore } from '../metrics/metric.repository.js';
import { checkInDue } from './check-ins/check-in-due.js';
import { lastCheckInsOnOrBefore } from './check-ins/check-in.repository.js';
import { type KeyResultReading, toKeyResultResponse } from './key-results/key-result.mapper.js';
import type { KeyResult } from './key-results/key-result.entity.js';
import { keyResultsOfObjectives } from './key-results/key-result.repository.js';
import {
  descendantIdsOf,
  ROLLUP_MAX_DEPTH,
} from './objectives/objective-descendants.repository.js';
import { toObjectiveResponse } from './objectives/objective.mapper.js';
import {
  OBJECTIVE_PROGRAMS,
  type ObjectivePrograms,
} from './objectives/objective-programs.types.js';
import type { Objective } from './objectives/objective.entity.js';
import { objectivesWithPeriod } from './objectives/objective.repository.js';
import { keyResultNumbers, objectiveNumbers } from './okr-numbers.js';
import type { Period } from './periods/period.entity.js';

/**
 * Turns objectives and key results into responses with their numbers: loads, in a few batched
 * queries, what the numbers need (current values, last check-ins, periods) and has
 * `@bearing/metrics` compute them. Every number is as of `okrAsOf(period, today)` — today while
 * the period runs, its last day once it is over — and so is the reading it comes from, so a
 * closed quarter keeps the grade it ended with. Every view of OKR numbers (OKR endpoints,
 * programs, the portfolio, status reports) goes through here, so they all agree.
 */
@Injectable()
export class OkrReadModel {
  constructor(
    private readonly clock: ClockService,
    @Inject(OBJECTIVE_PROGRAMS) private readonly programs: ObjectivePrograms,
  ) {}

  /**
   * For key results loaded with their metric; as of `today` (the clock's, unless a caller such
   * as a query run at a scheduled time names its own day).
   */
  async keyResults(
    manager: EntityManager,
    keyResults: readonly KeyResult[],
    today: Day = this.clock.today(),
  ): Promise<KeyResultResponse[]> {
    if (keyResults.length === 0) return [];
    const objectives = await perWorkspace(keyResults, (workspaceId, inWorkspace) =>
      objectivesWithPeriod(
        manager,
        workspaceId,
        inWorkspace.map(({ objectiveId }) => objectiveId),
      ),
    );
    const measured = measuredIn(keyResults, objectives);
    const readings = await readingsOf(manager, measured, today);
    return measured.map(({ keyResult, objective, period }) =>
      keyResultResponse(keyResult, objective, period, readings, today),
    );
  }

  /**
   * For objectives loaded with their owner and period. Each one's progress is rolled up from its
   * own key results and the objectives aligned below it (`objectiveRollup`), so those are
   * loaded too; cancelled aligned objectives do not count. As of `today`, as `keyResults`.
   */
  async objectives(
    manager: EntityManager,
    objectives: readonly Objective[],
    today: Day = this.clock.today(),
  ): Promise<ObjectiveResponse[]> {
    if (objectives.length === 0) return [];
    const alignedBelow = await alignedObjectivesBelow(manager, objectives);
    const inTree = [...objectives, ...alignedBelow];
    const keyResults = await perWorkspace(inTree, (workspaceId, inWorkspace) =>
      keyResultsOfObjectives(
        manager,
        workspaceId,
        inWorkspace.map(({ id }) => id),
      ),
    );
    const measured = measuredIn(keyResults, inTree);
    const readings = await readingsOf(manager, measured, today);
    const programIds = await this.programs.programIdsOf(manager, objectives);
    const progresses = new Map<string, WeightedProgress[]>();
    for (const { keyResult, objective, period } of measured) {
      const reading = readings.get(keyResult.id);
      const { progress } = keyResultNumbers(
        keyResult,
        reading?.current ?? null,
        period,
        okrAsOf(period, today),
      );
      const list = progresses.get(objective.id) ?? [];
      list.push({ progress, weight: keyResult.weight });
      progresses.set(objective.id, list);
    }
    const tree = rollupTree(inTree, progresses);
    return objectives.map((objective) => {
      const period = objective.period;
      if (!period) throw new Error(`objective ${objective.id} loaded without its period`);
      return toObjectiveResponse(
        objective,
        objectiveNumbers(tree(objective.id), period, okrAsOf(period, today)),
        programIds.get(objective.id) ?? [],
      );
    });
  }
}

/** Every objective aligned (directly or not) below `objectives`, loaded with its period. */
async function alignedObjectivesBelow(
  manager: EntityManager,
  objectives: readonly Objective[],
): Promise<Objective[]> {
  const ids = await descendantIdsOf(
    manager,
    objectives.map(({ id }) => id),
  );
  // Objectives align only within their workspace, so the descendants are in the workspaces of
  // `objectives`.
  return perWorkspace(objectives, (workspaceId) => objectivesWithPeriod(manager, workspaceId, ids));
}

/**
 * `load` run once for each workspace among `records` with that workspace's records, the results
 * joined: every read names the workspace it reads from (in practice there is one).
 */
async function perWorkspace<Record extends { workspaceId: string }, Loaded>(
  records: readonly Record[],
  load: (workspaceId: string, inWorkspace: Record[]) => Promise<Loaded[]>,
): Promise<Loaded[]> {
  const byWorkspace = new Map<string, Record[]>();
  for (const record of records) {
    byWorkspace.set(record.workspaceId, [...(byWorkspace.get(record.workspaceId) ?? []), record]);
  }
  const loaded = await Promise.all(
    [...byWorkspace].map(([workspaceId, inWorkspace]) => load(workspaceId, inWorkspace)),
  );
  return loaded.flat();
}

/**
 * The roll-up input of an objective among `objectives`: its key results' progress and, under
 * it, the objectives aligned to it that are not cancelled — `ROLLUP_MAX_DEPTH` levels deep at
 * most, so a tree of any shape (or a cycle, which the API never lets in) stays bounded.
 */
function rollupTree(
  objectives: readonly Objective[],
  progresses: ReadonlyMap<string, readonly WeightedProgress[]>,
): (objectiveId: string) => ObjectiveRollupNode {
  const childrenOf = new Map<string, Objective[]>();
  for (const objective of new Map(objectives.map((each) => [each.id, each])).values()) {
    if (objective.parentId === null || objective.status === 'cancelled') continue;
    const siblings = childrenOf.get(objective.parentId) ?? [];
    siblings.push(objective);
    childrenOf.set(objective.parentId, siblings);
  }
  const node = (objectiveId: string, depth: number): ObjectiveRollupNode => ({
    keyResults: progresses.get(objectiveId) ?? [],
    children:
      depth >= ROLLUP_MAX_DEPTH
        ? []
        : (childrenOf.get(objectiveId) ?? []).map((child) => node(child.id, depth + 1)),
  });
  return (objectiveId) => node(objectiveId, 0);
}

function keyResultResponse(
  keyResult: KeyResult,
  objective: Objective,
  period: Period,
  readings: Map<string, KeyResultReading>,
  today: Day,
): KeyResultResponse {
  const reading = readings.get(keyResult.id) ?? { current: null, lastCheckIn: null };
  return toKeyResultResponse(
    keyResult,
    reading,
    keyResultNumbers(keyResult, reading.current, period, okrAsOf(period, today)),
    dueness(keyResult, objective, period, reading, today),
  );
}

/**
 * Check-ins are expected of active objectives while their period runs, one cadence interval
 * after the last check-in — or after the key result started (its creation, or the period's
 * start when it was made in advance).
 */
function dueness(
  keyResult: KeyResult,
  objective: Objective,
  period: Period,
  reading: KeyResultReading,
  today: Day,
): CheckInDue | null {
  if (!checkInExpected(objective, period, today)) return null;
  const since = checkInSince(keyResult, period, reading.lastCheckIn?.date ?? null);
  return checkInDue(since, keyResult.cadence, today);
}

/** Check-ins are expected of an active objective on the days its period runs. */
export function checkInExpected(
  objective: Pick<Objective, 'status'>,
  period: Pick<Period, 'start' | 'end'>,
  today: Day,
): boolean {
  return objective.status === 'active' && today >= period.start && today <= period.end;
}

/**
 * The day the key result's check-in cadence counts from: its last check-in, or else when it
 * started (its creation, or the period's start when it was made in advance).
 */
export function checkInSince(
  keyResult: Pick<KeyResult, 'createdAt'>,
  period: Pick<Period, 'start'>,
  lastCheckInDate: Day | null,
): Day {
  const since = lastCheckInDate ?? keyResult.createdAt.toISOString().slice(0, 10);
  return since > period.start ? since : period.start;
}

/** A key result with the objective and period it is measured in. */
type MeasuredKeyResult = { keyResult: KeyResult; objective: Objective; period: Period };

/** Pairs each key result with its objective, among `objectives` loaded with their period. */
function measuredIn(
  keyResults: readonly KeyResult[],
  objectives: readonly Objective[],
): MeasuredKeyResult[] {
  const objectivesById = new Map(objectives.map((objective) => [objective.id, objective]));
  return keyResults.map((keyResult) => {
    const objective = objectivesById.get(keyResult.objectiveId);
    if (!objective?.period) throw new Error(`key result ${keyResult.id} without its period`);
    return { keyResult, objective, period: objective.period };
  });
}

/**
 * Current value and last check-in of each key result as of `okrAsOf(period, today)`: the
 * linked metric's latest point dated on or before that day (by the point's timestamp, so a late
 * upload of a point inside the period counts), or else the value of the latest check-in dated
 * on or before it (latest date, then latest made — a correction wins).
 */
async function readingsOf(
  manager: EntityManager,
  measured: readonly MeasuredKeyResult[],
  today: Day,
): Promise<Map<string, KeyResultReading>> {
  const readings = new Map<string, KeyResultReading>();
  if (measured.length === 0) return readings;
  const asOf = measured.map(({ keyResult, period }) => ({
    keyResult,
    day: okrAsOf(period, today),
  }));
  const lastCheckIns = await lastCheckInsOnOrBefore(manager, asOf);
  const points = await latestPointsOnOrBefore(
    manager,
    asOf.flatMap(({ keyResult, day }) =>
      keyResult.metricId
        ? [
            {
              key: keyResult.id,
              workspaceId: keyResult.workspaceId,
              metricId: keyResult.metricId,
              day,
            },
          ]
        : [],
    ),
  );
  for (const { keyResult } of asOf) {
    const lastCheckIn = lastCheckIns.get(keyResult.id) ?? null;
    const current = keyResult.metricId
      ? (points.get(keyResult.id)?.value ?? null)
      : (lastCheckIn?.value ?? null);
    readings.set(keyResult.id, { current, lastCheckIn });
  }
  return readings;
}
