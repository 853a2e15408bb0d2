import type { WorkspaceRole } from '@bearing/contracts';
import type { OidcConfig } from '../../config/config.js';

const RANK: Record<WorkspaceRole, number> = { viewer: 1, editor: 2, admin: 3 };

/**
 * The groups an ID token names in the role claim: an array of strings (most providers) or one
 * string; anything else counts as no groups.
 */
export function groupsOf(claims: Record<string, unknown>, roleClaim: string): string[] {
  const value = claims[roleClaim];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value))
    return value.filter((group): group is string => typeof group === 'string');
  return [];
}

/**
 * The role in each workspace that the person's groups grant under `BEARING_OIDC_ROLE_MAP`: the
 * highest one when several groups name the same workspace.
 */
export function workspaceRolesOf(
  groups: readonly string[],
  roleMap: OidcConfig['roleMap'],
): Map<string, WorkspaceRole> {
  const roles = new Map<string, WorkspaceRole>();
  for (const group of groups) {
    if (!Object.hasOwn(roleMap, group)) continue;
    for (const [slug, role] of Object.entries(roleMap[group] ?? {})) {
      const current = roles.get(slug);
      if (current === undefined || RANK[role] > RANK[current]) roles.set(slug, role);
    }
  }
  return roles;
}
