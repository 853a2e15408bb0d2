import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CreateMetricRequest,
  Metric as MetricResponse,
  MetricListQuery,
  MetricPage,
  UpdateMetricRequest,
} from '@bearing/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../access/caller.js';
import type { Metric } from './metric.entity.js';
import { recordAuditEvent } from '../audit/audit.repository.js';
import { ProblemException } from '../common/problem/problem.js';
import { isUniqueViolation } from '../database/postgres-errors.js';
import {
  findMetricByKey,
  insertMetric,
  keyResultsFollowingMetric,
  latestPointsOf,
  metricPage,
  saveMetric,
} from './metric.repository.js';
import { MetricChanges } from './metric-changes.service.js';
import { toMetricResponse } from './metric.mapper.js';
import { loadMetricXmr } from './xmr/metric-xmr.repository.js';
import { metricTrend } from './xmr/metric-xmr.js';
import { assertVersion } from '../common/problem/stale-version.js';

/** A metric's trend from its XmR analysis, for other features' tiles. */
export { metricTrend } from './xmr/metric-xmr.js';

/** Metrics (KPIs) of one workspace; every query filters by the workspace id. */
@Injectable()
export class MetricsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly metricChanges: MetricChanges,
  ) {}

  /**
   * Metrics by key, each with its latest point and its trend: the XmR analysis of its latest
   * values (`loadMetricXmr`), as its page and portfolio tile show it.
   */
  async list(
    workspaceId: string,
    { limit, cursor, category, archived }: MetricListQuery,
  ): Promise<MetricPage> {
    const { rows, nextCursor } = await metricPage(
      this.dataSource.manager,
      workspaceId,
      { category, archived: archived === 'true' },
      { cursor, limit },
    );
    const analyses = await loadMetricXmr(
      this.dataSource.manager,
      workspaceId,
      rows.map(({ id }) => id),
    );
    return {
      items: rows.map((metric) => {
        const analysis = analyses.get(metric.id)!;
        return {
          ...toMetricResponse(metric, analysis.points.at(-1)),
          trend: metricTrend(analysis),
        };
      }),
      nextCursor,
    };
  }

  async get(workspaceId: string, key: string): Promise<MetricResponse> {
    const metric = await findMetricByKey(this.dataSource.manager, workspaceId, key);
    const latest = await latestPointsOf(this.dataSource.manager, workspaceId, [metric.id]);
    return toMetricResponse(metric, latest.get(metric.id));
  }

  async create(
    workspaceId: string,
    actor: Actor,
    request: CreateMetricRequest,
  ): Promise<MetricResponse> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const metric = await insertMetric(manager, { workspaceId, ...request });
        await recordAuditEvent(manager, {
          workspaceId,
          actor,
          action: 'metric.created',
          target: { type: 'metric', id: metric.id },
          details: { key: metric.key, name: metric.name },
        });
        return toMetricResponse(metric, undefined);
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw ProblemException.conflict(
          'metric-key-taken',
          `There is a metric "${request.key}" here already; keys are unique in a workspace.`,
        );
      }
      throw error;
    }
  }

  /**
   * Edits a metric; a new direction re-evaluates its guardrails in the same transaction. A change
   * of `archived` is recorded as `metric.archived` / `metric.unarchived`; taken under the metric's
   * lock, it waits for an upload in progress, and a later upload sees it. A new unit is refused
   * while key results of active objectives follow the metric (`assertUnitFree`).
   */
  async update(
    workspaceId: string,
    actor: Actor,
    key: string,
    { version, ...changes }: UpdateMetricRequest,
  ): Promise<MetricResponse> {
    return this.dataSource.transaction(async (manager) => {
      const metric = await findMetricByKey(manager, workspaceId, key, { lock: true });
      assertVersion('metric', metric.version, version);
      if (changes.unit !== undefined && changes.unit !== metric.unit) {
        await assertUnitFree(manager, workspaceId, metric, changes.unit);
      }
      const directionChanged =
        changes.direction !== undefined && changes.direction !== metric.direction;
      const archivedChanged =
        changes.archived !== undefined && changes.archived !== metric.archived;
      const saved = await saveMetric(manager, Object.assign(metric, changes));
      if (directionChanged) await this.metricChanges.changed(manager, [saved], 'metric-edited');
      await recordAuditEvent(manager, {
        workspaceId,
        actor,
        action: archivedChanged
          ? saved.archived
            ? 'metric.archived'
            : 'metric.unarchived'
          : 'metric.updated',
        target: { type: 'metric', id: saved.id },
        details: { key: saved.key, changes },
      });
      const latest = await latestPointsOf(manager, workspaceId, [saved.id]);
      return toMetricResponse(saved, latest.get(saved.id));
    });
  }
}

/** How many key results a refused unit change names. */
const FOLLOWERS_NAMED = 5;

/**
 * Refuses a new unit for `metric` (409 `metric-unit-in-use`, at `unit`) while key results of
 * active objectives follow it: a key result's unit is its metric's, and its baseline and target
 * are numbers in that unit, so neither keeping the old unit nor relabelling them would be right.
 * The caller holds the metric's lock, which linking a key result to it share-locks: none can
 * start following it before this change commits.
 */
async function assertUnitFree(
  manager: EntityManager,
  workspaceId: string,
  metric: Metric,
  unit: string,
): Promise<void> {
  const { titles, total } = await keyResultsFollowingMetric(
    manager,
    workspaceId,
    metric.id,
    FOLLOWERS_NAMED,
  );
  if (total === 0) return;
  const named = titles.map((title) => `"${title}"`).join(', ');
  const more = total > titles.length ? ` and ${total - titles.length} more` : '';
  const message = `cannot change from ${unitName(metric.unit)} to ${unitName(unit)} while key results of active objectives follow the metric (${named}${more}): their baselines and targets are numbers in ${unitName(metric.unit)}. Unlink them or link them to another metric, or close their objectives, first — or create a new metric for the new unit`;
  const { problem } = ProblemException.conflict(
    'metric-unit-in-use',
    `The unit of metric "${metric.key}" ${message}.`,
  );
  throw new ProblemException({ ...problem, errors: [{ path: 'unit', message }] });
}

function unitName(unit: string): string {
  return unit === '' ? 'no unit' : `"${unit}"`;
}
