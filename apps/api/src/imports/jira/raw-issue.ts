import type { ProblemLog } from '../import-file.js';
import { readSprintField, type SprintFieldEntry } from './sprint-field.js';
import {
  asArray,
  asId,
  asObject,
  asString,
  asText,
  ownValue,
  quoted,
  toUtcInstant,
} from './values.js';
import { cleanText, LIMITS } from './text-limits.js';

/** A changelog item the importer may need: status, sprint and custom-field changes. */
export type RawChange = {
  field: string;
  fieldId: string | null;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
};

/**
 * One issue of a search page, checked and reduced to what the import can use. Which custom
 * field holds story points or sprints may only be known once the whole file was read (from the
 * pages' `names`, or from changelog items), so candidates are kept: numeric custom fields and
 * custom fields that read as sprint fields.
 */
export type RawIssue = {
  key: string;
  type: string;
  title: string;
  status: string;
  createdAt: string;
  resolvedAt: string | null;
  parentKey: string | null;
  numbers: Map<string, number>;
  sprintValues: Map<string, { entries: SprintFieldEntry[]; badDates: string[] }>;
  /** Time-ordered changelog entries (ties keep the file's order). */
  histories: { at: string; items: RawChange[] }[];
  /** Set when Jira returned only part of the changelog. */
  truncated: { shown: number; total: number } | null;
};

/**
 * Reads one element of `issues`. Returns undefined (after logging an error) when the issue
 * cannot be used: no key, no status, or a date that is not a timestamp.
 */
export function readRawIssue(
  value: unknown,
  position: number,
  log: ProblemLog,
): RawIssue | undefined {
  const issue = asObject(value);
  const rawKey = issue && asText(issue.key);
  const key = rawKey === undefined ? undefined : asText(cleanText(rawKey, Number.MAX_SAFE_INTEGER));
  if (!issue || key === undefined) {
    log.error({ message: `issue ${position} of the file has no key` });
    return undefined;
  }
  if (key.length > LIMITS.key) {
    log.error({
      key: key.slice(0, 40),
      message: `the key is longer than ${LIMITS.key} characters`,
    });
    return undefined;
  }
  const fields = asObject(issue.fields);
  if (!fields) {
    log.error({ key, message: 'has no fields object' });
    return undefined;
  }
  let usable = true;
  const rawStatus = asText(asObject(fields.status)?.name);
  const status = rawStatus === undefined ? undefined : asText(cleanText(rawStatus, Infinity));
  if (status === undefined || status.length > LIMITS.status) {
    log.error({
      key,
      message: `has no status name (fields.status.name), got ${quoted(fields.status)}`,
    });
    usable = false;
  }
  const createdAt = instantField(fields.created, 'created', key, log, true);
  const resolvedAt = instantField(fields.resolutiondate, 'resolutiondate', key, log, false);
  const histories = readHistories(issue.changelog, key, log);
  if (!usable || createdAt === undefined || resolvedAt === undefined || !histories)
    return undefined;

  const numbers = new Map<string, number>();
  const sprintValues = new Map<string, { entries: SprintFieldEntry[]; badDates: string[] }>();
  for (const fieldId in fields) {
    if (!fieldId.startsWith('customfield_')) continue;
    const fieldValue = fields[fieldId];
    if (typeof fieldValue === 'number' && Number.isFinite(fieldValue)) {
      numbers.set(fieldId, fieldValue);
    } else if (fieldValue !== null && typeof fieldValue === 'object') {
      const badDates: string[] = [];
      const entries = readSprintField(fieldValue, (message) => badDates.push(message));
      if (entries && entries.length > 0) sprintValues.set(fieldId, { entries, badDates });
    }
  }
  const changelog = asObject(issue.changelog);
  const total = changelog?.total;
  const shown = histories.shownCount;
  return {
    key,
    type: cleanText(asText(asObject(fields.issuetype)?.name) ?? '', LIMITS.type),
    title: cleanText(asString(fields.summary) ?? '', LIMITS.title),
    status: cleanText(status as string, LIMITS.status),
    createdAt: createdAt as string,
    resolvedAt,
    parentKey: parentKeyOf(fields),
    numbers,
    sprintValues,
    histories: histories.entries,
    truncated: typeof total === 'number' && total > shown ? { shown, total } : null,
  };
}

/** Jira Cloud's `parent` (epics and sub-tasks); a too-long key is dropped. */
function parentKeyOf(fields: Record<string, unknown>): string | null {
  const parent = asText(asObject(fields.parent)?.key);
  return parent !== undefined && parent.length <= LIMITS.key ? cleanText(parent, LIMITS.key) : null;
}

/**
 * A timestamp field: undefined after logging an error when it cannot be read, null when
 * absent and optional.
 */
function instantField(
  value: unknown,
  field: string,
  key: string,
  log: ProblemLog,
  required: boolean,
): string | null | undefined {
  if (value === undefined || value === null || value === '') {
    if (!required) return null;
    log.error({ key, message: `has no ${field} date` });
    return undefined;
  }
  const instant = typeof value === 'string' ? toUtcInstant(value) : undefined;
  if (instant === undefined || !inSupportedRange(instant)) {
    log.error({ key, message: `${field} date ${quoted(value)} is not a timestamp with an offset` });
    return undefined;
  }
  return instant;
}

/** Years 1900–9999: what an export holds and Postgres stores without surprises. */
export function inSupportedRange(instant: string): boolean {
  const year = Number(instant.slice(0, 4));
  return year >= 1900 && year <= 9999;
}

function readHistories(
  value: unknown,
  key: string,
  log: ProblemLog,
): { entries: RawIssue['histories']; shownCount: number } | undefined {
  if (value === undefined || value === null) return { entries: [], shownCount: 0 };
  const histories = asArray(asObject(value)?.histories);
  if (!histories) {
    log.error({ key, message: 'changelog has no histories array' });
    return undefined;
  }
  const entries: RawIssue['histories'] = [];
  let usable = true;
  histories.forEach((history, index) => {
    const entry = asObject(history);
    const created = asString(entry?.created);
    const at = created === undefined ? undefined : toUtcInstant(created);
    if (at === undefined || !inSupportedRange(at)) {
      const id = asId(entry?.id) ?? String(index + 1);
      log.error({
        key,
        message: `changelog entry ${id} has an unparseable created date: ${quoted(entry?.created)}`,
      });
      usable = false;
      return;
    }
    const items: RawChange[] = [];
    for (const item of asArray(entry?.items) ?? []) {
      const change = asObject(item);
      const field = asString(change?.field);
      if (!change || field === undefined) continue;
      const fieldId = asString(change.fieldId) ?? null;
      const custom = change.fieldtype === 'custom' || fieldId?.startsWith('customfield_') === true;
      if (!custom && field !== 'status' && field.toLowerCase() !== 'status') continue;
      items.push({
        field,
        fieldId,
        from: asId(change.from) ?? null,
        fromString: asString(change.fromString) ?? null,
        to: asId(change.to) ?? null,
        toString: asString(ownValue(change, 'toString')) ?? null,
      });
    }
    if (items.length > 0) entries.push({ at, items });
  });
  if (!usable) return undefined;
  // Jira lists histories oldest first in most versions but not all; a stable sort keeps
  // simultaneous entries in the order given.
  entries.sort((first, second) => (first.at < second.at ? -1 : first.at > second.at ? 1 : 0));
  return { entries, shownCount: histories.length };
}
