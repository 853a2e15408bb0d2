import type { Workflow } from './types.js';

/**
 * A workflow checked once and turned into lookups the per-item loops can use cheaply. Internal.
 */
export type CompiledWorkflow = {
  stageNames: readonly string[];
  /** status → stage index */
  stageOfStatus: ReadonlyMap<string, number>;
  committed: number;
  done: number;
  /** A stage named `__proto__` cannot be written with plain assignment. */
  needsSafeRecords: boolean;
  /** Reused by every synchronous scan of one item: entry epoch day per stage. */
  entryDays: Int32Array;
};

/** A compiled workflow with a snapshot of what it was compiled from. */
type CacheEntry = {
  compiled: CompiledWorkflow;
  stages: Workflow['stages'];
  stageObjects: Workflow['stages'][number][];
  names: string[];
  statusLists: string[][];
  statuses: string[][];
  committedStage: string;
  doneStage: string;
};

const compiledWorkflows = new WeakMap<Workflow, CacheEntry>();

/**
 * The compiled form of `workflow`, cached per workflow object so that 100 000 items share one
 * status→stage map. Each use checks the workflow against a snapshot taken when it was
 * compiled (a few comparisons per stage and status), so a workflow edited in place — a
 * what-if view changing a mapping — is compiled again instead of giving stale numbers.
 * Throws `RangeError` naming the argument for an empty stage list, a duplicate stage, a status
 * mapped to two stages, or an unknown / misordered `committedStage` or `doneStage`.
 */
export function compileWorkflow(workflow: Workflow): CompiledWorkflow {
  const cached = compiledWorkflows.get(workflow);
  if (cached !== undefined && isUnchanged(workflow, cached)) return cached.compiled;
  const compiled = compile(workflow);
  compiledWorkflows.set(workflow, {
    compiled,
    stages: workflow.stages,
    stageObjects: [...workflow.stages],
    names: workflow.stages.map((stage) => stage.name),
    statusLists: workflow.stages.map((stage) => stage.statuses),
    statuses: workflow.stages.map((stage) => [...stage.statuses]),
    committedStage: workflow.committedStage,
    doneStage: workflow.doneStage,
  });
  return compiled;
}

/** Whether `workflow` still holds exactly what `entry` was compiled from. */
function isUnchanged(workflow: Workflow, entry: CacheEntry): boolean {
  const { stages } = workflow;
  if (
    stages !== entry.stages ||
    stages.length !== entry.stageObjects.length ||
    workflow.committedStage !== entry.committedStage ||
    workflow.doneStage !== entry.doneStage
  ) {
    return false;
  }
  for (let index = 0; index < stages.length; index++) {
    const stage = stages[index] as Workflow['stages'][number];
    const statuses = entry.statuses[index] as string[];
    if (
      stage !== entry.stageObjects[index] ||
      stage.name !== entry.names[index] ||
      stage.statuses !== entry.statusLists[index] ||
      stage.statuses.length !== statuses.length
    ) {
      return false;
    }
    for (let position = 0; position < statuses.length; position++) {
      if (stage.statuses[position] !== statuses[position]) return false;
    }
  }
  return true;
}

function compile(workflow: Workflow): CompiledWorkflow {
  if (workflow === null || typeof workflow !== 'object') {
    throw new RangeError('workflow must be an object with stages, committedStage and doneStage');
  }
  const { stages, committedStage, doneStage } = workflow;
  if (!Array.isArray(stages) || stages.length === 0) {
    throw new RangeError('workflow.stages must list at least one stage');
  }
  const stageNames: string[] = [];
  const stageOfStatus = new Map<string, number>();
  stages.forEach((stage, index) => {
    if (typeof stage?.name !== 'string' || !Array.isArray(stage.statuses)) {
      throw new RangeError(`workflow.stages[${index}] must have a name and a statuses array`);
    }
    if (stageNames.includes(stage.name)) {
      throw new RangeError(`workflow.stages has two stages named ${stage.name}`);
    }
    stageNames.push(stage.name);
    for (const status of stage.statuses) {
      const previous = stageOfStatus.get(status);
      if (previous !== undefined && previous !== index) {
        throw new RangeError(
          `workflow.stages maps status ${status} to two stages: ${stageNames[previous]} and ${stage.name}`,
        );
      }
      stageOfStatus.set(status, index);
    }
  });
  const committed = stageNames.indexOf(committedStage);
  if (committed < 0) {
    throw new RangeError(`workflow.committedStage ${String(committedStage)} is not a stage`);
  }
  const done = stageNames.indexOf(doneStage);
  if (done < 0) throw new RangeError(`workflow.doneStage ${String(doneStage)} is not a stage`);
  if (committed > done) {
    throw new RangeError(
      `workflow.committedStage ${committedStage} comes after workflow.doneStage ${doneStage}`,
    );
  }
  return {
    stageNames,
    stageOfStatus,
    committed,
    done,
    needsSafeRecords: stageNames.includes('__proto__'),
    entryDays: new Int32Array(stageNames.length),
  };
}

/** A `Record<stageName, T>` in stage order. Internal. */
export function stageRecord<T>(
  compiled: CompiledWorkflow,
  valueOf: (stageIndex: number) => T,
): Record<string, T> {
  const { stageNames } = compiled;
  if (compiled.needsSafeRecords) {
    return Object.fromEntries(stageNames.map((name, index) => [name, valueOf(index)]));
  }
  const record: Record<string, T> = {};
  for (let index = 0; index < stageNames.length; index++) {
    record[stageNames[index] as string] = valueOf(index);
  }
  return record;
}
