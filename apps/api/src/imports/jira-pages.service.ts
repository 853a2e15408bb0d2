import type { ImportMapping, TeamWorkflow } from '@bearing/contracts';
import type { EntityManager } from 'typeorm';
import { type ImportFile, ProblemLog, sprintIdRef } from './import-file.js';
import { JIRA_SOURCE, planImport } from './import-plan.js';
import { workflowWithMapping } from './import-result.js';
import { refreshFlowOfPlan, writePlan } from './import-writer.js';
import { FieldDirectory } from './jira/jira-fields.js';
import { buildFile, sprintWithDetails } from './jira/jira-json-reader.js';
import { jiraSiteOf } from './jira/jira-site.js';
import { readRawIssue, type RawIssue } from './jira/raw-issue.js';
import { readSprintField } from './jira/sprint-field.js';
import { LIMITS } from './jira/text-limits.js';
import { asObject } from './jira/values.js';
import { markTeamFlowStale } from '../delivery/flow-read-model/flow-read-model.service.js';
import { restoreRemovedItems } from '../work-items/work-item-removal.repository.js';
import { rememberJiraSite } from '../work-items/jira-site.repository.js';

/**
 * The import's Jira reading and writing, for callers that get issues from Jira's API instead
 * of a file (the live sync): the same reader turns issues into items and the same idempotent
 * upsert writes them, so a synced team has exactly the rows an import of the same issues gives.
 */

export { ImportFileError, describeProblem } from './import-file.js';
export { JIRA_SOURCE } from './import-plan.js';

export type JiraIssueBatch = {
  /** Issues as Jira's search returns them, each with its complete changelog. */
  issues: unknown[];
  /** The search's `names` (field id → name), when asked for with `expand=names`. */
  names?: unknown;
  /** Sprints of the board (Agile API), with Jira's own dates; they win over the sprint field. */
  boardSprints?: unknown[];
};

/** What writing one batch did; `restored`: items marked removed that are back in the source. */
export type AppliedBatch = {
  created: number;
  updated: number;
  unchanged: number;
  restored: number;
};

/**
 * Reads a batch of issues as the JSON import reads a file. Throws `ImportFileError` listing the
 * issues that cannot be used (no key, an unreadable date): the batch is then not written.
 */
export function jiraFileOfIssues(batch: JiraIssueBatch, mapping: ImportMapping): ImportFile {
  const reader = new JiraBatchReader(batch.names);
  reader.add(batch.issues);
  return reader.file(mapping, batch.boardSprints);
}

/**
 * `jiraFileOfIssues` a page at a time: each page's issues are checked and reduced to what the
 * import uses as the page arrives (Jira's JSON of it can then go), and `file` reads the batch
 * they make up — exactly what reading all of them at once gives.
 */
export class JiraBatchReader {
  private readonly log = new ProblemLog();
  private readonly fields = new FieldDirectory();
  private readonly issues = new Map<string, RawIssue>();
  private jiraSite: string | null = null;
  /** Issues added so far, readable or not. */
  added = 0;

  /** `names`: the search's field id → name (`expand=names`). */
  constructor(names: unknown) {
    this.fields.addNames(names);
  }

  /** Issues as Jira's search returns them, each with its complete changelog. */
  add(issues: readonly unknown[]): void {
    for (const value of issues) {
      this.added++;
      this.jiraSite ??= jiraSiteOf(asObject(value)?.self);
      const issue = readRawIssue(value, this.added, this.log);
      if (!issue) continue;
      for (const history of issue.histories)
        for (const item of history.items) this.fields.addChange(item);
      this.issues.delete(issue.key);
      this.issues.set(issue.key, issue);
    }
  }

  /**
   * The batch's items and sprints; the board's sprints (Agile API, with Jira's own dates) win
   * over the sprint field's. Throws `ImportFileError` when an issue cannot be used.
   */
  file(mapping: ImportMapping, boardSprints: unknown[] = []): ImportFile {
    this.log.throwIfErrors();
    const file = buildFile([...this.issues.values()], this.fields, mapping, this.log);
    this.issues.clear();
    for (const entry of readSprintField(boardSprints, () => undefined) ?? []) {
      if (entry.id.length > LIMITS.sprintId) continue;
      file.sprints.set(sprintIdRef(entry.id), sprintWithDetails(entry));
    }
    return { ...file, jiraSite: this.jiraSite };
  }
}

/**
 * Writes the batch's items and sprints in the caller's transaction through the import's
 * upsert: unchanged items are not written at all. Items of the batch that were marked removed
 * are restored; their read-model rows are the caller's to rebuild (`refreshTeamFlow`).
 */
export async function applyJiraFile(
  manager: EntityManager,
  target: { workspaceId: string; teamId: string },
  file: ImportFile,
  { refreshFlow }: { refreshFlow: boolean } = { refreshFlow: true },
): Promise<AppliedBatch> {
  const plan = await planImport(manager, target, file);
  await writePlan(manager, target, plan, () => Promise.resolve());
  // The flow read model of the items written commits with them, as an import's does (unless
  // the caller rebuilds it once after many batches).
  if (refreshFlow) await refreshFlowOfPlan(manager, target, plan);
  const restored = await restoreRemovedItems(
    manager,
    { ...target, source: JIRA_SOURCE },
    file.items.map((item) => item.key),
  );
  // Rows left to the caller's rebuild are marked stale with the items, so a run that never gets
  // to that rebuild (it fails, its worker dies) leaves readers rebuilding, not served rows that
  // miss what it committed.
  const wroteItems = plan.items.insert.length + plan.items.update.length > 0;
  if ((!refreshFlow && wroteItems) || restored > 0) {
    await markTeamFlowStale(manager, target.teamId);
  }
  await rememberJiraSite(manager, target.teamId, file.jiraSite);
  return {
    created: plan.items.insert.length,
    updated: plan.items.update.length,
    unchanged: plan.items.unchanged,
    restored,
  };
}

/** The team's workflow with Jira statuses moved into the mapped stages (400 for an unknown stage). */
export function workflowWithStatuses(
  workflow: TeamWorkflow,
  statuses: Record<string, string>,
): TeamWorkflow {
  return workflowWithMapping(workflow, { statuses, dateFormat: '' });
}
