import type { EntityManager } from 'typeorm';
import { ProblemException } from '../common/problem/problem.js';
import { Metric } from '../metrics/metric.entity.js';
import { Membership } from '../workspaces/membership.entity.js';
import { KeyResult } from './key-results/key-result.entity.js';
import { Objective } from './objectives/objective.entity.js';
import { Period } from './periods/period.entity.js';
import {
  findInWorkspaceOr404,
  lockInWorkspaceOr404,
} from '../common/database/workspace-record.repository.js';

/**
 * Lookups of OKR records in *one* workspace. A record in the path that is not here is a 404 (an
 * id of another workspace is simply not found); a record a body refers to is a 400 naming the
 * field, so a form can point at it.
 */

const NOT_FOUND = {
  period: 'There is no such period here.',
  objective: 'There is no such objective here.',
  key_result: 'There is no such key result here.',
} as const;

export async function findPeriod(
  manager: EntityManager,
  workspaceId: string,
  id: string,
): Promise<Period> {
  return findInWorkspaceOr404(manager, Period, { workspaceId, where: { id } }, NOT_FOUND.period);
}

export async function findObjective(
  manager: EntityManager,
  workspaceId: string,
  id: string,
): Promise<Objective> {
  return findInWorkspaceOr404(
    manager,
    Objective,
    { workspaceId, where: { id }, relations: { owner: true, period: true } },
    NOT_FOUND.objective,
  );
}

export async function findKeyResult(
  manager: EntityManager,
  workspaceId: string,
  id: string,
): Promise<KeyResult> {
  return findInWorkspaceOr404(
    manager,
    KeyResult,
    { workspaceId, where: { id }, relations: { metric: true } },
    NOT_FOUND.key_result,
  );
}

export async function referencedPeriod(
  manager: EntityManager,
  workspaceId: string,
  id: string,
): Promise<Period> {
  const period = await manager.getRepository(Period).findOneBy({ workspaceId, id });
  if (!period) throw invalid('periodId', 'is not a period of this workspace');
  return period;
}

export async function referencedObjective(
  manager: EntityManager,
  workspaceId: string,
  id: string,
  path: 'parentId' | 'objectiveId',
): Promise<Objective> {
  const objective = await manager.getRepository(Objective).findOneBy({ workspaceId, id });
  if (!objective) throw invalid(path, 'is not an objective of this workspace');
  return objective;
}

/**
 * The metric a key result is to follow (400 at `metricKey` when there is none, or when it is
 * archived: an archived metric takes no new key results, those it had stay). Share-locked for
 * the rest of the transaction, so an archive or a unit edit of the metric, which locks it too,
 * cannot slip in between this check and the key result's insert: it waits, or was seen here.
 */
export async function referencedMetric(
  manager: EntityManager,
  workspaceId: string,
  key: string,
): Promise<Metric> {
  const metric = await manager
    .getRepository(Metric)
    .createQueryBuilder('metric')
    .where('metric.workspaceId = :workspaceId', { workspaceId })
    .andWhere('metric.key = :key', { key })
    .setLock('pessimistic_read')
    .getOne();
  if (!metric) throw invalid('metricKey', `is not a metric of this workspace: "${key}"`);
  if (metric.archived) {
    throw invalid(
      'metricKey',
      `is an archived metric ("${key}"): an archived metric takes no new key results — unarchive it first`,
    );
  }
  return metric;
}

/** Owners are members of the workspace (at the time they are made owners). */
export async function assertMember(
  manager: EntityManager,
  workspaceId: string,
  userId: string,
): Promise<void> {
  if (!(await manager.getRepository(Membership).existsBy({ workspaceId, userId }))) {
    throw invalid('ownerId', 'is not a member of this workspace');
  }
}

/**
 * Locks a record of this workspace for the rest of the transaction (404 when there is none), so
 * that the version an edit is checked against cannot change before the edit is saved.
 */
export async function lockForEdit(
  manager: EntityManager,
  table: keyof typeof NOT_FOUND,
  workspaceId: string,
  id: string,
): Promise<void> {
  await lockInWorkspaceOr404(manager, table, { workspaceId, id }, NOT_FOUND[table]);
}

/**
 * Share-locks a key result of this workspace for the rest of the transaction (404 when there is
 * none): its kind and objective cannot change until the transaction ends, and a read after it
 * sees those a concurrent edit committed. An edit takes `lockForEdit`, which waits for it.
 */
export async function shareLockKeyResult(
  manager: EntityManager,
  workspaceId: string,
  id: string,
): Promise<void> {
  const rows: unknown[] = await manager.query(
    `SELECT 1 FROM "key_result" WHERE "id" = $1 AND "workspace_id" = $2 FOR SHARE`,
    [id, workspaceId],
  );
  if (rows.length === 0) throw ProblemException.notFound(NOT_FOUND.key_result);
}

export function invalid(path: string, message: string): ProblemException {
  return ProblemException.validation([{ path, message }]);
}
