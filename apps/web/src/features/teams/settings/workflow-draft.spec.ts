import { DEFAULT_TEAM_WORKFLOW, workflowSchema } from '@bearing/contracts';
import { describe, expect, it } from '@jest/globals';
import {
  addStage,
  draftOfWorkflow,
  moveStage,
  removeStage,
  renameStage,
  setStageStatuses,
  stageHoldingStatus,
  unusedStageName,
  workflowOfDraft,
} from './workflow-draft';

const keyOf = (draft: ReturnType<typeof draftOfWorkflow>, name: string) =>
  draft.stages.find((stage) => stage.name === name)?.key ?? '';

describe('workflow drafts', () => {
  it('round-trips a workflow unchanged', () => {
    expect(workflowOfDraft(draftOfWorkflow(DEFAULT_TEAM_WORKFLOW))).toEqual(DEFAULT_TEAM_WORKFLOW);
  });

  it('keeps the committed and done stages through a rename', () => {
    const draft = draftOfWorkflow(DEFAULT_TEAM_WORKFLOW);
    const renamed = renameStage(draft, keyOf(draft, 'In Progress'), 'Doing');
    const workflow = workflowOfDraft(renamed);
    expect(workflow.committedStage).toBe('Doing');
    expect(workflow.stages[1]).toEqual({ name: 'Doing', statuses: ['In Progress'] });
    expect(workflowSchema.safeParse(workflow).success).toBe(true);
  });

  it('moves stages up and down, and not past either end', () => {
    const draft = draftOfWorkflow(DEFAULT_TEAM_WORKFLOW);
    const names = (next: typeof draft) => next.stages.map((stage) => stage.name);
    expect(names(moveStage(draft, keyOf(draft, 'Review'), -1))).toEqual([
      'Backlog',
      'Review',
      'In Progress',
      'Done',
    ]);
    expect(names(moveStage(draft, keyOf(draft, 'Done'), 1))).toEqual(names(draft));
    expect(names(moveStage(draft, keyOf(draft, 'Backlog'), -1))).toEqual(names(draft));
  });

  it('adds a new stage before the done stage with an unused name', () => {
    const draft = draftOfWorkflow(DEFAULT_TEAM_WORKFLOW);
    const once = addStage(draft, unusedStageName(draft));
    const twice = addStage(once, unusedStageName(once));
    expect(twice.stages.map((stage) => stage.name)).toEqual([
      'Backlog',
      'In Progress',
      'Review',
      'New stage',
      'New stage 2',
      'Done',
    ]);
    expect(workflowOfDraft(twice).doneStage).toBe('Done');
  });

  it('removing the committed stage leaves it unchosen, which the schema refuses', () => {
    const draft = draftOfWorkflow(DEFAULT_TEAM_WORKFLOW);
    const removed = removeStage(draft, keyOf(draft, 'In Progress'));
    expect(removed.committedKey).toBeNull();
    const workflow = workflowOfDraft(removed);
    expect(workflow.committedStage).toBe('');
    const parsed = workflowSchema.safeParse(workflow);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toContain('committedStage');
  });

  it('sets statuses and finds a status mapped twice', () => {
    const draft = draftOfWorkflow(DEFAULT_TEAM_WORKFLOW);
    const review = keyOf(draft, 'Review');
    const next = setStageStatuses(draft, review, ['In Review', 'In Progress']);
    expect(next.stages[2]?.statuses).toEqual(['In Review', 'In Progress']);
    expect(stageHoldingStatus(next, 'In Progress', review)?.name).toBe('In Progress');
    expect(stageHoldingStatus(next, 'Blocked', review)).toBeUndefined();
  });
});
