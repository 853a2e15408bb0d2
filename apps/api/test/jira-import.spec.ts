import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  agingWipSchema,
  cycleTimesSchema,
  importJobPageSchema,
  importPreviewSchema,
  problemSchema,
  sprintPageSchema,
  teamSchema,
  workItemDetailSchema,
  workItemPageSchema,
} from '@bearing/contracts';
import {
  type Browser,
  createUser,
  createWorkspace,
  signIn,
  type TestWorkspace,
} from './support/factories.js';
import {
  countDeliveryRows,
  createTeam,
  fixture,
  importFile,
  type TestTeam,
  uploadImport,
} from './support/delivery-factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Imports of the hand-written Jira fixtures: what is read, stored, updated and refused. The
 * delivery read models computed from them are tested in delivery.spec.ts.
 */
describe('Jira import', () => {
  let testApp: TestApp;
  let workspace: TestWorkspace;
  let admin: Browser;
  const base = () => `/api/workspaces/${workspace.slug}`;

  beforeAll(async () => {
    testApp = await createTestApp();
    const user = await createUser(testApp);
    workspace = await createWorkspace(testApp, user);
    admin = await signIn(testApp, user);
  }, 60_000);
  afterAll(async () => {
    await testApp.close();
  });

  /**
   * search-v3.json: PAY Sprint 1 runs Mon 2024-03-04 09:00 to Fri 2024-03-15 18:00 Berlin
   * time; Friday 2024-03-08 is a team holiday, so it has 9 working days.
   */
  describe('a /rest/api/3/search/jql page (Cloud), team in Europe/Berlin', () => {
    let team: TestTeam;
    const teamBase = () => `${base()}/teams/${team.slug}`;

    beforeAll(async () => {
      team = await createTeam(testApp, workspace, {
        timeZone: 'Europe/Berlin',
        calendar: { nonWorkingWeekdays: [0, 6], holidays: ['2024-03-08'] },
      });
    });

    it('previews a dry run: counts, statuses, fields found — and writes nothing', async () => {
      const before = await countDeliveryRows(testApp);
      const response = await uploadImport(admin, workspace, team, {
        file: fixture('search-v3.json'),
        dryRun: true,
      }).expect(200);
      const preview = importPreviewSchema.parse(response.body);
      expect(preview).toMatchObject({ dryRun: true, format: 'jira-json', fileName: 'export.json' });
      expect(preview.result).toMatchObject({
        items: 4,
        created: 4,
        updated: 0,
        unchanged: 0,
        sprints: { created: 2, updated: 0, unchanged: 0 },
        history: { statusChanges: 10, sprintChanges: 6, estimateChanges: 1 },
        unknownStatuses: [],
        storyPointsField: 'customfield_10016',
        sprintField: 'customfield_10020',
        problems: [],
      });
      expect(preview.result.statuses).toEqual([
        { status: 'Done', stage: 'Done', items: 3 },
        { status: 'In Progress', stage: 'In Progress', items: 1 },
        { status: 'In Review', stage: 'Review', items: 0 },
        { status: 'To Do', stage: 'Backlog', items: 0 },
      ]);
      expect(preview.result.metrics.unavailable).toEqual([]);
      expect(await countDeliveryRows(testApp)).toEqual(before);
    });

    it('imports as a job with progress, and keeps the job in the history', async () => {
      const job = await importFile(admin, workspace, team, { file: fixture('search-v3.json') });
      expect(job).toMatchObject({ status: 'completed', progress: 1, dryRun: false });
      expect(job.result).toMatchObject({ created: 4, updated: 0, unchanged: 0 });
      const history = importJobPageSchema.parse(
        (await admin.get(`${teamBase()}/imports`).expect(200)).body,
      );
      expect(history.items.map((entry) => entry.id)).toContain(job.id);
    });

    it('stores items with their history, and no assignee or reporter names', async () => {
      const page = workItemPageSchema.parse(
        (await admin.get(`${teamBase()}/work-items`).expect(200)).body,
      );
      expect(page.items.map((item) => item.key)).toEqual(['PAY-3', 'PAY-1', 'PAY-2', 'PAY-4']);
      const pay1 = page.items.find((item) => item.key === 'PAY-1');
      expect(pay1).toMatchObject({
        source: 'jira',
        type: 'Story',
        title: 'Card payments: 3-D Secure challenge',
        points: 5,
        createdAt: '2024-03-01T09:00:00.000Z',
        status: 'Done',
        resolvedAt: '2024-03-07T23:30:00.000Z',
        parentKey: 'PAY-100',
        hasHistory: true,
      });
      const pay4 = page.items.find((item) => item.key === 'PAY-4');
      const detail = workItemDetailSchema.parse(
        (await admin.get(`${teamBase()}/work-items/${pay4?.id}`).expect(200)).body,
      );
      const sprints = sprintPageSchema.parse(
        (await admin.get(`${teamBase()}/sprints`).expect(200)).body,
      );
      const sprintId = (name: string) => sprints.items.find((sprint) => sprint.name === name)?.id;
      expect(detail).toMatchObject({
        initialStatus: 'To Do',
        initialPoints: 8,
        statusChanges: [{ at: '2024-03-08T09:00:00.000Z', from: 'To Do', to: 'In Progress' }],
        sprintChanges: [
          { at: '2024-03-01T11:00:00.000Z', sprintId: sprintId('PAY Sprint 1'), change: 'added' },
          { at: '2024-03-11T11:00:00.000Z', sprintId: sprintId('PAY Sprint 1'), change: 'removed' },
          { at: '2024-03-11T11:00:00.000Z', sprintId: sprintId('PAY Sprint 2'), change: 'added' },
        ],
      });
      expect(sprints.items.find((sprint) => sprint.name === 'PAY Sprint 1')).toMatchObject({
        start: '2024-03-04T08:00:00.000Z',
        end: '2024-03-15T17:00:00.000Z',
        completedAt: '2024-03-15T16:00:00.000Z',
        state: 'closed',
        goal: '3-D Secure for cards',
        source: 'jira',
        externalId: '1',
      });
      const bySprint = workItemPageSchema.parse(
        (await admin.get(`${teamBase()}/work-items?sprint=${sprintId('PAY Sprint 2')}`).expect(200))
          .body,
      );
      expect(bySprint.items.map((item) => item.key)).toEqual(['PAY-4']);
      const dump: { text: string }[] = await testApp.dataSource.query(
        `SELECT concat_ws(' ', w.*::text, string_agg(DISTINCT s::text, ' '), string_agg(DISTINCT c::text, ' ')) AS text
           FROM work_item w
           LEFT JOIN work_item_status_change s ON s.work_item_id = w.id
           LEFT JOIN work_item_sprint_change c ON c.work_item_id = w.id
          WHERE w.team_id = $1 GROUP BY w.id`,
        [team.id],
      );
      expect(dump.map((row) => row.text).join(' ')).not.toMatch(/Ana Lima|Ben Ode|5b10/);
    });

    it('changes nothing when the same file is imported again', async () => {
      const before = await countDeliveryRows(testApp);
      const [{ updated_at: stamp }] = await testApp.dataSource.query(
        `SELECT max(updated_at) AS updated_at FROM work_item WHERE team_id = $1`,
        [team.id],
      );
      const job = await importFile(admin, workspace, team, { file: fixture('search-v3.json') });
      expect(job.result).toMatchObject({
        created: 0,
        updated: 0,
        unchanged: 4,
        sprints: { created: 0, updated: 0, unchanged: 2 },
      });
      const after = await countDeliveryRows(testApp);
      expect({ ...after, import_job: 0 }).toEqual({ ...before, import_job: 0 });
      const [{ updated_at: stampAfter }] = await testApp.dataSource.query(
        `SELECT max(updated_at) AS updated_at FROM work_item WHERE team_id = $1`,
        [team.id],
      );
      expect(stampAfter).toEqual(stamp);
    });

    it('reports a changed item as updated and rewrites its history', async () => {
      const changed = JSON.parse(fixture('search-v3.json').toString('utf8')) as {
        issues: { fields: Record<string, unknown>; changelog: { histories: unknown[] } }[];
      };
      const pay4 = changed.issues[3];
      if (!pay4) throw new Error('the fixture has four issues');
      pay4.fields.summary = 'Apple Pay and Google Pay on the web';
      pay4.fields.status = { name: 'In Review' };
      pay4.changelog.histories.push({
        id: '20034',
        created: '2024-03-13T10:00:00.000+0100',
        items: [
          { field: 'status', fieldtype: 'jira', fromString: 'In Progress', toString: 'In Review' },
        ],
      });
      const job = await importFile(admin, workspace, team, {
        file: Buffer.from(JSON.stringify(changed)),
      });
      expect(job.result).toMatchObject({ created: 0, updated: 1, unchanged: 3 });
      const aging = agingWipSchema.parse(
        (await admin.get(`${teamBase()}/flow/aging?asOf=2024-03-15`).expect(200)).body,
      );
      expect(aging.items).toEqual([
        { key: 'PAY-4', title: 'Apple Pay and Google Pay on the web', stage: 'Review', ageDays: 7 },
      ]);
    });
  });

  /** search-v2 pages (Jira Server): greenhopper sprint strings, `names`, two pages. */
  describe('/rest/api/2/search pages (Server), several per upload', () => {
    it('reads pages one after the other and a JSON array of pages alike', async () => {
      const pages = [fixture('search-v2-page1.json'), fixture('search-v2-page2.json')];
      const concatenated = Buffer.concat([
        pages[0] as Buffer,
        Buffer.from('\n'),
        pages[1] as Buffer,
      ]);
      const array = Buffer.concat([
        Buffer.from('['),
        pages[0] as Buffer,
        Buffer.from(','),
        pages[1] as Buffer,
        Buffer.from(']'),
      ]);
      for (const file of [concatenated, array]) {
        const team = await createTeam(testApp, workspace);
        const preview = importPreviewSchema.parse(
          (await uploadImport(admin, workspace, team, { file, dryRun: true }).expect(200)).body,
        );
        expect(preview.result).toMatchObject({
          items: 3,
          created: 3,
          storyPointsField: 'customfield_10002',
          sprintField: 'customfield_10007',
          sprints: { created: 2 },
          problems: [],
        });
      }
    });
  });

  describe('a CSV "all fields" export', () => {
    it('reads repeated headers and its date format, and says what it can feed', async () => {
      const team = await createTeam(testApp, workspace);
      const response = await uploadImport(admin, workspace, team, {
        file: fixture('all-fields.csv'),
        fileName: 'Jira.csv',
        format: 'jira-csv',
        dryRun: true,
      }).expect(200);
      const { result } = importPreviewSchema.parse(response.body);
      expect(result).toMatchObject({
        items: 3,
        created: 3,
        sprints: { created: 2 },
        history: { statusChanges: 0, sprintChanges: 0, estimateChanges: 0 },
        storyPointsField: 'Custom field (Story Points)',
        sprintField: 'Sprint',
        problems: [],
      });
      expect(result.metrics.available).toEqual(['lead-time', 'throughput', 'forecast']);
      expect(result.metrics.unavailable.map((entry) => entry.metric)).toEqual([
        'cycle-time',
        'cfd',
        'wip',
        'aging',
        'burndown',
        'velocity',
      ]);

      await importFile(admin, workspace, team, {
        file: fixture('all-fields.csv'),
        format: 'jira-csv',
      });
      const teamBase = `${base()}/teams/${team.slug}`;
      const items = workItemPageSchema.parse(
        (await admin.get(`${teamBase}/work-items`).expect(200)).body,
      );
      expect(
        items.items.map((item) => [
          item.key,
          item.points,
          item.createdAt,
          item.parentKey,
          item.sprintIds.length,
        ]),
      ).toEqual([
        ['CSV-3', null, '2015-11-25T08:00:00.000Z', null, 1],
        ['CSV-2', 5, '2015-11-22T10:15:00.000Z', 'CSV-1', 2],
        ['CSV-1', 3, '2015-11-21T07:03:00.000Z', null, 1],
      ]);
      const cycle = cycleTimesSchema.parse(
        (await admin.get(`${teamBase}/flow/cycle-times?from=2015-11-01&to=2015-12-31`).expect(200))
          .body,
      );
      // Lead time from the Created and Resolved columns; no cycle time without history.
      expect(cycle.points).toEqual([
        ['CSV-1', '2015-11-24', null, 3],
        ['CSV-2', '2015-11-30', null, 8],
      ]);
      const again = await importFile(admin, workspace, team, {
        file: fixture('all-fields.csv'),
        format: 'jira-csv',
      });
      expect(again.result).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    });

    it('reads dates in the mapped format and zone', async () => {
      const team = await createTeam(testApp, workspace);
      const csv = [
        'Issue key,Issue Type,Status,Created,Resolved,Summary',
        'ISO-1,Task,Done,2015-11-21 07:03,2015-11-22 18:00,Custom format',
      ].join('\n');
      const job = await importFile(admin, workspace, team, {
        file: Buffer.from(csv),
        format: 'jira-csv',
        mapping: { dateFormat: 'yyyy-MM-dd HH:mm', timeZone: 'America/New_York' },
      });
      expect(job.status).toBe('completed');
      const items = workItemPageSchema.parse(
        (await admin.get(`${base()}/teams/${team.slug}/work-items`).expect(200)).body,
      );
      expect(items.items[0]).toMatchObject({
        createdAt: '2015-11-21T12:03:00.000Z',
        resolvedAt: '2015-11-22T23:00:00.000Z',
      });
    });
  });

  describe('mapping', () => {
    it('lists unknown statuses, and a real import adds the mapped ones to the workflow', async () => {
      const team = await createTeam(testApp, workspace, {
        workflow: {
          stages: [
            { name: 'Backlog', statuses: [] },
            { name: 'Doing', statuses: ['In Progress'] },
            { name: 'Done', statuses: ['Done'] },
          ],
          committedStage: 'Doing',
          doneStage: 'Done',
        },
      });
      const preview = importPreviewSchema.parse(
        (
          await uploadImport(admin, workspace, team, {
            file: fixture('search-v3.json'),
            dryRun: true,
          }).expect(200)
        ).body,
      );
      expect(preview.result.unknownStatuses).toEqual(['In Review', 'To Do']);
      const mapping = { statuses: { 'To Do': 'Backlog', 'In Review': 'Doing' } };
      const mapped = importPreviewSchema.parse(
        (
          await uploadImport(admin, workspace, team, {
            file: fixture('search-v3.json'),
            dryRun: true,
            mapping,
          }).expect(200)
        ).body,
      );
      expect(mapped.result.unknownStatuses).toEqual([]);
      const unchanged = teamSchema.parse(
        (await admin.get(`${base()}/teams/${team.slug}`).expect(200)).body,
      );
      expect(unchanged.workflow.stages[0]?.statuses).toEqual([]);

      await importFile(admin, workspace, team, { file: fixture('search-v3.json'), mapping });
      const saved = teamSchema.parse(
        (await admin.get(`${base()}/teams/${team.slug}`).expect(200)).body,
      );
      expect(saved.workflow.stages.map((stage) => stage.statuses)).toEqual([
        ['To Do'],
        ['In Progress', 'In Review'],
        ['Done'],
      ]);
    });

    it('refuses a mapping to a stage the workflow does not have', async () => {
      const team = await createTeam(testApp, workspace);
      const response = await uploadImport(admin, workspace, team, {
        file: fixture('search-v3.json'),
        dryRun: true,
        mapping: { statuses: { Blocked: 'Parked' } },
      }).expect(400);
      expect(problemSchema.parse(response.body).errors).toEqual([
        { path: 'mapping.statuses.Blocked', message: `the team's workflow has no stage "Parked"` },
      ]);
    });

    it('uses the story-points field the mapping names', async () => {
      const team = await createTeam(testApp, workspace);
      const preview = importPreviewSchema.parse(
        (
          await uploadImport(admin, workspace, team, {
            file: fixture('search-v3.json'),
            dryRun: true,
            mapping: { storyPointsField: 'customfield_99999' },
          }).expect(200)
        ).body,
      );
      expect(preview.result.storyPointsField).toBe('customfield_99999');
      expect(preview.result.history.estimateChanges).toBe(0);
    });
  });

  /**
   * A search export where Jira cut PAY-3's changelog: it says 120 entries and shows its last two,
   * and the summary changed since. The other three issues are as in search-v3.json.
   */
  describe('a changelog Jira cut (its total above the entries shown)', () => {
    const cutExport = () => {
      const json = JSON.parse(fixture('search-v3.json').toString('utf8')) as {
        issues: {
          key: string;
          fields: Record<string, unknown>;
          changelog: { histories: unknown[]; maxResults: number; total: number };
        }[];
      };
      const pay3 = json.issues.find((issue) => issue.key === 'PAY-3');
      if (!pay3) throw new Error('the fixture has PAY-3');
      pay3.fields.summary = 'Declined card shows a readable reason';
      pay3.changelog.histories = pay3.changelog.histories.slice(-2);
      pay3.changelog.maxResults = 2;
      pay3.changelog.total = 120;
      return Buffer.from(JSON.stringify(json));
    };
    /** PAY-3 as stored: its fields, history, and the cycle time the flow read model holds. */
    const pay3Of = async (team: TestTeam) => {
      const teamBase = `${base()}/teams/${team.slug}`;
      const page = workItemPageSchema.parse(
        (await admin.get(`${teamBase}/work-items`).expect(200)).body,
      );
      const id = page.items.find((item) => item.key === 'PAY-3')?.id;
      const detail = workItemDetailSchema.parse(
        (await admin.get(`${teamBase}/work-items/${id}`).expect(200)).body,
      );
      const cycle = cycleTimesSchema.parse(
        (await admin.get(`${teamBase}/flow/cycle-times?from=2024-03-01&to=2024-03-31`).expect(200))
          .body,
      );
      return {
        title: detail.title,
        status: detail.status,
        hasHistory: detail.hasHistory,
        history: {
          initialStatus: detail.initialStatus,
          statusChanges: detail.statusChanges,
          sprintChanges: detail.sprintChanges,
        },
        cycle: cycle.points.filter(([key]) => key === 'PAY-3'),
      };
    };

    it('keeps the full history the team has for the item and updates only its fields', async () => {
      const team = await createTeam(testApp, workspace);
      await importFile(admin, workspace, team, { file: fixture('search-v3.json') });
      const full = await pay3Of(team);
      expect(full.history.statusChanges).toHaveLength(4);

      const job = await importFile(admin, workspace, team, { file: cutExport() });
      expect(job.result).toMatchObject({
        created: 0,
        updated: 1,
        unchanged: 3,
        problems: [
          {
            key: 'PAY-3',
            message:
              'Jira returned 2 of 120 changelog entries: the history the team already has for it is kept (only its fields are updated)',
          },
        ],
      });
      expect(await pay3Of(team)).toEqual({
        ...full,
        title: 'Declined card shows a readable reason',
      });

      // The same cut export again changes nothing, and says again why the history stayed.
      const again = await importFile(admin, workspace, team, { file: cutExport() });
      expect(again.result).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
      expect(again.result?.problems.map((problem) => problem.message)).toEqual([
        expect.stringMatching(/the history the team already has for it is kept/),
      ]);
    });

    it('stores what there is when the team has no history of the item yet', async () => {
      const team = await createTeam(testApp, workspace);
      const job = await importFile(admin, workspace, team, { file: cutExport() });
      expect(job.result).toMatchObject({
        created: 4,
        problems: [
          {
            key: 'PAY-3',
            message: 'Jira returned 2 of 120 changelog entries: the history may be incomplete',
          },
        ],
      });
      expect((await pay3Of(team)).history).toMatchObject({
        initialStatus: 'In Review',
        statusChanges: [
          { at: '2024-03-12T08:00:00.000Z', from: 'In Review', to: 'In Progress' },
          { at: '2024-03-14T14:00:00.000Z', from: 'In Progress', to: 'Done' },
        ],
      });
    });
  });

  describe('bad input', () => {
    let team: TestTeam;
    beforeAll(async () => {
      team = await createTeam(testApp, workspace);
    });

    async function expectRefused(
      options: Parameters<typeof uploadImport>[3],
      detail: string | RegExp,
    ) {
      const before = await countDeliveryRows(testApp);
      for (const dryRun of [true, false]) {
        const response = await uploadImport(admin, workspace, team, { ...options, dryRun }).expect(
          400,
        );
        const problem = problemSchema.parse(response.body);
        if (typeof detail === 'string') expect(problem.detail).toBe(detail);
        else expect(problem.detail).toMatch(detail);
      }
      const after = await countDeliveryRows(testApp);
      // The refused real import leaves only its failed job in the history.
      expect(after).toEqual({ ...before, import_job: before.import_job! + 1 });
      return after;
    }

    it('refuses JSON that is not a Jira search response', async () => {
      await expectRefused(
        { file: Buffer.from('{"total": 0, "values": []}') },
        'line 1: not a Jira search response (page 1): no issues array',
      );
      await expectRefused(
        { file: Buffer.from('[1, 2]') },
        /^line 1: not a Jira search response: the file is not valid JSON/,
      );
      await expectRefused(
        { file: Buffer.from('{"issues": [') },
        'not a Jira search response: the file ends in the middle of a JSON value',
      );
      const failed = importJobPageSchema.parse(
        (await admin.get(`${base()}/teams/${team.slug}/imports`).expect(200)).body,
      );
      expect(failed.items[0]).toMatchObject({
        status: 'failed',
        result: {
          created: 0,
          problems: [
            { message: 'not a Jira search response: the file ends in the middle of a JSON value' },
          ],
        },
      });
    });

    it('refuses a broken page in the middle of a large upload, naming its page and line, and stores nothing', async () => {
      // Five pretty-printed pages of 300 issues, about 3 MB: read while it arrives, in pieces.
      const issue = (index: number) => ({
        key: `MID-${index}`,
        fields: {
          summary: `Issue ${index} ${'padding '.repeat(150)}`,
          issuetype: { name: 'Story' },
          status: { name: 'Done' },
          created: '2024-03-01T09:00:00.000+0100',
        },
        changelog: { histories: [] },
      });
      const pages = Array.from({ length: 5 }, (_, page) =>
        JSON.stringify(
          { issues: Array.from({ length: 300 }, (_, index) => issue(page * 300 + index)) },
          null,
          1,
        ),
      );
      const text = `[${pages.join(',\n')}]`;
      // Page 3's issue MID-700 loses the comma after its key.
      const broken = text.replace('"key": "MID-700",', '"key": "MID-700"');
      const line = broken.slice(0, broken.indexOf('"key": "MID-700"')).split('\n').length;
      expect(Buffer.byteLength(broken)).toBeGreaterThan(2_000_000);
      await expectRefused(
        { file: Buffer.from(broken) },
        new RegExp(
          `^line ${line + 1}: not a Jira search response \\(page 3\\): the file is not valid JSON`,
        ),
      );
      const response = await uploadImport(admin, workspace, team, {
        file: Buffer.from(broken),
        dryRun: true,
      }).expect(400);
      expect(problemSchema.parse(response.body).errors).toEqual([
        { path: `line ${line + 1}`, message: expect.stringContaining('(page 3)') },
      ]);
    });

    it('refuses a CSV without an Issue key column, naming it', async () => {
      await expectRefused(
        { file: Buffer.from('Summary,Key,Status\nA,PAY-1,Done\n'), format: 'jira-csv' },
        'line 1: not a Jira CSV export: no "Issue key" column',
      );
    });

    it('refuses an unparseable date with the issue key or the line', async () => {
      const json = JSON.parse(fixture('search-v3.json').toString('utf8'));
      json.issues[2].changelog.histories[1].created = '2024-03-07 sometime';
      await expectRefused(
        { file: Buffer.from(JSON.stringify(json)) },
        'PAY-3: changelog entry 20022 has an unparseable created date: "2024-03-07 sometime"',
      );
      const csv = fixture('all-fields.csv')
        .toString('utf8')
        .replace('22/Nov/15 10:15 AM', '22/Nov/15 10:15 XM');
      const response = await uploadImport(admin, workspace, team, {
        file: Buffer.from(csv),
        format: 'jira-csv',
        dryRun: true,
      }).expect(400);
      expect(problemSchema.parse(response.body)).toMatchObject({
        detail:
          'line 4 (CSV-2): Created "22/Nov/15 10:15 XM" does not match the date format "dd/MMM/yy h:mm a"',
        errors: [
          {
            path: 'CSV-2',
            message:
              'line 4: Created "22/Nov/15 10:15 XM" does not match the date format "dd/MMM/yy h:mm a"',
          },
        ],
      });
    });

    it('lists every problem, not only the first', async () => {
      const json = JSON.parse(fixture('search-v3.json').toString('utf8'));
      json.issues[0].fields.created = 'yesterday';
      delete json.issues[1].key;
      json.issues[3].fields.status = null;
      const response = await uploadImport(admin, workspace, team, {
        file: Buffer.from(JSON.stringify(json)),
        dryRun: true,
      }).expect(400);
      expect(problemSchema.parse(response.body).errors).toEqual([
        { path: 'PAY-1', message: 'created date "yesterday" is not a timestamp with an offset' },
        { path: 'file', message: 'issue 2 of the file has no key' },
        { path: 'PAY-4', message: 'has no status name (fields.status.name), got null' },
      ]);
    });

    it('wants a file, a known format and JSON mapping', async () => {
      const noFile = await uploadImport(admin, workspace, team, { dryRun: true }).expect(400);
      expect(problemSchema.parse(noFile.body).errors).toEqual([
        { path: 'file', message: 'attach the Jira export as the "file" part' },
      ]);
      const badFields = await uploadImport(admin, workspace, team, {
        file: fixture('search-v3.json'),
        format: 'xml',
        mapping: '{nope',
      }).expect(400);
      expect(problemSchema.parse(badFields.body).errors?.map((error) => error.path)).toEqual([
        'format',
        'mapping',
      ]);
    });

    it('refuses a file above the upload limit with 413', async () => {
      const response = await uploadImport(admin, workspace, team, {
        file: Buffer.alloc(60 * 1024 * 1024 + 1, 0x20),
        dryRun: true,
      });
      expect(response.status).toBe(413);
    });
  });

  it('stores nothing when the last item fails to write, and records the failure', async () => {
    const team = await createTeam(testApp, workspace);
    // A trigger makes the database refuse the last issue of the file, after every other row
    // of the import was written in the same transaction.
    await testApp.dataSource.query(`
      CREATE FUNCTION refuse_pay_4() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.key = 'PAY-4' THEN RAISE EXCEPTION 'refused for the test'; END IF;
        RETURN NEW;
      END $$`);
    await testApp.dataSource.query(
      `CREATE TRIGGER refuse_pay_4 AFTER INSERT ON work_item FOR EACH ROW EXECUTE FUNCTION refuse_pay_4()`,
    );
    try {
      const before = await countDeliveryRows(testApp);
      const job = await importFile(admin, workspace, team, { file: fixture('search-v3.json') });
      expect(job).toMatchObject({ status: 'failed', progress: 0 });
      expect(job.result?.created).toBe(0);
      expect(job.result?.problems.at(-1)?.message).toBe(
        'the database refused the import (SQLSTATE P0001); nothing was stored',
      );
      expect(await countDeliveryRows(testApp)).toEqual({
        ...before,
        import_job: before.import_job! + 1,
      });
    } finally {
      await testApp.dataSource.query(`DROP TRIGGER refuse_pay_4 ON work_item`);
      await testApp.dataSource.query(`DROP FUNCTION refuse_pay_4()`);
    }
  });
});
