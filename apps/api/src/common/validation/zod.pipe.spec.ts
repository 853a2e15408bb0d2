import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { ProblemException } from '../problem/problem.js';
import { ZodPipe } from './zod.pipe.js';

const schema = z.strictObject({
  name: z.string().min(1),
  members: z.array(z.strictObject({ role: z.enum(['viewer', 'editor']) })),
});

function problemOf(run: () => unknown): ProblemException {
  try {
    run();
  } catch (error) {
    if (error instanceof ProblemException) return error;
    throw error;
  }
  throw new Error('expected a ProblemException');
}

describe('ZodPipe', () => {
  it('returns the parsed value when it is valid', () => {
    const value = { name: 'a', members: [{ role: 'viewer' }] };
    expect(new ZodPipe(schema).transform(value)).toEqual(value);
  });

  it('reports every invalid field with a dotted path as a 400 validation problem', () => {
    const problem = problemOf(() =>
      new ZodPipe(schema).transform({ name: '', members: [{ role: 'viewer' }, { role: 'owner' }] }),
    );
    expect(problem.getStatus()).toBe(400);
    expect(problem.problem.type).toBe('https://bearing.dev/problems/validation');
    expect(problem.problem.errors?.map((error) => error.path)).toEqual(['name', 'members.1.role']);
  });

  it('names each unknown field at its own path', () => {
    const problem = problemOf(() =>
      new ZodPipe(schema).transform({
        name: 'a',
        members: [{ role: 'viewer', admin: true }],
        extra: 1,
      }),
    );
    expect(problem.problem.errors).toEqual([
      { path: 'members.0.admin', message: 'is not an allowed field' },
      { path: 'extra', message: 'is not an allowed field' },
    ]);
  });

  it('refuses NUL or a lone surrogate that a field’s own schema let through, naming the field', () => {
    const loose = z.strictObject({ password: z.string(), tags: z.record(z.string(), z.number()) });
    const problem = problemOf(() =>
      new ZodPipe(loose).transform({ password: 'pass\u0000word', tags: { 'a\ud83d': 1 } }),
    );
    expect(problem.getStatus()).toBe(400);
    expect(problem.problem.errors).toEqual([
      { path: 'password', message: expect.stringMatching(/NUL/) },
      { path: 'tags.a\ud83d', message: expect.stringMatching(/lone surrogate/) },
    ]);
  });

  it('reports a missing body at the root path', () => {
    const problem = problemOf(() => new ZodPipe(schema).transform(undefined));
    expect(problem.problem.errors).toEqual([{ path: '', message: expect.any(String) }]);
  });
});
