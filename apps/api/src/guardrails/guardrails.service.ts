import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CreateGuardrailRequest,
  Guardrail as GuardrailResponse,
  GuardrailListQuery,
  GuardrailPage,
  GuardrailStatusChangePage,
  PageQuery,
  UpdateGuardrailRequest,
} from '@bearing/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../access/caller.js';
import { recordAuditEvent } from '../audit/audit.repository.js';
import { deleteFollowsOf } from '../notifications/follow.repository.js';
import { ProblemException } from '../common/problem/problem.js';
import { latestPointsOf, lockMetrics, metricWithKey } from '../metrics/metric.repository.js';
import type { Metric } from '../metrics/metric.entity.js';
import { MetricChanges } from '../metrics/metric-changes.service.js';
import { reevaluateGuardrailsOf, recordStatus } from './guardrail-evaluation.js';
import { GUARDRAIL_PROGRAMS, type GuardrailPrograms } from './guardrail-programs.types.js';
import { toGuardrailResponse } from './guardrail.mapper.js';
import type { Guardrail } from './guardrail.entity.js';
import {
  deleteGuardrail,
  findGuardrail,
  guardrailPage,
  guardrailStatusChangePage,
  insertGuardrail,
  recentGuardrailHistory,
  saveGuardrail,
} from './guardrail.repository.js';
import { assertVersion } from '../common/problem/stale-version.js';
import { latestPointsOfGuardrails } from './guardrail-evaluation.js';

/** Guardrails of one workspace; every query filters by the workspace id. */
@Injectable()
export class GuardrailsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly metricChanges: MetricChanges,
    @Inject(GUARDRAIL_PROGRAMS) private readonly programs: GuardrailPrograms,
  ) {}

  /** A guardrail's status follows its metric: new points or a direction edit re-evaluate it. */
  onModuleInit(): void {
    this.metricChanges.listen((manager, metrics, cause) =>
      reevaluateGuardrailsOf(manager, this.programs, metrics, cause),
    );
  }

  /** Oldest first, keyset-paged on (created_at, id). */
  async list(
    workspaceId: string,
    { limit, cursor, metric, status, program }: GuardrailListQuery,
  ): Promise<GuardrailPage> {
    const { rows, nextCursor } = await guardrailPage(
      this.dataSource.manager,
      workspaceId,
      {
        metric,
        status,
        linkedToProgram: program
          ? { condition: this.programs.linkedToProgramCondition('guardrail'), program }
          : undefined,
      },
      { cursor, limit },
    );
    const responses = await this.responsesFor(this.dataSource.manager, rows);
    return {
      items: rows.map((guardrail) => responses.get(guardrail.id) as GuardrailResponse),
      nextCursor,
    };
  }

  async get(workspaceId: string, id: string): Promise<GuardrailResponse> {
    const guardrail = await findGuardrail(this.dataSource.manager, workspaceId, id);
    return this.responseFor(this.dataSource.manager, guardrail);
  }

  /** Changes of status, newest first, keyset-paged on (changed_at, id). */
  async history(
    workspaceId: string,
    id: string,
    { limit, cursor }: PageQuery,
  ): Promise<GuardrailStatusChangePage> {
    const guardrail = await findGuardrail(this.dataSource.manager, workspaceId, id);
    return guardrailStatusChangePage(this.dataSource.manager, guardrail.id, { cursor, limit });
  }

  /**
   * Creates a guardrail and records its first status when the metric has points. An archived
   * metric takes none (400 at `metricKey`); those it had stay.
   */
  async create(
    workspaceId: string,
    actor: Actor,
    request: CreateGuardrailRequest,
  ): Promise<GuardrailResponse> {
    return this.dataSource.transaction(async (manager) => {
      const found = await metricWithKey(manager, workspaceId, request.metricKey);
      if (!found) {
        throw ProblemException.validation([
          {
            path: 'metricKey',
            message: `is not a metric of this workspace: "${request.metricKey}"`,
          },
        ]);
      }
      // Evaluated with the metric as read under its lock: a direction edited meanwhile counts,
      // and an archive committed meanwhile refuses it; one after waits for this to commit.
      const [metric = found] = await lockMetrics(manager, [found.id]);
      if (metric.archived) {
        throw ProblemException.validation([
          {
            path: 'metricKey',
            message: `is an archived metric ("${metric.key}"): an archived metric takes no new guardrails — unarchive it first`,
          },
        ]);
      }
      const guardrail = await insertGuardrail(manager, {
        workspaceId,
        metricId: metric.id,
        baseline: request.baseline,
        thresholdType: request.threshold.type,
        thresholdValue: request.threshold.value,
        warnAt: request.warnAt,
        status: null,
      });
      const latest = await latestPointsOf(manager, workspaceId, [metric.id]);
      await recordStatus(
        manager,
        this.programs,
        guardrail,
        metric,
        latest.get(metric.id),
        'created',
      );
      await recordAuditEvent(manager, {
        workspaceId,
        actor,
        action: 'guardrail.created',
        target: { type: 'guardrail', id: guardrail.id },
        details: {
          metricKey: metric.key,
          baseline: request.baseline,
          threshold: request.threshold,
        },
      });
      return this.responseFor(manager, guardrail, metric);
    });
  }

  /** Edits a guardrail; a change of status the edit causes is recorded with it. */
  async update(
    workspaceId: string,
    actor: Actor,
    id: string,
    { version, ...changes }: UpdateGuardrailRequest,
  ): Promise<GuardrailResponse> {
    return this.dataSource.transaction(async (manager) => {
      const found = await findGuardrail(manager, workspaceId, id);
      await lockMetrics(manager, [found.metricId]);
      const guardrail = await findGuardrail(manager, workspaceId, id);
      assertVersion('guardrail', guardrail.version, version);
      if (changes.baseline !== undefined) guardrail.baseline = changes.baseline;
      if (changes.threshold !== undefined) {
        guardrail.thresholdType = changes.threshold.type;
        guardrail.thresholdValue = changes.threshold.value;
      }
      if (changes.warnAt !== undefined) guardrail.warnAt = changes.warnAt;
      const metric = metricOf(guardrail);
      const saved = await saveGuardrail(manager, guardrail);
      const latest = await latestPointsOf(manager, workspaceId, [metric.id]);
      await recordStatus(manager, this.programs, saved, metric, latest.get(metric.id), 'edited');
      await recordAuditEvent(manager, {
        workspaceId,
        actor,
        action: 'guardrail.updated',
        target: { type: 'guardrail', id: saved.id },
        details: { metricKey: metric.key, changes },
      });
      return this.responseFor(manager, saved, metric);
    });
  }

  /**
   * Deletes a guardrail: it leaves the portfolio, digests and its programs, its history goes
   * with it, and nobody follows it any more. Published status reports keep their snapshot.
   */
  async remove(workspaceId: string, actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const found = await findGuardrail(manager, workspaceId, id);
      // Waits for an evaluation of its metric in progress, which may be recording its status.
      await lockMetrics(manager, [found.metricId]);
      const guardrail = await findGuardrail(manager, workspaceId, id);
      const metric = metricOf(guardrail);
      // Recorded first, so the event is labelled with the guardrail's metric while it exists.
      await recordAuditEvent(manager, {
        workspaceId,
        actor,
        action: 'guardrail.deleted',
        target: { type: 'guardrail', id: guardrail.id },
        details: {
          metricKey: metric.key,
          baseline: guardrail.baseline,
          threshold: { type: guardrail.thresholdType, value: guardrail.thresholdValue },
          status: guardrail.status,
        },
      });
      await deleteFollowsOf(manager, workspaceId, { type: 'guardrail', id: guardrail.id });
      await deleteGuardrail(manager, guardrail);
    });
  }

  private async responseFor(
    manager: EntityManager,
    guardrail: Guardrail,
    metric = metricOf(guardrail),
  ): Promise<GuardrailResponse> {
    guardrail.metric = metric;
    const responses = await this.responsesFor(manager, [guardrail]);
    return responses.get(guardrail.id) as GuardrailResponse;
  }

  /**
   * Responses for guardrails loaded with their metric: latest points and recent history. Public
   * so the portfolio can answer for the guardrails of several statuses with one set of reads.
   */
  async responsesFor(
    manager: EntityManager,
    guardrails: readonly Guardrail[],
  ): Promise<Map<string, GuardrailResponse>> {
    const responses = new Map<string, GuardrailResponse>();
    if (guardrails.length === 0) return responses;
    const latest = await latestPointsOfGuardrails(manager, guardrails);
    const history = await recentGuardrailHistory(
      manager,
      guardrails.map(({ id }) => id),
    );
    const programIds = await this.programs.programIdsOf(manager, guardrails);
    for (const guardrail of guardrails) {
      responses.set(
        guardrail.id,
        toGuardrailResponse(
          guardrail,
          metricOf(guardrail),
          latest.get(guardrail.metricId),
          history.get(guardrail.id) ?? [],
          programIds.get(guardrail.id) ?? [],
        ),
      );
    }
    return responses;
  }
}

function metricOf(guardrail: Guardrail): Metric {
  if (!guardrail.metric) throw new Error('guardrail loaded without its metric');
  return guardrail.metric;
}
