import { z } from 'zod';
import { displayNameSchema, emailSchema, passwordSchema } from './auth.js';
import { pageSchema } from './pagination.js';
import { workspaceRoleSchema } from './workspaces.js';

export const memberSchema = z.object({
  userId: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: workspaceRoleSchema,
  /** Send it back when changing the role; a stale version is refused with 409. */
  version: z.number().int(),
  joinedAt: z.iso.datetime(),
  /**
   * False while an instance admin has deactivated the account: it keeps its membership but
   * cannot sign in, so it is offered for no new duty (such as owning a program).
   */
  active: z.boolean(),
});

/** `GET /api/workspaces/:workspace/members` — by email. */
export const memberPageSchema = pageSchema(memberSchema);

/**
 * `POST /api/workspaces/:workspace/members` (admin). Always makes an invitation, answered the
 * same whether the email has an account or not (so the answer reveals no accounts): a person
 * with an account accepts it in Bearing (`GET /api/me/invitations`), a new person through the
 * one-time link, valid for 7 days. Only an instance admin may also give an initial `password`:
 * a new account is then made with it (to be changed at first sign-in), an existing one is left
 * as it is. `invite: true` is the default and may be left out.
 */
export const addMemberRequestSchema = z
  .strictObject({
    email: emailSchema,
    role: workspaceRoleSchema,
    /** Name for a new account made with `password`; defaults to the email's local part. */
    displayName: displayNameSchema.optional(),
    password: passwordSchema.optional(),
    invite: z.literal(true).optional(),
  })
  .refine((body) => body.password === undefined || body.invite === undefined, {
    message: 'give an initial password or invite: true, not both',
    path: ['invite'],
  });

export const invitationSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role: workspaceRoleSchema,
  /** Relative web path `/invite/<token>`; the secret is shown only in this response. */
  url: z.string(),
  expiresAt: z.iso.datetime(),
});

/** The same shape for every email: the person joins once they accept. */
export const addMemberResponseSchema = z.object({ invitation: invitationSchema });

/** An invitation as the invited person sees it (`GET /api/me/invitations`). */
export const myInvitationSchema = z.object({
  id: z.uuid(),
  workspace: z.object({ slug: z.string(), name: z.string() }),
  role: workspaceRoleSchema,
  invitedBy: z.object({ displayName: z.string() }),
  expiresAt: z.iso.datetime(),
});

/** `GET /api/me/invitations` — the caller's open invitations, soonest to expire first. */
export const myInvitationListSchema = z.object({ items: z.array(myInvitationSchema) });

/**
 * A pending invitation as the workspace's admins see it (`GET …/invitations`): who is invited,
 * with which role, by whom and until when. The link itself is never shown again.
 */
export const workspaceInvitationSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role: workspaceRoleSchema,
  invitedBy: z.object({ userId: z.uuid(), displayName: z.string() }),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});

/**
 * `GET /api/workspaces/:workspace/invitations` (admin) — the open invitations, soonest to expire
 * first. An invitation works only while its inviter is still an admin here with an active
 * account, so one made by an admin since removed, demoted or deactivated is not listed (nor
 * usable). `DELETE …/invitations/:id` revokes one.
 */
export const workspaceInvitationListSchema = z.object({
  items: z.array(workspaceInvitationSchema),
});

/** `PATCH /api/workspaces/:workspace/members/:userId` (admin). */
export const updateMemberRequestSchema = z.strictObject({
  role: workspaceRoleSchema,
  version: z.number().int().min(1),
});

export type Member = z.infer<typeof memberSchema>;
export type MemberPage = z.infer<typeof memberPageSchema>;
export type AddMemberRequest = z.infer<typeof addMemberRequestSchema>;
export type Invitation = z.infer<typeof invitationSchema>;
export type AddMemberResponse = z.infer<typeof addMemberResponseSchema>;
export type MyInvitation = z.infer<typeof myInvitationSchema>;
export type MyInvitationList = z.infer<typeof myInvitationListSchema>;
export type WorkspaceInvitation = z.infer<typeof workspaceInvitationSchema>;
export type WorkspaceInvitationList = z.infer<typeof workspaceInvitationListSchema>;
export type UpdateMemberRequest = z.infer<typeof updateMemberRequestSchema>;
