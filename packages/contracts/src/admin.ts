import { z } from 'zod';
import { pageQuerySchema, pageSchema } from './pagination.js';

/** Who may create workspaces on this instance. */
export const workspaceCreationSchema = z.enum(['everyone', 'instance-admins']);

/** `GET /api/admin/settings` (instance admin) — the defaults until an admin changes them. */
export const instanceSettingsSchema = z.object({
  /** Default `instance-admins`: other users join workspaces by invitation. */
  workspaceCreation: workspaceCreationSchema,
});

/** `PATCH /api/admin/settings` (instance admin); answers `instanceSettingsSchema`. */
export const updateInstanceSettingsRequestSchema = z.strictObject({
  workspaceCreation: workspaceCreationSchema,
});

/** `GET /api/admin/users?search=&cursor=&limit=` (instance admin) — by email. */
export const adminUserListQuerySchema = pageQuerySchema.extend({
  /** Part of an email or display name, any case. */
  search: z.string().trim().min(1).max(254).optional(),
});

export const adminUserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  instanceAdmin: z.boolean(),
  /** Signs in with a second factor; an instance admin can reset it (`DELETE …/:id/mfa`). */
  mfaEnabled: z.boolean(),
  /** False once an instance admin deactivated the account: it cannot sign in or use tokens. */
  active: z.boolean(),
  deactivatedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});

export const adminUserPageSchema = pageSchema(adminUserSchema);

/**
 * `PATCH /api/admin/users/:id` (instance admin) — `active: false` deactivates the account and
 * ends its sessions and API tokens at once; `true` lets it sign in again (tokens stay revoked).
 * `instanceAdmin` makes the account an instance admin or takes that away (never from the last
 * active one). Give at least one of the two. Deactivating the only active admin of a workspace
 * is refused (409 `last-workspace-admin`, naming the workspaces) unless
 * `leaveWorkspacesWithoutAdmin: true` confirms it.
 */
export const updateAdminUserRequestSchema = z
  .strictObject({
    active: z.boolean().optional(),
    instanceAdmin: z.boolean().optional(),
    leaveWorkspacesWithoutAdmin: z.literal(true).optional(),
  })
  .refine((body) => body.active !== undefined || body.instanceAdmin !== undefined, {
    message: 'give active or instanceAdmin',
    path: ['active'],
  });

/**
 * `DELETE /api/admin/users/:id/sessions` (instance admin) and `POST /api/me/sessions/revoke-all`
 * answer how many sessions ended (`revokedSessionsSchema` in account-security).
 */

export type WorkspaceCreation = z.infer<typeof workspaceCreationSchema>;
export type InstanceSettings = z.infer<typeof instanceSettingsSchema>;
export type UpdateInstanceSettingsRequest = z.infer<typeof updateInstanceSettingsRequestSchema>;
export type AdminUserListQuery = z.output<typeof adminUserListQuerySchema>;
export type AdminUser = z.infer<typeof adminUserSchema>;
export type AdminUserPage = z.infer<typeof adminUserPageSchema>;
export type UpdateAdminUserRequest = z.output<typeof updateAdminUserRequestSchema>;
