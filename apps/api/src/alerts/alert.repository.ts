import type { EntityManager } from 'typeorm';
import { AlertRule } from './alert-rule.entity.js';
import { Alert } from './alert.entity.js';
import { SavedQuery } from './saved-query.entity.js';

// Table calls of saved queries, alert rules and alerts; every read of a workspace's records
// filters by the workspace, except the scheduler's, which looks for due rules of any workspace.

export function savedQueriesOf(manager: EntityManager, workspaceId: string): Promise<SavedQuery[]> {
  return manager
    .getRepository(SavedQuery)
    .find({ where: { workspaceId }, order: { name: 'ASC', id: 'ASC' } });
}

export function savedQueryOf(manager: EntityManager, workspaceId: string, id: string) {
  return manager.getRepository(SavedQuery).findOneBy({ workspaceId, id });
}

/** The workspace's saved query `id`, locked for the rest of the transaction (an edit's version check). */
export function lockSavedQueryOf(manager: EntityManager, workspaceId: string, id: string) {
  return manager
    .getRepository(SavedQuery)
    .findOne({ where: { workspaceId, id }, lock: { mode: 'pessimistic_write' } });
}

export function saveSavedQuery(
  manager: EntityManager,
  query: Partial<SavedQuery>,
): Promise<SavedQuery> {
  return manager.getRepository(SavedQuery).save(query);
}

export async function deleteSavedQuery(manager: EntityManager, query: SavedQuery): Promise<void> {
  await manager.getRepository(SavedQuery).delete({ id: query.id, workspaceId: query.workspaceId });
}

export function alertRulesOf(manager: EntityManager, workspaceId: string): Promise<AlertRule[]> {
  return manager
    .getRepository(AlertRule)
    .find({ where: { workspaceId }, order: { name: 'ASC', id: 'ASC' } });
}

export function alertRuleOf(manager: EntityManager, workspaceId: string, id: string) {
  return manager.getRepository(AlertRule).findOneBy({ workspaceId, id });
}

/** A rule of any workspace by id (the job knows only the id). */
export function alertRuleById(manager: EntityManager, id: string) {
  return manager.getRepository(AlertRule).findOneBy({ id });
}

/** The rule, locked until the transaction ends: one evaluation of a rule at a time. */
export function lockAlertRule(manager: EntityManager, id: string) {
  return manager
    .getRepository(AlertRule)
    .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
}

/**
 * The workspace's rule, locked until the transaction ends: an edit reads the version it checks
 * under the lock, so two edits of one version cannot both pass the check.
 */
export function lockAlertRuleOf(manager: EntityManager, workspaceId: string, id: string) {
  return manager
    .getRepository(AlertRule)
    .findOne({ where: { workspaceId, id }, lock: { mode: 'pessimistic_write' } });
}

/** Writes only `changes` (and the next version): columns the scheduler owns stay as they are. */
export async function updateAlertRule(
  manager: EntityManager,
  rule: Pick<AlertRule, 'id' | 'workspaceId'>,
  changes: Partial<AlertRule>,
): Promise<void> {
  // The update builder adds "version" = "version" + 1 itself.
  await manager
    .getRepository(AlertRule)
    .update({ id: rule.id, workspaceId: rule.workspaceId }, changes);
}

export function saveAlertRule(
  manager: EntityManager,
  rule: Partial<AlertRule>,
): Promise<AlertRule> {
  return manager.getRepository(AlertRule).save(rule);
}

export async function deleteAlertRule(manager: EntityManager, rule: AlertRule): Promise<void> {
  await manager.getRepository(AlertRule).delete({ id: rule.id, workspaceId: rule.workspaceId });
}

/** Enabled rules of every workspace whose next run is due at `now`, oldest first. */
export async function dueAlertRules(
  manager: EntityManager,
  now: Date,
  limit: number,
): Promise<{ id: string; workspaceId: string; nextRunAt: Date; everyMinutes: number }[]> {
  const rows: { id: string; workspace_id: string; next_run_at: Date; every_minutes: number }[] =
    await manager.query(
      `SELECT "id", "workspace_id", "next_run_at", "every_minutes" FROM "alert_rule"
        WHERE "enabled" AND "next_run_at" <= $1 ORDER BY "next_run_at", "id" LIMIT $2`,
      [now, limit],
    );
  return rows.map((row) => ({
    id: row.id,
    workspaceId: row.workspace_id,
    nextRunAt: row.next_run_at,
    everyMinutes: row.every_minutes,
  }));
}

/**
 * Moves a due rule's next run on, if no other process did since it was read: true for the one
 * process that may enqueue this run.
 */
export async function claimAlertRuleRun(
  manager: EntityManager,
  id: string,
  dueAt: Date,
  nextRunAt: Date,
): Promise<boolean> {
  // An UPDATE answers [rows, affected count] through TypeORM's postgres driver.
  const [, affected]: [unknown[], number] = await manager.query(
    `UPDATE "alert_rule" SET "next_run_at" = $3 WHERE "id" = $1 AND "next_run_at" = $2`,
    [id, dueAt, nextRunAt],
  );
  return affected > 0;
}

export async function recordAlertRuleRun(
  manager: EntityManager,
  id: string,
  ranAt: Date,
  error: string | null,
): Promise<void> {
  // Never back in time: a retried run that ends after a later one leaves the later one's record.
  await manager.query(
    `UPDATE "alert_rule" SET "last_run_at" = $2, "last_error" = $3
      WHERE "id" = $1 AND ("last_run_at" IS NULL OR "last_run_at" <= $2)`,
    [id, ranAt, error],
  );
}

export function openAlertsOf(manager: EntityManager, ruleId: string): Promise<Alert[]> {
  return manager.getRepository(Alert).find({
    where: [
      { ruleId, state: 'firing' },
      { ruleId, state: 'acknowledged' },
    ],
  });
}

/** When the group's latest alert of this rule fired, for suppression. */
export async function lastFiredAt(
  manager: EntityManager,
  ruleId: string,
  groupKey: string,
): Promise<Date | null> {
  const [row]: { fired: Date | null }[] = await manager.query(
    `SELECT max("first_seen_at") AS "fired" FROM "alert" WHERE "rule_id" = $1 AND "group_key" = $2`,
    [ruleId, groupKey],
  );
  return row?.fired ?? null;
}

/** A new alert (it has no id yet, so this inserts; existing alerts change only column by column). */
export function insertAlert(manager: EntityManager, alert: Omit<Alert, 'id'>): Promise<Alert> {
  const alerts = manager.getRepository(Alert);
  return alerts.save(alerts.create(alert));
}

/**
 * A run that still matches an open alert: its rows and when it was last seen. The state is not
 * written — an acknowledgement that committed since the run read the alert stays.
 */
export async function refreshOpenAlert(
  manager: EntityManager,
  id: string,
  seen: Pick<Alert, 'lastSeenAt' | 'rows' | 'columns'>,
): Promise<void> {
  await manager.query(
    `UPDATE "alert" SET "last_seen_at" = $2, "rows" = $3, "columns" = $4
      WHERE "id" = $1 AND "state" <> 'resolved'`,
    [id, seen.lastSeenAt, JSON.stringify(seen.rows), JSON.stringify(seen.columns)],
  );
}

/** Resolves an alert that is still open (firing or acknowledged): true if this call did. */
export async function resolveOpenAlert(
  manager: EntityManager,
  id: string,
  resolvedAt: Date,
): Promise<boolean> {
  const [, affected]: [unknown[], number] = await manager.query(
    `UPDATE "alert" SET "state" = 'resolved', "resolved_at" = $2
      WHERE "id" = $1 AND "state" IN ('firing', 'acknowledged')`,
    [id, resolvedAt],
  );
  return affected > 0;
}

/**
 * Acknowledges the workspace's alert only while it is firing: true if this call did. The
 * condition is checked on the row as it is when the update gets it, so an evaluation that
 * resolved the alert meanwhile wins and the alert stays resolved.
 */
export async function acknowledgeFiringAlert(
  manager: EntityManager,
  workspaceId: string,
  id: string,
): Promise<boolean> {
  const [, affected]: [unknown[], number] = await manager.query(
    `UPDATE "alert" SET "state" = 'acknowledged'
      WHERE "workspace_id" = $1 AND "id" = $2 AND "state" = 'firing'`,
    [workspaceId, id],
  );
  return affected > 0;
}

export type AlertWithRule = Alert & { ruleName: string; severity: AlertRule['severity'] };

/** The workspace's alerts, firing first, then acknowledged, then resolved; newest first within. */
export async function alertsOf(
  manager: EntityManager,
  workspaceId: string,
  state: Alert['state'] | undefined,
  limit: number,
): Promise<AlertWithRule[]> {
  const alerts = await manager
    .getRepository(Alert)
    .createQueryBuilder('alert')
    .innerJoinAndSelect('alert.rule', 'rule')
    .where('alert.workspaceId = :workspaceId', { workspaceId })
    .andWhere(state ? 'alert.state = :state' : 'TRUE', { state })
    .orderBy(`CASE alert.state WHEN 'firing' THEN 0 WHEN 'acknowledged' THEN 1 ELSE 2 END`)
    .addOrderBy('alert.lastSeenAt', 'DESC')
    .addOrderBy('alert.id', 'ASC')
    .limit(limit)
    .getMany();
  return alerts.map((alert) =>
    Object.assign(alert, {
      ruleName: alert.rule?.name ?? '',
      severity: alert.rule?.severity ?? 'low',
    }),
  );
}

export function alertOf(manager: EntityManager, workspaceId: string, id: string) {
  return manager
    .getRepository(Alert)
    .findOne({ where: { workspaceId, id }, relations: { rule: true } });
}
