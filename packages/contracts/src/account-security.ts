import { z } from 'zod';
import { emailSchema, meResponseSchema, PASSWORD_MAX_LENGTH, passwordSchema } from './auth.js';

/**
 * `POST /api/me/password` — the signed-in user changes their own password; 204. The current
 * password proves it is them; the new one must pass the password policy (the 400 names
 * `newPassword` and what is wrong). Every other session of the user ends; this one stays.
 */
export const changePasswordRequestSchema = z.strictObject({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  newPassword: passwordSchema,
});

/**
 * `POST /api/auth/password-reset` (public) — asks for a reset link for `email`. Always 202
 * with the same body, whether an account has this email or not.
 */
export const passwordResetRequestSchema = z.strictObject({ email: emailSchema });

export const passwordResetAcceptedSchema = z.object({ message: z.string() });

/** The one answer to every reset request: it reveals nothing about which emails have accounts. */
export const PASSWORD_RESET_ACCEPTED = {
  message: 'If an account has this email, a link to reset its password is on its way.',
} as const satisfies z.infer<typeof passwordResetAcceptedSchema>;

/** How long a reset link works. */
export const PASSWORD_RESET_LIFETIME_MINUTES = 30;

/**
 * `POST /api/auth/password-reset/confirm` (public) — sets a new password with the one-time
 * `token` from the reset link; 204. The link then stops working and every session of the
 * account ends (sign in with the new password).
 */
export const passwordResetConfirmRequestSchema = z.strictObject({
  token: z.string().min(1).max(200),
  password: passwordSchema,
});

/** One signed-in browser of the caller, as `GET /api/me/sessions` lists it. */
export const accountSessionSchema = z.object({
  id: z.uuid(),
  /** A short label from the browser's user agent, e.g. "Firefox on Linux". */
  device: z.string(),
  /** Where it signed in from; null for sessions older than this record. */
  ip: z.string().nullable(),
  createdAt: z.iso.datetime(),
  /** Updated at most once a minute. */
  lastSeenAt: z.iso.datetime(),
  /** The session this request came with. */
  current: z.boolean(),
});

/** `GET /api/me/sessions` — the caller's live sessions, most recently seen first. */
export const accountSessionListSchema = z.object({ items: z.array(accountSessionSchema) });

/** `POST /api/me/sessions/revoke-others` — how many sessions were ended. */
export const revokedSessionsSchema = z.object({ revoked: z.number().int().min(0) });

/**
 * A reset link waiting for an instance admin to pass on (Bearing sends no email yet).
 * `url` is null when the link was sealed with another instance key (a restored backup).
 */
export const pendingPasswordResetSchema = z.object({
  id: z.uuid(),
  user: z.object({ id: z.uuid(), email: z.string(), displayName: z.string() }),
  url: z.string().nullable(),
  requestedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});

/** `GET /api/admin/password-resets` (instance admin) — usable links, newest first (at most 100). */
export const pendingPasswordResetListSchema = z.object({
  items: z.array(pendingPasswordResetSchema),
});

/** How many one-time recovery codes a user gets when they turn MFA on. */
export const RECOVERY_CODE_COUNT = 10;

/** A six-digit code from an authenticator app (spaces, as some apps show them, are ignored). */
export const totpCodeSchema = z
  .string()
  .transform((value) => value.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'must be the 6 digits your authenticator app shows'));

/** A recovery code as printed (`xxxxx-xxxxx`); case, spaces and dashes are forgiven. */
export const recoveryCodeSchema = z
  .string()
  .max(40)
  .transform((value) => value.replace(/[\s-]+/g, '').toLowerCase())
  .pipe(z.string().regex(/^[a-z2-7]{10}$/, 'must be one of your recovery codes, e.g. abcde-fgh23'));

/**
 * `POST /api/me/mfa/totp` — starts (or restarts) enrolling an authenticator app: a new secret,
 * as text and as an `otpauth://` link for a QR code. It counts only once a code from the app
 * confirms it (`…/verify`); 409 `mfa-already-enabled` while one is on.
 */
export const totpEnrolmentSchema = z.object({
  /** Base32, for typing into an app that cannot scan. */
  secret: z.string(),
  otpauthUrl: z.string(),
});

/** `POST /api/me/mfa/totp/verify` — the first code from the app turns MFA on. */
export const verifyTotpRequestSchema = z.strictObject({ code: totpCodeSchema });

/**
 * The answer to turning MFA on: ten one-time recovery codes, shown this once (only hashes are
 * kept). Every other session of the user ends.
 */
export const recoveryCodesSchema = z.object({
  recoveryCodes: z.array(z.string()).length(RECOVERY_CODE_COUNT),
});

/** `DELETE /api/me/mfa` — turns MFA off; the password proves it is the account's owner. */
export const disableMfaRequestSchema = z.strictObject({
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

/**
 * The answer to a correct password of a user with MFA: no session yet. `ticket` completes the
 * sign-in with `POST /api/auth/mfa` within five minutes, once.
 */
export const mfaChallengeSchema = z.object({
  mfaRequired: z.literal(true),
  ticket: z.string(),
});

/** `POST /api/auth/sign-in` answers either the signed-in user or the MFA step. */
export const signInResponseSchema = z.union([meResponseSchema, mfaChallengeSchema]);

/**
 * `POST /api/auth/mfa` (public) — the second step of signing in: the ticket and either a code
 * from the app or one of the recovery codes (each works once). Answers `meResponseSchema` and
 * sets the session cookie.
 */
export const completeMfaSignInRequestSchema = z
  .strictObject({
    ticket: z.string().min(1).max(200),
    code: totpCodeSchema.optional(),
    recoveryCode: recoveryCodeSchema.optional(),
  })
  .refine((body) => (body.code === undefined) !== (body.recoveryCode === undefined), {
    message: 'give either code or recoveryCode, not both',
    path: ['code'],
  });

export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;
export type PasswordResetRequest = z.infer<typeof passwordResetRequestSchema>;
export type PasswordResetAccepted = z.infer<typeof passwordResetAcceptedSchema>;
export type PasswordResetConfirmRequest = z.infer<typeof passwordResetConfirmRequestSchema>;
export type AccountSession = z.infer<typeof accountSessionSchema>;
export type AccountSessionList = z.infer<typeof accountSessionListSchema>;
export type RevokedSessions = z.infer<typeof revokedSessionsSchema>;
export type PendingPasswordReset = z.infer<typeof pendingPasswordResetSchema>;
export type PendingPasswordResetList = z.infer<typeof pendingPasswordResetListSchema>;
export type TotpEnrolment = z.infer<typeof totpEnrolmentSchema>;
export type VerifyTotpRequest = z.infer<typeof verifyTotpRequestSchema>;
export type RecoveryCodes = z.infer<typeof recoveryCodesSchema>;
export type DisableMfaRequest = z.infer<typeof disableMfaRequestSchema>;
export type MfaChallenge = z.infer<typeof mfaChallengeSchema>;
export type SignInResponse = z.infer<typeof signInResponseSchema>;
export type CompleteMfaSignInRequest = z.output<typeof completeMfaSignInRequestSchema>;
