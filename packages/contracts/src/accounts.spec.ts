import { describe, expect, it } from '@jest/globals';
import {
  addMemberRequestSchema,
  createTokenRequestSchema,
  pageQuerySchema,
  passwordSchema,
  signInRequestSchema,
  workspaceSlugSchema,
} from './index.js';

describe('account contracts', () => {
  it('accepts slugs a URL segment and DNS label allow, and nothing else', () => {
    for (const slug of ['a', 'demo', 'team-42', 'a'.repeat(63)]) {
      expect(workspaceSlugSchema.safeParse(slug).success).toBe(true);
    }
    for (const slug of ['', 'A', '-a', 'a-', 'a_b', 'a.b', 'a'.repeat(64)]) {
      expect(workspaceSlugSchema.safeParse(slug).success).toBe(false);
    }
  });

  it('bounds passwords to 12–256 characters and never trims them', () => {
    expect(passwordSchema.safeParse('x'.repeat(11)).success).toBe(false);
    expect(passwordSchema.safeParse('x'.repeat(257)).success).toBe(false);
    expect(passwordSchema.parse(` ${'x'.repeat(11)} `)).toBe(` ${'x'.repeat(11)} `);
  });

  it('lower-cases and trims emails, and rejects unknown fields', () => {
    expect(signInRequestSchema.parse({ email: ' Ann@Example.COM ', password: 'p' }).email).toBe(
      'ann@example.com',
    );
    expect(
      signInRequestSchema.safeParse({ email: 'a@example.com', password: 'p', admin: true }).success,
    ).toBe(false);
  });

  it('invites by default when adding a member, or takes an initial password, never both', () => {
    const base = { email: 'a@example.com', role: 'viewer' };
    expect(addMemberRequestSchema.safeParse(base).success).toBe(true);
    expect(addMemberRequestSchema.safeParse({ ...base, invite: true }).success).toBe(true);
    expect(addMemberRequestSchema.safeParse({ ...base, password: 'x'.repeat(12) }).success).toBe(
      true,
    );
    expect(
      addMemberRequestSchema.safeParse({ ...base, invite: true, password: 'x'.repeat(12) }).success,
    ).toBe(false);
  });

  it('limits tokens to 1–365 whole days and a read or write scope', () => {
    const base = { name: 'ci', workspace: 'demo', scope: 'read' };
    expect(createTokenRequestSchema.safeParse({ ...base, expiresInDays: 365 }).success).toBe(true);
    expect(createTokenRequestSchema.safeParse({ ...base, expiresInDays: 366 }).success).toBe(false);
    expect(
      createTokenRequestSchema.safeParse({ ...base, scope: 'admin', expiresInDays: 1 }).success,
    ).toBe(false);
  });

  it('pages 50 rows by default and at most 200', () => {
    expect(pageQuerySchema.parse({})).toEqual({ limit: 50 });
    expect(pageQuerySchema.parse({ limit: '200' }).limit).toBe(200);
    expect(pageQuerySchema.safeParse({ limit: '201' }).success).toBe(false);
  });
});
