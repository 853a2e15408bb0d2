import type { Sprint } from '@bearing/contracts';

/** Sprints with a start come in start order; unplanned ones (no start yet) after them. */
function byStart(a: Sprint, b: Sprint): number {
  if (a.start === null || b.start === null) {
    return (a.start === null ? 1 : 0) - (b.start === null ? 1 : 0);
  }
  return Date.parse(a.start) - Date.parse(b.start);
}

/** Sprints that have a burndown: started ones, latest start first. */
export function reportableSprints(sprints: readonly Sprint[]): Sprint[] {
  return sprints
    .filter((sprint) => sprint.state !== 'future' && sprint.start !== null)
    .sort((a, b) => byStart(b, a));
}

/**
 * The sprint the dashboard opens on: the active one (the latest started, if a tracker left
 * several open), else the last closed one; `null` when the team has not run a sprint.
 */
export function defaultSprint(sprints: readonly Sprint[]): Sprint | null {
  const started = reportableSprints(sprints);
  return started.find((sprint) => sprint.state === 'active') ?? started[0] ?? null;
}

/**
 * Sprints the capacity planner can plan: future sprints with planned dates (capacity needs
 * working days), earliest first.
 */
export function plannableSprints(sprints: readonly Sprint[]): Sprint[] {
  return sprints
    .filter((sprint) => sprint.state === 'future' && sprint.start !== null && sprint.end !== null)
    .sort(byStart);
}

/**
 * The sprint to plan by default: the first planned future sprint that starts after the active
 * one (or after the last started sprint), else the earliest planned future sprint.
 */
export function nextSprint(sprints: readonly Sprint[]): Sprint | null {
  const candidates = plannableSprints(sprints);
  const current = defaultSprint(sprints);
  const after =
    current === null ? undefined : candidates.find((sprint) => byStart(sprint, current) > 0);
  return after ?? candidates[0] ?? null;
}
