import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import {
  meResponseSchema,
  notificationChannelListSchema,
  notificationChannelSchema,
  notificationDeliveryPageSchema,
  notificationPageSchema,
  notificationPreferencesSchema,
  problemSchema,
} from '@bearing/contracts';
import { DataSource } from 'typeorm';
import { createApp } from '../src/create-app.js';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import {
  claimDueDeliveries,
  insertDeliveries,
  recordAttempt,
  renewClaim,
} from '../src/notifications/delivery.repository.js';
import { Scheduler } from '../src/jobs/jobs.module.js';
import { NotificationPipeline } from '../src/notifications/notifications.module.js';
import { type OutboxEventInput, publishEvent } from '../src/notifications/outbox.repository.js';
import { publicOnlyLookup, refusedWebhookUrl } from '../src/notifications/webhook-address.js';
import {
  addMember,
  type Browser,
  browser,
  createMember,
  createUser,
  createWorkspace,
  signIn,
  type TestUser,
  type TestWorkspace,
} from './support/factories.js';
import { insertProgram, pinClock, type TestProgram } from './support/program-factories.js';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.js';
import { createTestApp, type TestApp, testConfig } from './support/test-app.js';
import { startWebhookSink, type WebhookSink } from './support/webhook-sink.js';

// A Wednesday: on the default review weekday (Monday) a real scheduler tick during a test would
// also publish digests and report reminders into the inboxes these tests count.
const T0 = '2026-03-04T09:00:00.000Z';
const MINUTE = 60_000;

/** Polls `condition` until it holds (a background worker may be the one doing the work). */
async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('the condition never held');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('notifications', () => {
  let testApp: TestApp;
  let smtp: SmtpSink;
  let hooks: WebhookSink;
  let admin: TestUser;
  let editor: TestUser;
  let viewer: TestUser;
  let workspace: TestWorkspace;
  let program: TestProgram;
  let adminBrowser: Browser;
  let clock: { set(instant: string): void };
  let sequence = 0;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    hooks = await startWebhookSink();
    testApp = await createTestApp({ smtpUrl: smtp.url, webhookAllowLoopback: true });
    admin = await createUser(testApp);
    workspace = await createWorkspace(testApp, admin);
    editor = await createMember(testApp, workspace, 'editor');
    viewer = await createMember(testApp, workspace, 'viewer');
    program = await insertProgram(testApp, workspace, admin);
    adminBrowser = await signIn(testApp, admin);
  });
  afterAll(async () => {
    await testApp.close();
    await smtp.close();
    await hooks.close();
  });
  afterEach(() => {
    jest.restoreAllMocks();
    smtp.failWith(undefined);
  });

  const pipeline = () => testApp.app.get(NotificationPipeline);
  const dispatch = (instant: string) => pipeline().dispatch(new Date(instant));
  const channelsPath = () => `/api/workspaces/${workspace.slug}/notification-channels`;
  const deliveriesPath = () => `/api/workspaces/${workspace.slug}/notification-deliveries`;

  function publish(
    overrides: Partial<OutboxEventInput> = {},
    dataSource: DataSource = testApp.dataSource,
  ): Promise<boolean> {
    sequence += 1;
    return dataSource.transaction((manager) =>
      publishEvent(manager, {
        workspaceId: workspace.id,
        event: 'raid.high',
        subject: { type: 'program', id: program.id },
        title: `Risk ${sequence} scores 20`,
        body: 'A new risk scores 20 (probability 4 × impact 5).',
        path: `/w/${workspace.slug}/programs/${program.id}`,
        audience: { followersOf: [{ type: 'program', id: program.id }] },
        dedupeKey: `test:${sequence}`,
        ...overrides,
      }),
    );
  }

  async function deliveriesOfEvent(title: string) {
    const rows: {
      channel: string;
      user_id: string | null;
      channel_id: string | null;
      state: string;
    }[] = await testApp.dataSource.query(
      `SELECT d."channel", d."user_id", d."channel_id", d."state" FROM "notification_delivery" d
           JOIN "notification_event" e ON e."id" = d."event_id" WHERE e."title" = $1
          ORDER BY d."channel", d."user_id"`,
      [title],
    );
    return rows;
  }

  /** Every column that says where a delivery of the event stands, claim included. */
  async function deliveryRowsOfEvent(title: string) {
    const rows: {
      id: string;
      state: string;
      attempts: number;
      claimed_until: Date | null;
      claim_token: string | null;
      sent_at: Date | null;
    }[] = await testApp.dataSource.query(
      `SELECT d."id", d."state", d."attempts", d."claimed_until", d."claim_token", d."sent_at"
         FROM "notification_delivery" d JOIN "notification_event" e ON e."id" = d."event_id"
        WHERE e."title" = $1 ORDER BY d."id"`,
      [title],
    );
    return rows;
  }

  async function addChannel(kind: 'slack' | 'teams', path: string): Promise<string> {
    const response = await adminBrowser
      .post(channelsPath())
      .send({ name: `${kind} ${path}`, kind, url: `${hooks.origin}${path}` })
      .expect(201);
    return notificationChannelSchema.parse(response.body).id;
  }

  async function removeChannel(id: string): Promise<void> {
    await adminBrowser.delete(`${channelsPath()}/${id}`).expect(204);
  }

  describe('follows', () => {
    it('lets any member follow a program of the workspace, once, and unfollow it', async () => {
      const viewerBrowser = await signIn(testApp, viewer);
      const follows = `/api/workspaces/${workspace.slug}/follows`;
      const subject = { type: 'program', id: program.id };
      const first = await viewerBrowser.post(follows).send({ subject }).expect(201);
      expect(first.body.subject).toEqual(subject);
      await viewerBrowser.post(follows).send({ subject }).expect(201);
      expect((await viewerBrowser.get(follows).expect(200)).body.items).toEqual([
        { subject, createdAt: first.body.createdAt },
      ]);
      await viewerBrowser.delete(`${follows}/program/${program.id}`).expect(204);
      await viewerBrowser.delete(`${follows}/program/${program.id}`).expect(404);
      expect((await viewerBrowser.get(follows).expect(200)).body.items).toEqual([]);
    });

    it('answers 404 naming a subject the workspace does not have, and 400 naming a bad type', async () => {
      const follows = `/api/workspaces/${workspace.slug}/follows`;
      const missing = '00000000-0000-4000-8000-000000000009';
      const response = await adminBrowser
        .post(follows)
        .send({ subject: { type: 'team', id: missing } })
        .expect(404);
      expect(problemSchema.parse(response.body).detail).toContain(`team ${missing}`);
      const bad = await adminBrowser
        .post(follows)
        .send({ subject: { type: 'person', id: missing } })
        .expect(400);
      expect(problemSchema.parse(bad.body).errors?.map(({ path }) => path)).toEqual([
        'subject.type',
      ]);
    });
  });

  describe('delivery', () => {
    beforeAll(async () => {
      for (const user of [admin, editor]) {
        await (
          await signIn(testApp, user)
        )
          .post(`/api/workspaces/${workspace.slug}/follows`)
          .send({ subject: { type: 'program', id: program.id } })
          .expect(201);
      }
    });

    it('publishes a dedupe key once: a second publish is a no-op', async () => {
      clock = pinClock(testApp, T0);
      expect(await publish({ dedupeKey: 'once' })).toBe(true);
      expect(await publish({ dedupeKey: 'once' })).toBe(false);
      const [row] = await testApp.dataSource.query(
        `SELECT count(*)::int AS n FROM "notification_event" WHERE "dedupe_key" = 'once'`,
      );
      expect(row.n).toBe(1);
      await dispatch(T0);
    });

    it('delivers each (event, recipient, channel) exactly once across two worker processes and repeated ticks', async () => {
      clock = pinClock(testApp, T0);
      const slack = await addChannel('slack', '/slack-once');
      const teams = await addChannel('teams', '/teams-once');
      const secondDataSource = new DataSource(
        dataSourceOptions((testApp.dataSource.options as { url: string }).url),
      );
      await secondDataSource.initialize();
      const secondApp = await createApp(
        { ...testConfig, smtpUrl: smtp.url, webhookAllowLoopback: true },
        secondDataSource,
      );
      try {
        const title = 'Exactly once: risk scores 25';
        await publish({
          title,
          audience: { followersOf: [{ type: 'program', id: program.id }], alertChannels: true },
        });
        const mailsBefore = smtp.messages.length;
        const hooksBefore = hooks.requests.length;
        const other = secondApp.get(NotificationPipeline);
        for (let tick = 0; tick < 3; tick++) {
          await Promise.all([
            pipeline().dispatch(new Date(T0)),
            other.dispatch(new Date(T0)),
            pipeline().dispatch(new Date(T0)),
            other.dispatch(new Date(T0)),
          ]);
        }
        const deliveries = await deliveriesOfEvent(title);
        // Two followers × (inbox, email) + one Slack + one Teams channel; the viewer follows nothing.
        expect(
          deliveries
            .map(({ channel, user_id, channel_id }) => [channel, user_id ?? channel_id])
            .sort(),
        ).toEqual(
          [
            ['email', admin.id],
            ['email', editor.id],
            ['inbox', admin.id],
            ['inbox', editor.id],
            ['slack', slack],
            ['teams', teams],
          ].sort(),
        );
        expect(deliveries.every(({ state }) => state === 'sent')).toBe(true);
        const mails = smtp.messages.slice(mailsBefore).filter(({ subject }) => subject === title);
        expect(mails.map(({ to }) => to[0]).sort()).toEqual([admin.email, editor.email].sort());
        const posts = hooks.requests.slice(hooksBefore);
        expect(posts.map(({ path }) => path).sort()).toEqual(['/slack-once', '/teams-once']);
        const slackPost = posts.find(({ path }) => path === '/slack-once')?.body as {
          text: string;
          blocks: { type: string }[];
        };
        expect(slackPost.text).toBe(title);
        expect(slackPost.blocks.map(({ type }) => type)).toEqual(['header', 'section', 'actions']);
        const teamsPost = posts.find(({ path }) => path === '/teams-once')?.body as {
          attachments: { contentType: string; content: { type: string } }[];
        };
        expect(teamsPost.attachments[0]?.contentType).toBe(
          'application/vnd.microsoft.card.adaptive',
        );
        expect(teamsPost.attachments[0]?.content.type).toBe('AdaptiveCard');
        const inbox = await (
          await signIn(testApp, editor)
        )
          .get('/api/me/notifications')
          .expect(200);
        expect(
          notificationPageSchema.parse(inbox.body).items.filter((item) => item.title === title),
        ).toHaveLength(1);
      } finally {
        await secondApp.close();
        await removeChannel(slack);
        await removeChannel(teams);
      }
    });

    it("holds a send's claim on the database's clock: a worker whose clock runs days ahead does not send it again", async () => {
      clock = pinClock(testApp, T0);
      const slack = await addChannel('slack', '/slack-in-flight');
      const inFlight = hooks.holdNext('/slack-in-flight');
      try {
        const title = 'In flight: milestone slipped';
        await publish({ title, audience: { alertChannels: true } });
        const posts = () => hooks.requests.filter(({ path }) => path === '/slack-in-flight');
        const firstWorker = dispatch(T0);
        await until(() => posts().length === 1);
        // Another worker, its clock three days ahead, ticks while the first send waits.
        const later = new Date(Date.parse(T0) + 3 * 24 * 60 * MINUTE);
        await pipeline().dispatch(later);
        expect(posts()).toHaveLength(1);
        inFlight.release();
        await firstWorker;
        const states = async () => (await deliveriesOfEvent(title)).map(({ state }) => state);
        await until(async () => (await states()).join() === 'sent');
        expect(posts()).toHaveLength(1);
      } finally {
        inFlight.release();
        await removeChannel(slack);
      }
    });

    it('lets only the worker whose claim holds a delivery renew it or record its attempt: one whose claim lapsed and was taken over changes nothing', async () => {
      clock = pinClock(testApp, T0);
      const title = 'Two claimers: risk scores 19';
      await publish({ title, audience: {} });
      await dispatch(T0);
      const [event]: { id: string }[] = await testApp.dataSource.query(
        `SELECT "id" FROM "notification_event" WHERE "title" = $1`,
        [title],
      );
      // Due only years later, so no tick of the pinned clock in this test run touches it.
      const due = new Date('2031-01-06T09:00:00.000Z');
      const manager = testApp.dataSource.manager;
      await insertDeliveries(
        manager,
        [
          {
            workspaceId: workspace.id,
            eventId: event?.id ?? '',
            userId: editor.id,
            channelId: null,
            channel: 'inbox',
          },
        ],
        due,
      );
      const [delivery] = await deliveryRowsOfEvent(title);
      const id = delivery?.id ?? '';
      const [first] = await claimDueDeliveries(manager, due, 5 * MINUTE, 10, [id]);
      const firstToken = first?.claimToken ?? '';
      expect(firstToken).toMatch(/^[0-9a-f-]{36}$/);
      // The first worker's claim lapses (five minutes of the database's time), a second claims it.
      await testApp.dataSource.query(
        `UPDATE "notification_delivery" SET "claimed_until" = clock_timestamp() - interval '1 second'
          WHERE "id" = $1`,
        [id],
      );
      const [second] = await claimDueDeliveries(manager, due, 5 * MINUTE, 10, [id]);
      const secondToken = second?.claimToken ?? '';
      expect(secondToken).toMatch(/^[0-9a-f-]{36}$/);
      expect(secondToken).not.toBe(firstToken);
      const takenOver = await deliveryRowsOfEvent(title);
      expect(takenOver[0]?.claim_token).toBe(secondToken);

      const sent = { state: 'sent' as const, lastError: null, nextAttemptAt: null, sentAt: due };
      expect(await renewClaim(manager, id, firstToken, 5 * MINUTE)).toBe(false);
      expect(await recordAttempt(manager, id, firstToken, sent)).toBe(false);
      expect(await deliveryRowsOfEvent(title)).toEqual(takenOver);

      expect(await renewClaim(manager, id, secondToken, 5 * MINUTE)).toBe(true);
      expect(await recordAttempt(manager, id, secondToken, sent)).toBe(true);
      expect(await deliveryRowsOfEvent(title)).toEqual([
        expect.objectContaining({
          state: 'sent',
          attempts: 1,
          claimed_until: null,
          claim_token: null,
        }),
      ]);
    });

    it('sends a delivery once when its claim lapses while an earlier send to its destination holds the worker up and another worker takes it over', async () => {
      clock = pinClock(testApp, T0);
      const path = '/slack-batch';
      const channel = await addChannel('slack', path);
      const hold = hooks.holdNext(path);
      const posts = () => hooks.requests.filter((request) => request.path === path);
      const postedTitles = () => posts().map(({ body }) => (body as { text: string }).text);
      try {
        const titles = ['Slow batch: milestone slipped', 'Slow batch: risk scores 21'];
        for (const title of titles) await publish({ title, audience: { alertChannels: true } });
        // The first worker claims both deliveries at once and is held up by its first send:
        // a destination's deliveries go out one after another.
        const firstWorker = dispatch(T0);
        await until(() => posts().length === 1);
        const waiting = titles.find((title) => !postedTitles().includes(title)) ?? '';
        const [waitingRow] = await deliveryRowsOfEvent(waiting);
        // That send outlasts the claim of the delivery still waiting its turn in memory.
        await testApp.dataSource.query(
          `UPDATE "notification_delivery" SET "claimed_until" = clock_timestamp() - interval '1 second'
            WHERE "id" = $1`,
          [waitingRow?.id],
        );
        // Another worker claims it and sends it (the receiver holds only the first request).
        await pipeline().dispatch(new Date(T0));
        expect(postedTitles().filter((title) => title === waiting)).toHaveLength(1);

        hold.release();
        await firstWorker;
        expect(postedTitles().sort()).toEqual([...titles].sort());
        for (const title of titles) {
          expect((await deliveriesOfEvent(title)).map(({ state }) => state)).toEqual(['sent']);
        }
      } finally {
        hold.release();
        await removeChannel(channel);
      }
    });

    it('keeps sends to other servers off the minute tick: a webhook that does not answer holds up neither the tick nor the work after it, and the dispatch job sends', async () => {
      clock = pinClock(testApp, T0);
      const path = '/slack-slow';
      const channel = await addChannel('slack', path);
      // The receiver keeps the first send waiting for its answer until released: a tick that
      // sent itself would sit on it (until the send's timeout) before the work after it.
      const hold = hooks.holdNext(path);
      const scheduler = testApp.app.get(Scheduler);
      // Work another feature registered after notifications (alert rules, Jira schedules,
      // reminders): whether the tick reached it.
      let reached = false;
      scheduler.register('test:after-notifications', () => {
        reached = true;
        return Promise.resolve();
      });
      const posts = () => hooks.requests.filter((request) => request.path === path);
      try {
        const titles = [1, 2, 3, 4, 5].map((n) => `Slow channel: alert ${n} fired`);
        for (const title of titles) {
          await publish({ title, audience: { users: [editor.id], alertChannels: true } });
        }
        await scheduler.tick();
        expect(reached).toBe(true);
        // The tick wrote the inbox and left the sends to a job: at most the held one has gone
        // out (one channel's messages go in order), none has been answered or given up on.
        expect(posts().length).toBeLessThanOrEqual(1);
        for (const title of titles) {
          const deliveries = await deliveriesOfEvent(title);
          expect(deliveries.find(({ channel }) => channel === 'inbox')?.state).toBe('sent');
          expect(deliveries.find(({ channel }) => channel === 'slack')?.state).toBe('pending');
        }
        hold.release();
        // The notifications.dispatch job sends them, one after another to the one channel.
        await until(async () => {
          const slack = await Promise.all(
            titles.map(async (title) =>
              (await deliveriesOfEvent(title)).find(({ channel }) => channel === 'slack'),
            ),
          );
          return slack.every((delivery) => delivery?.state === 'sent');
        });
        expect(posts()).toHaveLength(5);
      } finally {
        hold.release();
        await removeChannel(channel);
      }
    });

    it('writes the health as text in Slack and Teams messages, never colour alone', async () => {
      clock = pinClock(testApp, T0);
      const slack = await addChannel('slack', '/slack-health');
      const teams = await addChannel('teams', '/teams-health');
      try {
        const before = hooks.requests.length;
        await publish({
          event: 'guardrail.changed',
          title: 'Guardrail p95 latency breached',
          data: { from: 'warning', to: 'breached' },
          audience: { alertChannels: true },
        });
        await dispatch(T0);
        // The dispatch job a tick queued may be the one that sends them: wait for both.
        await until(() => hooks.requests.slice(before).length >= 2);
        // The two channels are sent to at once: which answers first varies.
        const posted = hooks.requests.slice(before);
        expect(posted.map(({ path }) => path).sort()).toEqual(['/slack-health', '/teams-health']);
        const bodyTo = (path: string) =>
          JSON.stringify(posted.find((request) => request.path === path)?.body);
        expect(bodyTo('/slack-health')).toMatch(/Health:\*? breached/);
        expect(bodyTo('/teams-health')).toContain('"title":"Health","value":"breached"');
      } finally {
        await removeChannel(slack);
        await removeChannel(teams);
      }
    });

    it('retries a failing webhook with backoff, then marks it dead after 24 hours, visible in the log; retry from the log sends it', async () => {
      clock = pinClock(testApp, T0);
      const logged = jest.spyOn(Logger.prototype, 'warn');
      hooks.answer('/slack-failing/secret-part', 503);
      const slack = await addChannel('slack', '/slack-failing/secret-part');
      try {
        const title = 'Retry me: risk scores 16';
        await publish({ title, audience: { alertChannels: true } });
        await dispatch(T0);
        const failing = async () =>
          notificationDeliveryPageSchema
            .parse((await adminBrowser.get(deliveriesPath()).expect(200)).body)
            .items.find((item) => item.title === title && item.channel === 'slack');
        expect(await failing()).toMatchObject({
          state: 'retrying',
          attempts: 1,
          lastError: 'webhook answered 503',
          channelId: slack,
          recipient: null,
          nextAttemptAt: new Date(Date.parse(T0) + MINUTE).toISOString(),
        });
        // Not due yet: another tick at the same minute sends nothing.
        const posts = () =>
          hooks.requests.filter(({ path }) => path === '/slack-failing/secret-part');
        await dispatch(T0);
        expect(posts()).toHaveLength(1);
        // Due after a minute, then two minutes (exponential backoff).
        const second = new Date(Date.parse(T0) + MINUTE).toISOString();
        clock.set(second);
        await dispatch(second);
        expect(await failing()).toMatchObject({
          state: 'retrying',
          attempts: 2,
          nextAttemptAt: new Date(Date.parse(second) + 2 * MINUTE).toISOString(),
        });
        const later = new Date(Date.parse(T0) + 25 * 60 * MINUTE).toISOString();
        clock.set(later);
        await dispatch(later);
        const dead = await failing();
        expect(dead).toMatchObject({
          state: 'dead',
          attempts: 3,
          lastError: 'webhook answered 503',
        });
        const deadList = notificationDeliveryPageSchema.parse(
          (await adminBrowser.get(deliveriesPath()).query({ state: 'dead' }).expect(200)).body,
        );
        expect(deadList.items.map(({ id }) => id)).toContain(dead?.id);
        expect(deadList.items.every(({ state }) => state === 'dead')).toBe(true);

        hooks.answer('/slack-failing/secret-part', 200);
        const retried = await adminBrowser
          .post(`${deliveriesPath()}/${dead?.id}/retry`)
          .expect(200);
        expect(retried.body).toMatchObject({ state: 'sent', attempts: 4 });
        await adminBrowser.post(`${deliveriesPath()}/${dead?.id}/retry`).expect(409);
        // The webhook URL is a secret: not in any log line.
        const lines = logged.mock.calls.map((call) => String(call[0]));
        expect(lines.some((line) => line.includes('webhook answered 503'))).toBe(true);
        expect(lines.join('\n')).not.toContain('secret-part');
      } finally {
        await removeChannel(slack);
      }
    });

    it('refuses to retry from the log a delivery a worker is sending right now, and leaves its claim', async () => {
      clock = pinClock(testApp, T0);
      hooks.answer('/slack-busy', 503);
      const slack = await addChannel('slack', '/slack-busy');
      try {
        const title = 'Being sent: risk scores 17';
        await publish({ title, audience: { alertChannels: true } });
        await dispatch(T0);
        const [failing] = await deliveryRowsOfEvent(title);
        expect(failing?.state).toBe('retrying');
        // A worker claims it for its next attempt, due a minute later, and is sending it now.
        const next = new Date(Date.parse(T0) + MINUTE);
        const claimed = await claimDueDeliveries(testApp.dataSource.manager, next, 5 * MINUTE, 1, [
          failing?.id ?? '',
        ]);
        expect(claimed.map(({ id }) => id)).toEqual([failing?.id]);
        const [held] = await deliveryRowsOfEvent(title);
        expect(held?.claimed_until).not.toBeNull();

        hooks.answer('/slack-busy', 200);
        const refused = await adminBrowser
          .post(`${deliveriesPath()}/${failing?.id}/retry`)
          .expect(409);
        expect(problemSchema.parse(refused.body).type).toMatch(/being-sent$/);
        expect(await deliveryRowsOfEvent(title)).toEqual([held]);
        expect(hooks.requests.filter(({ path }) => path === '/slack-busy')).toHaveLength(1);
      } finally {
        await removeChannel(slack);
      }
    });

    it('marks a channel whose webhook answers 410 broken, stops posting to it and tells the admins in their inbox', async () => {
      clock = pinClock(testApp, T0);
      hooks.answer('/slack-gone', 410);
      const slack = await addChannel('slack', '/slack-gone');
      try {
        await publish({ title: 'To a gone channel', audience: { alertChannels: true } });
        await dispatch(T0);
        await dispatch(T0);
        const list = notificationChannelListSchema.parse(
          (await adminBrowser.get(channelsPath()).expect(200)).body,
        );
        expect(list.items.find(({ id }) => id === slack)).toMatchObject({
          broken: true,
          brokenReason: 'webhook answered 410: the channel is gone',
        });
        const inbox = notificationPageSchema.parse(
          (await adminBrowser.get('/api/me/notifications').expect(200)).body,
        );
        const notice = inbox.items.find((item) => item.event === 'channel.broken');
        expect(notice?.title).toContain('stopped working');
        expect(notice?.subject).toEqual({ type: 'channel', id: slack });
        // The editor is not an admin and hears nothing of it.
        const editorInbox = notificationPageSchema.parse(
          (await (await signIn(testApp, editor)).get('/api/me/notifications').expect(200)).body,
        );
        expect(editorInbox.items.some((item) => item.event === 'channel.broken')).toBe(false);
        await publish({ title: 'After it broke', audience: { alertChannels: true } });
        await dispatch(T0);
        expect(hooks.requests.filter(({ path }) => path === '/slack-gone')).toHaveLength(1);
      } finally {
        await removeChannel(slack);
      }
    });

    it('retries an email the SMTP server refuses for now (4xx)', async () => {
      clock = pinClock(testApp, T0);
      smtp.failWith(451);
      const title = 'Mail later: risk scores 18';
      await publish({ title, audience: { users: [editor.id] } });
      await dispatch(T0);
      const [email] = (await deliveriesOfEvent(title)).filter(({ channel }) => channel === 'email');
      expect(email?.state).toBe('retrying');
      smtp.failWith(undefined);
      const next = new Date(Date.parse(T0) + MINUTE).toISOString();
      clock.set(next);
      await dispatch(next);
      expect(smtp.messages.filter(({ subject }) => subject === title)).toHaveLength(1);
    });

    it('skips an event it cannot expand without holding up the others', async () => {
      clock = pinClock(testApp, T0);
      jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
      await publish({ title: 'Unexpandable', audience: { users: ['not-a-user-id'] } });
      const title = 'Expanded despite a bad neighbour';
      await publish({ title, audience: { users: [editor.id] } });
      await dispatch(T0);
      expect(await deliveriesOfEvent('Unexpandable')).toEqual([]);
      expect((await deliveriesOfEvent(title)).map(({ state }) => state)).toEqual(['sent', 'sent']);
      await dispatch(T0);
      expect(await deliveriesOfEvent('Unexpandable')).toEqual([]);
    });

    it('expands an event whose expansion failed at the next dispatch, and gives one failing every time up after five attempts', async () => {
      clock = pinClock(testApp, T0);
      const errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
      jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
      const title = 'Expanded on the second try';
      // A passing fault (say, a dropped connection) while this event's recipients are resolved.
      type Expander = {
        deliveriesOf(manager: unknown, event: { title: string }): Promise<unknown>;
      };
      const expander = pipeline() as unknown as Expander;
      const resolve = expander.deliveriesOf.bind(expander);
      let failedOnce = false;
      jest.spyOn(expander, 'deliveriesOf').mockImplementation((manager, event) => {
        if (event.title !== title || failedOnce) return resolve(manager, event);
        failedOnce = true;
        return Promise.reject(new Error('Connection terminated unexpectedly'));
      });
      await publish({ title, audience: { users: [editor.id] } });
      const eventRow = async (eventTitle: string) => {
        const [row]: { id: string; expanded_at: Date | null; expand_attempts: number }[] =
          await testApp.dataSource.query(
            `SELECT "id", "expanded_at", "expand_attempts" FROM "notification_event" WHERE "title" = $1`,
            [eventTitle],
          );
        return row;
      };
      await dispatch(T0);
      expect(await deliveriesOfEvent(title)).toEqual([]);
      expect(await eventRow(title)).toMatchObject({ expanded_at: null, expand_attempts: 1 });
      await dispatch(T0);
      expect((await deliveriesOfEvent(title)).map(({ state }) => state)).toEqual(['sent', 'sent']);
      expect((await eventRow(title))?.expanded_at).not.toBeNull();

      const broken = 'Never expandable';
      await publish({ title: broken, audience: { users: ['not-a-user-id'] } });
      await dispatch(T0);
      expect(await eventRow(broken)).toMatchObject({ expanded_at: null, expand_attempts: 1 });
      for (let tick = 0; tick < 10 && !(await eventRow(broken))?.expanded_at; tick++) {
        await dispatch(T0);
      }
      const givenUp = await eventRow(broken);
      expect(givenUp?.expanded_at).not.toBeNull();
      expect(givenUp?.expand_attempts).toBe(5);
      expect(await deliveriesOfEvent(broken)).toEqual([]);
      expect(
        errors.mock.calls.some(([line]) =>
          String(line).includes(
            `event ${givenUp?.id} (raid.high) could not be expanded in 5 attempts, giving up`,
          ),
        ),
      ).toBe(true);
    });

    it('sends to editors only when the event says so, and only to members', async () => {
      clock = pinClock(testApp, T0);
      const outsider = await createUser(testApp);
      const title = 'Import failed for team Platform';
      await publish({
        title,
        event: 'import.failed',
        audience: { users: [viewer.id, editor.id, outsider.id], editorsOnly: true },
      });
      await dispatch(T0);
      const recipients = new Set((await deliveriesOfEvent(title)).map(({ user_id }) => user_id));
      expect([...recipients]).toEqual([editor.id]);
    });

    it('checks the role again before each send: an email still retrying does not reach a member demoted meanwhile', async () => {
      clock = pinClock(testApp, T0);
      const laterEditor = await createMember(testApp, workspace, 'editor');
      const laterAdmin = await createMember(testApp, workspace, 'admin');
      const editorsTitle = 'Import failed for team Mobile';
      const adminsTitle = 'Notification channel "ops" stopped working';
      smtp.failWith(451);
      await publish({
        title: editorsTitle,
        event: 'import.failed',
        audience: { users: [laterEditor.id], editorsOnly: true },
      });
      await publish({
        title: adminsTitle,
        event: 'channel.broken',
        audience: { workspaceAdmins: true },
      });
      await dispatch(T0);
      const emailOf = async (title: string, userId: string) =>
        (await deliveriesOfEvent(title)).find(
          ({ channel, user_id }) => channel === 'email' && user_id === userId,
        );
      expect((await emailOf(editorsTitle, laterEditor.id))?.state).toBe('retrying');
      expect((await emailOf(adminsTitle, laterAdmin.id))?.state).toBe('retrying');

      await testApp.dataSource.query(
        `UPDATE "membership" SET "role" = 'viewer' WHERE "workspace_id" = $1 AND "user_id" = $2`,
        [workspace.id, laterEditor.id],
      );
      await testApp.dataSource.query(
        `UPDATE "membership" SET "role" = 'editor' WHERE "workspace_id" = $1 AND "user_id" = $2`,
        [workspace.id, laterAdmin.id],
      );
      smtp.failWith(undefined);
      const next = new Date(Date.parse(T0) + MINUTE).toISOString();
      clock.set(next);
      await dispatch(next);
      const mailsTo = (user: TestUser) =>
        smtp.messages.filter(
          ({ to, subject }) =>
            to[0] === user.email && (subject === editorsTitle || subject === adminsTitle),
        );
      expect(mailsTo(laterEditor)).toEqual([]);
      expect(mailsTo(laterAdmin)).toEqual([]);
      expect((await emailOf(editorsTitle, laterEditor.id))?.state).toBe('dead');
      expect((await emailOf(adminsTitle, laterAdmin.id))?.state).toBe('dead');
      // The admin still an admin got the admins' notice once the server took mail again.
      expect(
        smtp.messages.filter(({ to, subject }) => to[0] === admin.email && subject === adminsTitle),
      ).toHaveLength(1);
    });

    it('follows preferences: an event turned off for the inbox is not put there', async () => {
      clock = pinClock(testApp, T0);
      const editorBrowser = await signIn(testApp, editor);
      const defaults = notificationPreferencesSchema.parse(
        (await editorBrowser.get('/api/me/notification-preferences').expect(200)).body,
      );
      expect(defaults.events['milestone.slipped']).toEqual({
        inbox: true,
        email: true,
        slack: false,
        teams: false,
      });
      expect(defaults.digest).toBe(true);
      const updated = await editorBrowser
        .put('/api/me/notification-preferences')
        .send({
          events: {
            'milestone.slipped': { inbox: false, email: true, slack: false, teams: false },
          },
        })
        .expect(200);
      expect(updated.body.events['milestone.slipped'].inbox).toBe(false);
      expect(updated.body.events['raid.high'].inbox).toBe(true);
      const title = 'Milestone Beta slipped 9 days';
      await publish({ title, event: 'milestone.slipped', audience: { users: [editor.id] } });
      await dispatch(T0);
      expect((await deliveriesOfEvent(title)).map(({ channel }) => channel)).toEqual(['email']);
      await editorBrowser
        .put('/api/me/notification-preferences')
        .send({ events: { 'milestone.slipped': { inbox: 'yes' } } })
        .expect(400);
    });
  });

  describe('email links', () => {
    it('unsubscribes from that event type through the email link without signing in', async () => {
      clock = pinClock(testApp, T0);
      const reader = await createMember(testApp, workspace, 'viewer');
      const title = 'Dependency on Payments is overdue';
      await publish({ title, event: 'dependency.overdue', audience: { users: [reader.id] } });
      await dispatch(T0);
      const mail = smtp.messages.find(
        ({ subject, to }) => subject === title && to[0] === reader.email,
      );
      expect(mail?.text).toContain(
        `Open in Bearing: http://bearing.test/w/${workspace.slug}/programs/${program.id}`,
      );
      expect(mail?.raw).toMatch(/List-Unsubscribe:\s+<http:\/\/bearing\.test\/api\/unsubscribe\//);
      const link = /Stop these emails: (\S+)/.exec(mail?.text ?? '')?.[1] ?? '';
      const path = link.replace('http://bearing.test', '');
      expect(path).toMatch(/^\/api\/unsubscribe\/[\w-]+\.[\w-]+$/);

      // Opening the link only asks (see unsubscribe.spec.ts); its button posts to the same address.
      const page = await browser(testApp).get(path).expect(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.text).toContain('<form method="post">');
      const done = await browser(testApp).post(path).expect(200);
      expect(done.text).toContain('You are unsubscribed');
      const prefs = await (await signIn(testApp, reader)).get('/api/me/notification-preferences');
      expect(prefs.body.events['dependency.overdue']).toMatchObject({ inbox: true, email: false });
      expect(prefs.body.events['raid.high']).toMatchObject({ email: true });

      const again = 'Dependency on Billing is overdue';
      await publish({
        title: again,
        event: 'dependency.overdue',
        audience: { users: [reader.id] },
      });
      await dispatch(T0);
      expect((await deliveriesOfEvent(again)).map(({ channel }) => channel)).toEqual(['inbox']);

      const forged = `${path.slice(0, -3)}abc`;
      const refused = await browser(testApp).post(forged).expect(404);
      expect(problemSchema.parse(refused.body).detail).toContain('not valid');
    });
  });

  describe('inbox', () => {
    it('counts unread notifications, marks one read and then all, and keeps them per user', async () => {
      clock = pinClock(testApp, T0);
      const reader = await createMember(testApp, workspace, 'viewer');
      const readerBrowser = await signIn(testApp, reader);
      for (const title of [
        'First for the reader',
        'Second for the reader',
        'Third for the reader',
      ]) {
        await publish({ title, audience: { users: [reader.id] } });
      }
      await dispatch(T0);
      const page = notificationPageSchema.parse(
        (await readerBrowser.get('/api/me/notifications').query({ limit: 2 }).expect(200)).body,
      );
      expect(page.unreadCount).toBe(3);
      expect(page.items).toHaveLength(2);
      expect(page.nextCursor).not.toBeNull();
      const [first] = page.items;
      expect(first).toMatchObject({
        workspace: { id: workspace.id, slug: workspace.slug },
        event: 'raid.high',
        subject: { type: 'program', id: program.id },
        url: `http://bearing.test/w/${workspace.slug}/programs/${program.id}`,
        readAt: null,
      });
      const read = await readerBrowser
        .patch(`/api/me/notifications/${first?.id}`)
        .send({ read: true })
        .expect(200);
      expect(read.body.readAt).toBe(T0);
      // Someone else's notification is not there for another user.
      await (
        await signIn(testApp, editor)
      )
        .patch(`/api/me/notifications/${first?.id}`)
        .send({ read: false })
        .expect(404);
      const unread = notificationPageSchema.parse(
        (await readerBrowser.get('/api/me/notifications').query({ unread: 'true' }).expect(200))
          .body,
      );
      expect(unread.unreadCount).toBe(2);
      expect(unread.items.map(({ id }) => id)).not.toContain(first?.id);
      expect((await readerBrowser.post('/api/me/notifications/read-all').expect(200)).body).toEqual(
        {
          updated: 2,
        },
      );
      const after = notificationPageSchema.parse(
        (await readerBrowser.get('/api/me/notifications').expect(200)).body,
      );
      expect(after.unreadCount).toBe(0);
    });
  });

  describe('inbox after leaving', () => {
    it('shows and counts no entries of a workspace the user was removed from', async () => {
      clock = pinClock(testApp, T0);
      const leaver = await createMember(testApp, workspace, 'viewer');
      const leaverBrowser = await signIn(testApp, leaver);
      // A second workspace the user stays in: its entries stay.
      const otherAdmin = await createUser(testApp);
      const other = await createWorkspace(testApp, otherAdmin);
      await addMember(testApp, other, leaver, 'viewer');
      await publish({
        title: 'Only for members: risk scores 24',
        audience: { users: [leaver.id] },
      });
      await publish({
        workspaceId: other.id,
        title: 'Still a member here',
        path: `/w/${other.slug}`,
        audience: { users: [leaver.id] },
      });
      await dispatch(T0);
      const inbox = async () =>
        notificationPageSchema.parse(
          (await leaverBrowser.get('/api/me/notifications').expect(200)).body,
        );
      const before = await inbox();
      expect(before.items.map(({ title }) => title).sort()).toEqual([
        'Only for members: risk scores 24',
        'Still a member here',
      ]);
      expect(before.unreadCount).toBe(2);
      const gone = before.items.find(({ title }) => title.startsWith('Only for members'));

      await testApp.dataSource.query(
        `DELETE FROM "membership" WHERE "workspace_id" = $1 AND "user_id" = $2`,
        [workspace.id, leaver.id],
      );
      const after = await inbox();
      expect(after.items.map(({ title }) => title)).toEqual(['Still a member here']);
      expect(after.unreadCount).toBe(1);
      await leaverBrowser
        .patch(`/api/me/notifications/${gone?.id}`)
        .send({ read: true })
        .expect(404);
      expect((await leaverBrowser.post('/api/me/notifications/read-all').expect(200)).body).toEqual(
        {
          updated: 1,
        },
      );
    });
  });

  describe('channels', () => {
    it.each([
      ['http://hooks.example.com/x', 'must use https'],
      ['https://10.1.2.3/hook', 'private or reserved'],
      ['https://169.254.169.254/latest/meta-data', 'private or reserved'],
      ['https://192.168.0.10/hook', 'private or reserved'],
      ['https://[fd00::1]/hook', 'private or reserved'],
      ['https://[::ffff:10.0.0.1]/hook', 'private or reserved'],
      ['not a url', 'must be a URL'],
    ])('refuses %s with 400 naming url, storing nothing', async (url, reason) => {
      const before = (await adminBrowser.get(channelsPath()).expect(200)).body.items.length;
      const response = await adminBrowser
        .post(channelsPath())
        .send({ name: 'Bad', kind: 'slack', url })
        .expect(400);
      const problem = problemSchema.parse(response.body);
      expect(problem.errors?.map(({ path }) => path)).toEqual(['url']);
      expect(problem.errors?.[0]?.message).toContain(reason);
      expect((await adminBrowser.get(channelsPath()).expect(200)).body.items).toHaveLength(before);
    });

    it('refuses loopback unless BEARING_WEBHOOK_ALLOW_LOOPBACK is set, and checks addresses again after DNS', async () => {
      expect(refusedWebhookUrl('https://127.0.0.1/hook', false)).toBe(
        'points at a loopback address',
      );
      expect(refusedWebhookUrl('https://localhost/hook', false)).toBe(
        'points at a loopback address',
      );
      expect(refusedWebhookUrl('http://127.0.0.1:9/hook', true)).toBeUndefined();
      expect(refusedWebhookUrl('https://hooks.slack.com/services/T/B/X', false)).toBeUndefined();
      // A name, not an address: only the lookup at send time sees that it resolves to loopback.
      const resolved = await new Promise<string>((resolve) => {
        publicOnlyLookup(false)('localhost', {}, (error) =>
          resolve(error ? error.message : 'allowed'),
        );
      });
      expect(resolved).toBe("the webhook's host points at a loopback address");
    });

    it('audits creating, changing and deleting a channel by its name and kind, never its address', async () => {
      const created = await adminBrowser
        .post(channelsPath())
        .send({ name: 'Ops', kind: 'slack', url: `${hooks.origin}/slack-audited/first-secret` })
        .expect(201);
      const id = notificationChannelSchema.parse(created.body).id;
      await adminBrowser
        .patch(`${channelsPath()}/${id}`)
        .send({ name: 'Ops alerts', url: `${hooks.origin}/slack-audited/second-secret` })
        .expect(200);
      await removeChannel(id);
      const rows: {
        action: string;
        actor_user_id: string;
        target_type: string;
        target_label: string;
        details: Record<string, unknown>;
      }[] = await testApp.dataSource.query(
        `SELECT "action", "actor_user_id", "target_type", "target_label", "details"
           FROM "audit_event" WHERE "workspace_id" = $1 AND "target_id" = $2
          ORDER BY "created_at", "action"`,
        [workspace.id, id],
      );
      expect(rows).toEqual([
        {
          action: 'notification-channel.created',
          actor_user_id: admin.id,
          target_type: 'notification-channel',
          target_label: 'Notification channel · Ops',
          details: { name: 'Ops', kind: 'slack' },
        },
        {
          action: 'notification-channel.updated',
          actor_user_id: admin.id,
          target_type: 'notification-channel',
          target_label: 'Notification channel · Ops alerts',
          details: { name: 'Ops alerts', kind: 'slack', changed: ['address', 'name'] },
        },
        {
          action: 'notification-channel.deleted',
          actor_user_id: admin.id,
          target_type: 'notification-channel',
          target_label: 'Notification channel · Ops alerts',
          details: { name: 'Ops alerts', kind: 'slack' },
        },
      ]);
      expect(JSON.stringify(rows)).not.toContain('secret');
    });

    it('marks a broken channel working again when a test message reaches it, and sends to it again', async () => {
      clock = pinClock(testApp, T0);
      const path = '/slack-reinstalled';
      hooks.answer(path, 404);
      const slack = await addChannel('slack', path);
      const posts = () => hooks.requests.filter((request) => request.path === path);
      const listed = async () =>
        notificationChannelListSchema
          .parse((await adminBrowser.get(channelsPath()).expect(200)).body)
          .items.find(({ id }) => id === slack);
      try {
        await publish({ title: 'While Slack reinstalls', audience: { alertChannels: true } });
        await dispatch(T0);
        expect(await listed()).toMatchObject({ broken: true });

        // The app is back: a test message arrives, which is proof enough.
        hooks.answer(path, 200);
        const tested = await adminBrowser.post(`${channelsPath()}/${slack}/test`).expect(200);
        expect(tested.body).toEqual({
          ok: true,
          detail: 'The webhook answered 200. The channel works again: alerts are sent to it.',
        });
        expect(await listed()).toMatchObject({ broken: false, brokenReason: null });
        const [audited]: { action: string; details: Record<string, unknown> }[] =
          await testApp.dataSource.query(
            `SELECT "action", "details" FROM "audit_event"
              WHERE "target_id" = $1 AND "action" = 'notification-channel.updated'`,
            [slack],
          );
        expect(audited?.details).toMatchObject({ changed: ['broken'], repaired: true });

        const title = 'After Slack came back';
        await publish({ title, audience: { alertChannels: true } });
        await dispatch(T0);
        expect(posts().map(({ body }) => (body as { text: string }).text)).toContain(title);
        // A test of a channel that works says so and records nothing more.
        const again = await adminBrowser.post(`${channelsPath()}/${slack}/test`).expect(200);
        expect(again.body).toEqual({ ok: true, detail: 'The webhook answered 200.' });
      } finally {
        await removeChannel(slack);
      }
    });

    it('leaves a channel broken when a test reached the address it had before someone entered another that broke', async () => {
      const oldPath = '/slack-before-the-edit';
      const newPath = '/slack-after-the-edit';
      const slack = await addChannel('slack', oldPath);
      const markBroken = () =>
        testApp.dataSource.query(
          `UPDATE notification_channel SET broken_at = now(), broken_reason = 'answered 404'
            WHERE id = $1`,
          [slack],
        );
      const listed = async () =>
        notificationChannelListSchema
          .parse((await adminBrowser.get(channelsPath()).expect(200)).body)
          .items.find(({ id }) => id === slack);
      const hold = hooks.holdNext(oldPath);
      try {
        await markBroken();
        // An admin's test is on its way to the old address…
        const testing = adminBrowser
          .post(`${channelsPath()}/${slack}/test`)
          .then((response) => response);
        await until(() => hooks.requests.some(({ path }) => path === oldPath));
        // …while another enters a new address, to which a send then fails.
        await adminBrowser
          .patch(`${channelsPath()}/${slack}`)
          .send({ url: `${hooks.origin}${newPath}` })
          .expect(200);
        await markBroken();
        hold.release();

        const tested = await testing;
        expect(tested.body).toEqual({ ok: true, detail: 'The webhook answered 200.' });
        expect(await listed()).toMatchObject({ broken: true });
      } finally {
        hold.release();
        await removeChannel(slack);
      }
    });

    it('stores the URL sealed and never echoes it; answers a test send', async () => {
      const url = `${hooks.origin}/slack-test/T0001/B0001/very-secret`;
      const created = await adminBrowser
        .post(channelsPath())
        .send({ name: 'Alerts', kind: 'slack', url })
        .expect(201);
      const channel = notificationChannelSchema.parse(created.body);
      expect(channel).toMatchObject({
        name: 'Alerts',
        kind: 'slack',
        hasSecret: true,
        broken: false,
      });
      expect(JSON.stringify(created.body)).not.toContain('very-secret');
      const listed = await adminBrowser.get(channelsPath()).expect(200);
      expect(JSON.stringify(listed.body)).not.toContain('very-secret');
      expect(listed.body.emailEnabled).toBe(true);
      const [stored] = await testApp.dataSource.query(
        `SELECT "sealed_url" FROM "notification_channel" WHERE "id" = $1`,
        [channel.id],
      );
      expect(stored.sealed_url).not.toContain('very-secret');
      const tested = await adminBrowser
        .post(`${channelsPath()}/${channel.id}/test`)
        .send({})
        .expect(200);
      expect(tested.body).toEqual({ ok: true, detail: 'The webhook answered 200.' });
      expect(hooks.requests.at(-1)?.path).toBe('/slack-test/T0001/B0001/very-secret');
      const renamed = await adminBrowser
        .patch(`${channelsPath()}/${channel.id}`)
        .send({ name: 'Alerts 2' })
        .expect(200);
      expect(renamed.body.name).toBe('Alerts 2');
      await adminBrowser
        .patch(`${channelsPath()}/${channel.id}`)
        .send({ url: 'https://10.0.0.1/x' })
        .expect(400);
      await removeChannel(channel.id);
      // Only admins manage channels.
      await (await signIn(testApp, editor)).get(channelsPath()).expect(403);
    });
  });

  describe('password reset', () => {
    it('emails the reset link when SMTP is configured, holding no sealed copy for admins', async () => {
      const user = await createUser(testApp);
      await browser(testApp)
        .post('/api/auth/password-reset')
        .set('X-Forwarded-For', '198.51.100.77')
        .send({ email: user.email })
        .expect(202);
      const mail = smtp.messages.find(
        ({ to, subject }) => to[0] === user.email && subject === 'Reset your Bearing password',
      );
      expect(mail?.text).toMatch(/http:\/\/bearing\.test\/reset-password#token=[\w-]+/);
      const [reset] = await testApp.dataSource.query(
        `SELECT "sealed_token" FROM "password_reset" WHERE "user_id" = $1`,
        [user.id],
      );
      expect(reset.sealed_token).toBeNull();
    });
  });

  describe('time zone', () => {
    it('sets the caller’s IANA time zone with PATCH /api/me and refuses an unknown one naming it', async () => {
      const reader = await signIn(testApp, await createMember(testApp, workspace, 'viewer'));
      const response = await reader
        .patch('/api/me')
        .send({ timeZone: 'Europe/Berlin' })
        .expect(200);
      expect(meResponseSchema.parse(response.body).preferences).toEqual({
        audience: 'executive',
        timeZone: 'Europe/Berlin',
      });
      const refused = await reader
        .patch('/api/me')
        .send({ timeZone: 'Mars/Olympus_Mons' })
        .expect(400);
      expect(problemSchema.parse(refused.body).errors?.map(({ path }) => path)).toEqual([
        'timeZone',
      ]);
      expect((await reader.get('/api/me').expect(200)).body.preferences.timeZone).toBe(
        'Europe/Berlin',
      );
    });
  });
});

describe('notifications without SMTP', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('says email is off and creates no email deliveries', async () => {
    const admin = await createUser(testApp);
    const workspace = await createWorkspace(testApp, admin);
    const adminBrowser = await signIn(testApp, admin);
    const list = await adminBrowser
      .get(`/api/workspaces/${workspace.slug}/notification-channels`)
      .expect(200);
    expect(list.body).toEqual({ items: [], emailEnabled: false });
    await testApp.dataSource.transaction((manager) =>
      publishEvent(manager, {
        workspaceId: workspace.id,
        event: 'report.due',
        subject: { type: 'program', id: workspace.id },
        title: 'Weekly report due',
        body: 'The weekly report is not drafted yet.',
        path: `/w/${workspace.slug}`,
        audience: { users: [admin.id] },
        dedupeKey: 'no-smtp',
      }),
    );
    await testApp.app.get(NotificationPipeline).dispatch(new Date(T0));
    const rows: { channel: string }[] = await testApp.dataSource.query(
      `SELECT "channel" FROM "notification_delivery"`,
    );
    expect(rows.map(({ channel }) => channel)).toEqual(['inbox']);
  });
});
