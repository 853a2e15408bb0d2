import { describe, expect, it } from '@jest/globals';
import { deepFreeze, workflow, workItem } from '../../test/flow-fixtures.js';
import { cumulativeFlow, cycleTime, stageEntryDays, type Workflow } from '../index.js';

const item = workItem('V-1', '2024-01-01T09:00:00Z', 'To Do', []);

function variant(changes: Partial<Workflow>): Workflow {
  return deepFreeze({ ...workflow, ...changes });
}

describe('workflow validation', () => {
  it('names committedStage when the workflow has no such stage', () => {
    const bad = variant({ committedStage: 'Started' });
    expect(() => cycleTime(item, bad)).toThrow(RangeError);
    expect(() => cycleTime(item, bad)).toThrow(/committedStage/);
  });

  it('names doneStage when the workflow has no such stage', () => {
    const bad = variant({ doneStage: 'Shipped' });
    expect(() => stageEntryDays(item, bad)).toThrow(/doneStage/);
    expect(() => cumulativeFlow([item], bad, { from: '2024-01-01', to: '2024-01-02' })).toThrow(
      RangeError,
    );
  });

  it('rejects a committed stage after the done stage', () => {
    const bad = variant({ committedStage: 'Done', doneStage: 'Doing' });
    expect(() => cycleTime(item, bad)).toThrow(/committedStage/);
  });

  it('names workflow.stages when a status is mapped to two stages', () => {
    const bad = variant({
      stages: [
        { name: 'Backlog', statuses: ['To Do'] },
        { name: 'Doing', statuses: ['In Progress', 'To Do'] },
        { name: 'Done', statuses: ['Done'] },
      ],
    });
    expect(() => stageEntryDays(item, bad)).toThrow(RangeError);
    expect(() => stageEntryDays(item, bad)).toThrow(/workflow\.stages.*To Do/);
  });

  it('rejects duplicate stage names and an empty stage list', () => {
    const duplicate = variant({
      stages: [
        { name: 'Doing', statuses: ['To Do'] },
        { name: 'Doing', statuses: ['In Progress'] },
        { name: 'Done', statuses: ['Done'] },
      ],
    });
    expect(() => stageEntryDays(item, duplicate)).toThrow(/workflow\.stages/);
    expect(() => stageEntryDays(item, variant({ stages: [] }))).toThrow(/workflow\.stages/);
  });

  it('allows a status listed twice in the same stage', () => {
    const repeated = variant({
      stages: [
        { name: 'Backlog', statuses: ['To Do', 'To Do'] },
        { name: 'Doing', statuses: ['In Progress'] },
        { name: 'Done', statuses: ['Done'] },
      ],
    });
    expect(stageEntryDays(item, repeated)).toEqual({
      Backlog: '2024-01-01',
      Doing: null,
      Done: null,
    });
  });

  it('keeps a stage named __proto__ as an ordinary key', () => {
    const odd = variant({
      stages: [
        { name: '__proto__', statuses: ['To Do'] },
        { name: 'Doing', statuses: ['In Progress'] },
        { name: 'Done', statuses: ['Done'] },
      ],
    });
    const days = stageEntryDays(item, odd);
    expect(Object.keys(days)).toEqual(['__proto__', 'Doing', 'Done']);
    expect(Object.getPrototypeOf(days)).toBe(Object.prototype);
  });
});

describe('a workflow edited in place after use', () => {
  it('is compiled again instead of giving numbers from the old mapping', () => {
    const editable: Workflow = {
      stages: [
        { name: 'Backlog', statuses: ['To Do'] },
        { name: 'Doing', statuses: ['In Progress'] },
        { name: 'Done', statuses: ['Done'] },
      ],
      committedStage: 'Doing',
      doneStage: 'Done',
    };
    const history = workItem('E-1', '2024-01-01T09:00:00Z', 'To Do', [
      ['2024-01-02T09:00:00Z', 'Ready'],
      ['2024-01-05T09:00:00Z', 'In Progress'],
      ['2024-01-08T09:00:00Z', 'Done'],
    ]);
    expect(cycleTime(history, editable)).toBe(3);
    editable.stages[1]!.statuses.push('Ready'); // a what-if view maps Ready to Doing
    expect(cycleTime(history, editable)).toBe(6);
    editable.stages[1]!.statuses[1] = 'Blocked';
    expect(cycleTime(history, editable)).toBe(3);
    editable.committedStage = 'Backlog';
    expect(cycleTime(history, editable)).toBe(7);
    editable.stages = editable.stages.filter((stage) => stage.name !== 'Doing');
    expect(stageEntryDays(history, editable)).toEqual({
      Backlog: '2024-01-01',
      Done: '2024-01-08',
    });
  });
});
