import { Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { hashSecret } from '../common/secrets/secret-token.js';
import { type RateLimit, RateLimitService } from '../rate-limit/rate-limit.service.js';

/** Failed sign-ins allowed from one address for one email, then 429 until the window ends. */
export const SIGN_IN_PER_EMAIL_AND_IP: RateLimit = { limit: 10, windowSeconds: 15 * 60 };
/** Failed sign-ins allowed from one address, whatever the emails (an office shares one). */
export const SIGN_IN_PER_IP: RateLimit = { limit: 50, windowSeconds: 15 * 60 };
/** Failures on one email, from anywhere, are counted over this window to slow guessing. */
export const SIGN_IN_EMAIL_WINDOW_SECONDS = 15 * 60;
/** Failures on one email (from any address) before its sign-ins are slowed down. */
const SLOW_DOWN_AFTER = 10;
const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 10_000;

const TOO_MANY = 'Too many failed sign-in attempts from here; try again later.';

/**
 * How long a sign-in for an email waits, given its failures in the window from every address:
 * nothing up to 10, then 0.5 s doubling to at most 10 s. A guesser spread over many addresses
 * is slowed on every guess; the owner, from a new address, still gets in with the right
 * password — just a few seconds later.
 */
export function signInDelayMs(emailFailures: number): number {
  if (emailFailures < SLOW_DOWN_AFTER) return 0;
  return Math.min(FIRST_DELAY_MS * 2 ** (emailFailures - SLOW_DOWN_AFTER), MAX_DELAY_MS);
}

/**
 * Brute-force defence without lock-out (ASVS 5.0 V6.3.1), shared by every API process through
 * the Postgres counters: failures are refused per (email, address) and per address, and only
 * slowed per email, so nobody can lock an account's owner out by failing on purpose.
 */
@Injectable()
export class SignInThrottle {
  constructor(private readonly rateLimits: RateLimitService) {}

  /**
   * Before checking a password: counts the attempt against the address limits (429 once
   * over) and waits the email's delay. Hand the attempt back with `succeeded` or `failed`.
   */
  async admit(email: string, ip: string): Promise<void> {
    for (const [key, limit] of this.limits(email, ip)) {
      await this.rateLimits.hit(key, limit, TOO_MANY);
    }
    const emailFailures = await this.rateLimits.peek(emailKey(email), SIGN_IN_EMAIL_WINDOW_SECONDS);
    const delay = signInDelayMs(emailFailures);
    if (delay > 0) await sleep(delay);
  }

  /** Only failures count: the attempt is taken back from the address limits. */
  async succeeded(email: string, ip: string): Promise<void> {
    for (const [key] of this.limits(email, ip)) await this.rateLimits.refund(key);
  }

  async failed(email: string): Promise<void> {
    await this.rateLimits.count(emailKey(email), SIGN_IN_EMAIL_WINDOW_SECONDS);
  }

  private limits(email: string, ip: string): [string, RateLimit][] {
    return [
      [`sign-in:ip:${ip}`, SIGN_IN_PER_IP],
      [`sign-in:email-ip:${hashSecret(email)}|${ip}`, SIGN_IN_PER_EMAIL_AND_IP],
    ];
  }
}

/** Emails are hashed in keys: the counters table keeps no list of who tried to sign in. */
const emailKey = (email: string) => `sign-in:email:${hashSecret(email)}`;
