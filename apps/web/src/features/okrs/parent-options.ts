import type { Objective, Period } from '@bearing/contracts';
import type { ComboboxStringGroupData } from '@mantine/core';
import { selfAndDescendantIds } from './objective-tree';

/**
 * The objectives one may align to, grouped by period (latest period first): all but the
 * objective itself and those aligned below it, which would make a cycle.
 */
export function parentOptions(
  objectives: readonly Objective[],
  periods: readonly Period[],
  editedId: string | undefined,
): ComboboxStringGroupData {
  const excluded = editedId ? selfAndDescendantIds(objectives, editedId) : new Set<string>();
  const groups = periods
    .map((period) => ({
      group: period.name,
      items: objectives
        .filter((objective) => objective.periodId === period.id && !excluded.has(objective.id))
        .map((objective) => ({ value: objective.id, label: objective.title })),
    }))
    .filter((group) => group.items.length > 0);
  return [{ value: '', label: 'Nothing (a top-level objective)' }, ...groups];
}
