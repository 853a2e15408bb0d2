import type { MfaRequirement } from '../config/config.js';

/** The injection token of the instance's `BEARING_REQUIRE_MFA` setting. */
export const MFA_REQUIREMENT = Symbol('MFA_REQUIREMENT');

/**
 * Whether this user must enrol a second factor before anything else answers: with
 * `BEARING_REQUIRE_MFA=admins`, an instance admin without one. Sessions only — an API token
 * never reaches instance administration, and it was made by a signed-in session anyway.
 */
export function mfaEnrolmentRequired(
  requirement: MfaRequirement,
  user: { instanceAdmin: boolean; mfaEnabled: boolean },
): boolean {
  return requirement === 'admins' && user.instanceAdmin && !user.mfaEnabled;
}
