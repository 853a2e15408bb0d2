import {
  applyEvent,
  assertUnit,
  type ItemState,
  prepareSprint,
  sizeOf,
  totalOf,
} from './sprint-replay.js';
import type { SprintEvent, SprintUnit, SprintWindow } from './sprint-types.js';

export type SprintSummary = {
  /** Scope at `start`, at the estimates then. */
  committed: number;
  /** Items completed and in scope when the sprint closed, at their latest estimate. */
  completed: number;
  /** Committed items completed and in scope at the close, at their estimate at `start`. */
  completedFromCommitment: number;
  /** Scope added after `start`, at the moment of each addition. */
  added: number;
  /** Scope removed after `start`, at the moment of each removal. */
  removed: number;
  /** Items in scope at the close and not completed, at their latest estimate. */
  carriedOver: number;
  /** Every item in scope at the close, at its latest estimate (`completed + carriedOver`). */
  scopeAtEnd: number;
  /** `completedFromCommitment / committed`; `null` when nothing was committed. */
  sayDoRatio: number | null;
  /** `completed / scopeAtEnd`; `null` when nothing is in scope at the close. */
  completionRate: number | null;
};

/**
 * The sprint report's figures: what the team committed to, what it finished and how the scope
 * moved in between.
 *
 * The sprint closes at `completedAt`, or at `end` when it has not been closed; events after
 * that are ignored. Events at or before `start` make the commitment.
 *
 * - `completed` follows Jira's velocity chart "Completed": points (latest estimate) of items
 *   completed by the close and still in scope, including items added mid-sprint.
 * - `sayDoRatio` = `completedFromCommitment / committed` — the "say/do" ratio: only committed
 *   items count, at their estimate at `start`, so work added mid-sprint (or re-estimated
 *   upwards) cannot inflate it; it never exceeds 1.
 * - `completionRate` = `completed / scopeAtEnd`.
 *
 * `unit: 'count'` (an extra option) counts items instead of summing points.
 *
 * Sources: Atlassian, "Sprint report" (committed scope, issues added after the sprint started,
 * completed and not completed issues) and "View and understand the velocity chart" (Jira
 * Software documentation); the say/do ratio is the delivery-predictability measure of
 * commitment kept (cf. SAFe's "Program Predictability Measure", planned vs. actual).
 *
 * @example
 * sprintSummary({ start: '2024-03-04T09:00:00Z', end: '2024-03-15T17:00:00Z' }, [
 *   { at: '2024-03-04T08:00:00Z', itemId: 'A', type: 'added', points: 5 },
 *   { at: '2024-03-04T08:00:00Z', itemId: 'B', type: 'added', points: 3 },
 *   { at: '2024-03-06T10:00:00Z', itemId: 'C', type: 'added', points: 2 },
 *   { at: '2024-03-08T10:00:00Z', itemId: 'A', type: 'completed' },
 *   { at: '2024-03-12T10:00:00Z', itemId: 'C', type: 'completed' },
 * ]);
 * // → { committed: 8, completed: 7, completedFromCommitment: 5, added: 2, removed: 0,
 * //     carriedOver: 3, scopeAtEnd: 10, sayDoRatio: 0.625, completionRate: 0.7 }
 */
export function sprintSummary(
  sprint: SprintWindow,
  events: readonly SprintEvent[],
  options: { unit?: SprintUnit } = {},
): SprintSummary {
  const { unit = 'points' } = options;
  assertUnit(unit);
  const prepared = prepareSprint(sprint, events);
  const items = new Map<string, ItemState>();
  const commitment = new Map<string, number>();
  let started = false;
  let added = 0;
  let removed = 0;

  for (const { event, epochMs } of prepared.events) {
    if (epochMs > prepared.closeMs) break;
    if (!started && epochMs > prepared.startMs) {
      recordCommitment(items, commitment, unit);
      started = true;
    }
    const effect = applyEvent(items, event, unit);
    if (started) {
      added += effect.added;
      removed += effect.removed;
    }
  }
  if (!started) recordCommitment(items, commitment, unit);

  let committed = 0;
  let completedFromCommitment = 0;
  for (const [itemId, sizeAtStart] of commitment) {
    committed += sizeAtStart;
    const item = items.get(itemId);
    if (item?.inScope && item.completed) completedFromCommitment += sizeAtStart;
  }
  const completed = totalOf(items, unit, (item) => item.inScope && item.completed);
  const carriedOver = totalOf(items, unit, (item) => item.inScope && !item.completed);
  const scopeAtEnd = completed + carriedOver;
  return {
    committed,
    completed,
    completedFromCommitment,
    added,
    removed,
    carriedOver,
    scopeAtEnd,
    sayDoRatio: committed === 0 ? null : completedFromCommitment / committed,
    completionRate: scopeAtEnd === 0 ? null : completed / scopeAtEnd,
  };
}

function recordCommitment(
  items: Map<string, ItemState>,
  commitment: Map<string, number>,
  unit: SprintUnit,
): void {
  for (const [itemId, item] of items) if (item.inScope) commitment.set(itemId, sizeOf(item, unit));
}
