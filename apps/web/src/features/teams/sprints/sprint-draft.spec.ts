import { describe, expect, it } from '@jest/globals';
import {
  createSprintBody,
  draftErrors,
  draftFromSprint,
  type SprintDraft,
  updateSprintBody,
} from './sprint-draft';
import { sprintOf } from './sprint-fixtures';

const DRAFT: SprintDraft = Object.freeze({
  name: 'Sprint 42',
  start: '2026-11-30',
  end: '2026-12-11',
  goal: '',
  state: 'future',
});

const IMPORTED = sprintOf(41, {
  start: '2026-11-16T08:00:00.000Z',
  end: '2026-11-27T16:00:00.000Z',
  source: 'jira',
  externalId: '41',
  version: 4,
});

describe('sprint draft', () => {
  it('sends the first instant of the first day and the last of the last, in the team’s zone', () => {
    expect(createSprintBody(DRAFT, 'Europe/Berlin')).toEqual({
      name: 'Sprint 42',
      start: '2026-11-29T23:00:00.000Z',
      end: '2026-12-11T22:59:59.999Z',
      goal: '',
      state: 'future',
    });
  });

  it('names the end when it comes before the start, and blank fields', () => {
    expect(draftErrors({ ...DRAFT, end: '2026-11-29' })).toEqual({
      end: 'Must not be before start',
    });
    expect(draftErrors({ ...DRAFT, name: ' ', start: '', end: '' })).toEqual({
      name: 'Enter a name, such as “Sprint 42”',
      start: 'Enter the first day of the sprint',
      end: 'Enter the last day of the sprint',
    });
    expect(draftErrors({ ...DRAFT, start: DRAFT.end })).toEqual({});
  });

  it('lets a sprint imported without dates keep none, but not lose one date', () => {
    const undated = sprintOf(50);
    expect(draftErrors({ ...DRAFT, start: '', end: '' }, undated)).toEqual({});
    expect(draftErrors({ ...DRAFT, end: '' }, undated)).toEqual({
      end: 'Enter the last day of the sprint',
    });
  });

  it('sends only what changed, so an imported sprint keeps its exact times', () => {
    const draft = draftFromSprint(IMPORTED, 'Europe/Berlin');
    expect(draft).toMatchObject({ start: '2026-11-16', end: '2026-11-27' });
    expect(updateSprintBody({ ...draft, name: 'Sprint 41b' }, IMPORTED, 'Europe/Berlin')).toEqual({
      name: 'Sprint 41b',
      version: 4,
    });
    expect(updateSprintBody({ ...draft, end: '2026-11-28' }, IMPORTED, 'Europe/Berlin')).toEqual({
      end: '2026-11-28T22:59:59.999Z',
      version: 4,
    });
  });
});
