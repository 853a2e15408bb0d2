import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { guardrailSchema, notificationPageSchema, statusReportSchema } from '@bearing/contracts';
import { DataSource } from 'typeorm';
import { ClockService } from '../src/common/clock/clock.service.js';
import { createApp } from '../src/create-app.js';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { Scheduler } from '../src/jobs/jobs.module.js';
import { NotificationPipeline } from '../src/notifications/notifications.module.js';
import { overdueDependenciesNotRemindedOf } from '../src/programs/dependencies/program-dependency.repository.js';
import { CheckInReminders } from '../src/reminders/check-in-reminders.service.js';
import { DependencyReminders } from '../src/reminders/dependency-reminders.service.js';
import {
  type Browser,
  createMember,
  createUser,
  createWorkspace,
  signIn,
  type TestUser,
  type TestWorkspace,
} from './support/factories.js';
import {
  createKeyResult,
  createMetric,
  createObjective,
  createPeriod,
} from './support/okr-factories.js';
import {
  insertDependency,
  insertDraftReport,
  insertMilestone,
  insertProgram,
  programPath,
  type TestProgram,
} from './support/program-factories.js';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.js';
import { createTestApp, type TestApp, testConfig } from './support/test-app.js';

type OutboxRow = {
  event: string;
  subject_type: string;
  subject_id: string;
  title: string;
  body: string;
  bodies: Record<string, string>;
  path: string;
  audience: {
    users?: string[];
    followersOf?: { type: string; id: string }[];
    editorsOnly?: boolean;
    alertChannels?: boolean;
  };
  dedupe_key: string;
};

/**
 * The events features publish into the outbox — each in the transaction of the change that
 * caused it, or from the minute scheduler — and that a repeat (a retried write, another tick,
 * another process) never publishes twice.
 */
describe('notification events', () => {
  let testApp: TestApp;
  let workspace: TestWorkspace;
  let owner: TestUser;
  let editor: Browser;
  const url = (path: string) => `/api/workspaces/${workspace.slug}/${path}`;

  const outbox = (event: string): Promise<OutboxRow[]> =>
    testApp.dataSource.query(
      `SELECT "event", "subject_type", "subject_id", "title", "body", "bodies", "path",
              "audience", "dedupe_key"
         FROM "notification_event" WHERE "workspace_id" = $1 AND "event" = $2
        ORDER BY "created_at", "id"`,
      [workspace.id, event],
    );

  /** A member with an audience who follows `subject` (through the follows route) and is signed in. */
  const follower = async (
    audience: 'executive' | 'stakeholder' | 'team',
    subject: { type: string; id: string },
  ): Promise<Browser> => {
    const user = await createMember(testApp, workspace, 'viewer');
    await testApp.dataSource.query(`UPDATE "user" SET "audience" = $2 WHERE "id" = $1`, [
      user.id,
      audience,
    ]);
    const signedIn = await signIn(testApp, user);
    await signedIn.post(url('follows')).send({ subject }).expect(201);
    return signedIn;
  };
  /** The signed-in member's in-app notifications of one event. */
  const inbox = async (member: Browser, event: string) =>
    notificationPageSchema
      .parse((await member.get('/api/me/notifications').expect(200)).body)
      .items.filter((item) => item.event === event);

  /** Pins the clock of `app` to `instant`. */
  const pinAt = (app: NestExpressApplication, instant: string) =>
    jest.spyOn(app.get(ClockService), 'now').mockImplementation(() => new Date(instant));

  let smtp: SmtpSink;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    testApp = await createTestApp({ smtpUrl: smtp.url });
    owner = await createUser(testApp);
    workspace = await createWorkspace(testApp, owner);
    editor = await signIn(testApp, owner);
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });
  afterAll(async () => {
    await testApp.close();
    await smtp.close();
  });

  describe('guardrail.changed', () => {
    it('publishes a breach caused by a points upload once, to the followers of the guardrail and of the programs it guards and the alert channels', async () => {
      const metric = await createMetric(testApp, workspace, {
        key: 'checkout.error_rate',
        direction: 'decrease-is-good',
      });
      const guardrail = guardrailSchema.parse(
        (
          await editor
            .post(url('guardrails'))
            .send({ metricKey: metric.key, baseline: 1, threshold: { type: 'absolute', value: 1 } })
            .expect(201)
        ).body,
      );
      const program = (
        await editor
          .post(url('programs'))
          .send({
            name: 'Checkout',
            ownerId: owner.id,
            start: '2026-01-05',
            guardrailIds: [guardrail.id],
          })
          .expect(201)
      ).body as { id: string };
      const push = (points: { timestamp: string; value: number }[]) =>
        editor
          .post(url(`metrics/${metric.key}/points`))
          .send(points)
          .expect(200);
      const watcher = await follower('team', { type: 'guardrail', id: guardrail.id });

      // A guardrail's first "ok" is no news.
      await push([{ timestamp: '2026-02-01', value: 1.2 }]);
      expect(await outbox('guardrail.changed')).toEqual([]);

      // 2.5 is 1.5 worse than the baseline of 1: past the absolute threshold of 1.
      await push([{ timestamp: '2026-02-02', value: 2.5 }]);
      const [breached, ...others] = await outbox('guardrail.changed');
      expect(others).toEqual([]);
      expect(breached).toMatchObject({
        subject_type: 'guardrail',
        subject_id: guardrail.id,
        title: 'Guardrail on A metric is breached',
        path: `/w/${workspace.slug}/metrics/checkout.error_rate`,
        audience: {
          followersOf: [
            { type: 'guardrail', id: guardrail.id },
            { type: 'program', id: program.id },
          ],
          alertChannels: true,
        },
      });
      expect(breached?.body).toContain('from ok to breached');
      // One scheduler tick later, the guardrail's follower has it in the inbox, linked.
      await testApp.app.get(Scheduler).tick();
      const [told, ...more] = await inbox(watcher, 'guardrail.changed');
      expect(more).toEqual([]);
      expect(told).toMatchObject({
        title: 'Guardrail on A metric is breached',
        subject: { type: 'guardrail', id: guardrail.id },
        url: `http://bearing.test/w/${workspace.slug}/metrics/checkout.error_rate`,
      });

      // The same point again changes nothing, so tells no one; going back to ok is news.
      await push([{ timestamp: '2026-02-02', value: 2.5 }]);
      expect(await outbox('guardrail.changed')).toHaveLength(1);
      await push([{ timestamp: '2026-02-03', value: 1.1 }]);
      const events = await outbox('guardrail.changed');
      expect(events).toHaveLength(2);
      expect(events[1]?.title).toBe('Guardrail on A metric is ok');
    });
  });

  describe('report.published', () => {
    it('announces a published report once, to the program’s followers and owner, rendered for each audience', async () => {
      const program = await insertProgram(testApp, workspace, owner, { name: 'Podcasts' });
      const draft = await insertDraftReport(testApp, workspace, program, owner);
      const readers = {
        executive: await follower('executive', { type: 'program', id: program.id }),
        stakeholder: await follower('stakeholder', { type: 'program', id: program.id }),
        team: await follower('team', { type: 'program', id: program.id }),
      };
      await editor
        .patch(`${programPath(workspace, program)}/reports/${draft.id}`)
        .send({
          version: 1,
          summary: 'Ingest is live.\n\nThe player ships next week.',
          highlights: ['Ingest live'],
          lowlights: ['Player late'],
          asks: ['Two more testers'],
        })
        .expect(200);
      const published = statusReportSchema.parse(
        (
          await editor
            .post(`${programPath(workspace, program)}/reports/${draft.id}/publish`)
            .send({})
            .expect(201)
        ).body,
      );
      // A second publish is refused (published reports are frozen): still one announcement.
      await editor
        .post(`${programPath(workspace, program)}/reports/${draft.id}/publish`)
        .send({})
        .expect(409);

      const events = await outbox('report.published');
      expect(events).toHaveLength(1);
      const [event] = events;
      expect(event).toMatchObject({
        subject_type: 'report',
        subject_id: published.id,
        dedupe_key: `report.published:${published.id}`,
        path: `/w/${workspace.slug}/programs/${program.id}/reports/${published.id}`,
        audience: { users: [owner.id], followersOf: [{ type: 'program', id: program.id }] },
      });
      expect(event?.title).toBe('Podcasts: status report for the week of 2026-03-09 — On track');
      // Executives get the summary's first paragraph and the top items; stakeholders all the
      // words; the team the plan's changes and the asks.
      expect(event?.bodies.executive).toBe(
        [
          'Health: On track',
          'Ingest is live.',
          'Top items:',
          '- Two more testers',
          '- Player late',
          '- Ingest live',
        ].join('\n'),
      );
      expect(event?.bodies.stakeholder).toContain('The player ships next week.');
      expect(event?.bodies.stakeholder).toContain('Highlights:\n- Ingest live');
      expect(event?.bodies.team).toContain('Asks:\n- Two more testers');
      expect(event?.bodies.team).not.toContain('Highlights');

      // Each follower finds it once in the inbox, worded for their audience, however many
      // ticks pass.
      await testApp.app.get(Scheduler).tick();
      await testApp.app.get(Scheduler).tick();
      for (const [audience, reader] of Object.entries(readers)) {
        const received = await inbox(reader, 'report.published');
        expect(received).toHaveLength(1);
        expect(received[0]?.body).toBe(event?.bodies[audience]);
      }
    });
  });

  describe('milestone.slipped and raid.high', () => {
    let program: TestProgram;
    beforeAll(async () => {
      program = await insertProgram(testApp, workspace, owner, { name: 'Ads' });
    });

    it('publishes a move later than the baseline, not a move back towards it', async () => {
      const milestone = await insertMilestone(testApp, workspace, program, '2026-03-02');
      const move = (version: number, currentDate: string) =>
        editor
          .patch(`${programPath(workspace, program)}/milestones/${milestone.id}`)
          .send({ version, currentDate, reason: 'Vendor late' })
          .expect(200);
      await move(1, '2026-03-16');
      await move(2, '2026-03-09');
      const events = await outbox('milestone.slipped');
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        subject_type: 'milestone',
        subject_id: milestone.id,
        audience: { users: [owner.id], followersOf: [{ type: 'program', id: program.id }] },
      });
      expect(events[0]?.body).toContain(
        'from 2026-03-02 to 2026-03-16, 14 days after its baseline',
      );
    });

    it('publishes a new RAID item scoring 15 or more, not a lower one', async () => {
      const raid = `${programPath(workspace, program)}/raid`;
      const risk = { kind: 'risk', mitigation: '', ownerId: null, status: 'open', dueDate: null };
      await editor
        .post(raid)
        .send({ ...risk, title: 'Low', probability: 2, impact: 3 })
        .expect(201);
      const high = (
        await editor
          .post(raid)
          .send({ ...risk, title: 'Ad server overload', probability: 5, impact: 3 })
          .expect(201)
      ).body as { id: string };
      const events = await outbox('raid.high');
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        subject_type: 'raid-item',
        subject_id: high.id,
        title: 'Ads: new high-score risk "Ad server overload" (score 15)',
      });
    });
  });

  describe('scheduled reminders', () => {
    it('reminds the owner of an overdue key result’s objective exactly once, in the inbox and by email, however often two processes tick', async () => {
      const objectiveOwner = await createMember(testApp, workspace, 'editor');
      const period = await createPeriod(testApp, workspace, {
        start: '2026-01-01',
        end: '2026-03-31',
      });
      const objective = await createObjective(testApp, workspace, objectiveOwner, period, {
        title: 'Grow podcasts',
      });
      // Weekly since 2026-01-05: due from 01-12, overdue from 01-19.
      const keyResult = await createKeyResult(testApp, objective, {
        createdAt: new Date('2026-01-05T09:00:00Z'),
      });

      const databaseUrl = (testApp.dataSource.options as { url: string }).url;
      const secondDataSource = new DataSource(dataSourceOptions(databaseUrl));
      await secondDataSource.initialize();
      const second = await createApp({ ...testConfig, smtpUrl: smtp.url }, secondDataSource);
      try {
        const apps = [testApp.app, second];
        const tickAll = async (instant: string, times: number) => {
          for (const app of apps) pinAt(app, instant);
          await Promise.all(
            Array.from({ length: times }, (_, index) =>
              (apps[index % apps.length] as NestExpressApplication).get(Scheduler).tick(),
            ),
          );
        };
        const reminders = async () =>
          (await outbox('checkin.due'))
            .concat(await outbox('checkin.overdue'))
            .filter(({ subject_id }) => subject_id === keyResult.id);

        const mails = () =>
          smtp.messages.filter(
            ({ to, subject }) => to.includes(objectiveOwner.email) && subject.includes('Check-in'),
          );
        await tickAll('2026-01-11T12:00:00Z', 2);
        expect(await reminders()).toEqual([]);
        await tickAll('2026-01-12T08:00:00Z', 6);
        // The pinned clock jumps days ahead next: let the sends of this day finish first, or a
        // delivery still being sent would look like one whose claim lapsed days ago.
        for (let waited = 0; mails().length < 1 && waited < 1200; waited += 1) {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        await tickAll('2026-01-14T08:00:00Z', 6);
        await tickAll('2026-01-19T08:00:00Z', 8);
        await tickAll('2026-01-19T08:01:00Z', 8);
        const sent = await reminders();
        expect(sent.map(({ event, dedupe_key }) => ({ event, dedupe_key }))).toEqual([
          { event: 'checkin.due', dedupe_key: `checkin.due:${keyResult.id}:2026-01-12` },
          { event: 'checkin.overdue', dedupe_key: `checkin.overdue:${keyResult.id}:2026-01-19` },
        ]);
        expect(sent[1]).toMatchObject({
          subject_type: 'key-result',
          path: `/w/${workspace.slug}/okrs/key-results/${keyResult.id}`,
          audience: { users: [objectiveOwner.id] },
        });
        // One email each, however many dispatches ran (ticks and dispatch jobs, in both
        // processes). Dispatching is the job queue's, so it may end after the ticks: waited for.
        for (let waited = 0; mails().length < 2 && waited < 1200; waited += 1) {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        await tickAll('2026-01-19T08:02:00Z', 4);
        // The owner's inbox holds each once, however many dispatches the ticks made. Its in-app
        // deliveries are the queue's too, on a loaded machine after the emails: waited for.
        const ownerBrowser = await signIn(testApp, objectiveOwner);
        for (
          let waited = 0;
          (await inbox(ownerBrowser, 'checkin.overdue')).length < 1 && waited < 1200;
          waited += 1
        ) {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        expect(await inbox(ownerBrowser, 'checkin.overdue')).toHaveLength(1);
        expect(await inbox(ownerBrowser, 'checkin.due')).toHaveLength(1);
        expect(
          mails()
            .map(({ subject }) => subject)
            .sort(),
        ).toEqual([
          expect.stringContaining('Check-in due'),
          expect.stringContaining('Check-in overdue'),
        ]);
        // Nothing new to say at a later tick: the reminder service reports nothing published.
        pinAt(testApp.app, '2026-01-20T08:00:00Z');
        expect(
          await testApp.app.get(CheckInReminders).remind(new Date('2026-01-20T08:00:00Z')),
        ).toBe(0);
      } finally {
        await second.close();
      }
    });

    it('reminds a program’s owner on the review weekday when this week’s report is not published', async () => {
      const tpm = await createMember(testApp, workspace, 'editor');
      const missing = await insertProgram(testApp, workspace, tpm, { name: 'Missing report' });
      const drafted = await insertProgram(testApp, workspace, tpm, { name: 'Drafted report' });
      const done = await insertProgram(testApp, workspace, tpm, { name: 'Published report' });
      await insertDraftReport(testApp, workspace, drafted, tpm, '2026-03-09');
      const report = await insertDraftReport(testApp, workspace, done, tpm, '2026-03-09');
      await testApp.dataSource.query(
        `UPDATE "status_report"
            SET "state" = 'published', "published_at" = now(), "published_by_user_id" = $2
          WHERE "id" = $1`,
        [report.id, tpm.id],
      );
      const scheduler = testApp.app.get(Scheduler);
      const mine = async () =>
        (await outbox('report.due')).filter(
          // The week under test only: the queue's own minute tick runs on the real clock.
          ({ audience, dedupe_key }) =>
            audience.users?.[0] === tpm.id && dedupe_key.endsWith(':2026-03-09'),
        );

      // The default review weekday is Monday: nothing on Sunday 03-08 or Tuesday 03-10.
      pinAt(testApp.app, '2026-03-08T12:00:00Z');
      await scheduler.tick();
      pinAt(testApp.app, '2026-03-10T12:00:00Z');
      await scheduler.tick();
      expect(await mine()).toEqual([]);

      pinAt(testApp.app, '2026-03-09T09:00:00Z');
      await scheduler.tick();
      await scheduler.tick();
      const due = await mine();
      expect(due.map(({ subject_id, dedupe_key }) => ({ subject_id, dedupe_key }))).toEqual(
        expect.arrayContaining([
          { subject_id: missing.id, dedupe_key: `report.due:${missing.id}:2026-03-09` },
          { subject_id: drafted.id, dedupe_key: `report.due:${drafted.id}:2026-03-09` },
        ]),
      );
      expect(due).toHaveLength(2);
      expect(due.find(({ subject_id }) => subject_id === drafted.id)?.body).toContain(
        'drafted but not published',
      );
    });

    it('reminds followers who can write the report, and the admins, when its owner cannot: a viewer, one who left, a disabled account', async () => {
      const leaver = await createMember(testApp, workspace, 'editor');
      const disabled = await createMember(testApp, workspace, 'editor');
      const viewer = await createMember(testApp, workspace, 'viewer');
      const writer = await createMember(testApp, workspace, 'editor');
      const programs = {
        left: await insertProgram(testApp, workspace, leaver, { name: 'Owner left' }),
        disabled: await insertProgram(testApp, workspace, disabled, { name: 'Owner disabled' }),
        viewer: await insertProgram(testApp, workspace, viewer, { name: 'Owner is a viewer' }),
        writer: await insertProgram(testApp, workspace, writer, { name: 'Owner writes' }),
      };
      // An editor and a viewer follow the program whose owner left.
      const lead = await createMember(testApp, workspace, 'editor');
      await (
        await signIn(testApp, lead)
      )
        .post(url('follows'))
        .send({ subject: { type: 'program', id: programs.left.id } })
        .expect(201);
      const watcher = await createMember(testApp, workspace, 'viewer');
      await (
        await signIn(testApp, watcher)
      )
        .post(url('follows'))
        .send({ subject: { type: 'program', id: programs.left.id } })
        .expect(201);
      await testApp.dataSource.query(
        `DELETE FROM "membership" WHERE "workspace_id" = $1 AND "user_id" = $2`,
        [workspace.id, leaver.id],
      );
      await testApp.dataSource.query(`UPDATE "user" SET "disabled_at" = now() WHERE "id" = $1`, [
        disabled.id,
      ]);

      pinAt(testApp.app, '2026-03-16T09:00:00Z');
      await testApp.app.get(Scheduler).tick();
      const keys = Object.values(programs).map(({ id }) => `report.due:${id}:2026-03-16`);
      // Expanded into deliveries by this dispatch or by the one the tick queued, whichever ran.
      for (let waited = 0; ; waited += 1) {
        await testApp.app.get(NotificationPipeline).dispatch(new Date('2026-03-16T09:00:00Z'));
        const [{ pending }] = await testApp.dataSource.query<[{ pending: number }]>(
          `SELECT count(*)::int AS "pending" FROM "notification_event"
            WHERE "workspace_id" = $1 AND "dedupe_key" = ANY($2) AND "expanded_at" IS NULL`,
          [workspace.id, keys],
        );
        if (pending === 0) break;
        if (waited > 300) throw new Error('the reminders were never expanded');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const remindedOf = async (program: TestProgram) => {
        const rows = await testApp.dataSource.query<{ user_id: string }[]>(
          `SELECT DISTINCT d."user_id" FROM "notification_delivery" d
             JOIN "notification_event" e ON e."id" = d."event_id"
            WHERE e."workspace_id" = $1 AND e."dedupe_key" = $2 AND d."channel" = 'inbox'
            ORDER BY d."user_id"`,
          [workspace.id, `report.due:${program.id}:2026-03-16`],
        );
        return rows.map(({ user_id }) => user_id);
      };
      // `owner` created the workspace: its admin. The viewer who follows is not reminded.
      expect(await remindedOf(programs.left)).toEqual([owner.id, lead.id].sort());
      expect(await remindedOf(programs.disabled)).toEqual([owner.id]);
      expect(await remindedOf(programs.viewer)).toEqual([owner.id]);
      expect(await remindedOf(programs.writer)).toEqual([writer.id]);
      const bodies = new Map(
        (await outbox('report.due')).map(({ subject_id, body }) => [subject_id, body]),
      );
      expect(bodies.get(programs.left.id)).toContain('no longer a member of this workspace');
      expect(bodies.get(programs.disabled.id)).toContain("owner's account is disabled");
      expect(bodies.get(programs.viewer.id)).toContain('is a viewer here');
      expect(bodies.get(programs.writer.id)).not.toContain('owner');
    });

    it('reminds the followers of a program once when a dependency is overdue', async () => {
      const program = await insertProgram(testApp, workspace, owner, { name: 'Video' });
      const other = await insertProgram(testApp, workspace, owner, { name: 'Player' });
      const dependency = await insertDependency(testApp, workspace, program, other);
      const scheduler = testApp.app.get(Scheduler);
      const mine = async () =>
        (await outbox('dependency.overdue')).filter(
          ({ subject_id }) => subject_id === dependency.id,
        );

      // Needed by 2026-04-01: not overdue that day, overdue the next.
      pinAt(testApp.app, '2026-04-01T12:00:00Z');
      await scheduler.tick();
      expect(await mine()).toEqual([]);
      pinAt(testApp.app, '2026-04-02T12:00:00Z');
      await scheduler.tick();
      await scheduler.tick();
      const events = await mine();
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        dedupe_key: `dependency.overdue:${dependency.id}:2026-04-01`,
        audience: { users: [owner.id], followersOf: [{ type: 'program', id: program.id }] },
      });
      expect(events[0]?.body).toContain('1 day overdue');
    });

    it('reminds of overdue dependencies of programs still running only, and reads none already reminded of', async () => {
      const running = await insertProgram(testApp, workspace, owner, { name: 'Still running' });
      const ended = await insertProgram(testApp, workspace, owner, {
        name: 'Ended last year',
        start: '2025-01-05',
        end: '2025-12-19',
      });
      const endsToday = await insertProgram(testApp, workspace, owner, {
        name: 'Ends today',
        end: '2026-04-02',
      });
      // Each needed by 2026-04-01, open: overdue on 2026-04-02.
      const live = await insertDependency(testApp, workspace, running, ended);
      const lastDay = await insertDependency(testApp, workspace, endsToday, running);
      const forgotten = await insertDependency(testApp, workspace, ended, running);
      const mine = [live.id, lastDay.id, forgotten.id];
      const toRemind = async () =>
        (
          await overdueDependenciesNotRemindedOf(
            testApp.dataSource.manager,
            '2026-04-02',
            'dependency.overdue',
          )
        )
          .map(({ id }) => id)
          .filter((id) => mine.includes(id))
          .sort();

      expect(await toRemind()).toEqual([live.id, lastDay.id].sort());
      await testApp.app.get(DependencyReminders).remind(new Date('2026-04-02T12:00:00Z'));
      const keys = (await outbox('dependency.overdue')).map(({ dedupe_key }) => dedupe_key);
      expect(keys).toEqual(
        expect.arrayContaining([
          `dependency.overdue:${live.id}:2026-04-01`,
          `dependency.overdue:${lastDay.id}:2026-04-01`,
        ]),
      );
      expect(keys.filter((key) => key.includes(forgotten.id))).toEqual([]);
      // Reminded once: the next minute's read finds nothing of them, and publishes nothing.
      expect(await toRemind()).toEqual([]);
      expect(
        await testApp.app.get(DependencyReminders).remind(new Date('2026-04-02T12:01:00Z')),
      ).toBe(0);
      // A new need-by date, missed again, is news again.
      await testApp.dataSource.query(
        `UPDATE "program_dependency" SET "need_by" = '2026-04-10' WHERE "id" = $1`,
        [live.id],
      );
      expect(
        await overdueDependenciesNotRemindedOf(
          testApp.dataSource.manager,
          '2026-04-11',
          'dependency.overdue',
        ).then((rows) => rows.filter(({ id }) => mine.includes(id)).map(({ id }) => id)),
      ).toEqual([live.id]);
    });
  });
});
