import type {
  Alert as AlertResponse,
  AlertRule as AlertRuleResponse,
  SavedQuery as SavedQueryResponse,
} from '@bearing/contracts';
import type { AlertRule } from './alert-rule.entity.js';
import type { AlertWithRule } from './alert.repository.js';
import type { SavedQuery } from './saved-query.entity.js';

export function toAlertRuleResponse(rule: AlertRule): AlertRuleResponse {
  return {
    id: rule.id,
    name: rule.name,
    query: rule.query,
    everyMinutes: rule.everyMinutes,
    lookbackMinutes: rule.lookbackMinutes,
    trigger: {
      ...(rule.triggerColumn === null ? {} : { column: rule.triggerColumn }),
      op: rule.triggerOp,
      threshold: rule.triggerThreshold,
    },
    severity: rule.severity,
    suppressMinutes: rule.suppressMinutes,
    ...(rule.groupBy === null ? {} : { groupBy: rule.groupBy }),
    enabled: rule.enabled,
    lastRunAt: rule.lastRunAt?.toISOString() ?? null,
    nextRunAt: rule.nextRunAt?.toISOString() ?? null,
    lastError: rule.lastError,
    version: rule.version,
    createdAt: rule.createdAt.toISOString(),
  };
}

export function toAlertResponse(alert: AlertWithRule): AlertResponse {
  return {
    id: alert.id,
    ruleId: alert.ruleId,
    ruleName: alert.ruleName,
    severity: alert.severity,
    state: alert.state,
    group: alert.groupKey,
    firstSeenAt: alert.firstSeenAt.toISOString(),
    lastSeenAt: alert.lastSeenAt.toISOString(),
    resolvedAt: alert.resolvedAt?.toISOString() ?? null,
    rows: alert.rows,
    columns: alert.columns,
  };
}

export function toSavedQueryResponse(query: SavedQuery): SavedQueryResponse {
  return {
    id: query.id,
    name: query.name,
    query: query.query,
    version: query.version,
    createdAt: query.createdAt.toISOString(),
    updatedAt: query.updatedAt.toISOString(),
  };
}
