import { DEFAULT_TEAM_WORKFLOW, type JiraSource } from '@bearing/contracts';
import { describe, expect, it } from '@jest/globals';
import { intervalLabel, requestOf, statusRowsOf, valuesOf } from './source-draft';

const source: JiraSource = {
  id: '00000000-0000-4000-8000-0000000000f1',
  teamId: '00000000-0000-4000-8000-0000000000f2',
  connectionId: '00000000-0000-4000-8000-0000000000e1',
  boardId: 7,
  storyPointsField: 'customfield_10016',
  statuses: { Blocked: 'In Progress' },
  intervalMinutes: 60,
  enabled: false,
  state: 'ok',
  lastSyncAt: null,
  lastError: null,
  failingSince: null,
  retryAt: null,
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  version: 1,
};

describe('the Source tab draft', () => {
  it('starts from the workflow and the saved mapping, listing statuses the workflow lacks after it', () => {
    const values = valuesOf(source, DEFAULT_TEAM_WORKFLOW, 'other');
    expect(values).toMatchObject({
      connectionId: source.connectionId,
      jql: '',
      boardId: '7',
      storyPointsField: 'customfield_10016',
      intervalMinutes: 60,
      enabled: false,
    });
    expect(values.statuses.Blocked).toBe('In Progress');
    expect(values.statuses['In Review']).toBe('Review');
    const rows = statusRowsOf(DEFAULT_TEAM_WORKFLOW, { ...values.statuses, Parked: '' });
    expect(rows.at(-2)).toEqual({ status: 'Blocked', stage: null });
    expect(rows.at(-1)).toEqual({ status: 'Parked', stage: null });
    expect(rows.find((row) => row.status === 'Done')).toEqual({ status: 'Done', stage: 'Done' });
  });

  it('sends JQL and board only when given, and no status left without a stage', () => {
    const values = {
      ...valuesOf(null, DEFAULT_TEAM_WORKFLOW, 'c1'),
      jql: 'project = PAY',
      boardId: ' ',
      statuses: { 'To Do': 'Backlog', Parked: '' },
    };
    expect(requestOf(values)).toEqual({
      connectionId: 'c1',
      jql: 'project = PAY',
      storyPointsField: null,
      statuses: { 'To Do': 'Backlog' },
      intervalMinutes: 30,
      enabled: true,
    });
    expect(requestOf({ ...values, jql: '', boardId: '42' })).toMatchObject({ boardId: 42 });
    expect(requestOf({ ...values, boardId: '4x' })).toMatchObject({ boardId: '4x' });
  });

  it('writes intervals as people read them', () => {
    expect([15, 30, 60, 90, 1440].map(intervalLabel)).toEqual([
      '15 min',
      '30 min',
      '1 h',
      '90 min',
      '24 h',
    ]);
  });
});
