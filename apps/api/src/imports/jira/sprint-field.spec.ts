import { describe, expect, it } from '@jest/globals';
import { readSprintField } from './sprint-field.js';

describe('readSprintField', () => {
  it('reads the greenhopper string form, names with commas and <null> included', () => {
    const badDates: string[] = [];
    const sprints = readSprintField(
      [
        'com.atlassian.greenhopper.service.sprint.Sprint@2f9a0c77[id=11,rapidViewId=5,state=ACTIVE,name=Sprint 11, the long one,goal=<null>,startDate=2015-11-30T09:00:00.000-05:00,endDate=2015-12-11T17:00:00.000-05:00,completeDate=<null>,sequence=11]',
      ],
      (message) => badDates.push(message),
    );
    expect(sprints).toEqual([
      {
        id: '11',
        name: 'Sprint 11, the long one',
        state: 'active',
        start: '2015-11-30T14:00:00.000Z',
        end: '2015-12-11T22:00:00.000Z',
        completedAt: null,
        goal: '',
      },
    ]);
    expect(badDates).toEqual([]);
  });

  it('reads the Cloud object form and reports a date it cannot read', () => {
    const badDates: string[] = [];
    const sprints = readSprintField(
      [{ id: 7, name: 'S7', state: 'closed', boardId: 1, startDate: 'soon', endDate: null }],
      (message) => badDates.push(message),
    );
    expect(sprints?.[0]).toMatchObject({ id: '7', state: 'closed', start: null, end: null });
    expect(badDates).toEqual(['sprint "S7" has an unparseable startDate: "soon"']);
  });

  it('says a value is not a sprint field', () => {
    const ignore = () => undefined;
    expect(readSprintField([{ self: 'x', value: 'Red', id: '1' }], ignore)).toBeUndefined();
    expect(readSprintField(['plain label'], ignore)).toBeUndefined();
    expect(readSprintField(null, ignore)).toEqual([]);
  });
});
