// Shared inputs for the flow metric tests. Everything is deep-frozen, so a test fails if a
// metric mutates its input.
import type { WorkItemHistory, Workflow } from '../src/index.js';

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Backlog → Ready → Doing (committed) → Review → Done; "Blocked" is deliberately unmapped. */
export const workflow: Workflow = deepFreeze({
  stages: [
    { name: 'Backlog', statuses: ['To Do', 'Open'] },
    { name: 'Ready', statuses: ['Ready'] },
    { name: 'Doing', statuses: ['In Progress'] },
    { name: 'Review', statuses: ['In Review'] },
    { name: 'Done', statuses: ['Done', 'Closed'] },
  ],
  committedStage: 'Doing',
  doneStage: 'Done',
});

/** An item created `createdAt` in `initialStatus`, then `[at, to]` changes. */
export function workItem(
  id: string,
  createdAt: string,
  initialStatus: string,
  changes: [at: string, to: string][],
): WorkItemHistory {
  return deepFreeze({
    id,
    createdAt,
    initialStatus,
    changes: changes.map(([at, to]) => ({ at, to })),
  });
}
