import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/**
 * OWASP Password Storage Cheat Sheet, argon2id option 2: m = 19 MiB, t = 2, p = 1. The
 * binding's default algorithm is argon2id (its `Algorithm` is a `const enum`, which isolated
 * modules cannot import); the test suite checks the PHC prefix of stored hashes.
 */
const OWASP_ARGON2ID = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OWASP_ARGON2ID);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash must not sign anyone in.
    return false;
  }
}

let decoyHash: Promise<string> | undefined;

/**
 * Spends the time of one real verification against a hash nobody knows the password of, so a
 * sign-in with an unknown email takes as long as one with a wrong password and the response
 * time does not reveal which emails have accounts.
 */
export async function spendPasswordCheckTime(password: string): Promise<void> {
  decoyHash ??= hashPassword(randomBytes(32).toString('base64url'));
  await verifyPassword(await decoyHash, password);
}

/** A password for the first admin: 24 random bytes, base64url (32 characters). */
export function generatePassword(): string {
  return randomBytes(24).toString('base64url');
}
