import type { EntityManager } from 'typeorm';
import { publishEvent } from '../notifications/outbox.repository.js';
import { workspaceWebPath } from '../workspaces/workspace.repository.js';
import type { AlertRule } from './alert-rule.entity.js';
import type { Alert } from './alert.entity.js';

/** Why an alert is announced: it fired (with how many rows matched), or it resolved and why. */
export type AlertNotice =
  | { event: 'alert.fired'; matchingRows: number }
  | { event: 'alert.resolved'; reason: 'no-longer-matches' | 'rule-turned-off' };

function bodyOf(rule: AlertRule, notice: AlertNotice): string {
  if (notice.event === 'alert.fired') {
    const rows = notice.matchingRows;
    return `The rule "${rule.name}" matched ${rows} ${rows === 1 ? 'row' : 'rows'} (severity ${rule.severity}).`;
  }
  return notice.reason === 'rule-turned-off'
    ? `The rule "${rule.name}" was turned off; the alert is resolved.`
    : `The rule "${rule.name}" no longer matches; the alert is resolved.`;
}

/**
 * Publishes `alert.fired` / `alert.resolved` for one alert in the caller's transaction, to the
 * workspace's admins and alert channels; one event per alert and kind (the dedupe key).
 */
export async function publishAlertNotice(
  manager: EntityManager,
  rule: AlertRule,
  alert: Alert,
  notice: AlertNotice,
): Promise<void> {
  const group = alert.groupKey === '' ? '' : ` — ${alert.groupKey}`;
  const severity = rule.severity.toUpperCase();
  await publishEvent(manager, {
    workspaceId: rule.workspaceId,
    event: notice.event,
    subject: { type: 'alert', id: alert.id },
    title:
      notice.event === 'alert.fired'
        ? `Alert ${severity}: ${rule.name}${group}`
        : `Resolved: ${rule.name}${group}`,
    body: bodyOf(rule, notice),
    path: await workspaceWebPath(manager, rule.workspaceId, 'alerts'),
    audience: { workspaceAdmins: true, alertChannels: true },
    dedupeKey: `${notice.event}:${alert.id}`,
    data: { ruleId: rule.id, group: alert.groupKey, severity: rule.severity },
  });
}
