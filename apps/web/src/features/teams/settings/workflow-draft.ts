import type { TeamWorkflow } from '@bearing/contracts';

/**
 * A workflow while it is edited. Stages carry a stable `key`, and the committed and done
 * stages are held by that key rather than by name, so renaming or moving a stage keeps them.
 */
export interface StageDraft {
  key: string;
  name: string;
  statuses: string[];
}

export interface WorkflowDraft {
  stages: StageDraft[];
  /** `null` once the stage it pointed at was removed: the user must choose again. */
  committedKey: string | null;
  doneKey: string | null;
}

let nextKey = 0;
function newKey(): string {
  nextKey += 1;
  return `stage-${nextKey}`;
}

export function draftOfWorkflow(workflow: TeamWorkflow): WorkflowDraft {
  const stages = workflow.stages.map((stage) => ({
    key: newKey(),
    name: stage.name,
    statuses: [...stage.statuses],
  }));
  const keyOf = (name: string) => stages.find((stage) => stage.name === name)?.key ?? null;
  return {
    stages,
    committedKey: keyOf(workflow.committedStage),
    doneKey: keyOf(workflow.doneStage),
  };
}

/** The request's `workflow`; an unchosen committed/done stage is sent empty for the API to name. */
export function workflowOfDraft(draft: WorkflowDraft): TeamWorkflow {
  const nameOf = (key: string | null) =>
    draft.stages.find((stage) => stage.key === key)?.name ?? '';
  return {
    stages: draft.stages.map(({ name, statuses }) => ({ name, statuses })),
    committedStage: nameOf(draft.committedKey),
    doneStage: nameOf(draft.doneKey),
  };
}

export function renameStage(draft: WorkflowDraft, key: string, name: string): WorkflowDraft {
  return {
    ...draft,
    stages: draft.stages.map((stage) => (stage.key === key ? { ...stage, name } : stage)),
  };
}

export function setStageStatuses(
  draft: WorkflowDraft,
  key: string,
  statuses: readonly string[],
): WorkflowDraft {
  return {
    ...draft,
    stages: draft.stages.map((stage) =>
      stage.key === key ? { ...stage, statuses: [...statuses] } : stage,
    ),
  };
}

/** Moves a stage one place up (`-1`) or down (`1`); at either end nothing changes. */
export function moveStage(draft: WorkflowDraft, key: string, direction: -1 | 1): WorkflowDraft {
  const from = draft.stages.findIndex((stage) => stage.key === key);
  const to = from + direction;
  if (from < 0 || to < 0 || to >= draft.stages.length) return draft;
  const stages = [...draft.stages];
  const [moved] = stages.splice(from, 1);
  if (moved) stages.splice(to, 0, moved);
  return { ...draft, stages };
}

/** A new, empty stage before the done stage (or at the end): new stages are usually work steps. */
export function addStage(draft: WorkflowDraft, name: string): WorkflowDraft {
  const stage = { key: newKey(), name, statuses: [] };
  const doneIndex = draft.stages.findIndex((candidate) => candidate.key === draft.doneKey);
  const at = doneIndex < 0 ? draft.stages.length : doneIndex;
  return { ...draft, stages: [...draft.stages.slice(0, at), stage, ...draft.stages.slice(at)] };
}

export function removeStage(draft: WorkflowDraft, key: string): WorkflowDraft {
  return {
    stages: draft.stages.filter((stage) => stage.key !== key),
    committedKey: draft.committedKey === key ? null : draft.committedKey,
    doneKey: draft.doneKey === key ? null : draft.doneKey,
  };
}

/** A stage name not used yet: "New stage", "New stage 2", … */
export function unusedStageName(draft: WorkflowDraft): string {
  const names = new Set(draft.stages.map((stage) => stage.name));
  let candidate = 'New stage';
  for (let suffix = 2; names.has(candidate); suffix += 1) candidate = `New stage ${suffix}`;
  return candidate;
}

/** The stage a status is mapped to already, other than `exceptKey` — a status sits in one stage. */
export function stageHoldingStatus(
  draft: WorkflowDraft,
  status: string,
  exceptKey: string,
): StageDraft | undefined {
  return draft.stages.find((stage) => stage.key !== exceptKey && stage.statuses.includes(status));
}
