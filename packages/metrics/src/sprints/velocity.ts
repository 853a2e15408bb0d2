import { mean, standardDeviation } from '../statistics/index.js';

export type SprintOutcome = { committed: number; completed: number };

export type Velocity = {
  /** Mean of `completed` over the sprints in the window; `null` with no sprints. */
  average: number | null;
  /** Sample standard deviation (n − 1) of `completed`; `null` with fewer than 2 sprints. */
  standardDeviation: number | null;
  /** How many sprints the figures cover (at most `window`). */
  sprints: number;
};

/**
 * Velocity: the average amount of work completed per sprint over the last `window` sprints
 * (default 3), with its sample standard deviation to show how steady it is.
 *
 * `average = Σ completed / n` over the last `min(window, sprints.length)` sprints of `sprints`,
 * which is ordered oldest first. `committed` is validated but does not enter the figures
 * (Jira's velocity chart shows it next to the average, which is of "Completed" only).
 *
 * Source: Atlassian, "View and understand the velocity chart" (Jira Software documentation):
 * completed 13, 10, 17, 26, 23 over five sprints gives a velocity of 17.8.
 *
 * @example
 * velocity(
 *   [13, 10, 17, 26, 23].map((completed) => ({ committed: 20, completed })),
 *   { window: 5 },
 * );
 * // → { average: 17.8, standardDeviation: 6.6858…, sprints: 5 }
 */
export function velocity(
  sprints: readonly SprintOutcome[],
  options: { window?: number } = {},
): Velocity {
  const { window = 3 } = options;
  if (!Number.isInteger(window) || window < 1) {
    throw new RangeError(`window must be a whole number ≥ 1, got ${String(window)}`);
  }
  sprints.forEach((sprint, index) => {
    for (const key of ['committed', 'completed'] as const) {
      if (!Number.isFinite(sprint[key]) || sprint[key] < 0) {
        throw new RangeError(
          `sprints[${index}].${key} must be a finite number ≥ 0, got ${String(sprint[key])}`,
        );
      }
    }
  });
  const completed = sprints.slice(-window).map((sprint) => sprint.completed);
  return {
    average: mean(completed),
    standardDeviation: standardDeviation(completed),
    sprints: completed.length,
  };
}
