import { createHash } from 'node:crypto';
import type { ImportProblem } from '@bearing/contracts';
import type { EntityManager } from 'typeorm';
import {
  type ImportedItem,
  type ImportedSprint,
  type ImportFile,
  truncatedHistoryWarning,
} from './import-file.js';
import { timeOrderedId } from './time-ordered-id.js';
import { type StoredSprint, teamSprints } from '../sprints/sprint.repository.js';
import { storedItemDigests } from '../work-items/work-item-writes.repository.js';

/** Every Jira import writes items of this source; JSON and CSV of one project meet on the key. */
export const JIRA_SOURCE = 'jira';

export type PlannedSprint = { id: string; sprint: ImportedSprint };

export type PlannedItem = {
  id: string;
  item: ImportedItem;
  fieldsDigest: string;
  historyDigest: string | null;
  /**
   * For an update: the stored item has history the file must leave alone — a CSV row (no
   * history) or an issue whose changelog Jira cut (`truncatedHistory`).
   */
  keepStoredHistory: boolean;
};

/**
 * What an import will do, decided by comparing the file with what the team has: which sprints
 * and items are new, which changed and which are the same. Read-only — the dry run shows it,
 * the import writes it.
 */
export type ImportPlan = {
  sprintIdOf: Map<string, string>;
  sprints: { insert: PlannedSprint[]; update: PlannedSprint[]; unchanged: number };
  items: { insert: PlannedItem[]; update: PlannedItem[]; unchanged: number };
  /** Keys of the items with a cut changelog whose stored history the import keeps. */
  truncatedKeptStored: Set<string>;
};

export async function planImport(
  manager: EntityManager,
  target: { workspaceId: string; teamId: string },
  file: ImportFile,
): Promise<ImportPlan> {
  const sprintPlan = await planSprints(manager, target, file.sprints);
  const stored = await storedItemDigests(
    manager,
    { ...target, source: JIRA_SOURCE },
    file.items.map((item) => item.key),
  );
  const storedByKey = new Map(stored.map((row) => [row.key, row]));
  const items: ImportPlan['items'] = { insert: [], update: [], unchanged: 0 };
  const truncatedKeptStored = new Set<string>();
  for (const item of file.items) {
    const fieldsDigest = digest(fieldsOf(item, file.sprints));
    const historyDigest = item.hasHistory ? digest(historyOf(item, file.sprints)) : null;
    const existing = storedByKey.get(item.key);
    if (!existing) {
      items.insert.push({
        id: timeOrderedId(),
        item,
        fieldsDigest,
        historyDigest,
        keepStoredHistory: false,
      });
      continue;
    }
    // Part of a changelog must not replace a whole one (the first status, cycle times and the
    // older changes would go); with nothing stored, what is there is better than nothing.
    const partialHistory = !item.hasHistory || item.truncatedHistory !== undefined;
    const keepStoredHistory = partialHistory && existing.has_history;
    if (keepStoredHistory && item.truncatedHistory !== undefined) truncatedKeptStored.add(item.key);
    const changed =
      existing.fields_digest !== fieldsDigest ||
      (!keepStoredHistory && existing.history_digest !== historyDigest);
    if (changed) {
      items.update.push({ id: existing.id, item, fieldsDigest, historyDigest, keepStoredHistory });
    } else {
      items.unchanged++;
    }
  }
  return { ...sprintPlan, items, truncatedKeptStored };
}

/** The file's problems, a cut changelog's warning saying so where the stored history was kept. */
export function problemsOfPlan(file: ImportFile, plan: ImportPlan): ImportProblem[] {
  if (plan.truncatedKeptStored.size === 0) return file.problems;
  const cutOf = new Map(
    file.items.flatMap((item) =>
      item.truncatedHistory && plan.truncatedKeptStored.has(item.key)
        ? [[item.key, item.truncatedHistory] as const]
        : [],
    ),
  );
  return file.problems.map((problem) => {
    const cut = problem.key === undefined ? undefined : cutOf.get(problem.key);
    return cut && problem.message === truncatedHistoryWarning(cut, false)
      ? { ...problem, message: truncatedHistoryWarning(cut, true) }
      : problem;
  });
}

async function planSprints(
  manager: EntityManager,
  { workspaceId, teamId }: { workspaceId: string; teamId: string },
  sprints: Map<string, ImportedSprint>,
): Promise<Pick<ImportPlan, 'sprintIdOf' | 'sprints'>> {
  const rows = await teamSprints(manager, workspaceId, teamId);
  const byExternalId = new Map(
    rows
      .filter((row) => row.source === JIRA_SOURCE && row.externalId !== null)
      .map((row) => [row.externalId, row]),
  );
  const jiraByName = new Map(
    rows.filter((row) => row.source === JIRA_SOURCE).map((row) => [row.name, row]),
  );
  const anyByName = new Map(rows.map((row) => [row.name, row]));
  const sprintIdOf = new Map<string, string>();
  const plan: ImportPlan['sprints'] = { insert: [], update: [], unchanged: 0 };
  const claimed = new Set<string>();
  for (const [ref, sprint] of sprints) {
    const match =
      sprint.externalId !== null
        ? (byExternalId.get(sprint.externalId) ??
          unclaimedNamed(jiraByName.get(sprint.name), claimed, (row) => row.externalId === null))
        : (jiraByName.get(sprint.name) ?? anyByName.get(sprint.name));
    if (!match) {
      const id = timeOrderedId();
      plan.insert.push({ id, sprint });
      sprintIdOf.set(ref, id);
      continue;
    }
    claimed.add(match.id);
    sprintIdOf.set(ref, match.id);
    if (sprint.detailsKnown && differs(match, sprint)) plan.update.push({ id: match.id, sprint });
    else plan.unchanged++;
  }
  return { sprintIdOf, sprints: plan };
}

function unclaimedNamed(
  row: StoredSprint | undefined,
  claimed: Set<string>,
  accept: (row: StoredSprint) => boolean,
): StoredSprint | undefined {
  return row && !claimed.has(row.id) && accept(row) ? row : undefined;
}

function differs(stored: StoredSprint, sprint: ImportedSprint): boolean {
  return (
    stored.name !== sprint.name ||
    stored.externalId !== sprint.externalId ||
    iso(stored.startsAt) !== sprint.start ||
    iso(stored.endsAt) !== sprint.end ||
    iso(stored.completedAt) !== sprint.completedAt ||
    stored.goal !== sprint.goal ||
    stored.state !== sprint.state
  );
}

function iso(date: Date | null): string | null {
  return date === null ? null : date.toISOString();
}

function sprintName(sprints: Map<string, ImportedSprint>, ref: string): string {
  return sprints.get(ref)?.name ?? ref;
}

/** The item's own fields, as both JSON and CSV carry them (sprints by name). */
function fieldsOf(item: ImportedItem, sprints: Map<string, ImportedSprint>): unknown[] {
  return [
    item.type,
    item.title,
    item.points,
    item.createdAt,
    item.status,
    item.resolvedAt,
    item.parentKey,
    item.sprints.map((ref) => sprintName(sprints, ref)).sort(),
  ];
}

function historyOf(item: ImportedItem, sprints: Map<string, ImportedSprint>): unknown[] {
  return [
    item.initialStatus,
    item.initialPoints,
    item.statusChanges.map((change) => [change.at, change.from, change.to]),
    item.sprintChanges.map((change) => [
      change.at,
      sprints.get(change.sprint)?.externalId ?? sprintName(sprints, change.sprint),
      change.change,
    ]),
    item.estimateChanges.map((change) => [change.at, change.points]),
  ];
}

function digest(value: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}
