import { describe, expect, it } from '@jest/globals';
import { deepFreeze, workflow, workItem } from '../../test/flow-fixtures.js';
import { cycleTime, leadTime, stageEntryDays } from '../index.js';

describe('stageEntryDays', () => {
  it('records the first day of each stage and back-fills a skipped stage', () => {
    const item = workItem('A-1', '2024-01-01T09:00:00Z', 'To Do', [
      ['2024-01-02T10:00:00Z', 'Ready'],
      ['2024-01-03T10:00:00Z', 'In Progress'],
      ['2024-01-08T16:00:00Z', 'Done'],
    ]);
    expect(stageEntryDays(item, workflow)).toEqual({
      Backlog: '2024-01-01',
      Ready: '2024-01-02',
      Doing: '2024-01-03',
      Review: '2024-01-08',
      Done: '2024-01-08',
    });
  });

  it('keeps the stages in workflow order', () => {
    const item = workItem('A-1', '2024-01-01T09:00:00Z', 'To Do', []);
    expect(Object.keys(stageEntryDays(item, workflow))).toEqual([
      'Backlog',
      'Ready',
      'Doing',
      'Review',
      'Done',
    ]);
  });

  it('gives every stage the done day when the item jumps straight to done', () => {
    const item = workItem('A-2', '2024-01-01T09:00:00Z', 'To Do', [
      ['2024-01-05T12:00:00Z', 'Closed'],
    ]);
    expect(stageEntryDays(item, workflow)).toEqual({
      Backlog: '2024-01-01',
      Ready: '2024-01-05',
      Doing: '2024-01-05',
      Review: '2024-01-05',
      Done: '2024-01-05',
    });
  });

  it('undoes later progress on a backward move but keeps the first entry of the earlier stage', () => {
    const item = workItem('A-3', '2024-01-01T09:00:00Z', 'To Do', [
      ['2024-01-02T09:00:00Z', 'In Progress'],
      ['2024-01-04T09:00:00Z', 'In Review'],
      ['2024-01-05T09:00:00Z', 'In Progress'], // back: Review is cleared
      ['2024-01-07T09:00:00Z', 'In Review'],
      ['2024-01-09T09:00:00Z', 'Done'],
    ]);
    expect(stageEntryDays(item, workflow)).toEqual({
      Backlog: '2024-01-01',
      Ready: '2024-01-02',
      Doing: '2024-01-02',
      Review: '2024-01-07',
      Done: '2024-01-09',
    });
  });

  it('treats a reopened item as not done until it is done again', () => {
    const reopened = workItem('A-4', '2024-01-01T09:00:00Z', 'To Do', [
      ['2024-01-02T09:00:00Z', 'In Progress'],
      ['2024-01-05T09:00:00Z', 'Done'],
      ['2024-01-06T09:00:00Z', 'In Progress'],
    ]);
    expect(stageEntryDays(reopened, workflow)).toMatchObject({ Doing: '2024-01-02', Done: null });
    expect(cycleTime(reopened, workflow)).toBeNull();

    const doneAgain = deepFreeze({
      ...reopened,
      changes: [...reopened.changes, { at: '2024-01-10T09:00:00Z', to: 'Done' }],
    });
    expect(stageEntryDays(doneAgain, workflow)).toMatchObject({
      Doing: '2024-01-02',
      Review: '2024-01-10',
      Done: '2024-01-10',
    });
    expect(cycleTime(doneAgain, workflow)).toBe(8);
  });

  it('ignores statuses no stage maps', () => {
    const item = workItem('A-5', '2024-01-01T09:00:00Z', 'To Do', [
      ['2024-01-02T09:00:00Z', 'In Progress'],
      ['2024-01-03T09:00:00Z', 'Blocked'],
      ['2024-01-06T09:00:00Z', 'In Review'],
      ['2024-01-07T09:00:00Z', 'Won’t Do'],
    ]);
    expect(stageEntryDays(item, workflow)).toEqual({
      Backlog: '2024-01-01',
      Ready: '2024-01-02',
      Doing: '2024-01-02',
      Review: '2024-01-06',
      Done: null,
    });
  });

  it('back-fills the backlog when the initial status is unmapped', () => {
    const item = workItem('A-6', '2024-01-01T09:00:00Z', 'Triage', [
      ['2024-01-03T09:00:00Z', 'Ready'],
    ]);
    expect(stageEntryDays(item, workflow)).toEqual({
      Backlog: '2024-01-03',
      Ready: '2024-01-03',
      Doing: null,
      Review: null,
      Done: null,
    });
  });

  it('leaves everything after the backlog empty for an item never committed', () => {
    const item = workItem('A-7', '2024-01-01T09:00:00Z', 'Open', [
      ['2024-01-03T09:00:00Z', 'Blocked'],
    ]);
    expect(stageEntryDays(item, workflow)).toEqual({
      Backlog: '2024-01-01',
      Ready: null,
      Doing: null,
      Review: null,
      Done: null,
    });
  });

  it('applies changes in time order, whatever order they are listed in', () => {
    const ordered = workItem('A-8', '2024-01-01T09:00:00Z', 'To Do', [
      ['2024-01-02T09:00:00Z', 'In Progress'],
      ['2024-01-03T09:00:00Z', 'In Review'],
      ['2024-01-04T09:00:00Z', 'In Progress'],
      ['2024-01-05T09:00:00Z', 'Done'],
    ]);
    const shuffled = deepFreeze({
      ...ordered,
      changes: [3, 1, 0, 2].map((index) => ordered.changes[index]!),
    });
    expect(stageEntryDays(shuffled, workflow)).toEqual(stageEntryDays(ordered, workflow));
    expect(stageEntryDays(shuffled, workflow)).toMatchObject({ Review: '2024-01-05' });
  });

  it('turns instants near midnight into days of the timeZone option', () => {
    const item = workItem('A-9', '2024-03-01T23:30:00Z', 'To Do', [
      ['2024-03-04T23:30:00.000-0500', 'In Progress'], // Jira's offset format
      ['2024-03-10T23:10:00+01:00', 'Done'],
    ]);
    expect(stageEntryDays(item, workflow)).toMatchObject({
      Backlog: '2024-03-01',
      Doing: '2024-03-05',
      Done: '2024-03-10',
    });
    expect(stageEntryDays(item, workflow, { timeZone: 'Europe/Berlin' })).toMatchObject({
      Backlog: '2024-03-02',
      Doing: '2024-03-05',
      Done: '2024-03-10',
    });
    expect(stageEntryDays(item, workflow, { timeZone: 'America/New_York' })).toMatchObject({
      Backlog: '2024-03-01',
      Doing: '2024-03-04',
      Done: '2024-03-10',
    });
  });

  it('names an invalid instant or time zone', () => {
    const badChange = workItem('A-10', '2024-01-01T09:00:00Z', 'To Do', [['soon', 'Done']]);
    expect(() => stageEntryDays(badChange, workflow)).toThrow(RangeError);
    expect(() => stageEntryDays(badChange, workflow)).toThrow(/changes/);
    const badCreated = workItem('A-11', 'yesterday', 'To Do', []);
    expect(() => stageEntryDays(badCreated, workflow)).toThrow(/createdAt/);
    const fine = workItem('A-12', '2024-01-01T09:00:00Z', 'To Do', []);
    expect(() => stageEntryDays(fine, workflow, { timeZone: 'Mars/Olympus' })).toThrow(/timeZone/);
  });
});

describe('stageEntryDays with a change stamped before createdAt', () => {
  it('counts the change as happening at createdAt, after the initial status', () => {
    const skewed = workItem('S-1', '2024-01-02T00:00:00Z', 'To Do', [
      ['2024-01-01T23:59:00Z', 'In Progress'],
      ['2024-01-04T09:00:00Z', 'Done'],
    ]);
    expect(stageEntryDays(skewed, workflow)).toEqual({
      Backlog: '2024-01-02',
      Ready: '2024-01-02',
      Doing: '2024-01-02',
      Review: '2024-01-04',
      Done: '2024-01-04',
    });
  });

  it('sorts such changes by their real time before moving them to createdAt', () => {
    // Both changes predate creation; In Progress (08:00) happened before Done (09:00), so the
    // item is done on its creation day whichever way the list is written.
    const created = '2024-05-02T10:00:00Z';
    const doneFirstInList = workItem('S-2', created, 'To Do', [
      ['2024-05-02T09:00:00Z', 'Done'],
      ['2024-05-02T08:00:00Z', 'In Progress'],
    ]);
    const inTimeOrder = workItem('S-3', created, 'To Do', [
      ['2024-05-02T08:00:00Z', 'In Progress'],
      ['2024-05-02T09:00:00Z', 'Done'],
    ]);
    for (const item of [doneFirstInList, inTimeOrder]) {
      expect(stageEntryDays(item, workflow)).toEqual({
        Backlog: '2024-05-02',
        Ready: '2024-05-02',
        Doing: '2024-05-02',
        Review: '2024-05-02',
        Done: '2024-05-02',
      });
      expect(cycleTime(item, workflow)).toBe(0);
      expect(leadTime(item, workflow)).toBe(0);
    }
  });
});

describe('stageEntryDays with a long history', () => {
  it('handles more changes than its scratch buffers first hold, in any order', () => {
    // 35 rounds of review sent back (70 changes), then done, listed newest first
    const hour = 3_600_000;
    const start = Date.parse('2024-01-02T00:00:00Z');
    const changes: [string, string][] = [];
    for (let round = 0; round < 35; round++) {
      changes.push([new Date(start + 2 * round * hour).toISOString(), 'In Progress']);
      changes.push([new Date(start + (2 * round + 1) * hour).toISOString(), 'In Review']);
    }
    changes.push(['2024-01-05T10:00:00Z', 'Done']);
    const item = workItem('H-1', '2024-01-01T09:00:00Z', 'To Do', [...changes].reverse());
    // Doing first entered at 00:00 on the 2nd; the last review starts at hour 69 (the 4th, 21:00)
    expect(stageEntryDays(item, workflow)).toEqual({
      Backlog: '2024-01-01',
      Ready: '2024-01-02',
      Doing: '2024-01-02',
      Review: '2024-01-04',
      Done: '2024-01-05',
    });
    expect(cycleTime(item, workflow)).toBe(3);
    // a short item scanned afterwards is not disturbed by the grown buffers
    const short = workItem('H-2', '2024-01-01T09:00:00Z', 'To Do', [
      ['2024-01-03T09:00:00Z', 'Done'],
    ]);
    expect(cycleTime(short, workflow)).toBe(0);
  });
});
