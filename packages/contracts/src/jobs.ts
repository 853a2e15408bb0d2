import { z } from 'zod';
import { pageQuerySchema, pageSchema } from './pagination.js';

/**
 * A background job's life: waiting (first run, or a retry after backoff), running, and its
 * ends. `failed` keeps the error of the last attempt; an admin may retry it. `cancelled` was
 * taken out of the queue (by pg-boss's own cancel: Bearing never cancels a job) and cannot be
 * retried.
 */
export const jobStateSchema = z.enum(['queued', 'running', 'completed', 'failed', 'cancelled']);

/** `GET /api/workspaces/:workspace/jobs?state=&kind=&cursor=&limit=` — newest first. */
export const jobListQuerySchema = pageQuerySchema.extend({
  state: jobStateSchema.optional(),
  kind: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9.-]{0,99}$/, 'must be a job kind such as jira.import')
    .optional(),
});

export const jobSchema = z.object({
  id: z.uuid(),
  /** What the job does, e.g. `jira.import`. */
  kind: z.string(),
  state: jobStateSchema,
  /** Runs started so far (first attempt included). */
  attempts: z.number().int(),
  /** The last attempt's error message, when it failed; never a stack trace. */
  error: z.string().nullable(),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
  /** From the last start to its end, for finished jobs. */
  durationMs: z.number().int().nullable(),
});

export const jobPageSchema = pageSchema(jobSchema);

export type JobState = z.infer<typeof jobStateSchema>;
export type JobListQuery = z.output<typeof jobListQuerySchema>;
export type Job = z.infer<typeof jobSchema>;
export type JobPage = z.infer<typeof jobPageSchema>;
