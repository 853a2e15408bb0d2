import type { Member } from '@bearing/contracts';
import type { User } from '../accounts/user.entity.js';
import type { Membership } from '../workspaces/membership.entity.js';

export function toMemberResponse(membership: Membership, user: User): Member {
  return {
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    role: membership.role,
    version: membership.version,
    joinedAt: membership.createdAt.toISOString(),
    active: user.disabledAt === null,
  };
}
