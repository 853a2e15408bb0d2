import type { ImportMapping, TeamWorkflow } from '@bearing/contracts';
import type { EntityManager } from 'typeorm';
import { type ImportFile, ProblemLog, sprintIdRef } from './import-file.js';
import { JIRA_SOURCE, planImport } from './import-plan.js';
import { workflowWithMapping } from './import-result.js';
import { refreshFlowOfPlan, writePlan } from './import-writer.js';
import { FieldDirectory } from './jira/jira-fields.js';
import { buildFile } from './jira/jira-json-reader.js';
import { jiraSiteOf } from './jira/jira-site.js';
import { readRawIssue, type RawIssue } from './jira/raw-issue.js';
import { readSprintField } from './jira/sprint-field.js';
import { cleanText, LIMITS } from './jira/text-limits.js';
import { asObject } from './jira/values.js';
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
  const log = new ProblemLog();
  const fields = new FieldDirectory();
  fields.addNames(batch.names);
  const issues = new Map<string, RawIssue>();
  let jiraSite: string | null = null;
  batch.issues.forEach((value, index) => {
    jiraSite ??= jiraSiteOf(asObject(value)?.self);
    const issue = readRawIssue(value, index + 1, log);
    if (!issue) return;
    for (const history of issue.histories) for (const item of history.items) fields.addChange(item);
    issues.delete(issue.key);
    issues.set(issue.key, issue);
  });
  log.throwIfErrors();
  const file = buildFile([...issues.values()], fields, mapping, log);
  for (const entry of readSprintField(batch.boardSprints ?? [], () => undefined) ?? []) {
    if (entry.id.length > LIMITS.sprintId) continue;
    file.sprints.set(sprintIdRef(entry.id), {
      externalId: entry.id,
      name: cleanText(entry.name, LIMITS.sprintName),
      start: entry.start,
      end: entry.end,
      completedAt: entry.completedAt,
      goal: cleanText(entry.goal, LIMITS.goal),
      state: entry.state ?? (entry.completedAt ? 'closed' : entry.start ? 'active' : 'future'),
      detailsKnown: true,
    });
  }
  return { ...file, jiraSite };
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
