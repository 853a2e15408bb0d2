import type { WeightedProgress } from './objective-progress.js';

/** An objective as the roll-up sees it: its own key results and the objectives aligned to it. */
export type ObjectiveRollupNode = {
  /** Its own key results' progress (not clamped; `null` = not measured) and weights (default 1). */
  keyResults: readonly WeightedProgress[];
  /** The objectives aligned to it (its children in the alignment tree). */
  children?: readonly ObjectiveRollupNode[];
  /** How much it counts in its parent's roll-up, like a key result's weight; default 1. */
  weight?: number;
};

export type ObjectiveRollup = {
  /** 0–1, or `null` when neither a key result nor an aligned objective is measured. */
  progress: number | null;
  /** Its own key results that counted (measured, weight > 0). */
  keyResults: number;
  /** Aligned objectives that counted (measured themselves, weight > 0). */
  objectives: number;
};

export type ObjectiveRollupOptions = {
  /** Deepest alignment allowed below the objective (default 32); deeper throws `RangeError`. */
  maxDepth?: number;
};

/**
 * Progress of an objective rolled up from its own key results **and** the objectives aligned
 * to it, recursively: each aligned objective counts with its own rolled-up progress as one
 * more input, weighted like a key result.
 *
 * `Σ wᵢ · clamp(pᵢ, 0, 1) + Σ vⱼ · cⱼ` ÷ `(Σ wᵢ + Σ vⱼ)`, over its key results `i` whose
 * progress is not `null` (weight `wᵢ`, default 1) and its aligned objectives `j` whose own
 * roll-up `cⱼ` is not `null` (weight `vⱼ`, default 1). Aligned objectives that are not measured
 * (no measured key result anywhere below them) are skipped, as unmeasured key results are, so
 * they neither pull the parent down nor count in `objectives`. With no key results and no
 * aligned objectives — or none measured — the progress is `null` (not measured). An objective
 * without aligned objectives gets exactly `objectiveProgress` of its key results.
 *
 * The alignment tree has no cycles (the API refuses them), but the walk stops with a
 * `RangeError` deeper than `maxDepth`, so a cyclic structure cannot recurse forever.
 *
 * Source: Perdoo, "Progress drivers for Objectives" — an objective's progress may be driven by
 * its key results, its aligned OKRs or both, each weighted equally by default, negative values
 * counted as 0 %; ServiceNow Goal Framework, "Progress value calculation" — a goal with
 * sub-goals and targets averages all of them, weighted when weights are set.
 *
 * @example
 * objectiveRollup({
 *   keyResults: [],
 *   children: [
 *     { keyResults: [{ progress: 0.6 }] },
 *     { keyResults: [{ progress: 0.3 }] },
 *     { keyResults: [{ progress: null }] },
 *   ],
 * }); // → { progress: 0.45, keyResults: 0, objectives: 2 }
 */
export function objectiveRollup(
  objective: ObjectiveRollupNode,
  options: ObjectiveRollupOptions = {},
): ObjectiveRollup {
  const { maxDepth = 32 } = options;
  if (!Number.isInteger(maxDepth) || maxDepth < 0) {
    throw new RangeError(`maxDepth must be a whole number ≥ 0, got ${String(maxDepth)}`);
  }
  return rollup(objective, 'objective', 0, maxDepth);
}

function rollup(
  node: ObjectiveRollupNode,
  path: string,
  depth: number,
  maxDepth: number,
): ObjectiveRollup {
  let weightedSum = 0;
  let totalWeight = 0;
  let keyResults = 0;
  let objectives = 0;
  node.keyResults.forEach(({ progress, weight = 1 }, index) => {
    const at = `${path}.keyResults[${index}]`;
    assertWeight(weight, `${at}.weight`);
    if (progress === null) return;
    if (!Number.isFinite(progress)) {
      throw new RangeError(`${at}.progress must be a finite number or null, got ${progress}`);
    }
    if (weight === 0) return;
    weightedSum += weight * Math.min(1, Math.max(0, progress));
    totalWeight += weight;
    keyResults += 1;
  });
  const children = node.children ?? [];
  if (children.length > 0 && depth >= maxDepth) {
    throw new RangeError(
      `${path} has aligned objectives deeper than maxDepth (${maxDepth}): is there a cycle?`,
    );
  }
  children.forEach((child, index) => {
    const at = `${path}.children[${index}]`;
    const weight = child.weight ?? 1;
    assertWeight(weight, `${at}.weight`);
    const { progress } = rollup(child, at, depth + 1, maxDepth);
    if (progress === null || weight === 0) return;
    weightedSum += weight * progress;
    totalWeight += weight;
    objectives += 1;
  });
  return { progress: totalWeight === 0 ? null : weightedSum / totalWeight, keyResults, objectives };
}

function assertWeight(weight: number, name: string): void {
  if (!Number.isFinite(weight) || weight < 0) {
    throw new RangeError(`${name} must be a finite number ≥ 0, got ${String(weight)}`);
  }
}
