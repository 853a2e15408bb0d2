import { createReadStream } from 'node:fs';
import { IMPORT_MAX_ISSUES, type ImportMapping } from '@bearing/contracts';
import {
  type ImportedItem,
  type ImportedSprint,
  checkIssueCount,
  type ImportFile,
  ImportFileError,
  ProblemLog,
  sprintIdRef,
  sprintNameRef,
  truncatedHistoryWarning,
} from '../import-file.js';
import { describeField, FieldDirectory, isChangeOf, type ResolvedField } from './jira-fields.js';
import { jiraSiteOf } from './jira-site.js';
import { JsonPageScanner, JsonShapeError } from './json-page-scanner.js';
import { type RawChange, type RawIssue, readRawIssue } from './raw-issue.js';
import type { SprintFieldEntry } from './sprint-field.js';
import { cleanText, LIMITS } from './text-limits.js';
import { utf8Chunks } from './utf8-chunks.js';
import { asObject, parsePoints, quoted } from './values.js';

const NOT_A_SEARCH_RESPONSE = 'not a Jira search response';

const EMPTY_ISSUE: RawIssue = {
  key: '',
  type: '',
  title: '',
  status: '',
  createdAt: '',
  resolvedAt: null,
  parentKey: null,
  numbers: new Map(),
  sprintValues: new Map(),
  histories: [],
  truncated: null,
};

/**
 * Reads an upload of Jira issue-search pages with `expand=changelog` (`/rest/api/3/search/jql`
 * and `/rest/api/2/search` have the same issue shape) into an `ImportFile`, streaming the file
 * from disk (or its bytes as they arrive, from `source`). Throws `ImportFileError` listing every
 * problem that makes the file unusable.
 */
export async function readJiraJson(
  source: string | AsyncIterable<Buffer>,
  mapping: ImportMapping,
  maxIssues = IMPORT_MAX_ISSUES,
): Promise<ImportFile> {
  const log = new ProblemLog();
  const fields = new FieldDirectory();
  const issues = new Map<string, RawIssue>();
  const pages = { total: 0, sawTotal: false, lastIsLast: undefined as boolean | undefined };
  let position = 0;
  let jiraSite: string | null = null;
  const scanner = new JsonPageScanner({
    pageStart: () => undefined,
    pageField: (key, value) => {
      if (key === 'names') fields.addNames(value);
      if (key === 'total' && typeof value === 'number') {
        pages.sawTotal = true;
        pages.total = Math.max(pages.total, value);
      }
      if (key === 'isLast' && typeof value === 'boolean') pages.lastIsLast = value;
    },
    issue: (value) => {
      position++;
      checkIssueCount(position, maxIssues);
      jiraSite ??= jiraSiteOf(asObject(value)?.self);
      const issue = readRawIssue(value, position, log);
      if (!issue) return;
      for (const history of issue.histories)
        for (const item of history.items) fields.addChange(item);
      if (issues.has(issue.key)) {
        log.warn({ key: issue.key, message: 'appears more than once; the later copy is used' });
        issues.delete(issue.key);
      }
      issues.set(issue.key, issue);
    },
    pageEnd: () => undefined,
  });
  try {
    const bytes =
      typeof source === 'string' ? createReadStream(source, { highWaterMark: 1 << 20 }) : source;
    for await (const chunk of utf8Chunks(bytes)) scanner.write(chunk);
    scanner.end();
  } catch (error) {
    if (error instanceof JsonShapeError) {
      const where = error.where;
      throw new ImportFileError([
        where
          ? {
              line: where.line,
              message: `${NOT_A_SEARCH_RESPONSE}${where.page > 0 ? ` (page ${where.page})` : ''}: ${error.message}`,
            }
          : { message: `${NOT_A_SEARCH_RESPONSE}: ${error.message}` },
      ]);
    }
    throw error;
  }
  log.throwIfErrors();
  if (pages.sawTotal && pages.total > position) {
    log.warn({
      message: `the search found ${pages.total} issues but the file holds ${position}: export every page`,
    });
  }
  if (pages.lastIsLast === false) {
    log.warn({
      message: 'the last page says more pages follow (isLast: false): export every page',
    });
  }
  return { ...buildFile([...issues.values()], fields, mapping, log), jiraSite };
}

export function buildFile(
  issues: RawIssue[],
  fields: FieldDirectory,
  mapping: ImportMapping,
  log: ProblemLog,
): ImportFile {
  const pointsField = fields.storyPoints(mapping.storyPointsField);
  const sprintField = fields.sprint(mapping.sprintField, issues);
  if (pointsField === null) {
    log.warn({
      message:
        'no story-points field found (looked for "Story Points" and "Story point estimate"): points are left empty; choose the field in the mapping',
    });
  }
  const sprints = new SprintCatalog(log);
  for (const issue of issues) {
    const value = sprintField?.id ? issue.sprintValues.get(sprintField.id) : undefined;
    for (const message of value?.badDates ?? []) log.error({ key: issue.key, message });
    for (const entry of value?.entries ?? []) sprints.addEntry(entry);
  }
  const items: ImportedItem[] = [];
  for (let index = 0; index < issues.length; index++) {
    items.push(buildItem(issues[index] as RawIssue, pointsField, sprintField, sprints, log));
    // The raw form is no longer needed: let it go while the rest is built.
    issues[index] = EMPTY_ISSUE;
  }
  sprints.foldNamesIntoIds(items);
  log.throwIfErrors();
  return {
    format: 'jira-json',
    items,
    sprints: sprints.resolved(),
    problems: log.warningsWithTail(),
    storyPointsField: describeField(pointsField),
    sprintField: describeField(sprintField),
    hasHistory: true,
  };
}

function buildItem(
  issue: RawIssue,
  pointsField: ResolvedField | null,
  sprintField: ResolvedField | null,
  sprints: SprintCatalog,
  log: ProblemLog,
): ImportedItem {
  if (issue.truncated) {
    log.warn({ key: issue.key, message: truncatedHistoryWarning(issue.truncated, false) });
  }
  const statusChanges: ImportedItem['statusChanges'] = [];
  const estimateChanges: ImportedItem['estimateChanges'] = [];
  const sprintMoves: { at: string; added: string[]; removed: string[] }[] = [];
  for (const { at, items } of issue.histories) {
    for (const change of items) {
      if (change.field.toLowerCase() === 'status') {
        const to = statusName(change.toString, issue.key, log);
        if (to !== undefined) {
          statusChanges.push({
            at,
            from: statusName(change.fromString, issue.key, log) ?? null,
            to,
          });
        }
      } else if (isChangeOf(change, sprintField)) {
        sprintMoves.push({ at, ...sprints.move(change, issue.key) });
      } else if (isChangeOf(change, pointsField)) {
        const points = parsePoints(change.toString);
        if (points) estimateChanges.push({ at, points: points.points });
        else
          log.warn({
            key: issue.key,
            message: `story points ${quoted(change.toString)} are not a number; that estimate is left out`,
          });
      }
    }
  }
  const currentPoints = currentPointsOf(issue, pointsField, estimateChanges);
  const firstEstimate = firstEstimateChange(issue, pointsField);
  const initialPoints =
    firstEstimate === undefined
      ? currentPoints
      : (parsePoints(firstEstimate.fromString)?.points ?? null);

  const current = new Set(
    (sprintField?.id ? (issue.sprintValues.get(sprintField.id)?.entries ?? []) : []).map((entry) =>
      sprintIdRef(entry.id),
    ),
  );
  // Where the item started: its sprints now, with the recorded moves undone from the latest.
  const initial = new Set(current);
  for (const move of [...sprintMoves].reverse()) {
    for (const ref of move.added) initial.delete(ref);
    for (const ref of move.removed) initial.add(ref);
  }
  const sprintChanges: ImportedItem['sprintChanges'] = [...initial].map((sprint) => ({
    at: issue.createdAt,
    sprint,
    change: 'added',
  }));
  const ever = new Set([...initial, ...current]);
  for (const move of sprintMoves) {
    for (const sprint of move.removed)
      sprintChanges.push({ at: move.at, sprint, change: 'removed' });
    for (const sprint of move.added) {
      sprintChanges.push({ at: move.at, sprint, change: 'added' });
      ever.add(sprint);
    }
  }
  return {
    key: issue.key,
    type: issue.type,
    title: issue.title,
    points: currentPoints,
    initialPoints,
    createdAt: issue.createdAt,
    status: issue.status,
    initialStatus: statusChanges[0]?.from ?? issue.status,
    resolvedAt: issue.resolvedAt,
    parentKey: issue.parentKey,
    hasHistory: true,
    ...(issue.truncated ? { truncatedHistory: issue.truncated } : {}),
    statusChanges,
    sprintChanges,
    estimateChanges,
    sprints: [...ever],
  };
}

function statusName(value: string | null, key: string, log: ProblemLog): string | undefined {
  if (value === null) return undefined;
  const name = cleanText(value, Number.MAX_SAFE_INTEGER).trim();
  if (name === '') return undefined;
  if (name.length > LIMITS.status) {
    log.error({
      key,
      message: `a status name in the changelog is longer than ${LIMITS.status} characters`,
    });
    return undefined;
  }
  return name;
}

function currentPointsOf(
  issue: RawIssue,
  field: ResolvedField | null,
  estimates: ImportedItem['estimateChanges'],
): number | null {
  if (field === null) return null;
  if (field.id !== null) {
    const value = issue.numbers.get(field.id);
    return value !== undefined && value >= 0 && value < 1e9 ? value : null;
  }
  return estimates.at(-1)?.points ?? null;
}

function firstEstimateChange(issue: RawIssue, field: ResolvedField | null): RawChange | undefined {
  for (const history of issue.histories) {
    for (const change of history.items) if (isChangeOf(change, field)) return change;
  }
  return undefined;
}

/**
 * The sprints of the file, by Jira sprint id from the sprint field, plus sprints that only
 * appear in changelog entries (known by id and name, without dates).
 */
class SprintCatalog {
  private readonly byRef = new Map<string, ImportedSprint>();
  private readonly refOfName = new Map<string, string>();

  constructor(private readonly log: ProblemLog) {}

  addEntry(entry: SprintFieldEntry): void {
    const ref = sprintIdRef(entry.id);
    const known = this.byRef.get(ref);
    if (known?.detailsKnown && (known.start !== null || entry.start === null)) return;
    if (entry.id.length > LIMITS.sprintId) return;
    const sprint = sprintWithDetails(entry);
    this.byRef.set(ref, sprint);
    this.refOfName.set(sprint.name, ref);
  }

  /**
   * The sprints a changelog item adds and removes. `from`/`to` hold comma-separated sprint ids
   * (`"12, 13"`), `fromString`/`toString` the names in the same order.
   */
  move(change: RawChange, key: string): { added: string[]; removed: string[] } {
    const before = this.refsOf(change.from, change.fromString, key);
    const after = this.refsOf(change.to, change.toString, key);
    return {
      added: after.filter((ref) => !before.includes(ref)),
      removed: before.filter((ref) => !after.includes(ref)),
    };
  }

  private refsOf(ids: string | null, names: string | null, key: string): string[] {
    const idList = splitList(ids);
    const nameList = splitList(names);
    if (idList.length > 0) {
      return idList.flatMap((id, index) => {
        if (id.length > LIMITS.sprintId || !/^\d+$/.test(id)) {
          this.log.warn({
            key,
            message: `sprint change names an unknown sprint id ${quoted(id)}; left out`,
          });
          return [];
        }
        const ref = sprintIdRef(id);
        if (!this.byRef.has(ref)) {
          const name = nameList.length === idList.length ? nameList[index] : undefined;
          const sprint = namedOnly(id, name ?? `Sprint ${id}`);
          this.byRef.set(ref, sprint);
          // The sprint field's sprints keep their names; a name first seen here names this id.
          if (name !== undefined && !this.refOfName.has(sprint.name)) {
            this.refOfName.set(sprint.name, ref);
          }
        }
        return [ref];
      });
    }
    return nameList.map((name) => {
      const clean = cleanText(name, LIMITS.sprintName);
      const ref = this.refOfName.get(clean) ?? sprintNameRef(clean);
      if (!this.byRef.has(ref)) this.byRef.set(ref, namedOnly(null, name));
      return ref;
    });
  }

  /**
   * Once every changelog is read: a sprint some entries name only by name (an older Jira, an
   * automation's entry) is the sprint of that name that others name by id, whichever came first
   * in the file. Its name references in `items` become that id's, and it is left out as a sprint.
   */
  foldNamesIntoIds(items: ImportedItem[]): void {
    const idOf = new Map<string, string>();
    for (const [ref, sprint] of this.byRef) {
      const idRef = sprint.externalId === null ? this.refOfName.get(sprint.name) : undefined;
      if (idRef !== undefined && idRef !== ref) idOf.set(ref, idRef);
    }
    if (idOf.size === 0) return;
    for (const ref of idOf.keys()) this.byRef.delete(ref);
    const folded = (ref: string) => idOf.get(ref) ?? ref;
    for (const item of items) {
      if (!item.sprints.some((ref) => idOf.has(ref))) continue;
      item.sprints = [...new Set(item.sprints.map(folded))];
      item.sprintChanges = item.sprintChanges.map((change) => ({
        ...change,
        sprint: folded(change.sprint),
      }));
    }
  }

  resolved(): Map<string, ImportedSprint> {
    for (const sprint of this.byRef.values()) {
      if (!sprint.detailsKnown && sprint.externalId !== null) {
        this.log.warn({
          message: `sprint ${quoted(sprint.name)} (id ${sprint.externalId}) appears only in change history: its dates are unknown`,
        });
      }
    }
    return this.byRef;
  }
}

/**
 * A sprint as the sprint field (or Jira's Agile API) describes it: dates, goal and state; a
 * sprint without a state is closed once completed, active once started, else future.
 */
export function sprintWithDetails(entry: SprintFieldEntry): ImportedSprint {
  return {
    externalId: entry.id,
    name: cleanText(entry.name, LIMITS.sprintName),
    start: entry.start,
    end: entry.end,
    completedAt: entry.completedAt,
    goal: cleanText(entry.goal, LIMITS.goal),
    state: entry.state ?? (entry.completedAt ? 'closed' : entry.start ? 'active' : 'future'),
    detailsKnown: true,
  };
}

function namedOnly(externalId: string | null, name: string): ImportedSprint {
  return {
    externalId,
    name: cleanText(name, LIMITS.sprintName) || `Sprint ${externalId ?? ''}`.trim(),
    start: null,
    end: null,
    completedAt: null,
    goal: '',
    state: 'future',
    detailsKnown: false,
  };
}

function splitList(value: string | null): string[] {
  if (value === null) return [];
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}
