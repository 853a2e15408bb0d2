import type { CheckInDue, KeyResult as KeyResultResponse } from '@bearing/contracts';
import { toCheckInResponse } from '../check-ins/check-in.mapper.js';
import type { CheckIn } from '../check-ins/check-in.entity.js';
import type { OkrNumbers } from '../okr-numbers.js';
import type { KeyResult } from './key-result.entity.js';

export type KeyResultReading = { current: number | null; lastCheckIn: CheckIn | null };

/** For a key result loaded with its metric. */
export function toKeyResultResponse(
  keyResult: KeyResult,
  reading: KeyResultReading,
  numbers: OkrNumbers,
  checkInDue: CheckInDue | null,
): KeyResultResponse {
  return {
    id: keyResult.id,
    objectiveId: keyResult.objectiveId,
    title: keyResult.title,
    kind: keyResult.kind,
    unit: keyResult.unit,
    baseline: keyResult.baseline,
    target: keyResult.target,
    weight: keyResult.weight,
    cadence: keyResult.cadence,
    metricKey: keyResult.metric?.key ?? null,
    current: reading.current,
    ...numbers,
    lastCheckIn: reading.lastCheckIn && toCheckInResponse(reading.lastCheckIn),
    checkInDue,
    version: keyResult.version,
    createdAt: keyResult.createdAt.toISOString(),
    updatedAt: keyResult.updatedAt.toISOString(),
  };
}
