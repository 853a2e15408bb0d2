import { z } from 'zod';

/** `GET /api/health` — liveness: the process answers. */
export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
});

/** `GET /api/ready` — readiness: the database answers and every migration is applied. */
export const readinessResponseSchema = z.object({
  status: z.literal('ready'),
  database: z.literal('up'),
  migrations: z.object({ applied: z.number().int(), pending: z.literal(0) }),
});

export type HealthResponse = z.infer<typeof healthResponseSchema>;
export type ReadinessResponse = z.infer<typeof readinessResponseSchema>;
