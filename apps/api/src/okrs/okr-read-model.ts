import { Injectable } from '@nestjs/common';
import type {
  CheckInDue,
  KeyResult as KeyResultResponse,
  Objective as ObjectiveResponse,
} from '@bearing/contracts';
import type { Day } from '@bearing/metrics';
import { type EntityManager, In } from 'typeorm';
import { ClockService } from '../common/clock/clock.service.js';
import { latestPointsOf } from '../metrics/metric-lookup.js';
import { programIdsOfRecords } from '../programs/program-links.js';
import { checkInDue } from './check-ins/check-in-due.js';
import { CheckIn } from './check-ins/check-in.entity.js';
import { type KeyResultReading, toKeyResultResponse } from './key-results/key-result.mapper.js';
import { KeyResult } from './key-results/key-result.entity.js';
import { toObjectiveResponse } from './objectives/objective.mapper.js';
import { Objective } from './objectives/objective.entity.js';
import { keyResultNumbers, objectiveNumbers } from './okr-numbers.js';
import type { Period } from './periods/period.entity.js';

/**
 * Turns objectives and key results into responses with their numbers as of today: loads, in a
 * few batched queries, what the numbers need (current values, last check-ins, periods) and has
 * `@bearing/metrics` compute them.
 */
@Injectable()
export class OkrReadModel {
  constructor(private readonly clock: ClockService) {}

  /** For key results loaded with their metric. */
  async keyResults(
    manager: EntityManager,
    keyResults: readonly KeyResult[],
  ): Promise<KeyResultResponse[]> {
    if (keyResults.length === 0) return [];
    const objectives = await manager.getRepository(Objective).find({
      where: { id: In([...new Set(keyResults.map(({ objectiveId }) => objectiveId))]) },
      relations: { period: true },
    });
    const objectivesById = new Map(objectives.map((objective) => [objective.id, objective]));
    const readings = await readingsOf(manager, keyResults);
    const today = this.clock.today();
    return keyResults.map((keyResult) => {
      const objective = objectivesById.get(keyResult.objectiveId);
      if (!objective?.period) throw new Error(`key result ${keyResult.id} without its objective`);
      return keyResultResponse(keyResult, objective, objective.period, readings, today);
    });
  }

  /** For objectives loaded with their owner and period. */
  async objectives(
    manager: EntityManager,
    objectives: readonly Objective[],
  ): Promise<ObjectiveResponse[]> {
    if (objectives.length === 0) return [];
    const keyResults = await manager.getRepository(KeyResult).find({
      where: { objectiveId: In(objectives.map(({ id }) => id)) },
      relations: { metric: true },
    });
    const readings = await readingsOf(manager, keyResults);
    const programIds = await programIdsOfRecords(manager, 'objective', objectives);
    const today = this.clock.today();
    return objectives.map((objective) => {
      const period = objective.period;
      if (!period) throw new Error(`objective ${objective.id} loaded without its period`);
      const measured = keyResults
        .filter(({ objectiveId }) => objectiveId === objective.id)
        .map((keyResult) => ({
          progress: keyResultResponse(keyResult, objective, period, readings, today).progress,
          weight: keyResult.weight,
        }));
      return toObjectiveResponse(
        objective,
        objectiveNumbers(measured, period, today),
        programIds.get(objective.id) ?? [],
      );
    });
  }
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
    keyResultNumbers(keyResult, reading.current, period, today),
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
  if (objective.status !== 'active' || today < period.start || today > period.end) return null;
  const since = checkInSince(keyResult, period, reading.lastCheckIn?.date ?? null);
  return checkInDue(since, keyResult.cadence, today);
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

/**
 * Current value and last check-in of each key result: the linked metric's latest point, or
 * else the value of the latest check-in (latest date, then latest made — a correction wins).
 */
async function readingsOf(
  manager: EntityManager,
  keyResults: readonly KeyResult[],
): Promise<Map<string, KeyResultReading>> {
  const readings = new Map<string, KeyResultReading>();
  if (keyResults.length === 0) return readings;
  const lastCheckIns = await manager
    .getRepository(CheckIn)
    .createQueryBuilder('checkIn')
    .innerJoinAndSelect('checkIn.author', 'author')
    .distinctOn(['checkIn.keyResultId'])
    .where('checkIn.keyResultId IN (:...ids)', { ids: keyResults.map(({ id }) => id) })
    .orderBy('checkIn.keyResultId')
    .addOrderBy('checkIn.date', 'DESC')
    .addOrderBy('checkIn.createdAt', 'DESC')
    .addOrderBy('checkIn.id', 'DESC')
    .getMany();
  const checkInsByKeyResult = new Map(
    lastCheckIns.map((checkIn) => [checkIn.keyResultId, checkIn]),
  );
  const latestPoints = await latestPointsOf(
    manager,
    keyResults.flatMap(({ metricId }) => (metricId ? [metricId] : [])),
  );
  for (const keyResult of keyResults) {
    const lastCheckIn = checkInsByKeyResult.get(keyResult.id) ?? null;
    const current = keyResult.metricId
      ? (latestPoints.get(keyResult.metricId)?.value ?? null)
      : (lastCheckIn?.value ?? null);
    readings.set(keyResult.id, { current, lastCheckIn });
  }
  return readings;
}
