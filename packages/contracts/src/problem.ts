import { z } from 'zod';

/** One field-level complaint inside a problem: `path` names the field or line (`items.3.points`). */
export const problemFieldErrorSchema = z.object({
  path: z.string(),
  message: z.string(),
  /** Where in a text field (a query) the problem is: 1-based line and column, and the token. */
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  token: z.string().optional(),
  /** A likely fix, e.g. the column name that was probably meant. */
  suggestion: z.string().optional(),
});

/**
 * A refused upload lists at most this many problems: reading stops at the next one, and the
 * problem says `truncated: true`.
 */
export const PROBLEMS_MAX_LISTED = 100;

/**
 * Every API error body: RFC 9457 "Problem Details for HTTP APIs", served as
 * `application/problem+json`.
 */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  requestId: z.string().optional(),
  errors: z.array(problemFieldErrorSchema).optional(),
  /** True when `errors` stops at `PROBLEMS_MAX_LISTED` and the input has more problems. */
  truncated: z.boolean().optional(),
});

export type Problem = z.infer<typeof problemSchema>;
export type ProblemFieldError = z.infer<typeof problemFieldErrorSchema>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
