import { User } from '../accounts/user.entity.js';
import { AuditEvent } from '../audit/audit-event.entity.js';
import { Session } from '../auth/session.entity.js';
import { Invitation } from '../members/invitation.entity.js';
import { RateLimitCounter } from '../rate-limit/rate-limit-counter.entity.js';
import { ApiToken } from '../tokens/api-token.entity.js';
import { Membership } from '../workspaces/membership.entity.js';
import { Workspace } from '../workspaces/workspace.entity.js';

/**
 * Every entity, listed explicitly: class references work the same from `tsc` output, under
 * Jest and in the migration-drift check, where file globs would not.
 */
export const entities = [
  Workspace,
  User,
  Session,
  Membership,
  Invitation,
  ApiToken,
  AuditEvent,
  RateLimitCounter,
];
