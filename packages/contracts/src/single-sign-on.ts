import { z } from 'zod';

/**
 * `GET /api/auth/config` (public): which ways of signing in this instance offers, so the sign-in
 * page shows "Sign in with SSO" and/or the password form.
 */
export const authConfigResponseSchema = z.object({
  /** OpenID Connect single sign-on is configured (`BEARING_OIDC_ISSUER` and client). */
  sso: z.boolean(),
  /** Email and password sign-in is on (`BEARING_PASSWORD_LOGIN` is not `off`). */
  passwordSignIn: z.boolean(),
});

/**
 * Why a single sign-on attempt was refused: the callback redirects to
 * `/sign-in?sso-error=<reason>` and the sign-in page says it in words.
 */
export const ssoFailureReasonSchema = z.enum([
  /** The attempt this browser started is gone: expired, already used, or never started here. */
  'attempt-expired',
  /** The `state` coming back is not the one this browser's attempt sent. */
  'state-mismatch',
  /** The identity provider answered with an error (e.g. the person cancelled). */
  'provider-refused',
  /** The identity provider would not exchange the code (used before, or for another attempt). */
  'code-rejected',
  /** The ID token failed validation (signature, issuer, audience, nonce, expiry). */
  'id-token-rejected',
  /** The identity provider could not be reached or answered nonsense. */
  'provider-unavailable',
  /** The identity provider does not vouch for the email address. */
  'email-unverified',
  /** The email's domain is not one of `BEARING_OIDC_ALLOWED_DOMAINS`. */
  'domain-not-allowed',
  /**
   * An account with this email exists and is not linked yet: its owner signs in once with the
   * password (or an instance admin confirms the link), then single sign-on works.
   */
  'link-pending',
  /** The account is deactivated. */
  'account-disabled',
]);

/** `GET /api/admin/sso-links` (instance admin): accounts waiting to be linked to an SSO identity. */
export const pendingSsoLinkSchema = z.object({
  userId: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  /** The identity provider's issuer and the person's subject there. */
  issuer: z.string(),
  subject: z.string(),
  requestedAt: z.iso.datetime(),
});
export const pendingSsoLinkListSchema = z.object({ items: z.array(pendingSsoLinkSchema) });

export type AuthConfigResponse = z.infer<typeof authConfigResponseSchema>;
export type SsoFailureReason = z.infer<typeof ssoFailureReasonSchema>;
export type PendingSsoLink = z.infer<typeof pendingSsoLinkSchema>;
export type PendingSsoLinkList = z.infer<typeof pendingSsoLinkListSchema>;
