import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CreateKeyResultRequest,
  type KeyResult as KeyResultResponse,
  type KeyResultListQuery,
  type KeyResultPage,
  keyResultRuleViolations,
  type UpdateKeyResultRequest,
} from '@bearing/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../access/caller.js';
import { recordAuditEvent } from '../../audit/audit.repository.js';
import { ProblemException } from '../../common/problem/problem.js';
import { checkInOtherThanZeroOrOne } from '../check-ins/check-in.repository.js';
import { findKeyResult, invalid, lockForEdit, referencedMetric } from '../okr.repository.js';
import type { Metric } from '../../metrics/metric.entity.js';
import { OkrReadModel } from '../okr-read-model.service.js';
import {
  deleteKeyResult,
  insertKeyResult,
  keyResultPage,
  saveKeyResult,
} from './key-result.repository.js';
import { shareLockedStatus } from '../objectives/objective.repository.js';
import { staleVersion } from '../../common/problem/stale-version.js';

/** A milestone runs from 0 (not done) to 1 (done). */
const MILESTONE = { baseline: 0, target: 1 } as const;

/** Key results of one workspace; every query filters by the workspace id. */
@Injectable()
export class KeyResultsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly readModel: OkrReadModel,
  ) {}

  /** Oldest first, keyset-paged on (created_at, id); filtered by objective or period. */
  async list(
    workspaceId: string,
    { limit, cursor, objective, period }: KeyResultListQuery,
  ): Promise<KeyResultPage> {
    const { rows, nextCursor } = await keyResultPage(
      this.dataSource.manager,
      workspaceId,
      { objective, period },
      { cursor, limit },
    );
    const responses = await this.readModel.keyResults(this.dataSource.manager, rows);
    const byId = new Map(responses.map((response) => [response.id, response]));
    return {
      items: rows.map((keyResult) => byId.get(keyResult.id) as KeyResultResponse),
      nextCursor,
    };
  }

  async get(workspaceId: string, id: string): Promise<KeyResultResponse> {
    return this.responseFor(this.dataSource.manager, workspaceId, id);
  }

  async create(
    workspaceId: string,
    actor: Actor,
    request: CreateKeyResultRequest,
  ): Promise<KeyResultResponse> {
    return this.dataSource.transaction(async (manager) => {
      await assertActiveObjective(manager, workspaceId, request.objectiveId, 'own');
      const metric =
        request.metricKey === null
          ? null
          : await referencedMetric(manager, workspaceId, request.metricKey);
      const milestone = request.kind === 'milestone';
      const keyResult = await insertKeyResult(manager, {
        workspaceId,
        objectiveId: request.objectiveId,
        title: request.title,
        kind: request.kind,
        unit: unitFollowing(metric, request.unit),
        baseline: milestone ? MILESTONE.baseline : (request.baseline ?? null),
        target: milestone ? MILESTONE.target : (request.target ?? 0),
        weight: request.weight,
        cadence: request.cadence,
        metricId: metric?.id ?? null,
      });
      await recordAuditEvent(manager, {
        workspaceId,
        actor,
        action: 'key-result.created',
        target: { type: 'key_result', id: keyResult.id },
        details: { title: keyResult.title, objectiveId: keyResult.objectiveId },
      });
      return this.responseFor(manager, workspaceId, keyResult.id);
    });
  }

  /**
   * Edits a key result. The fields sent replace the stored ones, and the result must still
   * satisfy `keyResultRuleViolations` (each broken rule is a 400 naming its field).
   */
  async update(
    workspaceId: string,
    actor: Actor,
    id: string,
    { version, ...changes }: UpdateKeyResultRequest,
  ): Promise<KeyResultResponse> {
    return this.dataSource.transaction(async (manager) => {
      await lockForEdit(manager, 'key_result', workspaceId, id);
      const keyResult = await findKeyResult(manager, workspaceId, id);
      if (keyResult.version !== version) {
        throw staleVersion('key result', keyResult.version, version);
      }
      await assertActiveObjective(manager, workspaceId, keyResult.objectiveId, 'own');
      const kind = changes.kind ?? keyResult.kind;
      // A milestone's baseline and target are implied (0 and 1): only values sent are checked.
      const keepStored = kind !== 'milestone';
      const merged = {
        kind,
        baseline:
          changes.baseline !== undefined || !keepStored ? changes.baseline : keyResult.baseline,
        target: changes.target !== undefined || !keepStored ? changes.target : keyResult.target,
        metricKey:
          changes.metricKey !== undefined ? changes.metricKey : (keyResult.metric?.key ?? null),
      };
      const violations = keyResultRuleViolations(merged);
      if (violations.length > 0) throw ProblemException.validation(violations);
      if (changes.objectiveId !== undefined && changes.objectiveId !== keyResult.objectiveId) {
        await assertActiveObjective(manager, workspaceId, changes.objectiveId, 'target');
        keyResult.objectiveId = changes.objectiveId;
      }
      let metric = keyResult.metric ?? null;
      if (
        changes.metricKey !== undefined &&
        changes.metricKey !== (keyResult.metric?.key ?? null)
      ) {
        metric =
          changes.metricKey === null
            ? null
            : await referencedMetric(manager, workspaceId, changes.metricKey);
        keyResult.metricId = metric?.id ?? null;
      }
      // Checked when either changes: one stored before the rule was kept as it is.
      const unit = changes.unit ?? keyResult.unit;
      const relinked = keyResult.metricId !== (keyResult.metric?.id ?? null);
      keyResult.unit =
        relinked || changes.unit !== undefined ? unitFollowing(metric, unit) : keyResult.unit;
      if (kind === 'milestone' && keyResult.kind !== 'milestone') {
        await assertMilestoneReadings(manager, workspaceId, keyResult.id);
      }
      keyResult.kind = kind;
      keyResult.baseline = kind === 'milestone' ? MILESTONE.baseline : (merged.baseline ?? null);
      keyResult.target = kind === 'milestone' ? MILESTONE.target : (merged.target ?? 0);
      if (changes.title !== undefined) keyResult.title = changes.title;
      if (changes.weight !== undefined) keyResult.weight = changes.weight;
      if (changes.cadence !== undefined) keyResult.cadence = changes.cadence;
      // The loaded metric would win over the changed id when saving: leave it out.
      keyResult.metric = undefined;
      await saveKeyResult(manager, keyResult);
      await recordAuditEvent(manager, {
        workspaceId,
        actor,
        action: 'key-result.updated',
        target: { type: 'key_result', id },
        details: { changes },
      });
      return this.responseFor(manager, workspaceId, id);
    });
  }

  /**
   * Deletes a key result with its check-ins: its objective's progress, score and pace then come
   * from its other key results, and its owner is no longer reminded of it. Only an active
   * objective's (`assertActiveObjective`): a closed quarter keeps the grade it ended with.
   * Published status reports keep their snapshot.
   */
  async remove(workspaceId: string, actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      // The lock a check-in and an edit take: neither can land on it half-way through.
      await lockForEdit(manager, 'key_result', workspaceId, id);
      const keyResult = await findKeyResult(manager, workspaceId, id);
      await assertActiveObjective(manager, workspaceId, keyResult.objectiveId, 'own');
      // Recorded first, so the event is labelled with the key result's title while it exists.
      await recordAuditEvent(manager, {
        workspaceId,
        actor,
        action: 'key-result.deleted',
        target: { type: 'key_result', id: keyResult.id },
        details: { title: keyResult.title, objectiveId: keyResult.objectiveId },
      });
      await deleteKeyResult(manager, keyResult);
    });
  }

  private async responseFor(
    manager: EntityManager,
    workspaceId: string,
    id: string,
  ): Promise<KeyResultResponse> {
    const [response] = await this.readModel.keyResults(manager, [
      await findKeyResult(manager, workspaceId, id),
    ]);
    if (!response) throw new Error(`no response for key result ${id}`);
    return response;
  }
}

/**
 * The unit of a key result that follows `metric`: the metric's, since its current value is the
 * metric's latest point and its baseline and target are compared with it (a key result in % on
 * a metric of fractions would read 0.42 as 0.42 %). An empty unit takes the metric's; another
 * is refused (400 at `unit`). Without a metric, the unit given.
 */
function unitFollowing(metric: Metric | null, unit: string): string {
  if (metric === null || unit === metric.unit) return unit;
  if (unit === '') return metric.unit;
  throw invalid(
    'unit',
    `must be ${metric.unit === '' ? 'empty' : `"${metric.unit}"`}, the unit of the metric it follows (${metric.key}): its baseline and target are compared with the metric's values`,
  );
}

/**
 * Refuses a change to the key results of an objective that is not active — adding one, editing
 * one, moving one into or out of it — as check-ins are refused: a closed quarter keeps the grade
 * it ended with, and a cancelled objective what it had; reopening the objective is the way to
 * change them. Its own objective (`'own'`) is named at `objective.status`, the one it would move
 * to (`'target'`) at `objectiveId`. The objective's row is share-locked for the rest of the
 * transaction, so it cannot be closed half-way through.
 */
async function assertActiveObjective(
  manager: EntityManager,
  workspaceId: string,
  objectiveId: string,
  which: 'own' | 'target',
): Promise<void> {
  const status = await shareLockedStatus(manager, workspaceId, objectiveId);
  if (status === undefined) throw invalid('objectiveId', 'is not an objective of this workspace');
  if (status === 'active') return;
  throw which === 'own'
    ? invalid(
        'objective.status',
        `is ${status}: only key results of active objectives can be added or changed — reopen it first`,
      )
    : invalid(
        'objectiveId',
        `is a ${status} objective: key results can only move to an active one`,
      );
}

/**
 * A key result becoming a milestone keeps its check-ins, and whichever is read — the latest on
 * or before today, or before the period's end once it is over, which an edit of the period can
 * move — becomes its current value: that must be 0 or 1 for the milestone's progress to mean
 * anything, so every check-in must be. The caller holds the key result's lock, which a check-in
 * takes too, so none can be added meanwhile.
 */
async function assertMilestoneReadings(
  manager: EntityManager,
  workspaceId: string,
  keyResultId: string,
): Promise<void> {
  const other = await checkInOtherThanZeroOrOne(manager, workspaceId, keyResultId);
  if (other) {
    throw invalid(
      'kind',
      `cannot become a milestone while a check-in (dated ${other.date}) is ${other.value}: only a key result whose check-ins are all 0 or 1 can`,
    );
  }
}
