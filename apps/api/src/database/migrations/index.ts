import { CreateWorkspace1764136800000 } from './1764136800000-create-workspace.js';
import { CreateUser1764200000000 } from './1764200000000-create-user.js';
import { CreateSession1764200100000 } from './1764200100000-create-session.js';
import { CreateMembership1764200200000 } from './1764200200000-create-membership.js';
import { CreateInvitation1764200300000 } from './1764200300000-create-invitation.js';
import { CreateApiToken1764200400000 } from './1764200400000-create-api-token.js';
import { CreateAuditEvent1764200500000 } from './1764200500000-create-audit-event.js';
import { CreateRateLimit1764200600000 } from './1764200600000-create-rate-limit.js';

/** Every migration in the order it runs. New migrations are appended, never edited. */
export const migrations = [
  CreateWorkspace1764136800000,
  CreateUser1764200000000,
  CreateSession1764200100000,
  CreateMembership1764200200000,
  CreateInvitation1764200300000,
  CreateApiToken1764200400000,
  CreateAuditEvent1764200500000,
  CreateRateLimit1764200600000,
];
