import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JIRA_CSV_DEFAULT_DATE_FORMAT, PROBLEMS_MAX_LISTED } from '@bearing/contracts';
import { ImportFileError } from '../import-file.js';
import { readJiraCsv } from './jira-csv-reader.js';
import { readJiraJson } from './jira-json-reader.js';

const mapping = { dateFormat: JIRA_CSV_DEFAULT_DATE_FORMAT };

describe('the Jira readers’ caps', () => {
  let directory: string;
  let count = 0;
  const file = async (content: string) => {
    const name = path.join(directory, `export-${count++}`);
    await writeFile(name, content);
    return name;
  };
  const json = (issues: unknown[]) => file(JSON.stringify({ issues }));
  const jsonIssue = (index: number) => ({
    key: `CAP-${index + 1}`,
    fields: { status: { name: 'Done' }, created: '2024-01-01T00:00:00.000+0000' },
  });
  const csv = (rows: string[]) => file(`Issue key,Status,Created\n${rows.join('\n')}\n`);
  const csvRow = (index: number) => `CAP-${index + 1},Done,01/Jan/24 9:00 AM`;
  const range = (length: number) => Array.from({ length }, (_, index) => index);
  const refusal = (reading: Promise<unknown>) =>
    reading.then(
      () => undefined,
      (error: unknown) => {
        if (!(error instanceof ImportFileError)) throw error;
        return { reason: error.reason, truncated: error.truncated, problems: error.problems };
      },
    );

  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'bearing-jira-readers-'));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('read up to the issue cap and refuse the issue after it, JSON and CSV alike', async () => {
    expect(
      (await readJiraJson(await json(range(3).map(jsonIssue)), mapping, 3)).items,
    ).toHaveLength(3);
    expect(
      (await readJiraCsv(await csv(range(3).map(csvRow)), mapping, 'UTC', 3)).items,
    ).toHaveLength(3);
    const tooMany = {
      reason: 'too-many-issues',
      truncated: false,
      problems: [
        {
          message:
            'the file holds more than 3 issues, the most one import may hold: export and import the history in parts',
        },
      ],
    };
    expect(await refusal(readJiraJson(await json(range(4).map(jsonIssue)), mapping, 3))).toEqual(
      tooMany,
    );
    expect(await refusal(readJiraCsv(await csv(range(4).map(csvRow)), mapping, 'UTC', 3))).toEqual(
      tooMany,
    );
  });

  it('list the first 100 errors and stop at the 101st', async () => {
    const rows = range(PROBLEMS_MAX_LISTED + 50).map((index) => `CAP-${index + 1},Done,someday`);
    const refused = await refusal(readJiraCsv(await csv(rows), mapping, 'UTC'));
    expect(refused).toMatchObject({ reason: 'unreadable', truncated: true });
    expect(refused?.problems).toHaveLength(PROBLEMS_MAX_LISTED);
    expect(refused?.problems.at(-1)).toEqual({
      line: 101,
      key: 'CAP-100',
      message: `Created "someday" does not match the date format "${JIRA_CSV_DEFAULT_DATE_FORMAT}"`,
    });
    const exactly = await refusal(
      readJiraCsv(await csv(rows.slice(0, PROBLEMS_MAX_LISTED)), mapping, 'UTC'),
    );
    expect(exactly).toMatchObject({ reason: 'unreadable', truncated: false });
    expect(exactly?.problems).toHaveLength(PROBLEMS_MAX_LISTED);
  });
});
