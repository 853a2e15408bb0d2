import type { WorkItemDetail } from '@bearing/contracts';
import { pointsPhrase } from '../../../components/points-phrase';

/** One line of an item's history, of whichever kind. */
export interface TimelineEntry {
  at: string;
  kind: 'status' | 'sprint' | 'estimate';
  /** What changed, in words: "In Progress → In Review", "added to a sprint", "3 → 5 points". */
  text: string;
  /** For sprint changes: the sprint, so the drawer can name it. */
  sprintId?: string;
}

/**
 * The item's status, sprint and estimate changes as one list, oldest first (ties keep the order
 * status, sprint, estimate, as Jira lists the items of one changelog entry).
 */
export function timelineOf(item: WorkItemDetail): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...item.statusChanges.map((change) => ({
      at: change.at,
      kind: 'status' as const,
      text: change.from === null ? `→ ${change.to}` : `${change.from} → ${change.to}`,
    })),
    ...item.sprintChanges.map((change) => ({
      at: change.at,
      kind: 'sprint' as const,
      text: change.change === 'added' ? 'Added to sprint' : 'Removed from sprint',
      sprintId: change.sprintId,
    })),
  ];
  let previous = item.initialPoints;
  for (const change of item.estimateChanges) {
    entries.push({
      at: change.at,
      kind: 'estimate',
      text: `${pointsPhrase(previous)} → ${pointsPhrase(change.points)}`,
    });
    previous = change.points;
  }
  // A stable sort keeps the kinds' order for entries at the same instant.
  return entries.sort((left, right) => Date.parse(left.at) - Date.parse(right.at));
}
