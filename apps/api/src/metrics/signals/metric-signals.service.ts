import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { MetricChanges } from '../metric-changes.service.js';
import { lockMetrics } from '../metric.repository.js';
import { loadMetricXmr } from '../xmr/metric-xmr.repository.js';
import { metricSignalRows } from './metric-signal-rows.js';
import { metricsMissingSignals, replaceMetricSignals } from './metric-signal.repository.js';

type MetricRef = { id: string; workspaceId: string };

/** Metrics filled per transaction at start-up. */
const FILL_BATCH = 100;

/**
 * The metric-signal read model (`metric_signal`): every analysed value of a metric with its XmR
 * limits, rules and run, as the metric page's chart shows them. It follows the points — rebuilt
 * for each metric a write changed, in that write's transaction (`MetricChanges`), so a query
 * never sees points without their signals. An edit of a metric changes nothing here: the
 * analysis has no per-metric settings. Metrics whose points predate the read model are filled
 * once at start-up.
 */
@Injectable()
export class MetricSignalsService implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(MetricSignalsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly metricChanges: MetricChanges,
  ) {}

  onModuleInit(): void {
    this.metricChanges.listen((manager, metrics, cause) =>
      cause === 'points' ? this.refresh(manager, metrics) : Promise.resolve(),
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    const filled = await this.fillMissing();
    if (filled > 0) this.logger.log(`Stored the XmR signals of ${filled} metric(s).`);
  }

  /** Rebuilds the rows of `metrics`, whose locks the caller's transaction holds. */
  async refresh(manager: EntityManager, metrics: readonly MetricRef[]): Promise<void> {
    const byWorkspace = new Map<string, string[]>();
    for (const { id, workspaceId } of metrics) {
      byWorkspace.set(workspaceId, [...(byWorkspace.get(workspaceId) ?? []), id]);
    }
    for (const [workspaceId, ids] of byWorkspace) {
      const analyses = await loadMetricXmr(manager, workspaceId, ids);
      await replaceMetricSignals(
        manager,
        ids,
        [...analyses].flatMap(([id, analysis]) => metricSignalRows(id, analysis)),
      );
    }
  }

  /**
   * Fills the metrics that have points but no rows (stored before the read model existed), a
   * batch per transaction under the metrics' locks; idempotent, so processes starting together
   * only repeat each other's work. Answers how many metrics it filled.
   */
  async fillMissing(): Promise<number> {
    let filled = 0;
    for (;;) {
      const batch = await this.dataSource.transaction(async (manager) => {
        const missing = await metricsMissingSignals(manager, FILL_BATCH);
        await lockMetrics(
          manager,
          missing.map(({ id }) => id),
        );
        await this.refresh(manager, missing);
        return missing.length;
      });
      filled += batch;
      if (batch < FILL_BATCH) return filled;
    }
  }
}
