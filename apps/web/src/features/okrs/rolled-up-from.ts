import type { Objective } from '@bearing/contracts';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * "Rolled up from 3 aligned objectives", "Rolled up from 2 key results and 1 aligned objective":
 * what the API rolled an objective's progress up from. `null` when no aligned objective counted
 * — then the progress is plainly that of its own key results and needs no caption.
 */
export function describeRolledUpFrom({
  rolledUpFrom,
}: Pick<Objective, 'rolledUpFrom'>): string | null {
  if (rolledUpFrom.objectives === 0) return null;
  const objectives = count(rolledUpFrom.objectives, 'aligned objective', 'aligned objectives');
  return rolledUpFrom.keyResults === 0
    ? `Rolled up from ${objectives}`
    : `Rolled up from ${count(rolledUpFrom.keyResults, 'key result', 'key results')} and ${objectives}`;
}
