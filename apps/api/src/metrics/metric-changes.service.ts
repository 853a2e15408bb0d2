import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Metric } from './metric.entity.js';

/** What changed a metric's readings: new or changed points, or an edit of its direction. */
export type MetricChangeCause = 'points' | 'metric-edited';

export type MetricChangeListener = (
  manager: EntityManager,
  metrics: readonly Metric[],
  cause: MetricChangeCause,
) => Promise<void>;

/**
 * Tells the features whose state follows a metric's readings (guardrails re-evaluate their
 * status) that they changed, in the writer's transaction, so their state commits or rolls back
 * with the write. They register here instead of metrics calling them: metrics depends on none
 * of the features built on it.
 */
@Injectable()
export class MetricChanges {
  private readonly listeners: MetricChangeListener[] = [];

  /** Call it before the application starts (e.g. in `onModuleInit`). */
  listen(listener: MetricChangeListener): void {
    this.listeners.push(listener);
  }

  /**
   * `metrics` must have been read under their lock (`lockMetrics` answers them so): listeners
   * evaluate with their fields, such as the direction.
   */
  async changed(
    manager: EntityManager,
    metrics: readonly Metric[],
    cause: MetricChangeCause,
  ): Promise<void> {
    if (metrics.length === 0) return;
    for (const listener of this.listeners) await listener(manager, metrics, cause);
  }
}
