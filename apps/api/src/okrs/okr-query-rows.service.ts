import { Injectable } from '@nestjs/common';
import type { CheckInDue, Pace } from '@bearing/contracts';
import type { Day } from '@bearing/metrics';
import type { EntityManager } from 'typeorm';
import { addCadence } from './check-ins/check-in-due.js';
import { keyResultsOfWorkspace } from './key-results/key-result.repository.js';
import { objectivesOfWorkspace } from './objectives/objective.repository.js';
import { checkInExpected, checkInSince, OkrReadModel } from './okr-read-model.service.js';

/** An objective's numbers as of a day, as its page shows them on that day. */
export type ObjectiveQueryRow = {
  workspaceId: string;
  id: string;
  progress: number | null;
  expectedProgress: number;
  pace: Pace | null;
};

/** A key result's numbers and check-in state as of a day, as its page shows them on that day. */
export type KeyResultQueryRow = {
  workspaceId: string;
  id: string;
  current: number | null;
  progress: number | null;
  expectedProgress: number;
  pace: Pace | null;
  /** The date of the last check-in counted (as of the period's end once it is over). */
  lastCheckIn: Day | null;
  /** `due` / `overdue` / null: what the key result's page and the check-in reminders say. */
  checkInDue: CheckInDue | null;
  /**
   * The day the next check-in is (or was) due — one cadence interval after the last check-in
   * or the start — while check-ins are expected (active objective, period running); else null.
   * `checkInDue` is not null exactly when this day has come.
   */
  checkInDueOn: Day | null;
};

/**
 * The day-dependent numbers of the query language's `Objectives` and `KeyResults` tables for
 * one workspace as of `today` (the run's day): the OKR read model's own responses — the numbers
 * the OKR pages show on that day, computed by `@bearing/metrics` — so a query never computes
 * them a second way. Runs in the caller's transaction.
 */
@Injectable()
export class OkrQueryRows {
  constructor(private readonly okrs: OkrReadModel) {}

  async objectives(
    manager: EntityManager,
    workspaceId: string,
    today: Day,
  ): Promise<ObjectiveQueryRow[]> {
    const objectives = await objectivesOfWorkspace(manager, workspaceId);
    const responses = await this.okrs.objectives(manager, objectives, today);
    return responses.map(({ id, progress, expectedProgress, pace }) => ({
      workspaceId,
      id,
      progress,
      expectedProgress,
      pace,
    }));
  }

  async keyResults(
    manager: EntityManager,
    workspaceId: string,
    today: Day,
  ): Promise<KeyResultQueryRow[]> {
    const keyResults = await keyResultsOfWorkspace(manager, workspaceId);
    if (keyResults.length === 0) return [];
    const objectives = new Map(
      (await objectivesOfWorkspace(manager, workspaceId)).map((objective) => [
        objective.id,
        objective,
      ]),
    );
    const keyResultsById = new Map(keyResults.map((keyResult) => [keyResult.id, keyResult]));
    const responses = await this.okrs.keyResults(manager, keyResults, today);
    return responses.map((response) => {
      const keyResult = keyResultsById.get(response.id);
      const objective = objectives.get(response.objectiveId);
      const period = objective?.period;
      const lastCheckIn = response.lastCheckIn?.date ?? null;
      const expected =
        keyResult && objective && period && checkInExpected(objective, period, today);
      return {
        workspaceId,
        id: response.id,
        current: response.current,
        progress: response.progress,
        expectedProgress: response.expectedProgress,
        pace: response.pace,
        lastCheckIn,
        checkInDue: response.checkInDue,
        checkInDueOn: expected
          ? addCadence(checkInSince(keyResult, period, lastCheckIn), keyResult.cadence, 1)
          : null,
      };
    });
  }
}
