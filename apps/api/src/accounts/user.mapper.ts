import type { MeResponse, User as UserResponse } from '@bearing/contracts';
import type { User } from './user.entity.js';

export function toUserResponse(user: Pick<User, 'id' | 'email' | 'displayName'>): UserResponse {
  return { id: user.id, email: user.email, displayName: user.displayName };
}

/** The signed-in user as `me` describes them, with what only they need to know. */
export function toMeUserResponse(user: User): MeResponse['user'] {
  return {
    ...toUserResponse(user),
    mustChangePassword: user.mustChangePassword,
    instanceAdmin: user.instanceAdmin,
  };
}
