import type { WorkspaceRole } from '@bearing/contracts';
import type { EventAudience } from './notification-event.entity.js';

/**
 * Whether a member with `role` may receive an event for `audience`: `editorsOnly` admits editors
 * and admins, and an audience of the workspace's admins alone (no users, no followers) admits
 * admins. Checked when the event is expanded and again right before each send, since a delivery
 * may be retried for a day and its recipient demoted meanwhile.
 */
export function audienceAdmitsRole(audience: EventAudience, role: WorkspaceRole): boolean {
  if (audience.editorsOnly && role !== 'editor' && role !== 'admin') return false;
  const adminsAlone =
    audience.workspaceAdmins === true &&
    (audience.users ?? []).length === 0 &&
    (audience.followersOf ?? []).length === 0;
  return !adminsAlone || role === 'admin';
}
