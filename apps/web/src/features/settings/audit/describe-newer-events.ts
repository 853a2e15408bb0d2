import type { AuditAction, AuditEvent } from '@bearing/contracts';

export interface Described {
  action: string;
  target: string;
}
type Details = (key: string) => string | undefined;
export type Describer = (detail: Details, event: AuditEvent) => Described;

function joined(...parts: (string | undefined)[]): string {
  return parts.filter((part) => part !== undefined && part !== '').join(' ');
}

/** `["query", "trigger"]` → "(changed query, trigger)"; nothing when the event has no list. */
function changedFields(event: AuditEvent): string | undefined {
  const changed = event.details.changed;
  if (!Array.isArray(changed) || changed.length === 0) return undefined;
  return `(changed ${changed.filter((field) => typeof field === 'string').join(', ')})`;
}

const named =
  (action: string): Describer =>
  (detail) => ({ action, target: joined(detail('name')) });

/**
 * Jira connections and sources, alert rules, saved queries, single sign-on and the account's
 * own credentials: each in words rather than the generic "Verb: thing". Their details name no
 * team (only its id), so the team shows through the event's target label.
 */
export const NEWER_EVENT_DESCRIBERS: Partial<Record<AuditAction, Describer>> = {
  'jira-connection.created': (detail) => ({
    action: 'Added a Jira connection',
    target: joined(
      detail('name'),
      detail('flavour') && `(${detail('flavour') === 'cloud' ? 'Cloud' : 'Data Center'})`,
      detail('baseUrl'),
    ),
  }),
  'jira-connection.updated': (_detail, event) => ({
    action: 'Changed a Jira connection',
    target: joined(changedFields(event)),
  }),
  'jira-connection.deleted': named('Deleted a Jira connection'),
  'team-source.saved': (detail, event) => ({
    action:
      event.details.created === true ? 'Connected a team to Jira' : "Changed a team's Jira source",
    target: joined(
      detail('intervalMinutes') && `every ${detail('intervalMinutes')} min`,
      event.details.enabled === false ? '(paused)' : undefined,
    ),
  }),
  'team-source.deleted': (detail) => ({
    action: 'Disconnected a team from Jira',
    target: joined(detail('name')),
  }),
  'team-source.broken': (detail) => ({
    action: 'Jira refused the sync; its schedule is paused',
    target: joined(detail('reason')),
  }),
  'team-source.webhook-rotated': () => ({
    action: 'Gave a Jira webhook a new address',
    target: '',
  }),
  'team-source.webhook-signing-changed': (_detail, event) => ({
    action:
      event.details.signed === true
        ? 'Set a Jira webhook signing secret'
        : 'Removed a Jira webhook signing secret',
    target: '',
  }),
  'alert-rule.created': named('Created an alert rule'),
  'alert-rule.updated': (detail, event) => ({
    action: 'Changed an alert rule',
    target: joined(detail('name'), changedFields(event)),
  }),
  'alert-rule.deleted': named('Deleted an alert rule'),
  'alert.acknowledged': (detail) => ({
    action: 'Acknowledged an alert',
    target: joined(detail('group') && `for ${detail('group')}`),
  }),
  'saved-query.created': named('Saved a query'),
  'saved-query.updated': named('Changed a saved query'),
  'saved-query.deleted': named('Deleted a saved query'),
  'demo.seeded': (detail) => ({
    action: 'Filled the demo workspace',
    target: joined(detail('today') && `around ${detail('today')}`),
  }),
  'session.sso-refused': (detail) => ({
    action: 'Refused a single sign-on',
    target: joined(
      detail('email'),
      detail('reason') && `(${detail('reason')?.replace(/-/g, ' ')})`,
    ),
  }),
  'account.sso-link-requested': (detail) => ({
    action: 'Asked to link a single sign-on identity',
    target: joined(detail('email'), detail('issuer') && `from ${detail('issuer')}`),
  }),
  'account.sso-linked': (detail) => ({
    action: 'Linked a single sign-on identity',
    target: joined(detail('issuer') && `from ${detail('issuer')}`),
  }),
  'account.instance-admin-granted': (detail) => ({
    action: 'Made an instance administrator',
    target: joined(detail('email'), detail('group') && `(through group ${detail('group')})`),
  }),
  'account.sessions-revoked': (detail) => ({
    action: 'Signed sessions out',
    target: joined(
      detail('email'),
      detail('revoked') && `(${detail('revoked')} session${detail('revoked') === '1' ? '' : 's'})`,
    ),
  }),
  'account.password-changed': () => ({ action: 'Changed the password', target: '' }),
  'account.password-reset-requested': () => ({
    action: 'Asked for a password-reset link',
    target: '',
  }),
  'account.password-reset': () => ({
    action: 'Set a new password through a reset link',
    target: '',
  }),
};
