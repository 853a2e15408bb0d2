import type { INestApplicationContext } from '@nestjs/common';
import type { z } from 'zod';
import type { Actor } from '../access/caller.js';
import { ProblemException } from '../common/problem/problem.js';
import type { Prng } from './prng.js';

/** Thrown between steps when start-up was asked to stop while the demo was being seeded. */
export class DemoSeedingStopped extends Error {
  constructor() {
    super('demo seeding stopped before it finished');
    this.name = 'DemoSeedingStopped';
  }
}

/**
 * What every part of the generator works with: the running application (its services are
 * called exactly as the controllers call them), the workspace, who writes, the day the demo is
 * built around and the seeded randomness.
 */
export type DemoContext = {
  app: INestApplicationContext;
  workspaceId: string;
  actor: Actor;
  /** `YYYY-MM-DD` (UTC): every date of the demo is relative to it. */
  today: string;
  /** The root stream: each part forks its own (`rng.fork('okrs')`). */
  rng: Prng;
  /** Checked between steps; true once a shutdown was requested. */
  stopRequested: () => boolean;
};

/** Ends the seeding early (at a step boundary) when a shutdown was requested. */
export function checkpoint(context: DemoContext): void {
  if (context.stopRequested()) throw new DemoSeedingStopped();
}

/**
 * A request body as the route's validation pipe would hand it to the service: parsed by the
 * same contract schema (defaults filled in, rules enforced). A refusal names the demo record,
 * since a broken demo is a bug of the generator, not of the user's input.
 */
export function validRequest<Schema extends z.ZodType>(
  schema: Schema,
  body: z.input<Schema>,
  what: string,
): z.output<Schema> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`)
      .join('; ');
    throw new Error(`demo ${what} is invalid: ${issues}`);
  }
  return parsed.data;
}

/** Runs a service call, turning a problem answer into an error that says what the demo tried. */
export async function demoStep<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ProblemException) {
      const details = (error.problem.errors ?? [])
        .map((fieldError) => `${fieldError.path}: ${fieldError.message}`)
        .join('; ');
      throw new Error(
        `demo ${what}: ${error.problem.detail ?? error.problem.title}${details ? ` (${details})` : ''}`,
        { cause: error },
      );
    }
    throw error;
  }
}

/**
 * Runs independent parts side by side and waits for every one of them before reporting the
 * first failure — so a stop request or an error never leaves writes running behind the
 * caller's back (the application may be closing next).
 */
export async function allSettledOrThrow(tasks: (() => Promise<void>)[]): Promise<void> {
  const results = await Promise.allSettled(tasks.map((task) => task()));
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
}
