import { z } from 'zod';

/** One field-level complaint inside a problem: `path` names the field or line (`items.3.points`). */
export const problemFieldErrorSchema = z.object({
  path: z.string(),
  message: z.string(),
});

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
});

export type Problem = z.infer<typeof problemSchema>;
export type ProblemFieldError = z.infer<typeof problemFieldErrorSchema>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
