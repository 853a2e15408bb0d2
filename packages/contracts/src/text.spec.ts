import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import {
  createProgramRequestSchema,
  createWorkspaceRequestSchema,
  findUnstorableText,
  LONE_SURROGATE_MESSAGE,
  NUL_MESSAGE,
  text,
  untrimmedText,
} from './index.js';

const messagesOf = (result: z.ZodSafeParseResult<unknown>) =>
  result.success ? [] : result.error.issues.map((issue) => issue.message);

describe('text()', () => {
  const name = text().min(1).max(10);

  it('trims and keeps ordinary text, emoji included', () => {
    expect(name.parse('  Launch 🚀 ')).toBe('Launch 🚀');
    expect(name.parse('Ünïcødé')).toBe('Ünïcødé');
  });

  it('refuses NUL with a message that names it', () => {
    expect(messagesOf(name.safeParse('a\u0000b'))).toEqual([NUL_MESSAGE]);
    expect(NUL_MESSAGE).toMatch(/NUL/);
  });

  it('refuses a lone high or low surrogate, at the end or in the middle', () => {
    for (const value of ['x\ud83d', '\ude80x', 'a\ud83db', '\ude80\ud83d']) {
      expect(messagesOf(name.safeParse(value))).toEqual([LONE_SURROGATE_MESSAGE]);
    }
    expect(LONE_SURROGATE_MESSAGE).toMatch(/lone surrogate/);
  });

  it('still applies the field’s own limits after trimming', () => {
    expect(name.safeParse('   ').success).toBe(false);
    expect(name.safeParse('x'.repeat(11)).success).toBe(false);
  });

  it('keeps zod’s own error parameter', () => {
    expect(messagesOf(text({ error: 'must be text' }).safeParse(3))).toEqual(['must be text']);
  });
});

describe('untrimmedText()', () => {
  it('keeps spaces but refuses NUL and lone surrogates', () => {
    expect(untrimmedText().parse('  indented')).toBe('  indented');
    expect(messagesOf(untrimmedText().safeParse('\u0000'))).toEqual([NUL_MESSAGE]);
    expect(messagesOf(untrimmedText().safeParse('\udc00'))).toEqual([LONE_SURROGATE_MESSAGE]);
  });
});

describe('request schemas', () => {
  it('name the field that holds the bad text', () => {
    const result = createWorkspaceRequestSchema.safeParse({ slug: 'acme', name: 'Acme\u0000' });
    expect(result.success ? [] : result.error.issues.map(({ path }) => path)).toEqual([['name']]);
  });

  it('refuse NUL in a program description, which keeps its spaces', () => {
    const program = {
      name: 'Launch',
      ownerId: '0b7f2d4e-3c1a-4f5b-9a8e-2d6c4b1f0e9a',
      start: '2026-01-05',
    };
    expect(
      createProgramRequestSchema.safeParse({ ...program, description: '  plan' }).data?.description,
    ).toBe('  plan');
    expect(
      messagesOf(createProgramRequestSchema.safeParse({ ...program, description: 'a\u0000' })),
    ).toEqual([NUL_MESSAGE]);
  });
});

describe('findUnstorableText', () => {
  it('finds bad strings at any depth, map keys included, and nothing in clean values', () => {
    expect(
      findUnstorableText({
        name: 'ok',
        members: [{ note: 'fine' }, { note: 'bad\u0000' }],
        map: { 'key\ud83d': 1 },
        count: 3,
        when: new Date(0),
      }),
    ).toEqual([
      { path: ['members', 1, 'note'], message: NUL_MESSAGE },
      { path: ['map', 'key\ud83d'], message: `names a field that ${LONE_SURROGATE_MESSAGE}` },
    ]);
    expect(findUnstorableText({ emoji: '🙂', list: ['a', 'b'], none: null })).toEqual([]);
  });
});
