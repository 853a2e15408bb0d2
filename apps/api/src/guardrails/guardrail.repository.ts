import {
  GUARDRAIL_HISTORY_EMBEDDED,
  type GuardrailStatus,
  type GuardrailStatusChange as GuardrailStatusChangeResponse,
  type Page,
  type PageQuery,
} from '@bearing/contracts';
import {
  Between,
  type DeepPartial,
  type EntityManager,
  In,
  type QueryDeepPartialEntity,
} from 'typeorm';
import { findInWorkspaceOr404 } from '../common/database/workspace-record.repository.js';
import { createdAtIdPosition } from '../common/pagination/cursor.js';
import {
  createdAtIdOrder,
  keysetItems,
  keysetPage,
  type KeysetOrder,
} from '../common/pagination/keyset-page.js';
import type { Metric } from '../metrics/metric.entity.js';
import { GuardrailStatusChange } from './guardrail-status-change.entity.js';
import { Guardrail } from './guardrail.entity.js';
import { toStatusChangeResponse } from './guardrail.mapper.js';

/** Stores a guardrail's evaluated status; not an edit, so its version stays what a user holds. */
export async function storeGuardrailStatus(
  manager: EntityManager,
  guardrailId: string,
  status: GuardrailStatus | null,
): Promise<void> {
  await manager.query(`UPDATE "guardrail" SET "status" = $1 WHERE "id" = $2`, [
    status,
    guardrailId,
  ]);
}

/** Names (their metric's) of those `ids` that are guardrails of the workspace. */
export async function guardrailNames(
  manager: EntityManager,
  workspaceId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const guardrails = await manager
    .getRepository(Guardrail)
    .find({ where: { workspaceId, id: In([...ids]) }, relations: { metric: true } });
  return new Map(guardrails.flatMap(({ id, metric }) => (metric ? [[id, metric.name]] : [])));
}

/** The guardrail (with its metric) in *this* workspace, or 404. */
export function findGuardrail(
  manager: EntityManager,
  workspaceId: string,
  id: string,
): Promise<Guardrail> {
  return findInWorkspaceOr404(
    manager,
    Guardrail,
    { workspaceId, where: { id }, relations: { metric: true } },
    'There is no such guardrail here.',
  );
}

/** What a list of a workspace's guardrails is narrowed to. */
export type GuardrailFilter = {
  metric?: string | undefined;
  status?: GuardrailStatus | undefined;
  /** A condition on `guardrail` taking `:program`, from the programs' side, with the program. */
  linkedToProgram?: { condition: string; program: string } | undefined;
};

/** The workspace's guardrails with their metrics, oldest first, keyset-paged on (created_at, id). */
export function guardrailPage(
  manager: EntityManager,
  workspaceId: string,
  { metric, status, linkedToProgram }: GuardrailFilter,
  page: PageQuery,
): Promise<{ rows: Guardrail[]; nextCursor: string | null }> {
  const query = manager
    .getRepository(Guardrail)
    .createQueryBuilder('guardrail')
    .innerJoinAndSelect('guardrail.metric', 'metric')
    .where('guardrail.workspaceId = :workspaceId', { workspaceId });
  if (metric) query.andWhere('metric.key = :metric', { metric });
  if (status) query.andWhere('guardrail.status = :status', { status });
  if (linkedToProgram) {
    query.andWhere(linkedToProgram.condition, { program: linkedToProgram.program });
  }
  return keysetPage(query, page, createdAtIdOrder('guardrail', 'ASC'));
}

export function insertGuardrail(
  manager: EntityManager,
  values: DeepPartial<Guardrail>,
): Promise<Guardrail> {
  const guardrails = manager.getRepository(Guardrail);
  return guardrails.save(guardrails.create(values));
}

/** The workspace's guardrails in any of `statuses`, with their metric, oldest first. */
export function guardrailsWithStatus(
  manager: EntityManager,
  workspaceId: string,
  statuses: readonly GuardrailStatus[],
): Promise<Guardrail[]> {
  return manager.getRepository(Guardrail).find({
    where: { workspaceId, status: In([...statuses]) },
    relations: { metric: true },
    order: { createdAt: 'ASC', id: 'ASC' },
  });
}

/** Saves a guardrail loaded in this workspace (its version checked by the caller). */
export function saveGuardrail(manager: EntityManager, guardrail: Guardrail): Promise<Guardrail> {
  return manager.getRepository(Guardrail).save(guardrail);
}

/**
 * Deletes a guardrail found in its workspace; its history and program links go with it (the
 * foreign keys cascade).
 */
export async function deleteGuardrail(manager: EntityManager, guardrail: Guardrail): Promise<void> {
  await manager
    .getRepository(Guardrail)
    .delete({ id: guardrail.id, workspaceId: guardrail.workspaceId });
}

/** Guardrails on any of `metrics`, each within its metric's workspace. */
export function guardrailsOnMetrics(
  manager: EntityManager,
  metrics: readonly Pick<Metric, 'id' | 'workspaceId'>[],
): Promise<Guardrail[]> {
  return manager
    .getRepository(Guardrail)
    .createQueryBuilder('guardrail')
    .where('guardrail.metricId IN (:...metricIds)', { metricIds: metrics.map(({ id }) => id) })
    .andWhere('guardrail.workspaceId IN (:...workspaceIds)', {
      workspaceIds: [...new Set(metrics.map(({ workspaceId }) => workspaceId))],
    })
    .getMany();
}

/** Records a change of a guardrail's status (the guardrail loaded in its workspace); its id. */
export async function insertGuardrailStatusChange(
  manager: EntityManager,
  values: QueryDeepPartialEntity<GuardrailStatusChange>,
): Promise<string> {
  const inserted = await manager.getRepository(GuardrailStatusChange).insert(values);
  return (inserted.identifiers[0] as { id: string }).id;
}

/**
 * Status changes of one guardrail (found in its workspace by the caller), newest first,
 * keyset-paged on (changed_at, id).
 */
export function guardrailStatusChangePage(
  manager: EntityManager,
  guardrailId: string,
  page: PageQuery,
): Promise<Page<GuardrailStatusChangeResponse>> {
  const query = manager
    .getRepository(GuardrailStatusChange)
    .createQueryBuilder('change')
    .where('change.guardrailId = :guardrailId', { guardrailId });
  const order: KeysetOrder<GuardrailStatusChange> = {
    keys: [
      { sort: 'change.changedAt', valueOf: (change) => change.changedAt.toISOString() },
      { sort: 'change.id', valueOf: (change) => change.id },
    ],
    direction: 'DESC',
    shape: createdAtIdPosition,
  };
  return keysetItems(query, page, order, toStatusChangeResponse);
}

/**
 * The latest `GUARDRAIL_HISTORY_EMBEDDED` changes of each guardrail (found in its workspace by
 * the caller), newest first.
 */
export async function recentGuardrailHistory(
  manager: EntityManager,
  guardrailIds: readonly string[],
): Promise<Map<string, GuardrailStatusChange[]>> {
  const changes = await manager
    .getRepository(GuardrailStatusChange)
    .createQueryBuilder('change')
    .where(
      `change.id IN (
        SELECT recent.id FROM unnest(CAST(:guardrailIds AS uuid[])) AS wanted(guardrail_id)
        CROSS JOIN LATERAL (
          SELECT inner_change.id FROM guardrail_status_change inner_change
           WHERE inner_change.guardrail_id = wanted.guardrail_id
           ORDER BY inner_change.changed_at DESC, inner_change.id DESC
           LIMIT :embedded
        ) AS recent
      )`,
      { guardrailIds, embedded: GUARDRAIL_HISTORY_EMBEDDED },
    )
    .orderBy('change.changedAt', 'DESC')
    .addOrderBy('change.id', 'DESC')
    .getMany();
  const byGuardrail = new Map<string, GuardrailStatusChange[]>();
  for (const change of changes) {
    const list = byGuardrail.get(change.guardrailId) ?? [];
    list.push(change);
    byGuardrail.set(change.guardrailId, list);
  }
  return byGuardrail;
}

/** Those guardrails of the workspace, with their metric, oldest first. */
export function guardrailsWithMetric(
  manager: EntityManager,
  workspaceId: string,
  ids: readonly string[],
): Promise<Guardrail[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return manager.getRepository(Guardrail).find({
    where: { workspaceId, id: In([...ids]) },
    relations: { metric: true },
    order: { createdAt: 'ASC', id: 'ASC' },
  });
}

/**
 * The status changes of those guardrails (found in their workspace by the caller) made from
 * `from` to `to` inclusive, oldest first.
 */
export function guardrailStatusChangesBetween(
  manager: EntityManager,
  guardrailIds: readonly string[],
  from: Date,
  to: Date,
): Promise<GuardrailStatusChange[]> {
  if (guardrailIds.length === 0) return Promise.resolve([]);
  return manager.getRepository(GuardrailStatusChange).find({
    where: { guardrailId: In([...guardrailIds]), changedAt: Between(from, to) },
    order: { changedAt: 'ASC', id: 'ASC' },
  });
}
