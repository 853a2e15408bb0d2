import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type MetricPointsImport,
  metricPointsRequestSchema,
  multiMetricPointsRequestSchema,
  type ProblemFieldError,
} from '@bearing/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { Actor } from '../../access/caller.js';
import { recordAuditEvent } from '../../audit/audit-log.js';
import { ProblemException } from '../../common/problem/problem.js';
import { fieldErrorsOf } from '../../common/validation/zod.pipe.js';
import { reevaluateGuardrailsOf } from '../../guardrails/guardrail-evaluation.js';
import { findMetricByKey, lockMetrics } from '../metric-lookup.js';
import { Metric } from '../metric.entity.js';
import { parsePointsCsv } from './points-csv.js';
import type { PointsUpload } from './points-upload.js';
import { type PointToStore, upsertPoints } from './upsert-points.js';

/** A refused upload lists at most this many problems (the detail gives the total). */
const MAX_LISTED_ERRORS = 1000;

type ValidPoint = { metric: string | undefined; timestamp: string; value: number };

/**
 * Stores uploaded points: everything is checked first, and a single bad line or point refuses
 * the whole upload (400 listing each) before anything is written. Valid uploads are upserted in
 * one transaction, with the re-evaluation of the metrics' guardrails and the audit event.
 */
@Injectable()
export class PointsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Points of one metric: JSON `[{ timestamp, value }]` or CSV `timestamp,value`. */
  async importForMetric(
    workspaceId: string,
    actor: Actor,
    key: string,
    upload: PointsUpload,
  ): Promise<MetricPointsImport> {
    const metric = await findMetricByKey(this.dataSource.manager, workspaceId, key);
    const points =
      upload.format === 'csv'
        ? fromCsv(parsePointsCsv(upload.text, ['timestamp', 'value']))
        : fromJson(upload.body, metricPointsRequestSchema).map((point) => ({
            ...point,
            metric: undefined,
          }));
    return this.store(workspaceId, actor, [metric], upload.format, points, () => metric.id);
  }

  /** Points of several metrics: JSON `[{ metric, timestamp, value }]` or CSV `metric,timestamp,value`. */
  async importForMetrics(
    workspaceId: string,
    actor: Actor,
    upload: PointsUpload,
  ): Promise<MetricPointsImport> {
    let points: (ValidPoint & { where: string })[];
    let errors: ProblemFieldError[] = [];
    if (upload.format === 'csv') {
      const parsed = parsePointsCsv(upload.text, ['metric', 'timestamp', 'value']);
      errors = parsed.errors;
      points = parsed.rows.map((row) => ({ ...row, where: `line.${row.line}` }));
    } else {
      points = fromJson(upload.body, multiMetricPointsRequestSchema).map((point, index) => ({
        ...point,
        where: String(index),
      }));
    }
    const keys = [...new Set(points.map(({ metric }) => metric ?? ''))];
    const metrics =
      keys.length === 0
        ? []
        : await this.dataSource
            .getRepository(Metric)
            .createQueryBuilder('metric')
            .where('metric.workspaceId = :workspaceId', { workspaceId })
            .andWhere('metric.key IN (:...keys)', { keys })
            .getMany();
    const idByKey = new Map(metrics.map((metric) => [metric.key, metric.id]));
    // Rows naming a metric this workspace lacks are bad rows too, listed with the others.
    for (const { where, metric } of points) {
      if (!idByKey.has(metric ?? '')) {
        errors.push({
          path: `${where}.metric`,
          message: `is not a metric of this workspace: "${metric ?? ''}"`,
        });
      }
    }
    if (errors.length > 0) throw badUpload(errors.sort(byPosition));
    return this.store(
      workspaceId,
      actor,
      metrics,
      upload.format,
      points,
      ({ metric }) => idByKey.get(metric ?? '') ?? '',
    );
  }

  private async store(
    workspaceId: string,
    actor: Actor,
    metrics: Metric[],
    format: PointsUpload['format'],
    points: ValidPoint[],
    metricIdOf: (point: ValidPoint) => string,
  ): Promise<MetricPointsImport> {
    const toStore: PointToStore[] = points.map((point) => ({
      metricId: metricIdOf(point),
      timestamp: new Date(Date.parse(point.timestamp)).toISOString(),
      value: point.value,
    }));
    return this.dataSource.transaction(async (manager: EntityManager) => {
      await lockMetrics(
        manager,
        metrics.map(({ id }) => id),
      );
      const result = await upsertPoints(manager, toStore);
      const changed = metrics.filter(({ id }) => result.changedMetricIds.has(id));
      if (changed.length > 0) {
        await reevaluateGuardrailsOf(manager, changed, 'points');
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

function fromCsv(parsed: ReturnType<typeof parsePointsCsv>): ValidPoint[] {
  if (parsed.errors.length > 0) throw badUpload(parsed.errors);
  return parsed.rows;
}

function fromJson<Output>(body: unknown, schema: z.ZodType<Output>): Output {
  const result = schema.safeParse(body);
  if (!result.success) throw badUpload(fieldErrorsOf(result.error));
  return result.data;
}

/** Orders problems by line (CSV) or index (JSON), as the upload had them. */
function byPosition(first: ProblemFieldError, second: ProblemFieldError): number {
  const position = ({ path }: ProblemFieldError) =>
    Number(path.replace(/^line\./, '').split('.')[0]);
  return position(first) - position(second);
}

function badUpload(errors: ProblemFieldError[]): ProblemException {
  const listed = errors.slice(0, MAX_LISTED_ERRORS);
  const lines = new Set(errors.map(({ path }) => path.split('.').slice(0, 2).join('.'))).size;
  return ProblemException.validation(
    listed,
    `${lines} ${lines === 1 ? 'entry is' : 'entries are'} bad, so nothing was stored` +
      (listed.length < errors.length
        ? ` (the first ${listed.length} of ${errors.length} problems are listed).`
        : '.'),
  );
}
