import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ALERT_ROWS_KEPT } from '@bearing/contracts';
import { DataSource } from 'typeorm';
import { ProblemException } from '../common/problem/problem.js';
import { JobQueue } from '../jobs/job-queue.service.js';
import { Scheduler } from '../jobs/jobs.module.js';
import { NotificationPipeline } from '../notifications/notifications.module.js';
import { QueriesService } from '../queries/queries.service.js';
import type { AlertRule } from './alert-rule.entity.js';
import { runRule, type RuleRun } from './alert-rule-run.js';
import { publishAlertNotice } from './alert-notice.js';
import {
  alertRuleById,
  claimAlertRuleRun,
  dueAlertRules,
  lastFiredAt,
  lockAlertRule,
  insertAlert,
  openAlertsOf,
  recordAlertRuleRun,
  refreshOpenAlert,
  resolveOpenAlert,
} from './alert.repository.js';

export const EVALUATE_ALERT_RULE = 'alert-rule.evaluate';
type EvaluatePayload = { workspaceId: string; ruleId: string; runAt: string };

const MINUTE = 60_000;
/** Rules looked at per scheduler tick; the rest wait for the next minute. */
const DUE_RULES_PER_TICK = 500;
/** Runs of one `evaluate` when the rule keeps being edited while its query runs. */
const RUNS_PER_EDIT_RACE = 3;

/** What one run of a rule did, for tests and logs. */
export type EvaluationOutcome = {
  fired: number;
  updated: number;
  resolved: number;
  suppressed: number;
};

/**
 * Runs alert rules on their schedule: the minute scheduler claims each due rule's run (one
 * process wins the claim) and queues a job per run; the job runs the query at the scheduled
 * time over the rule's lookback, applies the trigger and moves the rule's alerts through their
 * lifecycle — a new match fires (unless the group fired within the suppression window), a
 * match of an open alert refreshes it, an open alert whose group no longer matches resolves.
 * Fired and resolved alerts are published as `alert.fired` / `alert.resolved` outbox events.
 */
@Injectable()
export class AlertEvaluation implements OnModuleInit {
  private readonly logger = new Logger(AlertEvaluation.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
    private readonly scheduler: Scheduler,
    private readonly queries: QueriesService,
    private readonly pipeline: NotificationPipeline,
  ) {}

  onModuleInit(): void {
    this.scheduler.register('alert-rules', (now) => this.enqueueDue(now).then(() => undefined));
    this.queue.register<EvaluatePayload>(
      EVALUATE_ALERT_RULE,
      async ({ ruleId, runAt }) => {
        await this.evaluate(ruleId, new Date(runAt));
      },
      { retries: 2, retryDelaySeconds: 30, timeoutSeconds: 60 },
    );
  }

  /** Claims and queues every rule due at `now`; answers how many runs were queued. */
  async enqueueDue(now: Date): Promise<number> {
    const manager = this.dataSource.manager;
    let queued = 0;
    for (const rule of await dueAlertRules(manager, now, DUE_RULES_PER_TICK)) {
      const next = new Date(now.getTime() + rule.everyMinutes * MINUTE);
      if (!(await claimAlertRuleRun(manager, rule.id, rule.nextRunAt, next))) continue;
      await this.queue.enqueue<EvaluatePayload>(
        EVALUATE_ALERT_RULE,
        { workspaceId: rule.workspaceId, ruleId: rule.id, runAt: now.toISOString() },
        { singletonKey: `alert-rule:${rule.id}` },
      );
      queued += 1;
    }
    return queued;
  }

  /**
   * One run of a rule at `runAt`; idempotent for one `runAt` (the alerts' states say what is
   * done). The query runs before the rule is locked, so what it computed is written only if the
   * rule is, under the lock, still on and the version it ran: a rule turned off meanwhile fires
   * nothing, and one edited meanwhile (another query, trigger or grouping) is run again as it is.
   */
  async evaluate(ruleId: string, runAt: Date): Promise<EvaluationOutcome> {
    for (let attempt = 1; ; attempt += 1) {
      const rule = await alertRuleById(this.dataSource.manager, ruleId);
      if (!rule?.enabled) return noOutcome();
      const outcome = await this.evaluateAs(rule, runAt);
      if (outcome !== 'edited') return outcome;
      if (attempt === RUNS_PER_EDIT_RACE) {
        // Edited again and again while it ran: the run due after the last edit evaluates it.
        this.logger.warn(`alert rule ${rule.id} was edited during each of ${attempt} runs`);
        return noOutcome();
      }
    }
  }

  /** One run with the rule as read; `edited` when the stored rule is no longer that one. */
  private async evaluateAs(rule: AlertRule, runAt: Date): Promise<EvaluationOutcome | 'edited'> {
    const outcome = noOutcome();
    let run: RuleRun;
    try {
      run = await runRule(this.queries, rule.workspaceId, rule, {
        now: runAt,
        lookbackMs: rule.lookbackMinutes * MINUTE,
      });
    } catch (error) {
      // A query that no longer runs (a 400: timeout, changed data) is the rule's problem to show.
      if (!(error instanceof ProblemException)) throw error;
      const reason =
        error.problem.errors?.map((entry) => entry.message).join('; ') ?? error.problem.detail;
      return this.dataSource.transaction(async (manager) => {
        const standing = standingOf(await lockAlertRule(manager, rule.id), rule);
        if (standing === 'edited') return standing;
        if (standing === 'go')
          await recordAlertRuleRun(manager, rule.id, runAt, reason ?? 'the query failed');
        return outcome;
      });
    }
    const { result, groups } = run;
    const standing = await this.dataSource.transaction(async (manager) => {
      // Two processes evaluating one rule queue behind this lock, and the second sees the first's alerts.
      const locked = await lockAlertRule(manager, rule.id);
      const standing = standingOf(locked, rule);
      if (standing !== 'go' || !locked) return standing;
      // A retried run that a later run overtook: what it saw is older than what is stored.
      if (locked.lastRunAt !== null && locked.lastRunAt.getTime() > runAt.getTime()) return 'stop';
      const open = new Map(
        (await openAlertsOf(manager, rule.id)).map((alert) => [alert.groupKey, alert]),
      );
      for (const [group, { rows, matching }] of groups) {
        const kept = rows.slice(0, ALERT_ROWS_KEPT);
        const existing = open.get(group);
        if (existing) {
          // Only what the run saw: the state may have been acknowledged since it was read.
          await refreshOpenAlert(manager, existing.id, {
            lastSeenAt: runAt,
            rows: kept,
            columns: result.columns,
          });
          outcome.updated += 1;
          continue;
        }
        const fired = await lastFiredAt(manager, rule.id, group);
        if (fired && runAt.getTime() - fired.getTime() < locked.suppressMinutes * MINUTE) {
          outcome.suppressed += 1;
          continue;
        }
        const alert = await insertAlert(manager, {
          workspaceId: rule.workspaceId,
          ruleId: rule.id,
          groupKey: group,
          state: 'firing',
          firstSeenAt: runAt,
          lastSeenAt: runAt,
          resolvedAt: null,
          rows: kept,
          columns: result.columns,
        });
        await publishAlertNotice(manager, locked, alert, {
          event: 'alert.fired',
          matchingRows: matching,
        });
        outcome.fired += 1;
      }
      // A run that could not see every group cannot tell that one no longer matches.
      for (const [group, alert] of run.incomplete === null ? open : []) {
        if (groups.has(group)) continue;
        if (!(await resolveOpenAlert(manager, alert.id, runAt))) continue;
        await publishAlertNotice(manager, locked, alert, {
          event: 'alert.resolved',
          reason: 'no-longer-matches',
        });
        outcome.resolved += 1;
      }
      await recordAlertRuleRun(manager, rule.id, runAt, run.incomplete);
      return standing;
    });
    if (standing === 'edited') return standing;
    if (outcome.fired + outcome.resolved > 0) await this.pipeline.dispatchSoon();
    if (outcome.fired > 0) this.logger.log(`alert rule ${rule.id} fired ${outcome.fired} alert(s)`);
    return outcome;
  }
}

const noOutcome = (): EvaluationOutcome => ({ fired: 0, updated: 0, resolved: 0, suppressed: 0 });

/**
 * Whether a run may write what it computed from `rule`, seen under the rule's lock: not when
 * the rule is gone or turned off (`stop`), again with the stored rule when it was edited.
 */
function standingOf(locked: AlertRule | null, rule: AlertRule): 'go' | 'stop' | 'edited' {
  if (!locked?.enabled) return 'stop';
  return locked.version === rule.version ? 'go' : 'edited';
}
