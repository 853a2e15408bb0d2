import type { Instant } from '../days/index.js';

/**
 * A sprint's time box. `completedAt` is when the sprint was actually closed; it may be before
 * or after the planned `end`. Once the sprint is closed (at `completedAt`, or at `end` when it
 * is not given) later events no longer affect it.
 */
export type SprintWindow = { start: Instant; end: Instant; completedAt?: Instant | null };

/** One change to a sprint's scope or to one of its items, as a sprint report records it. */
export type SprintEvent =
  | { at: Instant; itemId: string; type: 'added'; points: number }
  | { at: Instant; itemId: string; type: 'removed' }
  | { at: Instant; itemId: string; type: 'estimated'; points: number }
  | { at: Instant; itemId: string; type: 'completed' }
  | { at: Instant; itemId: string; type: 'reopened' };

/** What sprint figures add up: story points (latest estimate) or a count of items. */
export type SprintUnit = 'points' | 'count';
