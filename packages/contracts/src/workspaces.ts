import { z } from 'zod';
import { pageSchema } from './pagination.js';
import { text } from './text.js';

/** Roles in a workspace, weakest first: viewers read, editors change data, admins manage. */
export const workspaceRoleSchema = z.enum(['viewer', 'editor', 'admin']);

/** URL name of a workspace (`/w/<slug>`): what a DNS label allows, in lower case. */
export const workspaceSlugSchema = z
  .string()
  .regex(
    /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/,
    'must be 1–63 lowercase letters, digits or hyphens, and not start or end with a hyphen',
  );

export const workspaceNameSchema = text().min(1).max(200);

/** `POST /api/workspaces` — the caller becomes the new workspace's admin. */
export const createWorkspaceRequestSchema = z.strictObject({
  slug: workspaceSlugSchema,
  name: workspaceNameSchema,
});

/** A workspace as seen by one user: with that user's role in it. */
export const workspaceSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  role: workspaceRoleSchema,
});

/** `GET /api/workspaces` — the caller's workspaces, by slug. */
export const workspacePageSchema = pageSchema(workspaceSchema);

export type WorkspaceRole = z.infer<typeof workspaceRoleSchema>;
export type CreateWorkspaceRequest = z.infer<typeof createWorkspaceRequestSchema>;
export type Workspace = z.infer<typeof workspaceSchema>;
export type WorkspacePage = z.infer<typeof workspacePageSchema>;
