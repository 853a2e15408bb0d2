import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ALERT_ROWS_KEPT,
  type AlertRule as AlertRuleResponse,
  type AlertRuleInput,
  type AlertRulePatch,
  type AlertRuleTestResult,
} from '@bearing/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../access/caller.js';
import { recordAuditEvent } from '../audit/audit.repository.js';
import { ClockService } from '../common/clock/clock.service.js';
import { ProblemException } from '../common/problem/problem.js';
import { assertVersion } from '../common/problem/stale-version.js';
import { NotificationPipeline } from '../notifications/notifications.module.js';
import { QueriesService } from '../queries/queries.service.js';
import type { AlertRule } from './alert-rule.entity.js';
import { toAlertRuleResponse } from './alert-rule.mapper.js';
import { publishAlertNotice } from './alert-notice.js';
import { runRule } from './alert-rule-run.js';
import {
  alertRuleOf,
  alertRulesOf,
  deleteAlertRule,
  lockAlertRuleOf,
  openAlertsOf,
  resolveOpenAlert,
  saveAlertRule,
  updateAlertRule,
} from './alert.repository.js';

const MINUTE = 60_000;

/** The rule's fields as the table stores them. */
function ruleColumns(input: Partial<AlertRuleInput>): Partial<AlertRule> {
  const columns: Partial<AlertRule> = {};
  if (input.name !== undefined) columns.name = input.name;
  if (input.query !== undefined) columns.query = input.query;
  if (input.everyMinutes !== undefined) columns.everyMinutes = input.everyMinutes;
  if (input.lookbackMinutes !== undefined) columns.lookbackMinutes = input.lookbackMinutes;
  if (input.trigger !== undefined) {
    columns.triggerColumn = input.trigger.column ?? null;
    columns.triggerOp = input.trigger.op;
    columns.triggerThreshold = input.trigger.threshold;
  }
  if (input.severity !== undefined) columns.severity = input.severity;
  if (input.suppressMinutes !== undefined) columns.suppressMinutes = input.suppressMinutes;
  if ('groupBy' in input) columns.groupBy = input.groupBy ?? null;
  if (input.enabled !== undefined) columns.enabled = input.enabled;
  return columns;
}

/**
 * Alert rules (SIEM-style): a query of the query language, a schedule, a lookback window, a
 * trigger, a severity, a suppression window and an optional grouping column. Saving checks
 * the query and that the trigger's and grouping's columns are in its result, so a rule that
 * cannot run is refused at once rather than failing on schedule.
 */
@Injectable()
export class AlertRulesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queries: QueriesService,
    private readonly clock: ClockService,
    private readonly pipeline: NotificationPipeline,
  ) {}

  async list(workspaceId: string): Promise<AlertRuleResponse[]> {
    return (await alertRulesOf(this.dataSource.manager, workspaceId)).map(toAlertRuleResponse);
  }

  async get(workspaceId: string, id: string): Promise<AlertRuleResponse> {
    return toAlertRuleResponse(await this.find(this.dataSource.manager, workspaceId, id));
  }

  async create(
    workspaceId: string,
    input: AlertRuleInput,
    actor: Actor,
  ): Promise<AlertRuleResponse> {
    this.checkColumns(workspaceId, input);
    return this.dataSource.transaction(async (manager) => {
      const rule = await saveAlertRule(manager, {
        workspaceId,
        ...ruleColumns(input),
        // An enabled rule runs at the next scheduler tick, then every `everyMinutes`.
        nextRunAt: input.enabled ? this.clock.now() : null,
        lastRunAt: null,
        lastError: null,
      });
      await this.audit(manager, workspaceId, actor, 'alert-rule.created', rule.id, {
        name: rule.name,
      });
      return toAlertRuleResponse(rule);
    });
  }

  async update(
    workspaceId: string,
    id: string,
    patch: AlertRulePatch,
    actor: Actor,
  ): Promise<AlertRuleResponse> {
    const { saved, resolved } = await this.dataSource.transaction(async (manager) => {
      // Locked before the version check, as the scheduler's claim and a second edit wait for it.
      const rule = await lockAlertRuleOf(manager, workspaceId, id);
      if (!rule) throw ProblemException.notFound('No such alert rule in this workspace.');
      assertVersion('alert rule', rule.version, patch.version);
      const { version: _version, ...fields } = patch;
      const changes = ruleColumns(fields);
      const next = { ...rule, ...changes };
      this.checkColumns(workspaceId, {
        query: next.query,
        trigger: {
          ...(next.triggerColumn === null ? {} : { column: next.triggerColumn }),
          op: next.triggerOp,
          threshold: next.triggerThreshold,
        },
        ...(next.groupBy === null ? {} : { groupBy: next.groupBy }),
      });
      // The next run is the scheduler's: an edit moves it only when the schedule changes
      // (turned off, turned on, another interval) — a form saved as it was moves nothing.
      if (rule.enabled && !next.enabled) changes.nextRunAt = null;
      else if (next.enabled && (!rule.enabled || next.everyMinutes !== rule.everyMinutes))
        changes.nextRunAt = this.clock.now();
      await updateAlertRule(manager, rule, changes);
      const saved = await this.find(manager, workspaceId, id);
      // A rule turned off runs no more, so nothing else would resolve its open alerts.
      const resolved =
        rule.enabled && !saved.enabled ? await this.resolveAlerts(manager, saved) : 0;
      await this.audit(manager, workspaceId, actor, 'alert-rule.updated', rule.id, {
        name: saved.name,
        changed: Object.keys(fields),
        ...(resolved > 0 ? { resolvedAlerts: resolved } : {}),
      });
      return { saved: toAlertRuleResponse(saved), resolved };
    });
    if (resolved > 0) await this.pipeline.dispatchSoon();
    return saved;
  }

  /** Resolves the rule's open alerts (firing or acknowledged), announcing each; answers how many. */
  private async resolveAlerts(manager: EntityManager, rule: AlertRule): Promise<number> {
    const now = this.clock.now();
    let resolved = 0;
    for (const alert of await openAlertsOf(manager, rule.id)) {
      if (!(await resolveOpenAlert(manager, alert.id, now))) continue;
      await publishAlertNotice(manager, rule, alert, {
        event: 'alert.resolved',
        reason: 'rule-turned-off',
      });
      resolved += 1;
    }
    return resolved;
  }

  async remove(workspaceId: string, id: string, actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const rule = await this.find(manager, workspaceId, id);
      await this.audit(manager, workspaceId, actor, 'alert-rule.deleted', rule.id, {
        name: rule.name,
      });
      await deleteAlertRule(manager, rule);
    });
  }

  /** "Test rule": runs the query once, now, over the last `days`, and fires nothing. */
  async test(
    workspaceId: string,
    rule: Pick<AlertRuleInput, 'query' | 'trigger' | 'groupBy'>,
    days: number,
  ): Promise<AlertRuleTestResult> {
    this.checkColumns(workspaceId, rule);
    // As a run judges it: beyond the row cap, the trigger is counted over every row.
    const { result, groups, matched } = await runRule(
      this.queries,
      workspaceId,
      {
        query: rule.query,
        triggerColumn: rule.trigger.column ?? null,
        triggerOp: rule.trigger.op,
        triggerThreshold: rule.trigger.threshold,
        groupBy: rule.groupBy ?? null,
      },
      { lookbackMs: days * 1440 * MINUTE },
    );
    return {
      columns: result.columns,
      rows: result.rows.slice(0, ALERT_ROWS_KEPT),
      matched,
      wouldFire: groups.size > 0,
      groups: [...groups.keys()],
    };
  }

  async testSaved(workspaceId: string, id: string, days: number): Promise<AlertRuleTestResult> {
    const rule = await this.get(workspaceId, id);
    return this.test(workspaceId, rule, days);
  }

  /** The trigger's column must be a number of the result and the grouping column one of it. */
  private checkColumns(
    workspaceId: string,
    rule: Pick<AlertRuleInput, 'query' | 'trigger' | 'groupBy'>,
  ): void {
    const columns = this.queries.columnsOf(workspaceId, rule.query);
    const names = columns.map((column) => column.name).join(', ');
    const errors: { path: string; message: string }[] = [];
    if (rule.trigger.column !== undefined) {
      const column = columns.find((candidate) => candidate.name === rule.trigger.column);
      if (!column)
        errors.push({
          path: 'trigger.column',
          message: `is not a column of the query's result (${names})`,
        });
      else if (column.type !== 'long' && column.type !== 'real')
        errors.push({
          path: 'trigger.column',
          message: `must be a number column; '${column.name}' is a ${column.type}`,
        });
    }
    if (rule.groupBy !== undefined && !columns.some((column) => column.name === rule.groupBy)) {
      errors.push({ path: 'groupBy', message: `is not a column of the query's result (${names})` });
    }
    if (errors.length > 0) throw ProblemException.validation(errors);
  }

  private async find(manager: EntityManager, workspaceId: string, id: string): Promise<AlertRule> {
    const rule = await alertRuleOf(manager, workspaceId, id);
    if (!rule) throw ProblemException.notFound('No such alert rule in this workspace.');
    return rule;
  }

  private audit(
    manager: EntityManager,
    workspaceId: string,
    actor: Actor,
    action: 'alert-rule.created' | 'alert-rule.updated' | 'alert-rule.deleted',
    id: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    return recordAuditEvent(manager, {
      workspaceId,
      actor,
      action,
      target: { type: 'alert-rule', id },
      details,
    });
  }
}
