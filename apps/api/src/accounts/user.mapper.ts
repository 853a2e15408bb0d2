import type { MeResponse, User as UserResponse } from '@bearing/contracts';
import { mfaEnrolmentRequired } from '../access/mfa-requirement.js';
import type { MfaRequirement } from '../config/config.js';
import type { User } from './user.entity.js';

export function toUserResponse(user: Pick<User, 'id' | 'email' | 'displayName'>): UserResponse {
  return { id: user.id, email: user.email, displayName: user.displayName };
}

/** The signed-in user as `me` describes them, with what only they need to know. */
export function toMeUserResponse(user: User, requireMfa: MfaRequirement): MeResponse['user'] {
  return {
    ...toUserResponse(user),
    mustChangePassword: user.mustChangePassword,
    instanceAdmin: user.instanceAdmin,
    mfaEnabled: user.mfaEnabled,
    mfaEnrolmentRequired: mfaEnrolmentRequired(requireMfa, user),
  };
}
