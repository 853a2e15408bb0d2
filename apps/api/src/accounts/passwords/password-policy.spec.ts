import { describe, expect, it } from '@jest/globals';
import { passwordProblem } from './password-policy.service.js';

const owner = { email: 'ada.lovelace@example.com', displayName: 'Ada Lovelace' };

describe('the password policy', () => {
  it.each([
    ['password1234', 'is one of the most common passwords, or too close to one'],
    ['aaaaaaaaaaaa', 'repeats the same characters: it is easy to guess'],
    ['ada.lovelace@example.com', 'contains your email address'],
    ['ADA.LOVELACE@EXAMPLE.COM!', 'contains your email address'],
    ['lovelace-was-here-1843', 'contains your email address'],
    ['abcdefghijklmnopq', 'is a keyboard pattern or a simple sequence: it is easy to guess'],
    ['short', 'must be at least 12 characters'],
    ['x'.repeat(257), 'must be at most 256 characters'],
  ])('refuses %j: it %s', async (password, problem) => {
    await expect(passwordProblem(password, owner)).resolves.toBe(problem);
  });

  it('refuses the owner’s name', async () => {
    const named = { email: 'a1@example.com', displayName: 'Grace Hopper' };
    await expect(passwordProblem('my name is grace hopper', named)).resolves.toBe(
      'contains your name',
    );
  });

  it.each([
    'correct horse battery staple',
    'tangerine-kayak-vortex-91',
    'xK9#mQ2!pL7@wZ',
    'a quokka, a fjord and a lantern walked into a bar in 1897 and ordered tea',
    'a'.repeat(3) + 'long passphrase of uncommon words: quokka fjord',
  ])('accepts %j', async (password) => {
    await expect(passwordProblem(password, owner)).resolves.toBeUndefined();
  });
});
