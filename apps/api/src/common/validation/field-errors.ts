import type { ProblemFieldError } from '@bearing/contracts';
import type { z } from 'zod';

/**
 * One `{ path, message }` per problem, the path dotted like `members.0.role`. An unknown field
 * is reported at its own path (zod reports it at the parent), so a form can point at it.
 */
export function fieldErrorsOf(error: z.ZodError): ProblemFieldError[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: dotted([...issue.path, key]),
        message: 'is not an allowed field',
      }));
    }
    return [{ path: dotted(issue.path), message: issue.message }];
  });
}

export function dotted(path: readonly PropertyKey[]): string {
  return path.map((segment) => String(segment)).join('.');
}
