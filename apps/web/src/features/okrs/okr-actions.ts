import type { KeyResult, Objective } from '@bearing/contracts';

/** What editors can do from the OKR tree; viewers get none of it, and see no controls. */
export interface OkrActions {
  onEditObjective: (objective: Objective) => void;
  onAddKeyResult: (objective: Objective) => void;
  onAddChildObjective: (objective: Objective) => void;
  onEditKeyResult: (keyResult: KeyResult) => void;
  /** Asks first; offered while its objective is active (a closed one keeps its grade). */
  onDeleteKeyResult: (keyResult: KeyResult) => void;
  onCheckIn: (keyResult: KeyResult) => void;
}
