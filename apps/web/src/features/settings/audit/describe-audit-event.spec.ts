import type { AuditEvent } from '@bearing/contracts';
import { describe, expect, it } from '@jest/globals';
import { describeAuditEvent } from './describe-audit-event';

function event(action: AuditEvent['action'], details: AuditEvent['details']): AuditEvent {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    action,
    targetType: 'user',
    targetId: null,
    targetLabel: null,
    actor: { userId: '00000000-0000-4000-8000-000000000002', email: 'a@x.test', displayName: 'A' },
    actorTokenId: null,
    requestId: 'req-1',
    createdAt: '2025-01-01T00:00:00.000Z',
    details,
  };
}

describe('describeAuditEvent', () => {
  it.each([
    [
      event('session.sign-in-failed', {
        email: 'nobody@x.test',
        reason: 'unknown-email',
        ip: '203.0.113.9',
      }),
      'Failed to sign in',
      'nobody@x.test (unknown email) from 203.0.113.9',
    ],
    [
      event('account.mfa-reset', { email: 'bo@x.test' }),
      'Reset two-factor authentication',
      'bo@x.test',
    ],
    [
      event('member.role-changed', { email: 'ana@x.test', from: 'viewer', to: 'editor' }),
      'Changed a role',
      'ana@x.test: viewer → editor',
    ],
    [
      event('member.added', { email: 'bo@x.test', role: 'editor', accountCreated: true }),
      'Added a member',
      'bo@x.test as editor (new account)',
    ],
    [
      event('token.created', { name: 'CI', scope: 'read', expiresInDays: 30 }),
      'Created an API token',
      'CI (read, 30 days)',
    ],
    [
      event('token.revoked', { name: 'CI', owner: 'bo@x.test' }),
      'Revoked an API token',
      'CI of bo@x.test',
    ],
    [
      event('job.retried', { kind: 'jira.import', attempts: 3 }),
      'Retried a failed job',
      'Jira import (after 3 attempts)',
    ],
    [
      event('workspace.created', { name: 'Demo', slug: 'demo' }),
      'Created the workspace',
      'Demo (/w/demo)',
    ],
    [
      event('jira-connection.created', {
        name: 'Acme Jira',
        flavour: 'data-center',
        baseUrl: 'https://jira.acme.test',
      }),
      'Added a Jira connection',
      'Acme Jira (Data Center) https://jira.acme.test',
    ],
    [
      event('alert-rule.updated', { name: 'Ageing items', changed: ['query', 'trigger'] }),
      'Changed an alert rule',
      'Ageing items (changed query, trigger)',
    ],
    [
      event('team-source.saved', { created: true, intervalMinutes: 30, enabled: false }),
      'Connected a team to Jira',
      'every 30 min (paused)',
    ],
    [
      event('team-source.webhook-signing-changed', { signed: false }),
      'Removed a Jira webhook signing secret',
      '',
    ],
    [
      event('account.sessions-revoked', { email: 'bo@x.test', revoked: 1 }),
      'Signed sessions out',
      'bo@x.test (1 session)',
    ],
    [
      event('invitation.revoked', { email: 'cy@x.test', role: 'viewer' }),
      'Revoked an invitation',
      'cy@x.test as viewer',
    ],
    [
      event('invitation.revoked', {
        email: 'cy@x.test',
        role: 'admin',
        reason: 'inviter-demoted',
        invitedBy: 'bo@x.test',
      }),
      'Revoked an invitation',
      'cy@x.test as admin (inviter bo@x.test was demoted)',
    ],
    [
      event('invitation.revoked', {
        email: 'cy@x.test',
        role: 'editor',
        reason: 'inviter-not-admin',
        invitedBy: 'bo@x.test',
      }),
      'Revoked an invitation',
      'cy@x.test as editor (inviter bo@x.test was no longer an admin)',
    ],
    [
      event('invitation.revoked', {
        email: 'cy@x.test',
        role: 'editor',
        reason: 'inviter-left',
        invitedBy: 'bo@x.test',
      }),
      'Revoked an invitation',
      'cy@x.test as editor (inviter bo@x.test left the workspace)',
    ],
    [
      event('session.sso-refused', { email: 'cy@x.test', reason: 'email-not-verified' }),
      'Refused a single sign-on',
      'cy@x.test (email not verified)',
    ],
  ])('describes %#', (input, action, target) => {
    expect(describeAuditEvent(input)).toEqual({ action, target });
  });

  it("describes other features' writes generically, by name when there is one", () => {
    expect(describeAuditEvent(event('key-result.created', { name: 'Fill rate ≥ 85%' }))).toEqual({
      action: 'Created: key result',
      target: 'Fill rate ≥ 85%',
    });
  });

  it('leaves out details it does not know instead of failing', () => {
    expect(describeAuditEvent(event('member.removed', {}))).toEqual({
      action: 'Removed a member',
      target: '',
    });
  });
});
