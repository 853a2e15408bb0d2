import { Readable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { JIRA_CSV_DEFAULT_DATE_FORMAT } from '@bearing/contracts';
import { readJiraJson } from './jira-json-reader.js';

const mapping = { dateFormat: JIRA_CSV_DEFAULT_DATE_FORMAT };
const SPRINT = 'customfield_10020';

/** A sprint move in a changelog, as Jira records it: ids in `from`/`to`, names in the strings. */
const sprintMove = (
  created: string,
  move: { from?: string; fromName?: string; to?: string; toName?: string },
) => ({
  created,
  items: [
    {
      field: 'Sprint',
      fieldId: SPRINT,
      from: move.from ?? null,
      fromString: move.fromName ?? null,
      to: move.to ?? null,
      toString: move.toName ?? null,
    },
  ],
});

const issue = (key: string, histories: unknown[]) => ({
  key,
  fields: {
    status: { name: 'Done' },
    created: '2024-01-01T09:00:00.000+0000',
    [SPRINT]: null,
  },
  changelog: { startAt: 0, maxResults: histories.length, total: histories.length, histories },
});

const read = (issues: unknown[]) =>
  readJiraJson(
    Readable.from([Buffer.from(JSON.stringify({ names: { [SPRINT]: 'Sprint' }, issues }))]),
    mapping,
  );

describe('sprints the Jira JSON reader knows only from changelogs', () => {
  // One changelog names the sprint by id and name, another (an older Jira, or an entry written by
  // an automation) by name only: it is one sprint, whichever issue comes first in the file.
  it.each([
    ['the id first', ['BY-ID', 'BY-NAME']],
    ['the name first', ['BY-NAME', 'BY-ID']],
  ])('are one sprint when one names it by id and another by name only (%s)', async (_, order) => {
    const issues = {
      'BY-ID': issue('BY-ID', [
        sprintMove('2024-01-02T09:00:00.000+0000', { to: '42', toName: 'Sprint 9' }),
        sprintMove('2024-01-05T09:00:00.000+0000', { from: '42', fromName: 'Sprint 9' }),
      ]),
      'BY-NAME': issue('BY-NAME', [
        sprintMove('2024-01-03T09:00:00.000+0000', { toName: 'Sprint 9' }),
      ]),
    };
    const file = await read(order.map((key) => issues[key as keyof typeof issues]));

    expect([...file.sprints.entries()]).toEqual([
      ['id:42', expect.objectContaining({ externalId: '42', name: 'Sprint 9' })],
    ]);
    const byName = file.items.find((item) => item.key === 'BY-NAME');
    expect(byName?.sprints).toEqual(['id:42']);
    expect(byName?.sprintChanges).toEqual([
      { at: '2024-01-03T09:00:00.000Z', sprint: 'id:42', change: 'added' },
    ]);
    const byId = file.items.find((item) => item.key === 'BY-ID');
    expect(byId?.sprintChanges.map((change) => change.sprint)).toEqual(['id:42', 'id:42']);
  });

  it('keeps a sprint named only by name as its own when no id of that name is known', async () => {
    const file = await read([
      issue('ONLY', [sprintMove('2024-01-03T09:00:00.000+0000', { toName: 'Sprint 7' })]),
    ]);
    expect([...file.sprints.keys()]).toEqual(['name:Sprint 7']);
    expect(file.items[0]?.sprints).toEqual(['name:Sprint 7']);
  });
});
