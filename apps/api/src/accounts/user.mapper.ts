import type { User as UserResponse } from '@bearing/contracts';
import type { User } from './user.entity.js';

export function toUserResponse(user: Pick<User, 'id' | 'email' | 'displayName'>): UserResponse {
  return { id: user.id, email: user.email, displayName: user.displayName };
}
