import type { Sprint, SprintState } from '@bearing/contracts';
import type { FieldErrors } from '../../../components/field-errors';
import { blankFieldErrors } from '../../../components/required-fields';
import { dayOfInstant, endOfDayIn, startOfDayIn } from './sprint-dates';
import type { SprintSuggestion } from './sprint-suggestion';

/**
 * The sprint form's values: dates as `YYYY-MM-DD` days of the team's time zone (both inclusive),
 * as a date input gives them; '' is blank.
 */
export interface SprintDraft {
  name: string;
  start: string;
  end: string;
  goal: string;
  state: SprintState;
}

export function draftFromSuggestion(suggestion: SprintSuggestion): SprintDraft {
  return { ...suggestion, goal: '', state: 'future' };
}

export function draftFromSprint(sprint: Sprint, timeZone: string): SprintDraft {
  return {
    name: sprint.name,
    start: sprint.start === null ? '' : dayOfInstant(sprint.start, timeZone),
    end: sprint.end === null ? '' : dayOfInstant(sprint.end, timeZone),
    goal: sprint.goal,
    state: sprint.state,
  };
}

/**
 * What the form says before sending: a name, both dates (a sprint without dates cannot be
 * planned; only one imported without them may stay so), and an end not before the start — the
 * same rule the API applies to the instants, said here even when another field is wrong too.
 */
export function draftErrors(draft: SprintDraft, sprint?: Sprint): FieldErrors {
  const errors = blankFieldErrors(
    { name: draft.name },
    { name: 'Enter a name, such as “Sprint 42”' },
  );
  const undated = sprint !== undefined && sprint.start === null && sprint.end === null;
  const bothBlank = draft.start === '' && draft.end === '';
  if (!(undated && bothBlank)) {
    if (draft.start === '') errors.start = 'Enter the first day of the sprint';
    if (draft.end === '') errors.end = 'Enter the last day of the sprint';
  }
  if (draft.start !== '' && draft.end !== '' && draft.end < draft.start) {
    errors.end = 'Must not be before start';
  }
  return errors;
}

/** The body of `POST …/sprints`: the first instant of the first day to the last of the last. */
export function createSprintBody(draft: SprintDraft, timeZone: string) {
  return {
    name: draft.name,
    start: draft.start === '' ? null : startOfDayIn(draft.start, timeZone),
    end: draft.end === '' ? null : endOfDayIn(draft.end, timeZone),
    goal: draft.goal,
    state: draft.state,
  };
}

/**
 * The body of `PATCH …/sprints/:sprint`: only what changed, with the version the form started
 * from. Dates are compared as days, so an imported sprint keeps its exact start and end times
 * unless its day is changed.
 */
export function updateSprintBody(draft: SprintDraft, sprint: Sprint, timeZone: string) {
  const saved = draftFromSprint(sprint, timeZone);
  const created = createSprintBody(draft, timeZone);
  return {
    ...(draft.name !== saved.name ? { name: created.name } : {}),
    ...(draft.start !== saved.start ? { start: created.start } : {}),
    ...(draft.end !== saved.end ? { end: created.end } : {}),
    ...(draft.goal !== saved.goal ? { goal: created.goal } : {}),
    ...(draft.state !== saved.state ? { state: created.state } : {}),
    version: sprint.version,
  };
}
