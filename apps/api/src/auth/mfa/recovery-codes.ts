import { randomInt } from 'node:crypto';
import { RECOVERY_CODE_COUNT } from '@bearing/contracts';

/** Base32's letters and digits: no 0/O or 1/l to confuse when typing a code from paper. */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const LENGTH = 10;

/**
 * Ten new recovery codes as shown to the user, `xxxxx-xxxxx`: 50 random bits each, so they are
 * stored salted with argon2id like passwords (see recovery-code.entity.ts).
 */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const code = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join(
      '',
    );
    return `${code.slice(0, 5)}-${code.slice(5)}`;
  });
}

/** The form codes are hashed and compared in: lower case, without the dash. */
export function normalisedRecoveryCode(code: string): string {
  return code.replace(/[\s-]+/g, '').toLowerCase();
}
