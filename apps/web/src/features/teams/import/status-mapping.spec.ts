import type { ImportResult } from '@bearing/contracts';
import { describe, expect, it } from '@jest/globals';
import { formatOfFileName } from './import-format';
import { initialStatusChoices, statusMappingOf, unmappedStatuses } from './status-mapping';

function result(statuses: ImportResult['statuses']): ImportResult {
  return {
    items: 3,
    created: 3,
    updated: 0,
    unchanged: 0,
    sprints: { created: 0, updated: 0, unchanged: 0 },
    history: { statusChanges: 0, sprintChanges: 0, estimateChanges: 0 },
    statuses,
    unknownStatuses: statuses.filter((entry) => entry.stage === null).map((entry) => entry.status),
    storyPointsField: 'customfield_10016',
    sprintField: null,
    problems: [],
    metrics: { available: [], unavailable: [] },
  };
}

const DISCOVERED = result([
  { status: 'Done', stage: 'Done', items: 1 },
  { status: 'In Progress', stage: 'In Progress', items: 1 },
  { status: 'Blocked', stage: null, items: 1 },
]);

describe('status mapping', () => {
  it('starts from the stages the team workflow gives, unknown statuses unmapped', () => {
    const choices = initialStatusChoices(DISCOVERED);
    expect(choices).toEqual({ Done: 'Done', 'In Progress': 'In Progress', Blocked: '' });
    expect(unmappedStatuses(choices)).toEqual(['Blocked']);
  });

  it('sends only the statuses the user mapped or moved', () => {
    const choices = { ...initialStatusChoices(DISCOVERED), Blocked: 'In Progress' };
    expect(statusMappingOf(choices, DISCOVERED)).toEqual({ Blocked: 'In Progress' });
    const moved = { ...choices, 'In Progress': 'Review' };
    expect(statusMappingOf(moved, DISCOVERED)).toEqual({
      Blocked: 'In Progress',
      'In Progress': 'Review',
    });
  });

  it('sends nothing when the prefilled mapping is kept', () => {
    expect(statusMappingOf(initialStatusChoices(DISCOVERED), DISCOVERED)).toEqual({});
  });
});

describe('formatOfFileName', () => {
  it('guesses the format from the extension', () => {
    expect(formatOfFileName('Jira Export.CSV')).toBe('jira-csv');
    expect(formatOfFileName('search-page-1.json')).toBe('jira-json');
    expect(formatOfFileName('export')).toBe('jira-json');
  });
});
