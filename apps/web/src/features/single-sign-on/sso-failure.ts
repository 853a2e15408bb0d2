import { type SsoFailureReason, ssoFailureReasonSchema } from '@bearing/contracts';

const WORDS: Record<SsoFailureReason, string> = {
  'attempt-expired':
    'The single sign-on attempt expired or was already used. Start again with "Sign in with SSO".',
  'state-mismatch':
    'The answer from your identity provider did not belong to this sign-in, so it was refused. Start again.',
  'provider-refused': 'Your identity provider did not sign you in. Start again if you cancelled.',
  'code-rejected':
    'Your identity provider would not complete this sign-in (its one-time code was already used). Start again.',
  'id-token-rejected':
    'The identity provider’s answer could not be verified, so it was refused. Start again, or ask your administrator.',
  'provider-unavailable': 'Your identity provider could not be reached. Try again in a moment.',
  'email-unverified':
    'Your identity provider does not confirm your email address, so Bearing cannot sign you in with it. Ask your administrator.',
  'domain-not-allowed':
    'Accounts of your email domain may not sign in to this Bearing. Ask your administrator.',
  'link-pending':
    'An account with your email already exists. Sign in once with its password to link it to single sign-on (or ask an instance admin to link it); after that, "Sign in with SSO" works.',
  'account-disabled': 'Your account is deactivated. Ask an instance admin of this Bearing.',
};

/** Why single sign-on was refused, in words, from the `sso-error` the callback redirected with. */
export function ssoFailureInWords(reason: string | null): string | undefined {
  if (reason === null) return undefined;
  const known = ssoFailureReasonSchema.safeParse(reason);
  return known.success ? WORDS[known.data] : 'Single sign-on did not work. Start again.';
}
