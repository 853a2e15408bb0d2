/**
 * What an audit event was done to. The kinds are a closed list so that every kind has a label
 * (`AUDIT_TARGET_KINDS`) and a name lookup (`audit-target.repository.ts`); the compiler refuses
 * a new kind without both.
 */
export type AuditTargetType =
  | 'workspace'
  | 'user'
  | 'invitation'
  | 'api_token'
  | 'period'
  | 'objective'
  | 'key_result'
  | 'check_in'
  | 'metric'
  | 'guardrail'
  | 'team'
  | 'team-member'
  | 'sprint'
  | 'import'
  | 'job'
  | 'program'
  | 'milestone'
  | 'raid-item'
  | 'dependency'
  | 'status-report'
  | 'jira-connection'
  | 'team-source'
  | 'alert-rule'
  | 'saved-query'
  | 'notification-channel'
  | 'account'
  | 'instance';

/** The word a reader sees before the target's name, e.g. "Objective · Grow podcast revenue". */
export const AUDIT_TARGET_KINDS: Record<AuditTargetType, string> = {
  workspace: 'Workspace',
  user: 'Member',
  invitation: 'Invitation',
  api_token: 'API token',
  period: 'Period',
  objective: 'Objective',
  key_result: 'Key result',
  check_in: 'Check-in',
  metric: 'Metric',
  guardrail: 'Guardrail',
  team: 'Team',
  'team-member': 'Team member',
  sprint: 'Sprint',
  import: 'Import',
  job: 'Job',
  program: 'Program',
  milestone: 'Milestone',
  'raid-item': 'RAID item',
  dependency: 'Dependency',
  'status-report': 'Status report',
  'jira-connection': 'Jira connection',
  'team-source': 'Team source',
  'alert-rule': 'Alert rule',
  'saved-query': 'Saved query',
  'notification-channel': 'Notification channel',
  account: 'Account',
  instance: 'Instance settings',
};

/** Long enough for any name Bearing accepts plus its context; longer ones end in "…". */
export const MAX_TARGET_LABEL_LENGTH = 300;

/**
 * Details keys that name a target when its row is gone (a delete records the event after the
 * row is removed) or there is no single row (points for several metrics). Secrets are never
 * in details, so nothing read from here can leak one.
 */
const NAMING_DETAILS = ['name', 'title', 'displayName', 'email', 'fileName', 'key'] as const;

export function nameFromDetails(details: Record<string, unknown>): string | null {
  for (const key of NAMING_DETAILS) {
    const value = details[key];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  const metrics = details.metrics;
  if (Array.isArray(metrics) && metrics.every((key) => typeof key === 'string')) {
    return metrics.length > 0 ? metrics.join(', ') : null;
  }
  const kind = details.kind;
  return typeof kind === 'string' ? kind : null;
}

/** "Team · Platform"; just the kind when the target has no name to show. */
export function auditTargetLabel(type: AuditTargetType, name: string | null): string {
  const kind = AUDIT_TARGET_KINDS[type];
  const label = name === null ? kind : `${kind} · ${name.replace(/\s+/g, ' ').trim()}`;
  return label.length <= MAX_TARGET_LABEL_LENGTH
    ? label
    : `${label.slice(0, MAX_TARGET_LABEL_LENGTH - 1)}…`;
}
