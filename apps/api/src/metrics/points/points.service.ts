import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type DeleteMetricPointsQuery,
  type MetricPointsDeleted,
  type MetricPointsImport,
  PROBLEMS_MAX_LISTED,
  type ProblemFieldError,
  seriesRangeOf,
} from '@bearing/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../access/caller.js';
import { recordAuditEvent } from '../../audit/audit.repository.js';
import { ClockService } from '../../common/clock/clock.service.js';
import { PROBLEM_TYPE_BASE, ProblemException } from '../../common/problem/problem.js';
import { WorkerPool, workerTask } from '../../common/worker-pool/worker-pool.js';
import {
  archivedMetricKeys,
  findMetricByKey,
  lockMetrics,
  metricsOfWorkspace,
} from '../metric.repository.js';
import type { Metric } from '../metric.entity.js';
import { MetricChanges } from '../metric-changes.service.js';
import { deleteMetricPoints } from '../metric-point.repository.js';
import type { readPointsUpload } from './points-parse.worker.js';
import type { PointsReadOutcome, ReadPoint } from './points-reading.js';
import type { PointsUpload } from './points-upload.js';
import { type PointToStore, upsertPoints } from './upsert-points.js';

const MS_PER_DAY = 86_400_000;

const readTask = workerTask<typeof readPointsUpload>(
  new URL('./points-parse.worker.js', import.meta.url),
  'readPointsUpload',
);

/**
 * Stores uploaded points. The upload is read and checked on the worker pool, from the file the
 * route streamed it to: a single bad line or point refuses the whole upload (400 listing each,
 * up to the first 100) and more than 200,000 rows is a 413, before anything is written. Valid
 * uploads are upserted in one transaction, with the re-evaluation of the metrics' guardrails and
 * the audit event.
 */
@Injectable()
export class PointsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly workers: WorkerPool,
    private readonly metricChanges: MetricChanges,
    private readonly clock: ClockService,
  ) {}

  /** The latest moment a point of an upload arriving now may be at: a day from now. */
  private notAfter(): string {
    return new Date(this.clock.now().getTime() + MS_PER_DAY).toISOString();
  }

  /** Points of one metric: JSON `[{ timestamp, value }]` or CSV `timestamp,value`. */
  async importForMetric(
    workspaceId: string,
    actor: Actor,
    key: string,
    upload: PointsUpload,
  ): Promise<MetricPointsImport> {
    const metric = await findMetricByKey(this.dataSource.manager, workspaceId, key);
    // Refused before reading the upload; checked again under the lock when storing.
    if (metric.archived) throw archivedMetrics([metric.key]);
    const points = pointsOf(
      await this.workers.run(readTask, {
        path: upload.path,
        format: upload.format,
        notAfter: this.notAfter(),
      }),
    );
    return this.store(workspaceId, actor, [metric], upload.format, points, () => metric.id);
  }

  /** Points of several metrics: JSON `[{ metric, timestamp, value }]` or CSV `metric,timestamp,value`. */
  async importForMetrics(
    workspaceId: string,
    actor: Actor,
    upload: PointsUpload,
  ): Promise<MetricPointsImport> {
    // Rows naming a metric this workspace lacks are bad rows too, found while reading.
    const known = await metricsOfWorkspace(this.dataSource.manager, workspaceId);
    const points = pointsOf(
      await this.workers.run(readTask, {
        path: upload.path,
        format: upload.format,
        knownMetrics: known.map(({ key }) => key),
        notAfter: this.notAfter(),
      }),
    );
    const idByKey = new Map(known.map((metric) => [metric.key, metric.id]));
    const keys = new Set(points.map(({ metric }) => metric ?? ''));
    return this.store(
      workspaceId,
      actor,
      known.filter(({ key }) => keys.has(key)),
      upload.format,
      points,
      ({ metric }) => idByKey.get(metric ?? '') ?? '',
    );
  }

  /**
   * Removes the metric's point at `timestamp`, or its points from `from` to `to`, under the
   * metric's lock; when any went, its guardrails are re-evaluated on the latest point left and
   * its signals recomputed (as after an upload), and the removal is audited.
   */
  async deletePoints(
    workspaceId: string,
    actor: Actor,
    key: string,
    query: DeleteMetricPointsQuery,
  ): Promise<MetricPointsDeleted> {
    const range =
      query.timestamp === undefined
        ? seriesRangeOf(query)
        : { from: Date.parse(query.timestamp), to: Date.parse(query.timestamp) };
    const instant = (epochMs: number | undefined) =>
      epochMs === undefined ? null : new Date(epochMs).toISOString();
    return this.dataSource.transaction(async (manager: EntityManager) => {
      const found = await findMetricByKey(manager, workspaceId, key);
      const [metric = found] = await lockMetrics(manager, [found.id]);
      const deleted = await deleteMetricPoints(manager, metric.id, {
        from: instant(range.from),
        to: instant(range.to),
      });
      if (deleted > 0) {
        await this.metricChanges.changed(manager, [metric], 'points');
        await recordAuditEvent(manager, {
          workspaceId,
          actor,
          action: 'metric-points.deleted',
          target: { type: 'metric', id: metric.id },
          details: { metric: metric.key, ...query, deleted },
        });
      }
      return { deleted };
    });
  }

  private async store(
    workspaceId: string,
    actor: Actor,
    metrics: Metric[],
    format: PointsUpload['format'],
    points: ReadPoint[],
    metricIdOf: (point: ReadPoint) => string,
  ): Promise<MetricPointsImport> {
    const toStore: PointToStore[] = points.map((point) => ({
      metricId: metricIdOf(point),
      timestamp: new Date(Date.parse(point.timestamp)).toISOString(),
      value: point.value,
    }));
    return this.dataSource.transaction(async (manager: EntityManager) => {
      // The metrics as they are now: one edited since they were read (its direction) is
      // evaluated as edited.
      const locked = await lockMetrics(
        manager,
        metrics.map(({ id }) => id),
      );
      const archived = await archivedMetricKeys(
        manager,
        metrics.map(({ id }) => id),
      );
      if (archived.length > 0) throw archivedMetrics(archived);
      const result = await upsertPoints(manager, toStore);
      const changed = locked.filter(({ id }) => result.changedMetricIds.has(id));
      if (changed.length > 0) {
        await this.metricChanges.changed(manager, changed, 'points');
        // Only a write that changed something is one: re-sending a file leaves no trace.
        await recordAuditEvent(manager, {
          workspaceId,
          actor,
          action: 'metric-points.imported',
          target: { type: 'metric', id: metrics.length === 1 ? (metrics[0]?.id ?? null) : null },
          details: {
            metrics: changed.map(({ key }) => key),
            format,
            points: result.points,
            created: result.created,
            updated: result.updated,
          },
        });
      }
      return {
        points: result.points,
        created: result.created,
        updated: result.updated,
        unchanged: result.points - result.created - result.updated,
      };
    });
  }
}

/** 409: an archived metric takes no points until it is unarchived. */
function archivedMetrics(keys: readonly string[]): ProblemException {
  const named = keys.map((key) => `"${key}"`).join(', ');
  return ProblemException.conflict(
    'metric-archived',
    keys.length === 1
      ? `Metric ${named} is archived, so it takes no new points: unarchive it first. Nothing was stored.`
      : `Metrics ${named} are archived, so they take no new points: unarchive them first. Nothing was stored.`,
  );
}

/** The points of an upload that was read in full and is good; otherwise the 413 or the 400. */
function pointsOf(read: PointsReadOutcome): ReadPoint[] {
  switch (read.outcome) {
    case 'read':
      return read.points;
    case 'too-many-rows':
      throw new ProblemException({
        type: `${PROBLEM_TYPE_BASE}too-many-rows`,
        title: 'Content Too Large',
        status: HttpStatus.PAYLOAD_TOO_LARGE,
        detail: `The upload holds more than ${read.limit.toLocaleString('en-US')} rows, the most one points upload may hold: send the points in several uploads. Nothing was stored.`,
      });
    case 'invalid':
      throw badUpload(read.problems, read.truncated);
  }
}

/** 400 listing the problems; `truncated` when reading stopped at the cap of listed problems. */
function badUpload(problems: ProblemFieldError[], truncated: boolean): ProblemException {
  const entries = entriesOf(problems);
  const { problem } = ProblemException.validation(
    problems,
    truncated
      ? `Reading stopped at problem ${PROBLEMS_MAX_LISTED + 1}, so only the first ${PROBLEMS_MAX_LISTED} are listed; nothing was stored.`
      : `${entries} ${entries === 1 ? 'entry is' : 'entries are'} bad, so nothing was stored.`,
  );
  return new ProblemException(truncated ? { ...problem, truncated } : problem);
}

/** Bad entries: CSV lines (`line.7.value` → `line.7`) or JSON elements (`3.value` → `3`). */
function entriesOf(problems: ProblemFieldError[]): number {
  const entry = (path: string) =>
    path.startsWith('line.') ? path.split('.', 2).join('.') : path.split('.')[0];
  return new Set(problems.map(({ path }) => entry(path))).size;
}
