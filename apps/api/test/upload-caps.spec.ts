import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  IMPORT_MAX_ISSUES,
  importJobPageSchema,
  METRIC_POINTS_MAX_PER_UPLOAD,
  PROBLEMS_MAX_LISTED,
  problemSchema,
} from '@bearing/contracts';
import { WorkerPool } from '../src/common/worker-pool/worker-pool.js';
import {
  type Browser,
  createMember,
  createUser,
  createWorkspace,
  signIn,
  type TestWorkspace,
} from './support/factories.js';
import { countDeliveryRows, createTeam, uploadImport } from './support/delivery-factories.js';
import { createMetric, storedPoints } from './support/okr-factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** The uploads here run to hundreds of thousands of rows: more than the default 30 s when busy. */
const BIG = 120_000;

const START = Date.parse('2020-01-01T00:00:00Z');
const instant = (index: number) => new Date(START + index * 60_000).toISOString();
const lines = (count: number, line: (index: number) => string) =>
  Array.from({ length: count }, (_, index) => line(index)).join('\n');

/**
 * The caps on uploads — the first one reached answers — and the worker threads that read them,
 * at their real values (PROBLEMS_MAX_LISTED = 100, METRIC_POINTS_MAX_PER_UPLOAD = 200,000,
 * IMPORT_MAX_ISSUES = 100,000).
 */
describe('upload caps, read off the event loop', () => {
  let testApp: TestApp;
  let workspace: TestWorkspace;
  let editor: Browser;
  const url = (path: string) => `/api/workspaces/${workspace.slug}/${path}`;
  const postCsv = (path: string, csv: string) =>
    editor.post(url(path)).set('Content-Type', 'text/csv').send(csv);

  beforeAll(async () => {
    testApp = await createTestApp();
    const admin = await createUser(testApp);
    workspace = await createWorkspace(testApp, admin);
    editor = await signIn(testApp, await createMember(testApp, workspace, 'editor'));
  });
  afterAll(async () => {
    await testApp.close();
  });

  describe('metric points', () => {
    it(
      'reads 200,000 rows, and refuses row 200,001 with a 413 naming the cap',
      async () => {
        expect(METRIC_POINTS_MAX_PER_UPLOAD).toBe(200_000);
        const metric = await createMetric(testApp, workspace);
        const good = (index: number) => `${instant(index)},${index}`;
        // Row 200,000 is bad: reading got there, so it is the one problem.
        const full = await postCsv(
          `metrics/${metric.key}/points`,
          `timestamp,value\n${lines(199_999, good)}\n${instant(199_999)},x\n`,
        ).expect(400);
        expect(problemSchema.parse(full.body).errors).toEqual([
          { path: 'line.200001.value', message: 'is not a number: "x"' },
        ]);

        const csv = await postCsv(
          `metrics/${metric.key}/points`,
          `timestamp,value\n${lines(200_001, good)}\n`,
        ).expect(413);
        expect(csv.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(problemSchema.parse(csv.body)).toMatchObject({
          type: 'https://bearing.dev/problems/too-many-rows',
          status: 413,
          detail: expect.stringContaining('more than 200,000 rows'),
        });

        const json = await editor
          .post(url('metric-points'))
          .send(
            Array.from({ length: 200_001 }, (_, index) => ({
              metric: metric.key,
              timestamp: instant(index),
              value: index,
            })),
          )
          .expect(413);
        expect(problemSchema.parse(json.body).type).toBe(
          'https://bearing.dev/problems/too-many-rows',
        );
        expect(await storedPoints(testApp, metric)).toEqual([]);
      },
      BIG,
    );

    it(
      'lists the first 100 problems and stops at the 101st, saying the list is truncated',
      async () => {
        expect(PROBLEMS_MAX_LISTED).toBe(100);
        const metric = await createMetric(testApp, workspace);
        const bad = (count: number) => `timestamp,value\n${lines(count, () => 'soon,1')}\n`;
        const timestampProblem = (line: number) => ({
          path: `line.${line}.timestamp`,
          message: 'is not an ISO-8601 timestamp with an offset or a date YYYY-MM-DD: "soon"',
        });

        const hundred = problemSchema.parse(
          (await postCsv(`metrics/${metric.key}/points`, bad(100)).expect(400)).body,
        );
        expect(hundred.errors).toEqual(
          Array.from({ length: 100 }, (_, i) => timestampProblem(i + 2)),
        );
        expect(hundred.truncated).toBeUndefined();
        expect(hundred.detail).toBe('100 entries are bad, so nothing was stored.');

        const more = problemSchema.parse(
          (await postCsv(`metrics/${metric.key}/points`, bad(101)).expect(400)).body,
        );
        expect(more.errors).toEqual(hundred.errors);
        expect(more.truncated).toBe(true);
        expect(more.detail).toBe(
          'Reading stopped at problem 101, so only the first 100 are listed; nothing was stored.',
        );

        // 300,000 bad rows: the problems cap is reached long before the rows cap, and answers.
        const huge = problemSchema.parse(
          (await postCsv(`metrics/${metric.key}/points`, bad(300_000)).expect(400)).body,
        );
        expect(huge).toMatchObject({ truncated: true, errors: hundred.errors });

        const json = problemSchema.parse(
          (
            await editor
              .post(url(`metrics/${metric.key}/points`))
              .send(Array.from({ length: 150 }, () => ({ timestamp: 'soon', value: 1 })))
              .expect(400)
          ).body,
        );
        expect(json.errors?.map(({ path }) => path)).toEqual(
          Array.from({ length: 100 }, (_, index) => `${index}.timestamp`),
        );
        expect(json.truncated).toBe(true);
        expect(await storedPoints(testApp, metric)).toEqual([]);
      },
      BIG,
    );

    it('refuses a body over 20 MB with a 413 naming the limit', async () => {
      const metric = await createMetric(testApp, workspace);
      const response = await postCsv(
        `metrics/${metric.key}/points`,
        `timestamp,value\n${'2026-01-01,1\n'.repeat(1_700_000)}`,
      ).expect(413);
      expect(problemSchema.parse(response.body)).toMatchObject({
        type: 'https://bearing.dev/problems/upload-too-large',
        detail: expect.stringContaining('larger than 20 MB'),
      });
    });
  });

  describe('Jira imports', () => {
    const issue = (index: number) =>
      JSON.stringify({
        key: `BIG-${index + 1}`,
        fields: { status: { name: 'Done' }, created: '2024-01-01T00:00:00.000+0000' },
      });
    const search = (count: number, line: (index: number) => string = issue) =>
      Buffer.from(`{"issues":[${lines(count, line).replaceAll('\n', ',')}]}`);

    it(
      'refuses a file of more than 100,000 issues with a 413 naming the cap, and keeps the refusal in the history',
      async () => {
        expect(IMPORT_MAX_ISSUES).toBe(100_000);
        const team = await createTeam(testApp, workspace);
        const file = search(100_001);
        const before = await countDeliveryRows(testApp);
        for (const dryRun of [true, false]) {
          const response = await uploadImport(editor, workspace, team, { file, dryRun }).expect(
            413,
          );
          expect(problemSchema.parse(response.body)).toMatchObject({
            type: 'https://bearing.dev/problems/too-many-issues',
            status: 413,
            detail: expect.stringContaining('more than 100,000 issues'),
          });
        }
        // A CSV is counted the same way (jira-readers.spec.ts, with a small cap: reading 100,000
        // CSV rows takes seconds).
        expect(await countDeliveryRows(testApp)).toEqual({
          ...before,
          import_job: (before.import_job ?? 0) + 1,
        });
        const history = importJobPageSchema.parse(
          (await editor.get(url(`teams/${team.slug}/imports`)).expect(200)).body,
        );
        expect(history.items[0]?.result?.problems).toEqual([
          {
            message:
              'the file holds more than 100,000 issues, the most one import may hold: export and import the history in parts',
          },
        ]);
      },
      BIG,
    );

    it('lists the first 100 problems of a file and stops at the 101st', async () => {
      const team = await createTeam(testApp, workspace);
      const withoutKey = () => JSON.stringify({ fields: {} });
      const response = await uploadImport(editor, workspace, team, {
        file: search(500, withoutKey),
        dryRun: true,
      }).expect(400);
      const problem = problemSchema.parse(response.body);
      expect(problem.truncated).toBe(true);
      expect(problem.errors).toEqual(
        Array.from({ length: 100 }, (_, index) => ({
          path: 'file',
          message: `issue ${index + 1} of the file has no key`,
        })),
      );
      const hundred = problemSchema.parse(
        (
          await uploadImport(editor, workspace, team, {
            file: search(100, withoutKey),
            dryRun: true,
          }).expect(400)
        ).body,
      );
      expect(hundred.errors).toHaveLength(100);
      expect(hundred.truncated).toBeUndefined();
    });
  });

  it(
    'answers other requests while an upload is read on a worker thread',
    async () => {
      const pool = testApp.app.get(WorkerPool);
      const metric = await createMetric(testApp, workspace);
      // 200,000 rows, read to the end (the last is bad, so nothing is written).
      const csv = `timestamp,value\n${lines(199_999, (index) => `${instant(index)},${index}`)}\nx,1\n`;
      let settled = false;
      const upload = postCsv(`metrics/${metric.key}/points`, csv).then((response) => {
        settled = true;
        return response;
      });
      while (!settled && pool.tasksInFlight === 0) {
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      // Health answered from start to end while the reading was in flight: the HTTP thread was
      // free during it.
      let answeredDuringReading = 0;
      while (pool.tasksInFlight > 0) {
        const health = await testApp.http.get('/api/health');
        expect(health.status).toBe(200);
        if (pool.tasksInFlight > 0) answeredDuringReading++;
      }
      expect(answeredDuringReading).toBeGreaterThan(0);
      expect((await upload).status).toBe(400);
    },
    BIG,
  );
});
