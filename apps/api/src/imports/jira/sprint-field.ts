import type { SprintState } from '@bearing/contracts';
import { asId, asObject, asString, asText, quoted, toUtcInstantCached } from './values.js';

/** One sprint as Jira's sprint field describes it. */
export type SprintFieldEntry = {
  id: string;
  name: string;
  state: SprintState | null;
  start: string | null;
  end: string | null;
  completedAt: string | null;
  goal: string;
};

const GREENHOPPER = /^com\.atlassian\.greenhopper\.service\.sprint\.Sprint@[0-9a-fA-F]*\[(.*)\]$/s;
/** `,` followed by the next `key=` of the greenhopper form (names may hold commas). */
const GREENHOPPER_FIELD = /,(?=[A-Za-z]+=)/;

/**
 * Reads the value of Jira's sprint field in either form: Cloud's objects
 * `{ id, name, state, startDate, endDate, completeDate, goal }` or the older string
 * `com.atlassian.greenhopper.service.sprint.Sprint@…[id=…,name=…,startDate=…,…]`.
 * Returns undefined when the value is not a sprint field at all (used to find the field when
 * the export does not name it); `badDate` hears of each date that cannot be read.
 */
export function readSprintField(
  value: unknown,
  badDate: (message: string) => void,
): SprintFieldEntry[] | undefined {
  if (value === null || value === undefined) return [];
  const entries = Array.isArray(value) ? value : [value];
  const sprints: SprintFieldEntry[] = [];
  for (const entry of entries) {
    const sprint =
      typeof entry === 'string' ? fromGreenhopper(entry, badDate) : fromObject(entry, badDate);
    if (!sprint) return undefined;
    sprints.push(sprint);
  }
  return sprints;
}

function fromObject(value: unknown, badDate: (message: string) => void) {
  const object = asObject(value);
  const id = asId(object?.id);
  const name = asText(object?.name);
  if (!object || id === undefined || name === undefined) return undefined;
  // Sprint objects carry a state or a board; other custom objects with id and name do not.
  if (!('state' in object) && !('boardId' in object) && !('originBoardId' in object)) {
    return undefined;
  }
  return {
    id,
    name,
    state: stateOf(asString(object.state)),
    start: dateOf(object.startDate, 'startDate', name, badDate),
    end: dateOf(object.endDate, 'endDate', name, badDate),
    completedAt: dateOf(object.completeDate, 'completeDate', name, badDate),
    goal: asString(object.goal) ?? '',
  };
}

function fromGreenhopper(text: string, badDate: (message: string) => void) {
  const match = GREENHOPPER.exec(text.trim());
  if (!match) return undefined;
  const fields = new Map<string, string>();
  for (const part of (match[1] ?? '').split(GREENHOPPER_FIELD)) {
    const equals = part.indexOf('=');
    if (equals > 0) fields.set(part.slice(0, equals), part.slice(equals + 1));
  }
  const value = (key: string) => {
    const raw = fields.get(key);
    return raw === undefined || raw === '<null>' ? undefined : raw;
  };
  const id = asText(value('id'));
  const name = asText(value('name'));
  if (id === undefined || name === undefined) return undefined;
  return {
    id,
    name,
    state: stateOf(value('state')),
    start: dateOf(value('startDate'), 'startDate', name, badDate),
    end: dateOf(value('endDate'), 'endDate', name, badDate),
    completedAt: dateOf(value('completeDate'), 'completeDate', name, badDate),
    goal: value('goal') ?? '',
  };
}

const STATES: ReadonlyMap<string, SprintState> = new Map([
  ['future', 'future'],
  ['active', 'active'],
  ['closed', 'closed'],
]);

/** Cloud writes `closed`, the greenhopper form `CLOSED`. */
function stateOf(state: string | undefined): SprintState | null {
  return state === undefined ? null : (STATES.get(state.toLowerCase()) ?? null);
}

function dateOf(
  value: unknown,
  field: string,
  sprintName: string,
  badDate: (message: string) => void,
): string | null {
  if (value === undefined || value === null || value === '') return null;
  const text = asString(value);
  const instant = text === undefined ? undefined : toUtcInstantCached(text);
  if (instant === undefined) {
    badDate(`sprint ${quoted(sprintName)} has an unparseable ${field}: ${quoted(value)}`);
    return null;
  }
  return instant;
}
