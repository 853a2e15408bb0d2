import { describe, expect, it } from '@jest/globals';
import { problemSchema, readinessResponseSchema } from './index.js';

describe('contracts', () => {
  it('accepts an RFC 9457 problem with field errors and rejects one without a status', () => {
    const problem = {
      type: 'https://bearing.dev/problems/validation',
      title: 'Invalid request',
      status: 400,
      errors: [{ path: 'items.3.points', message: 'must be ≥ 0' }],
    };
    expect(problemSchema.parse(problem)).toEqual(problem);
    expect(problemSchema.safeParse({ type: 'x', title: 'y' }).success).toBe(false);
  });

  it('only calls a server ready when no migration is pending', () => {
    const ready = { status: 'ready', database: 'up', migrations: { applied: 3, pending: 0 } };
    expect(readinessResponseSchema.safeParse(ready).success).toBe(true);
    expect(
      readinessResponseSchema.safeParse({ ...ready, migrations: { applied: 2, pending: 1 } })
        .success,
    ).toBe(false);
  });
});
