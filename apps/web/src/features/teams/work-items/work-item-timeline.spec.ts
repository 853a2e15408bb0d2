import type { WorkItemDetail } from '@bearing/contracts';
import { describe, expect, it } from '@jest/globals';
import { timelineOf } from './work-item-timeline';

const SPRINT = '00000000-0000-4000-8000-000000000901';

const ITEM: WorkItemDetail = {
  id: '00000000-0000-4000-8000-000000000801',
  key: 'PAY-1',
  source: 'jira',
  type: 'Story',
  title: 'Card payments',
  points: 5,
  createdAt: '2024-03-01T09:00:00.000Z',
  status: 'Done',
  resolvedAt: '2024-03-07T23:30:00.000Z',
  parentKey: null,
  hasHistory: true,
  sprintIds: [SPRINT],
  url: null,
  initialStatus: 'To Do',
  initialPoints: 3,
  statusChanges: [
    { at: '2024-03-04T08:30:00.000Z', from: 'To Do', to: 'In Progress' },
    { at: '2024-03-07T23:30:00.000Z', from: 'In Progress', to: 'Done' },
  ],
  sprintChanges: [{ at: '2024-03-04T08:30:00.000Z', sprintId: SPRINT, change: 'added' }],
  estimateChanges: [{ at: '2024-03-02T10:00:00.000Z', points: 5 }],
};

describe('timelineOf', () => {
  it('merges status, sprint and estimate changes oldest first', () => {
    expect(timelineOf(ITEM)).toEqual([
      { at: '2024-03-02T10:00:00.000Z', kind: 'estimate', text: '3 points → 5 points' },
      { at: '2024-03-04T08:30:00.000Z', kind: 'status', text: 'To Do → In Progress' },
      {
        at: '2024-03-04T08:30:00.000Z',
        kind: 'sprint',
        text: 'Added to sprint',
        sprintId: SPRINT,
      },
      { at: '2024-03-07T23:30:00.000Z', kind: 'status', text: 'In Progress → Done' },
    ]);
  });

  it('says when an estimate is cleared', () => {
    const cleared = {
      ...ITEM,
      estimateChanges: [{ at: '2024-03-02T10:00:00.000Z', points: null }],
    };
    expect(timelineOf(cleared)[0]?.text).toBe('3 points → unestimated');
  });
});
