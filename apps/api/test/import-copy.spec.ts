import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { binaryCopyRows, type CopyValue } from '../src/common/copy/binary-copy.js';
import { type Browser, createUser, createWorkspace, signIn } from './support/factories.js';
import { countDeliveryRows, createTeam, importFile } from './support/delivery-factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Imports write through COPY into staging tables and set-based upserts: the values arrive byte
 * for byte, a re-import writes no row at all, and a refused row anywhere stores nothing.
 */
describe('Jira import through COPY', () => {
  let testApp: TestApp;
  let admin: Browser;
  let workspace: Awaited<ReturnType<typeof createWorkspace>>;

  beforeAll(async () => {
    testApp = await createTestApp();
    const user = await createUser(testApp);
    workspace = await createWorkspace(testApp, user);
    admin = await signIn(testApp, user);
  }, 60_000);
  afterAll(async () => {
    await testApp.close();
  });

  /** Text a text-format COPY would get wrong unless escaped, and text outside Latin-1. */
  const TRICKY = [
    'tab\there',
    'new\nline and \r\n',
    'back\\slash \\N \\t \\\\',
    'quotes "double" \'single\' ""',
    'comma, semicolon; pipe|',
    'ünïcødé — 中文 — עברית',
    'emoji 🚀👩‍💻🏳️‍🌈',
    '',
  ];

  it('stores titles, statuses and numbers exactly as the file has them', async () => {
    const team = await createTeam(testApp, workspace);
    const issues = TRICKY.map((title, index) =>
      issue(index + 1, {
        title: title === '' ? 'x' : title,
        type: `Type ${title}`.trim(),
        status: index % 2 === 0 ? `Status "${index}" \\ \t ok` : 'Done',
        points: [0.1 + 0.2, 1e-7, 13, 2.5, null, 0.5, 100.25, 0][index] ?? null,
      }),
    );
    const job = await importFile(admin, workspace, team, { file: page(issues) });
    expect(job).toMatchObject({ status: 'completed' });
    expect(job.result).toMatchObject({ created: TRICKY.length, updated: 0, unchanged: 0 });

    const stored = await testApp.dataSource.query<
      { key: string; title: string; type: string; status: string; points: number | null }[]
    >(
      `SELECT key, title, type, status, points FROM work_item WHERE team_id = $1
        ORDER BY (substring(key FROM 5))::int`,
      [team.id],
    );
    expect(stored).toEqual(
      issues.map(({ key, fields }) => ({
        key,
        title: fields.summary,
        type: fields.issuetype.name,
        status: fields.status.name,
        points: fields.customfield_10016,
      })),
    );
    const changes = await testApp.dataSource.query<{ from_status: string; to_status: string }[]>(
      `SELECT change.from_status, change.to_status, change.at
         FROM work_item_status_change change JOIN work_item item ON item.id = change.work_item_id
        WHERE item.team_id = $1 AND item.key = 'CPY-1'`,
      [team.id],
    );
    expect(changes).toEqual([
      {
        from_status: 'To Do',
        to_status: 'Status "0" \\ \t ok',
        at: new Date('2024-03-05T10:15:30.123Z'),
      },
    ]);
  });

  it('writes no row on a re-import of the same file: no new version, no updated_at', async () => {
    const team = await createTeam(testApp, workspace);
    const file = page([1, 2, 3].map((number) => issue(number, { title: TRICKY[number]! })));
    const first = await importFile(admin, workspace, team, { file });
    expect(first.result).toMatchObject({ created: 3, updated: 0, unchanged: 0 });
    const before = await rowVersions(team.id);

    const again = await importFile(admin, workspace, team, { file });
    expect(again).toMatchObject({ status: 'completed' });
    expect(again.result).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 3,
      sprints: { created: 0, updated: 0, unchanged: 1 },
    });
    // xmin is the transaction that wrote the row version: unchanged means never rewritten.
    expect(await rowVersions(team.id)).toEqual(before);

    // One changed title: that item alone is written, with its history again.
    const changed = page(
      [1, 2, 3].map((number) =>
        issue(number, { title: number === 2 ? 'renamed' : TRICKY[number]! }),
      ),
    );
    const third = await importFile(admin, workspace, team, { file: changed });
    expect(third.result).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    const after = await rowVersions(team.id);
    expect(after.items.filter((row, index) => row !== before.items[index])).toEqual([
      expect.stringMatching(/^CPY-2 /),
    ]);
    const untouched = (rows: string[]) => rows.filter((row) => !row.startsWith('CPY-2 '));
    expect(untouched(after.history)).toEqual(untouched(before.history));
    expect(after.history.filter((row) => row.startsWith('CPY-2 '))).toHaveLength(3);
  });

  it('stores nothing when the last history row of the file is refused', async () => {
    const team = await createTeam(testApp, workspace);
    const file = page([1, 2, 3, 4].map((number) => issue(number, { title: `Item ${number}` })));
    // The database refuses the status change of the last issue: every item and every other
    // history row of the import was already written in the same transaction.
    await testApp.dataSource.query(`
      CREATE FUNCTION refuse_last_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (SELECT key FROM work_item WHERE id = NEW.work_item_id) = 'CPY-4' THEN
          RAISE EXCEPTION 'refused for the test';
        END IF;
        RETURN NEW;
      END $$`);
    await testApp.dataSource.query(
      `CREATE TRIGGER refuse_last_change AFTER INSERT ON work_item_status_change
         FOR EACH ROW EXECUTE FUNCTION refuse_last_change()`,
    );
    try {
      const before = await countDeliveryRows(testApp);
      const job = await importFile(admin, workspace, team, { file });
      expect(job).toMatchObject({ status: 'failed', progress: 0 });
      expect(job.result?.problems.at(-1)?.message).toBe(
        'the database refused the import (SQLSTATE P0001); nothing was stored',
      );
      expect(await countDeliveryRows(testApp)).toEqual({
        ...before,
        import_job: before.import_job! + 1,
      });
    } finally {
      await testApp.dataSource.query(`DROP TRIGGER refuse_last_change ON work_item_status_change`);
      await testApp.dataSource.query(`DROP FUNCTION refuse_last_change()`);
    }
    // The same file imports whole once nothing refuses it.
    const job = await importFile(admin, workspace, team, { file });
    expect(job.result).toMatchObject({ created: 4 });
  });

  it('encodes binary COPY rows PostgreSQL reads back exactly', async () => {
    const long = 'long field 🚀 '.repeat(40_000);
    const rows: CopyValue[][] = [
      [
        '00000000-0000-0000-0000-000000000000',
        'a\tb\nc\\d"e',
        -0.5,
        0,
        false,
        '1999-12-31T23:59:59.999Z',
      ],
      [
        'ffffffff-ffff-ffff-ffff-ffffffffffff',
        long,
        1e300,
        -2147483648,
        true,
        '2000-01-01T00:00:00.000Z',
      ],
      [
        '0193A2B4-1111-7222-8333-444455556666',
        '',
        null,
        2147483647,
        null,
        '1900-02-28T12:34:56.789Z',
      ],
      [null, null, Number.MIN_VALUE, null, true, null],
      ['0193a2b4-1111-7222-8333-444455556666', 'x', 0.1 + 0.2, 7, true, '2262-04-11T23:47:16.854Z'],
    ];
    const runner = testApp.dataSource.createQueryRunner();
    try {
      await runner.startTransaction();
      const client = (await runner.connect()) as pg.PoolClient;
      await client.query(
        `CREATE TEMPORARY TABLE copied (u uuid, t text, f float8, i int4, b bool, at timestamptz)
           ON COMMIT DROP`,
      );
      await pipeline(
        Readable.from(
          binaryCopyRows(['uuid', 'text', 'float8', 'int4', 'bool', 'timestamptz'], rows),
        ),
        client.query(copyFrom('COPY copied FROM STDIN WITH (FORMAT binary)')),
      );
      const read = await client.query<{
        u: string;
        t: string;
        f: number;
        i: number;
        b: boolean;
        at: string;
      }>(
        `SELECT u::text, t, f, i, b, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at
           FROM copied`,
      );
      expect(read.rows.map((row) => Object.values(row))).toEqual(
        rows.map(([uuid, ...rest]) => [
          typeof uuid === 'string' ? uuid.toLowerCase() : uuid,
          ...rest,
        ]),
      );
      await runner.rollbackTransaction();
    } finally {
      await runner.release();
    }
  });

  /** Each item and history row of the team as `key xmin updated_at`, in key order. */
  async function rowVersions(teamId: string): Promise<{ items: string[]; history: string[] }> {
    const items = await testApp.dataSource.query<{ row: string }[]>(
      `SELECT key || ' ' || xmin::text || ' ' || updated_at::text AS row FROM work_item
        WHERE team_id = $1 ORDER BY key`,
      [teamId],
    );
    const history = await testApp.dataSource.query<{ row: string }[]>(
      `SELECT item.key || ' ' || tableoid::regclass::text || ' ' || change.xmin::text AS row
         FROM (SELECT tableoid, xmin, work_item_id FROM work_item_status_change
               UNION ALL SELECT tableoid, xmin, work_item_id FROM work_item_sprint_change
               UNION ALL SELECT tableoid, xmin, work_item_id FROM work_item_estimate_change) change
         JOIN work_item item ON item.id = change.work_item_id
        WHERE item.team_id = $1 ORDER BY 1`,
      [teamId],
    );
    const sprints = await testApp.dataSource.query<{ row: string }[]>(
      `SELECT name || ' ' || xmin::text || ' ' || version::text AS row FROM sprint
        WHERE team_id = $1 ORDER BY name`,
      [teamId],
    );
    return {
      items: items.map(({ row }) => row),
      history: [...history, ...sprints].map(({ row }) => row),
    };
  }
});

type Issue = ReturnType<typeof issue>;

/**
 * Issue CPY-n of a /rest/api/3/search/jql page: created, added to one sprint, re-estimated,
 * moved from To Do to its status.
 */
function issue(
  number: number,
  {
    title,
    type = 'Story',
    status = 'Done',
    points = 3,
  }: { title: string; type?: string; status?: string; points?: number | null },
) {
  const sprint = {
    id: 77,
    name: 'CPY Sprint 1',
    state: 'closed',
    boardId: 7,
    goal: 'Goal',
    startDate: '2024-03-04T08:00:00.000Z',
    endDate: '2024-03-15T17:00:00.000Z',
    completeDate: '2024-03-15T16:00:00.000Z',
  };
  return {
    id: String(50_000 + number),
    self: `https://copy.atlassian.net/rest/api/3/issue/${50_000 + number}`,
    key: `CPY-${number}`,
    changelog: {
      startAt: 0,
      maxResults: 3,
      total: 3,
      histories: [
        {
          id: `${number}1`,
          created: '2024-03-04T09:00:00.000+0100',
          items: [
            {
              field: 'Sprint',
              fieldtype: 'custom',
              fieldId: 'customfield_10020',
              from: '',
              fromString: '',
              to: '77',
              toString: 'CPY Sprint 1',
            },
          ],
        },
        {
          id: `${number}2`,
          created: '2024-03-04T10:00:00.000+0100',
          items: [
            {
              field: 'Story point estimate',
              fieldtype: 'custom',
              fieldId: 'customfield_10016',
              fromString: '1',
              toString: points === null ? '' : String(points),
            },
          ],
        },
        {
          id: `${number}3`,
          created: '2024-03-05T11:15:30.123+0100',
          items: [
            {
              field: 'status',
              fieldtype: 'jira',
              fieldId: 'status',
              fromString: 'To Do',
              toString: status,
            },
          ],
        },
      ],
    },
    fields: {
      summary: title,
      issuetype: { id: '10001', name: type, subtask: false },
      status: { name: status, id: '10001' },
      created: '2024-03-01T09:00:00.000+0100',
      updated: '2024-03-05T11:15:30.123+0100',
      resolutiondate: null,
      customfield_10016: points,
      customfield_10020: [sprint],
    },
  };
}

function page(issues: Issue[]): Buffer {
  return Buffer.from(JSON.stringify({ issues, isLast: true }));
}
