import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { metricPointsImportSchema, metricSchema, problemSchema } from '@bearing/contracts';
import {
  type Browser,
  countRows,
  createMember,
  createToken,
  createUser,
  createWorkspace,
  signIn,
  type TestWorkspace,
} from './support/factories.js';
import { createMetric, insertPoints, pinToday, storedPoints } from './support/okr-factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('metric points', () => {
  let testApp: TestApp;
  let workspace: TestWorkspace;
  let editorBrowser: Browser;
  const url = (path: string) => `/api/workspaces/${workspace.slug}/${path}`;
  const postCsv = (path: string, csv: string) =>
    editorBrowser.post(url(path)).set('Content-Type', 'text/csv').send(csv);
  const fieldErrors = (body: unknown) => problemSchema.parse(body).errors ?? [];

  beforeAll(async () => {
    testApp = await createTestApp();
    const admin = await createUser(testApp);
    workspace = await createWorkspace(testApp, admin);
    editorBrowser = await signIn(testApp, await createMember(testApp, workspace, 'editor'));
  });
  afterAll(async () => {
    await testApp.close();
  });

  describe('points', () => {
    it('upserts JSON points: one value per timestamp, re-sending changes nothing', async () => {
      const metric = await createMetric(testApp, workspace);
      const points = [
        { timestamp: '2026-01-01', value: 10 },
        { timestamp: '2026-01-02T00:00:00+02:00', value: 11 },
        { timestamp: '2026-01-03T12:30:00Z', value: 12.5 },
      ];
      const first = metricPointsImportSchema.parse(
        (
          await editorBrowser
            .post(url(`metrics/${metric.key}/points`))
            .send(points)
            .expect(200)
        ).body,
      );
      expect(first).toEqual({ points: 3, created: 3, updated: 0, unchanged: 0 });
      const stored = await storedPoints(testApp, metric);
      expect(stored).toEqual([
        { timestamp: '2026-01-01T00:00:00.000Z', value: 10 },
        { timestamp: '2026-01-01T22:00:00.000Z', value: 11 },
        { timestamp: '2026-01-03T12:30:00.000Z', value: 12.5 },
      ]);

      const before = await countRows(testApp);
      const again = metricPointsImportSchema.parse(
        (
          await editorBrowser
            .post(url(`metrics/${metric.key}/points`))
            .send(points)
            .expect(200)
        ).body,
      );
      expect(again).toEqual({ points: 3, created: 0, updated: 0, unchanged: 3 });
      expect(await storedPoints(testApp, metric)).toEqual(stored);
      expect(await countRows(testApp)).toEqual(before);

      // The same instant written another way is the same point; the last value sent wins.
      const changed = metricPointsImportSchema.parse(
        (
          await editorBrowser
            .post(url(`metrics/${metric.key}/points`))
            .send([
              { timestamp: '2026-01-01T22:00:00.000Z', value: 99 },
              { timestamp: '2026-01-01T23:00:00+01:00', value: 11.5 },
              { timestamp: '2026-01-04', value: 13 },
            ])
            .expect(200)
        ).body,
      );
      expect(changed).toEqual({ points: 2, created: 1, updated: 1, unchanged: 0 });
      expect((await storedPoints(testApp, metric)).map(({ value }) => value)).toEqual([
        10, 11.5, 12.5, 13,
      ]);
      const read = metricSchema.parse(
        (await editorBrowser.get(url(`metrics/${metric.key}`)).expect(200)).body,
      );
      expect(read.latest).toEqual({ timestamp: '2026-01-04T00:00:00.000Z', value: 13 });
    });

    it('takes text/csv with a timestamp,value header, in any column order and line ending', async () => {
      const metric = await createMetric(testApp, workspace);
      const csv =
        '\ufeffValue,Timestamp\r\n1.5,2026-02-01\r\n\r\n -2e3 , 2026-02-02T08:00:00Z \n3,"2026-02-03"\n';
      const result = metricPointsImportSchema.parse(
        (await postCsv(`metrics/${metric.key}/points`, csv).expect(200)).body,
      );
      expect(result).toEqual({ points: 3, created: 3, updated: 0, unchanged: 0 });
      expect(await storedPoints(testApp, metric)).toEqual([
        { timestamp: '2026-02-01T00:00:00.000Z', value: 1.5 },
        { timestamp: '2026-02-02T08:00:00.000Z', value: -2000 },
        { timestamp: '2026-02-03T00:00:00.000Z', value: 3 },
      ]);
      const again = metricPointsImportSchema.parse(
        (await postCsv(`metrics/${metric.key}/points`, csv).expect(200)).body,
      );
      expect(again).toEqual({ points: 3, created: 0, updated: 0, unchanged: 3 });
    });

    it('refuses a CSV with bad lines, listing each line and why, and stores nothing of it', async () => {
      const metric = await createMetric(testApp, workspace);
      await insertPoints(testApp, metric, [{ timestamp: '2026-01-01T00:00:00Z', value: 1 }]);
      const csv = [
        'timestamp,value',
        '2026-01-01,100', // valid, and would replace the stored value
        '2026-01-02,abc',
        'yesterday,3',
        '2026-01-04',
        '2026-01-05,5',
        ',',
        '2026-01-07T10:00:00,7', // no offset
        '2026-01-08,1,000',
        '2026-02-30,9',
      ].join('\n');
      const before = await countRows(testApp);
      const response = await postCsv(`metrics/${metric.key}/points`, csv).expect(400);
      const problem = problemSchema.parse(response.body);
      expect(problem.detail).toBe('7 entries are bad, so nothing was stored.');
      expect(problem.errors).toEqual([
        { path: 'line.3.value', message: 'is not a number: "abc"' },
        {
          path: 'line.4.timestamp',
          message: 'is not an ISO-8601 timestamp with an offset or a date YYYY-MM-DD: "yesterday"',
        },
        { path: 'line.5', message: 'has 1 fields; expected 2 (timestamp,value)' },
        { path: 'line.7.timestamp', message: 'is empty' },
        { path: 'line.7.value', message: 'is empty' },
        {
          path: 'line.8.timestamp',
          message:
            'is not an ISO-8601 timestamp with an offset or a date YYYY-MM-DD: "2026-01-07T10:00:00"',
        },
        { path: 'line.9', message: 'has 3 fields; expected 2 (timestamp,value)' },
        {
          path: 'line.10.timestamp',
          message: 'is not an ISO-8601 timestamp with an offset or a date YYYY-MM-DD: "2026-02-30"',
        },
      ]);
      expect(await storedPoints(testApp, metric)).toEqual([
        { timestamp: '2026-01-01T00:00:00.000Z', value: 1 },
      ]);
      expect(await countRows(testApp)).toEqual(before);
    });

    it('refuses a CSV without the right header, or with a broken quote', async () => {
      const metric = await createMetric(testApp, workspace);
      const header = await postCsv(`metrics/${metric.key}/points`, 'time,val\n2026-01-01,1').expect(
        400,
      );
      expect(fieldErrors(header.body)).toEqual([
        { path: 'line.1', message: 'must be the header timestamp,value' },
      ]);
      const empty = await postCsv(`metrics/${metric.key}/points`, '').expect(400);
      expect(fieldErrors(empty.body)[0]?.path).toBe('line.1');
      const headerOnly = await postCsv(
        `metrics/${metric.key}/points`,
        'timestamp,value\n\n',
      ).expect(400);
      expect(fieldErrors(headerOnly.body)).toEqual([
        { path: 'line.2', message: 'has no points after the header' },
      ]);
      const quote = await postCsv(
        `metrics/${metric.key}/points`,
        'timestamp,value\n2026-01-01,1\n2026-01-02,x"y\n2026-01-03,3',
      ).expect(400);
      expect(fieldErrors(quote.body).map(({ path }) => path)).toEqual(['line.3']);
      expect(await storedPoints(testApp, metric)).toEqual([]);
    });

    it('refuses bad JSON points naming each one, storing nothing', async () => {
      const metric = await createMetric(testApp, workspace);
      const response = await editorBrowser
        .post(url(`metrics/${metric.key}/points`))
        .send([
          { timestamp: '2026-01-01', value: 1 },
          { timestamp: '2026-01-02', value: '2' },
          { timestamp: 'soon', value: 3 },
          { timestamp: '2026-01-04', value: 4, note: 'x' },
        ])
        .expect(400);
      expect(fieldErrors(response.body).map(({ path }) => path)).toEqual([
        '1.value',
        '2.timestamp',
        '3.note',
      ]);
      await editorBrowser
        .post(url(`metrics/${metric.key}/points`))
        .send([])
        .expect(400);
      await editorBrowser
        .post(url(`metrics/${metric.key}/points`))
        .send({ timestamp: '2026-01-01', value: 1 })
        .expect(400);
      expect(await storedPoints(testApp, metric)).toEqual([]);
    });

    it('refuses a point more than a day ahead, or outside years 0001–9999, naming it, storing nothing', async () => {
      const clock = pinToday(testApp, '2026-03-10');
      try {
        const metric = await createMetric(testApp, workspace);
        // A warehouse's open-ended sentinel, and a typo of 2026 as 2062.
        const json = await editorBrowser
          .post(url(`metrics/${metric.key}/points`))
          .send([
            { timestamp: '2026-03-09', value: 1 },
            { timestamp: '9999-12-31', value: 2 },
            { timestamp: '2062-03-09T10:00:00+01:00', value: 3 },
          ])
          .expect(400);
        expect(fieldErrors(json.body)).toEqual([
          {
            path: '1.timestamp',
            message: 'must not be after 2026-03-11T12:00:00.000Z (a day from now): "9999-12-31"',
          },
          {
            path: '2.timestamp',
            message:
              'must not be after 2026-03-11T12:00:00.000Z (a day from now): "2062-03-09T10:00:00+01:00"',
          },
        ]);
        const range = 'must be a moment from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z in UTC';
        const csv = await postCsv(
          `metrics/${metric.key}/points`,
          'timestamp,value\n0000-01-01,5\n9999-12-31T23:00:00-05:00,6\n2026-03-12,7\n',
        ).expect(400);
        expect(fieldErrors(csv.body)).toEqual([
          { path: 'line.2.timestamp', message: `${range}: "0000-01-01"` },
          { path: 'line.3.timestamp', message: `${range}: "9999-12-31T23:00:00-05:00"` },
          {
            path: 'line.4.timestamp',
            message: 'must not be after 2026-03-11T12:00:00.000Z (a day from now): "2026-03-12"',
          },
        ]);
        const zero = await editorBrowser
          .post(url(`metrics/${metric.key}/points`))
          .send([{ timestamp: '0000-01-01', value: 1 }])
          .expect(400);
        expect(fieldErrors(zero.body)).toEqual([{ path: '0.timestamp', message: range }]);
        expect(await storedPoints(testApp, metric)).toEqual([]);
        // Tomorrow's date (its first moment) is within the day allowed, for clocks ahead of UTC.
        await editorBrowser
          .post(url(`metrics/${metric.key}/points`))
          .send([{ timestamp: '2026-03-11', value: 8 }])
          .expect(200);
        expect(await storedPoints(testApp, metric)).toEqual([
          { timestamp: '2026-03-11T00:00:00.000Z', value: 8 },
        ]);
      } finally {
        clock.restore();
      }
    });

    it('removes a point, or the points of a range, and says how many', async () => {
      const metric = await createMetric(testApp, workspace);
      await insertPoints(testApp, metric, [
        { timestamp: '2026-01-01T00:00:00Z', value: 1 },
        { timestamp: '2026-01-02T00:00:00Z', value: 2 },
        { timestamp: '2026-01-02T12:00:00Z', value: 3 },
        { timestamp: '2026-01-03T00:00:00Z', value: 4 },
        { timestamp: '2026-01-04T00:00:00Z', value: 5 },
      ]);
      const remove = (query: Record<string, string>) =>
        editorBrowser.delete(url(`metrics/${metric.key}/points`)).query(query);
      // A date stands for its first moment, as an upload stores it.
      expect((await remove({ timestamp: '2026-01-02' }).expect(200)).body).toEqual({ deleted: 1 });
      // A date `to` is the whole day.
      expect((await remove({ from: '2026-01-02', to: '2026-01-03' }).expect(200)).body).toEqual({
        deleted: 2,
      });
      expect((await remove({ timestamp: '2026-01-03T00:00:00Z' }).expect(200)).body).toEqual({
        deleted: 0,
      });
      expect(await storedPoints(testApp, metric)).toEqual([
        { timestamp: '2026-01-01T00:00:00.000Z', value: 1 },
        { timestamp: '2026-01-04T00:00:00.000Z', value: 5 },
      ]);
      expect((await remove({ from: '2026-01-04T00:00:00+00:00' }).expect(200)).body).toEqual({
        deleted: 1,
      });
      expect(
        metricSchema.parse((await editorBrowser.get(url(`metrics/${metric.key}`)).expect(200)).body)
          .latest,
      ).toEqual({ timestamp: '2026-01-01T00:00:00.000Z', value: 1 });
      const [event] = await testApp.dataSource.query(
        `SELECT "action", "details" FROM "audit_event"
          WHERE "workspace_id" = $1 AND "target_id" = $2 ORDER BY "created_at" DESC LIMIT 1`,
        [workspace.id, metric.id],
      );
      expect(event).toEqual({
        action: 'metric-points.deleted',
        details: { metric: metric.key, from: '2026-01-04T00:00:00+00:00', deleted: 1 },
      });

      const nothing = await remove({}).expect(400);
      expect(fieldErrors(nothing.body)).toEqual([
        { path: 'timestamp', message: 'is required, unless from or to is given' },
      ]);
      const both = await remove({ timestamp: '2026-01-01', to: '2026-01-02' }).expect(400);
      expect(fieldErrors(both.body).map(({ path }) => path)).toEqual(['timestamp']);
      const backwards = await remove({ from: '2026-01-02', to: '2026-01-01' }).expect(400);
      expect(fieldErrors(backwards.body)).toEqual([
        { path: 'to', message: 'must not be before from' },
      ]);
      await editorBrowser
        .delete(url('metrics/unknown-metric/points'))
        .query({ timestamp: '2026-01-01' })
        .expect(404);

      const viewer = await signIn(testApp, await createMember(testApp, workspace, 'viewer'));
      await viewer
        .delete(url(`metrics/${metric.key}/points`))
        .query({ timestamp: '2026-01-01' })
        .expect(403);
      const pusher = await createMember(testApp, workspace, 'editor');
      const readToken = await createToken(testApp, pusher, workspace, 'read');
      await testApp.http
        .delete(url(`metrics/${metric.key}/points`))
        .query({ timestamp: '2026-01-01' })
        .set('Authorization', `Bearer ${readToken.secret}`)
        .expect(403);
      expect(await storedPoints(testApp, metric)).toHaveLength(1);
      const writeToken = await createToken(testApp, pusher, workspace, 'write');
      await testApp.http
        .delete(url(`metrics/${metric.key}/points`))
        .query({ timestamp: '2026-01-01' })
        .set('Authorization', `Bearer ${writeToken.secret}`)
        .expect(200, { deleted: 1 });
      expect(await storedPoints(testApp, metric)).toEqual([]);
    });

    it('answers 404 for an unknown metric key, 415 for other media types', async () => {
      await editorBrowser
        .post(url('metrics/unknown-metric/points'))
        .send([{ timestamp: '2026-01-01', value: 1 }])
        .expect(404);
      await postCsv('metrics/unknown-metric/points', 'timestamp,value\n2026-01-01,1').expect(404);
      await editorBrowser.get(url('metrics/unknown-metric/series')).expect(404);
      const metric = await createMetric(testApp, workspace);
      const response = await editorBrowser
        .post(url(`metrics/${metric.key}/points`))
        .set('Content-Type', 'text/plain')
        .send('timestamp,value\n2026-01-01,1')
        .expect(415);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it('takes a multi-metric CSV, all or nothing', async () => {
      const adoption = await createMetric(testApp, workspace, { key: 'weekly-active-listeners' });
      const usage = await createMetric(testApp, workspace, { key: 'home-ctr' });
      const csv = [
        'metric,timestamp,value',
        'weekly-active-listeners,2026-01-05,1200',
        'home-ctr,2026-01-05,0.031',
        'weekly-active-listeners,2026-01-12,1250',
      ].join('\n');
      const result = metricPointsImportSchema.parse(
        (await postCsv('metric-points', csv).expect(200)).body,
      );
      expect(result).toEqual({ points: 3, created: 3, updated: 0, unchanged: 0 });
      expect((await storedPoints(testApp, adoption)).map(({ value }) => value)).toEqual([
        1200, 1250,
      ]);
      expect(await storedPoints(testApp, usage)).toEqual([
        { timestamp: '2026-01-05T00:00:00.000Z', value: 0.031 },
      ]);

      const before = await countRows(testApp);
      const bad = await postCsv(
        'metric-points',
        [
          'metric,timestamp,value',
          'home-ctr,2026-01-12,0.035',
          'not-ours,2026-01-12,1',
          'Bad Key,2026-01-12,1',
          'home-ctr,2026-01-13,',
        ].join('\n'),
      ).expect(400);
      expect(fieldErrors(bad.body)).toEqual([
        { path: 'line.3.metric', message: 'is not a metric of this workspace: "not-ours"' },
        { path: 'line.4.metric', message: 'is not a metric key: "Bad Key"' },
        { path: 'line.5.value', message: 'is empty' },
      ]);
      const unknown = await postCsv(
        'metric-points',
        'metric,timestamp,value\nhome-ctr,2026-01-12,0.035\nnot-ours,2026-01-12,1\n',
      ).expect(400);
      expect(fieldErrors(unknown.body)).toEqual([
        { path: 'line.3.metric', message: 'is not a metric of this workspace: "not-ours"' },
      ]);
      expect(await countRows(testApp)).toEqual(before);

      const json = metricPointsImportSchema.parse(
        (
          await editorBrowser
            .post(url('metric-points'))
            .send([
              { metric: 'home-ctr', timestamp: '2026-01-05', value: 0.031 },
              { metric: 'home-ctr', timestamp: '2026-01-12', value: 0.035 },
            ])
            .expect(200)
        ).body,
      );
      expect(json).toEqual({ points: 2, created: 1, updated: 0, unchanged: 1 });
    });

    it('lets a write-scoped API token push points, but not a read token or a viewer', async () => {
      const metric = await createMetric(testApp, workspace);
      const pusher = await createMember(testApp, workspace, 'editor');
      const writeToken = await createToken(testApp, pusher, workspace, 'write');
      const readToken = await createToken(testApp, pusher, workspace, 'read');
      const pushed = await testApp.http
        .post(url(`metrics/${metric.key}/points`))
        .set('Authorization', `Bearer ${writeToken.secret}`)
        .set('Content-Type', 'text/csv')
        .send('timestamp,value\n2026-03-01T00:00:00Z,42\n')
        .expect(200);
      expect(metricPointsImportSchema.parse(pushed.body).created).toBe(1);
      const [event] = await testApp.dataSource.query(
        `SELECT action, actor_token_id FROM audit_event WHERE workspace_id = $1 ORDER BY created_at DESC LIMIT 1`,
        [workspace.id],
      );
      expect(event).toEqual({ action: 'metric-points.imported', actor_token_id: writeToken.id });
      await testApp.http
        .post(url('metric-points'))
        .set('Authorization', `Bearer ${writeToken.secret}`)
        .send([{ metric: metric.key, timestamp: '2026-03-02', value: 43 }])
        .expect(200);

      const viewer = await signIn(testApp, await createMember(testApp, workspace, 'viewer'));
      const before = await countRows(testApp);
      await testApp.http
        .post(url(`metrics/${metric.key}/points`))
        .set('Authorization', `Bearer ${readToken.secret}`)
        .send([{ timestamp: '2026-03-03', value: 44 }])
        .expect(403);
      await viewer
        .post(url(`metrics/${metric.key}/points`))
        .send([{ timestamp: '2026-03-03', value: 44 }])
        .expect(403);
      await viewer
        .post(url('metrics'))
        .send({ key: 'x', name: 'x', category: 'usage', direction: 'increase-is-good' })
        .expect(403);
      await viewer
        .patch(url(`metrics/${metric.key}`))
        .send({ name: 'x', version: 1 })
        .expect(403);
      expect(await countRows(testApp)).toEqual(before);
      await viewer.get(url(`metrics/${metric.key}/series`)).expect(200);
      await testApp.http
        .get(url(`metrics/${metric.key}`))
        .set('Authorization', `Bearer ${readToken.secret}`)
        .expect(200);
    });

    // 40,000 points twice: more than Jest's default 5 s on a busy machine.
    const BIG_UPLOAD_TIMEOUT_MS = 60_000;

    it(
      'accepts uploads past 1 MB on the points routes only',
      async () => {
        const metric = await createMetric(testApp, workspace);
        const start = Date.parse('2020-01-01T00:00:00Z');
        const lines = Array.from(
          { length: 40_000 },
          (_, index) => `${new Date(start + index * 60_000).toISOString()},${index}.125`,
        );
        const csv = `timestamp,value\n${lines.join('\n')}\n`;
        expect(csv.length).toBeGreaterThan(1_200_000);
        const result = metricPointsImportSchema.parse(
          (await postCsv(`metrics/${metric.key}/points`, csv).expect(200)).body,
        );
        expect(result).toEqual({ points: 40_000, created: 40_000, updated: 0, unchanged: 0 });
        const json = lines.map((line) => {
          const [timestamp = '', value = ''] = line.split(',');
          return { timestamp, value: Number(value) };
        });
        expect(JSON.stringify(json).length).toBeGreaterThan(1_200_000);
        const again = metricPointsImportSchema.parse(
          (
            await editorBrowser
              .post(url(`metrics/${metric.key}/points`))
              .send(json)
              .expect(200)
          ).body,
        );
        expect(again.unchanged).toBe(40_000);
        // Every other route keeps its 1 MB limit.
        const big = await editorBrowser
          .post(url('metrics'))
          .send({
            key: 'big',
            name: 'big',
            category: 'usage',
            direction: 'increase-is-good',
            description: 'x'.repeat(1_100_000),
          })
          .expect(413);
        expect(big.headers['content-type']).toMatch(/^application\/problem\+json/);
      },
      BIG_UPLOAD_TIMEOUT_MS,
    );
  });
});
