import { Reflector } from '@nestjs/core';
import type { WorkspaceRole } from '@bearing/contracts';

/**
 * Who may call a route:
 * - `'public'` — anyone (sign-in, health);
 * - `'webhook'` — another server holding a secret in the path (Jira's webhooks), which the
 *   handler checks; no cookie or token is read, so there is no cross-site check either;
 * - `'signed-in'` — any user with a browser session (API tokens belong to one workspace, so
 *   they do not reach account-level routes);
 * - `'instance-admin'` — an instance administrator with a browser session (never a token):
 *   the `/api/admin/…` routes over users, instance settings and the instance audit log;
 * - `{ workspaceRole }` — a member of the workspace in the `:workspace` path parameter with at
 *   least that role; an API token counts with the weaker of its scope and its owner's role.
 */
export type AccessRule =
  'public' | 'webhook' | 'signed-in' | 'instance-admin' | { workspaceRole: WorkspaceRole };

/**
 * The one decorator every route carries, on the handler itself so the rule is visible where
 * the route is declared. A route without it is refused (deny by default) and fails the
 * route-walking test.
 */
export const Access = Reflector.createDecorator<AccessRule>();

/**
 * Marks a signed-in route that still answers while the caller must change their password
 * (someone else chose it): reading who they are, changing it, listing and ending their own
 * sessions, signing out. Every other route answers 403 `password-change-required` until then.
 */
export const OpenBeforePasswordChange = Reflector.createDecorator<true>({ transform: () => true });

/**
 * Marks a signed-in route that still answers while an instance admin must enrol a second factor
 * (`BEARING_REQUIRE_MFA=admins`): reading who they are, enrolling, changing their password,
 * their sessions, signing out. Every other route answers 403 `mfa-enrolment-required` until then.
 */
export const OpenBeforeMfaEnrolment = Reflector.createDecorator<true>({ transform: () => true });
