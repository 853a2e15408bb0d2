import { Injectable } from '@nestjs/common';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@bearing/contracts';
import type { ZxcvbnFactory, ZxcvbnResult } from '@zxcvbn-ts/core';
import { ProblemException } from '../../common/problem/problem.js';

/** Whose password it is: a password must not contain their own email or name. */
export type PasswordOwner = { email: string; displayName?: string | null };

/**
 * zxcvbn's score 3 means "safely unguessable" (about 10^8 guesses or more). Below it the
 * password is refused whatever its length: `aaaaaaaaaaaaaaaa` is long and still worthless.
 */
const MIN_SCORE = 3;

/** Parts of an email or name shorter than this are too common to forbid (e.g. "al", "bob"). */
const MIN_PERSONAL_PART = 4;

/** Words every Bearing password would otherwise be tempted to contain (ASVS 6.2.11). */
const CONTEXT_WORDS = ['bearing', 'bearing.local', 'dashboard', 'portfolio', 'okrs'];

let estimator: Promise<ZxcvbnFactory> | undefined;

/**
 * The dictionaries are a few megabytes, so they load on the first password check rather than
 * at start: processes that never set a password (workers) never pay for them.
 */
function passwordEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= (async () => {
    const [{ ZxcvbnFactory: Factory }, common, english] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    return new Factory({
      dictionary: { ...common.dictionary, ...english.dictionary },
      graphs: common.adjacencyGraphs,
      translations: english.translations,
    });
  })();
  return estimator;
}

/**
 * What is wrong with `password` as a new password for `owner`, in words that complete the
 * sentence "The password …", or `undefined` when it is acceptable. The rules (ASVS 5.0 V6.2):
 * 12–256 characters, any characters, no composition rules; not the owner's email, email name
 * or display name; not a common, breached or easily guessed password (zxcvbn-ts with its common
 * and English dictionaries: the most common passwords, names, words, keyboard patterns,
 * repeats, sequences and dates).
 */
export async function passwordProblem(
  password: string,
  owner: PasswordOwner,
): Promise<string | undefined> {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  }
  const lowered = password.toLowerCase();
  const email = owner.email.toLowerCase();
  const [localPart = '', domain = ''] = email.split('@');
  if (lowered.includes(email) || containsPart(lowered, [localPart, ...localPart.split(/[._+-]/)])) {
    return 'contains your email address';
  }
  const name = (owner.displayName ?? '').toLowerCase();
  if (containsPart(lowered, [name, name.replace(/\s+/g, ''), ...name.split(/\s+/)])) {
    return 'contains your name';
  }
  const userInputs = [email, localPart, domain, name, ...CONTEXT_WORDS].filter(Boolean);
  const result = (await passwordEstimator()).check(password, userInputs);
  return result.score >= MIN_SCORE ? undefined : weaknessOf(result);
}

function containsPart(password: string, parts: string[]): boolean {
  return parts.some((part) => part.length >= MIN_PERSONAL_PART && password.includes(part));
}

/** The clearest reason zxcvbn found, led by the pattern that made the password guessable. */
function weaknessOf(result: ZxcvbnResult): string {
  const patterns = result.sequence;
  if (patterns.some((match) => isDictionary(match, 'passwords'))) {
    return 'is one of the most common passwords, or too close to one';
  }
  if (patterns.some((match) => isDictionary(match, 'userInputs'))) {
    return 'contains your email domain or a word about Bearing: it is easy to guess';
  }
  if (patterns.some((match) => match.pattern === 'repeat')) {
    return 'repeats the same characters: it is easy to guess';
  }
  if (patterns.some((match) => match.pattern === 'sequence' || match.pattern === 'spatial')) {
    return 'is a keyboard pattern or a simple sequence: it is easy to guess';
  }
  if (patterns.some((match) => match.pattern === 'date')) {
    return 'is mostly a date: it is easy to guess';
  }
  if (patterns.some((match) => match.pattern === 'dictionary')) {
    return 'is made of common words or names: it is easy to guess; add more uncommon words';
  }
  return 'is too easy to guess; use a longer passphrase of uncommon words';
}

/** zxcvbn names its dictionaries `passwords-common`, `userInputs`, … */
function isDictionary(match: ZxcvbnResult['sequence'][number], name: string): boolean {
  return (
    match.pattern === 'dictionary' &&
    'dictionaryName' in match &&
    String(match.dictionaryName).startsWith(name)
  );
}

/**
 * Refuses an unacceptable new password with a 400 that names the request's `field` and says
 * what is wrong, e.g. `newPassword: is one of the most common passwords, or too close to one`.
 */
export async function assertPasswordAcceptable(
  field: string,
  password: string,
  owner: PasswordOwner,
): Promise<void> {
  const problem = await passwordProblem(password, owner);
  if (problem !== undefined) {
    throw ProblemException.validation(
      [{ path: field, message: problem }],
      `The new password ${problem}.`,
    );
  }
}

/** The policy as a Nest provider, for services that set passwords on behalf of a request. */
@Injectable()
export class PasswordPolicyService {
  assertAcceptable(field: string, password: string, owner: PasswordOwner): Promise<void> {
    return assertPasswordAcceptable(field, password, owner);
  }
}
