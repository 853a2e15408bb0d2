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
});

/** `GET /api/workspaces/:workspace/members` — by email. */
export const memberPageSchema = pageSchema(memberSchema);

/**
 * `POST /api/workspaces/:workspace/members` (admin). A person who already has an account is
 * added as they are (their password is never touched). A new person gets an account with the
 * initial `password`, or — with `invite: true` — a one-time invite link valid for 7 days.
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
  .refine((body) => (body.password === undefined) !== (body.invite === undefined), {
    message: 'give either an initial password or invite: true (one of them, not both)',
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

/** Exactly one of `member` (added now) and `invitation` (joins on acceptance) is set. */
export const addMemberResponseSchema = z.object({
  member: memberSchema.nullable(),
  accountCreated: z.boolean(),
  invitation: invitationSchema.nullable(),
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
export type UpdateMemberRequest = z.infer<typeof updateMemberRequestSchema>;
