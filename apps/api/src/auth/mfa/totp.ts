import { Secret, TOTP } from 'otpauth';

/** RFC 6238 as every authenticator app reads it: SHA-1, six digits, 30-second steps. */
const TOTP_SETTINGS = { algorithm: 'SHA1', digits: 6, period: 30 } as const;
const ISSUER = 'Bearing';
/** Codes of one step before or after now still count: phone clocks drift. */
const DRIFT_STEPS = 1;

function totpOf(secret: string, label = ''): TOTP {
  return new TOTP({ ...TOTP_SETTINGS, issuer: ISSUER, label, secret: Secret.fromBase32(secret) });
}

/** A new shared secret: 160 random bits (RFC 4226's recommendation), base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://totp/…` link an authenticator app scans from the QR code. */
export function otpauthUrlOf(secret: string, accountName: string): string {
  return totpOf(secret, accountName).toString();
}

/**
 * The time step `code` belongs to when it is valid at `now` (one step of drift either way) and
 * later than `lastUsedStep`; otherwise null. Refusing the steps already used means a code works
 * once, even within its 30 seconds (ASVS 5.0 V6.5.5).
 */
export function acceptedTotpStep(
  secret: string,
  code: string,
  now: Date,
  lastUsedStep: number | null,
): number | null {
  const totp = totpOf(secret);
  const timestamp = now.getTime();
  const delta = totp.validate({ token: code, timestamp, window: DRIFT_STEPS });
  if (delta === null) return null;
  const step = totp.counter({ timestamp }) + delta;
  return lastUsedStep !== null && step <= lastUsedStep ? null : step;
}
