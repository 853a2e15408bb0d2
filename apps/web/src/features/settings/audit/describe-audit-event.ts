import type { AuditAction, AuditEvent } from '@bearing/contracts';
import { jobKindLabel } from '../jobs/job-labels';
import { NEWER_EVENT_DESCRIBERS } from './describe-newer-events';

export interface AuditEventDescription {
  /** What was done, e.g. "Changed a role". */
  action: string;
  /** To what, from the event's details, e.g. "ana@example.com: viewer → editor". */
  target: string;
}

type Details = (key: string) => string | undefined;

function joined(...parts: (string | undefined)[]): string {
  return parts.filter((part) => part !== undefined && part !== '').join(' ');
}

type Describer = (detail: Details, event: AuditEvent) => AuditEventDescription;

/** Why an invitation went with its inviter's admin role, e.g. "(inviter bo@x.test was demoted)". */
const INVITER_LEFT: Record<string, string> = {
  'inviter-demoted': 'was demoted',
  'inviter-removed': 'was removed',
  'inviter-left': 'left the workspace',
  'inviter-deactivated': 'was deactivated',
  'inviter-not-admin': 'was no longer an admin',
};

function inviterLeft(reason: string | undefined, invitedBy: string | undefined) {
  const what = reason === undefined ? undefined : INVITER_LEFT[reason];
  return what && `(${invitedBy ? `inviter ${invitedBy}` : 'its inviter'} ${what})`;
}

/**
 * Accounts, access and integrations, described in full; the domain's own writes (objectives,
 * metrics, programs …) get the generic wording, which their names already make clear.
 */
const DESCRIBERS: Partial<Record<AuditAction, Describer>> = {
  ...NEWER_EVENT_DESCRIBERS,
  'workspace.created': (detail) => ({
    action: 'Created the workspace',
    target: joined(detail('name'), detail('slug') && `(/w/${detail('slug')})`),
  }),
  'member.added': (detail, event) => ({
    action: 'Added a member',
    target: joined(
      detail('email'),
      detail('role') && `as ${detail('role')}`,
      event.details.accountCreated === true ? '(new account)' : undefined,
    ),
  }),
  'invitation.declined': (detail) => ({
    action: 'Declined an invitation',
    target: joined(detail('email'), detail('role') && `as ${detail('role')}`),
  }),
  'account.created': (detail) => ({
    action: 'Created an account with an initial password',
    target: joined(detail('email')),
  }),
  'account.deactivated': (detail) => ({
    action: 'Deactivated an account',
    target: joined(detail('email')),
  }),
  'account.reactivated': (detail) => ({
    action: 'Reactivated an account',
    target: joined(detail('email')),
  }),
  'instance-settings.updated': (detail) => ({
    action: 'Changed who may create workspaces',
    target: joined(detail('from'), detail('from') && detail('to') ? '→' : undefined, detail('to')),
  }),
  'member.invited': (detail) => ({
    action: 'Created an invite link',
    target: joined(detail('email'), detail('role') && `as ${detail('role')}`),
  }),
  'member.joined': (detail) => ({
    action: 'Joined through an invite link',
    target: joined(detail('email'), detail('role') && `as ${detail('role')}`),
  }),
  'member.role-changed': (detail) => ({
    action: 'Changed a role',
    target: joined(
      detail('email') && `${detail('email')}:`,
      detail('from'),
      detail('from') && detail('to') ? '→' : undefined,
      detail('to'),
    ),
  }),
  'member.removed': (detail) => ({
    action: 'Removed a member',
    target: joined(detail('email'), detail('role') && `(was ${detail('role')})`),
  }),
  'member.left': (detail) => ({
    action: 'Left the workspace',
    target: joined(detail('email'), detail('role') && `(was ${detail('role')})`),
  }),
  'invitation.revoked': (detail) => ({
    action: 'Revoked an invitation',
    target: joined(
      detail('email'),
      detail('role') && `as ${detail('role')}`,
      inviterLeft(detail('reason'), detail('invitedBy')),
    ),
  }),
  'token.created': (detail) => ({
    action: 'Created an API token',
    target: joined(
      detail('name'),
      detail('scope') && detail('expiresInDays')
        ? `(${detail('scope')}, ${detail('expiresInDays')} days)`
        : undefined,
    ),
  }),
  'token.revoked': (detail) => ({
    action: 'Revoked an API token',
    target: joined(detail('name'), detail('owner') && `of ${detail('owner')}`),
  }),
  'account.mfa-enabled': (detail) => ({
    action: 'Turned on two-factor authentication',
    target: joined(detail('email')),
  }),
  'account.mfa-disabled': (detail) => ({
    action: 'Turned off two-factor authentication',
    target: joined(detail('email')),
  }),
  'account.mfa-reset': (detail) => ({
    action: 'Reset two-factor authentication',
    target: joined(detail('email')),
  }),
  'session.mfa-failed': (detail) => ({
    action: 'Entered a wrong second-factor code',
    target: joined(detail('email'), detail('ip') && `from ${detail('ip')}`),
  }),
  'session.sign-in-failed': (detail) => ({
    action: 'Failed to sign in',
    target: joined(
      detail('email'),
      detail('reason') && `(${detail('reason')?.replace(/-/g, ' ')})`,
      detail('ip') && `from ${detail('ip')}`,
    ),
  }),
  'account.instance-admin-revoked': (detail) => ({
    action: 'Took away instance administration',
    target: joined(detail('email')),
  }),
  'password-resets.viewed': (detail) => ({
    action: 'Looked at the held password-reset links',
    target: joined(detail('shown') && `${detail('shown')} shown`),
  }),
  'job.retried': (detail) => {
    const kind = detail('kind');
    const attempts = detail('attempts');
    return {
      action: 'Retried a failed job',
      target: joined(
        kind && jobKindLabel(kind),
        attempts && `(after ${attempts} attempt${attempts === '1' ? '' : 's'})`,
      ),
    };
  },
};

/**
 * `key-result.created` → "Created: key result", naming the target by its name, key or title
 * when the details carry one.
 */
const describeGenerically: Describer = (detail, event) => {
  const [thing = event.targetType, verb = ''] = event.action.split('.');
  const words = (text: string) => text.replaceAll('-', ' ');
  const action = words(verb);
  return {
    action: `${action.charAt(0).toUpperCase()}${action.slice(1)}: ${words(thing)}`,
    target: detail('name') ?? detail('key') ?? detail('title') ?? '',
  };
};

/** An audit event in words, from its action and details; details it lacks are left out. */
export function describeAuditEvent(event: AuditEvent): AuditEventDescription {
  const detail: Details = (key) => {
    const value = event.details[key];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  };
  return (DESCRIBERS[event.action] ?? describeGenerically)(detail, event);
}
