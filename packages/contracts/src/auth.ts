import { z } from 'zod';
import { workspaceSchema } from './workspaces.js';
import { text } from './text.js';
import { timeZoneSchema } from './teams.js';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** Emails are compared case-insensitively, so they travel and are stored in lower case. */
export const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email());

/** A new password: long enough to resist guessing, never truncated (so bounded instead). */
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`);

export const displayNameSchema = text().min(1).max(100);

/** `POST /api/auth/sign-in` — sets the session cookie and answers with `meResponseSchema`. */
export const signInRequestSchema = z.strictObject({
  email: emailSchema,
  // Any stored password is at most 256 characters; the bound keeps hashing cheap to refuse.
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

/**
 * `POST /api/auth/accept-invite` — creates the invited account, joins the workspace and signs
 * in; answers with `meResponseSchema`.
 */
export const acceptInviteRequestSchema = z.strictObject({
  token: z.string().min(1).max(200),
  displayName: displayNameSchema,
  password: passwordSchema,
});

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
});

/**
 * The signed-in user as `me` describes them. `mustChangePassword`: someone else chose their
 * password (the generated first admin, an account made with an initial password); until they
 * choose their own (`POST /api/me/password`) other routes answer 403 `password-change-required`.
 */
export const meUserSchema = userSchema.extend({
  mustChangePassword: z.boolean(),
  /** Administers the instance (users, settings, the instance audit log); not a workspace role. */
  instanceAdmin: z.boolean(),
  /** Signs in with a second factor (an authenticator app). */
  mfaEnabled: z.boolean(),
  /**
   * The instance requires a second factor of instance admins and this one has none: until they
   * enrol (`POST /api/me/mfa/totp`), other routes answer 403 `mfa-enrolment-required`.
   */
  mfaEnrolmentRequired: z.boolean(),
});

/**
 * Who the signed-in user reads Bearing as: it picks their landing page (portfolio, programs or
 * teams) and the level of detail. A preference, never a permission — roles decide what is allowed.
 */
export const audienceSchema = z.enum(['executive', 'stakeholder', 'team']);

/** `timeZone` (IANA): the weekly digest goes out on the review weekday in this zone. */
export const userPreferencesSchema = z.object({
  audience: audienceSchema,
  /** Absent until the user sets one; digests then go out on UTC's review weekday. */
  timeZone: z.string().optional(),
});

/**
 * `GET /api/me` — the signed-in user, their preferences and every workspace they belong to,
 * with their role.
 */
export const meResponseSchema = z.object({
  user: meUserSchema,
  preferences: userPreferencesSchema,
  workspaces: z.array(workspaceSchema),
  /** Whether this user may create a workspace (an instance setting decides who may). */
  canCreateWorkspaces: z.boolean(),
});

/** `PATCH /api/me` — changes the signed-in user's own preferences; answers `meResponseSchema`. */
export const updateMeRequestSchema = z
  .strictObject({ audience: audienceSchema.optional(), timeZone: timeZoneSchema.optional() })
  .refine((body) => body.audience !== undefined || body.timeZone !== undefined, {
    error: 'give audience or timeZone',
  });

/**
 * `GET /api/auth/session` (public) — the signed-in user, or `me: null` for a browser without a
 * live session. Always 200, so a signed-out browser can ask without a failed request.
 */
export const sessionResponseSchema = z.object({ me: meResponseSchema.nullable() });

export type SignInRequest = z.infer<typeof signInRequestSchema>;
export type AcceptInviteRequest = z.infer<typeof acceptInviteRequestSchema>;
export type User = z.infer<typeof userSchema>;
export type MeResponse = z.infer<typeof meResponseSchema>;
export type Audience = z.infer<typeof audienceSchema>;
export type UserPreferences = z.infer<typeof userPreferencesSchema>;
export type UpdateMeRequest = z.infer<typeof updateMeRequestSchema>;
export type SessionResponse = z.infer<typeof sessionResponseSchema>;
