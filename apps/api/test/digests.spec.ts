import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import {
  agingWipSchema,
  portfolioSchema,
  throughputSchema,
  velocitySchema,
} from '@bearing/contracts';
import { ClockService } from '../src/common/clock/clock.service.js';
import { WeeklyDigests } from '../src/digests/weekly-digests.service.js';
import { Scheduler } from '../src/jobs/jobs.module.js';
import { createTeam, fixture, importFile, type TestTeam } from './support/delivery-factories.js';
import {
  addMember,
  type Browser,
  createUser,
  createWorkspace,
  signIn,
  type TestUser,
  type TestWorkspace,
} from './support/factories.js';
import { createMetric } from './support/okr-factories.js';
import { insertProgram, programPath, type TestProgram } from './support/program-factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

type DigestRow = { user: string; dedupe_key: string; title: string; body: string; path: string };

/**
 * The weekly digest: on the workspace's review weekday (Monday unless set) from 07:00 in each
 * member's own time zone, one per member and week, worded for their audience from the same
 * services as the pages, never for a member who turned it off.
 */
describe('weekly digests', () => {
  let testApp: TestApp;
  let workspace: TestWorkspace;
  let admin: TestUser;
  let browser: Browser;
  let executive: TestUser;
  let stakeholder: TestUser;
  let teamReader: TestUser;
  let optedOut: TestUser;
  let podcasts: TestProgram;
  let team: TestTeam;
  const url = (path: string) => `/api/workspaces/${workspace.slug}/${path}`;

  const digests = (): Promise<DigestRow[]> =>
    testApp.dataSource.query(
      `SELECT "audience"->'users'->>0 AS "user", "dedupe_key", "title", "body", "path"
         FROM "notification_event"
        WHERE "workspace_id" = $1 AND "event" = 'digest.weekly' AND "dedupe_key" LIKE $2
        ORDER BY "created_at", "id"`,
      // The week under test only: the queue's own minute tick runs on the real clock.
      [workspace.id, '%:2024-03-18'],
    );
  const digestOf = async (user: TestUser) => {
    const mine = (await digests()).filter((row) => row.user === user.id);
    expect(mine).toHaveLength(1);
    return mine[0] as DigestRow;
  };
  const tickAt = async (instant: string) => {
    jest.spyOn(testApp.app.get(ClockService), 'now').mockImplementation(() => new Date(instant));
    await testApp.app.get(Scheduler).tick();
  };

  /** A member with an audience and time zone, as the account page sets them. */
  const member = async (audience: string, timeZone: string | null): Promise<TestUser> => {
    const user = await createUser(testApp);
    await addMember(testApp, workspace, user, 'viewer');
    await testApp.dataSource.query(
      `UPDATE "user" SET "audience" = $2, "time_zone" = $3 WHERE "id" = $1`,
      [user.id, audience, timeZone],
    );
    return user;
  };
  const follow = (user: TestUser, type: string, id: string) =>
    testApp.dataSource.query(
      `INSERT INTO "follow" ("workspace_id", "subject_type", "subject_id", "user_id")
       VALUES ($1, $2, $3, $4)`,
      [workspace.id, type, id, user.id],
    );

  beforeAll(async () => {
    testApp = await createTestApp();
    admin = await createUser(testApp);
    workspace = await createWorkspace(testApp, admin);
    browser = await signIn(testApp, admin);
    // Admins get a digest too; make theirs a stakeholder's with nothing followed.
    await testApp.dataSource.query(`UPDATE "user" SET "audience" = 'stakeholder' WHERE "id" = $1`, [
      admin.id,
    ]);

    // Search-v3.json: a Berlin team whose sprint ran 2024-03-04 to 03-15 and whose items were
    // finished on 03-08, 03-12 and 03-14.
    team = await createTeam(testApp, workspace, { name: 'Payments', timeZone: 'Europe/Berlin' });
    await importFile(browser, workspace, team, { file: fixture('search-v3.json') });

    podcasts = await insertProgram(testApp, workspace, admin, {
      name: 'Podcasts',
      start: '2024-01-01',
    });
    const ads = await insertProgram(testApp, workspace, admin, {
      name: 'Ads',
      start: '2024-01-01',
      health: 'at-risk',
      healthReason: 'Vendor late',
    });
    await browser
      .post(`${programPath(workspace, ads)}/raid`)
      .send({ kind: 'risk', title: 'Ad server overload', probability: 5, impact: 4 })
      .expect(201);
    const metric = await createMetric(testApp, workspace, {
      key: 'checkout.error_rate',
      direction: 'decrease-is-good',
    });
    await browser
      .post(url('guardrails'))
      .send({ metricKey: metric.key, baseline: 1, threshold: { type: 'absolute', value: 1 } })
      .expect(201);
    await browser
      .post(url(`metrics/${metric.key}/points`))
      .send([{ timestamp: '2024-03-15', value: 2.5 }])
      .expect(200);

    executive = await member('executive', 'America/New_York');
    stakeholder = await member('stakeholder', null);
    teamReader = await member('team', 'Asia/Tokyo');
    optedOut = await member('executive', null);
    await follow(stakeholder, 'program', podcasts.id);
    await follow(teamReader, 'team', team.id);
    await testApp.dataSource.query(
      `INSERT INTO "notification_preference" ("user_id", "digest") VALUES ($1, false)`,
      [optedOut.id],
    );
  }, 90_000);
  afterEach(() => {
    jest.restoreAllMocks();
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('goes out on the review weekday from 07:00 in each member’s time zone, once each', async () => {
    // Sunday 2024-03-17 23:00 UTC is Monday 08:00 in Tokyo: only the team reader's is due.
    await tickAt('2024-03-17T23:00:00Z');
    expect((await digests()).map(({ user }) => user)).toEqual([teamReader.id]);
    // Monday 06:59 UTC: before 07:00 for those in UTC; New York (UTC-4 since 03-10) is asleep.
    await tickAt('2024-03-18T06:59:00Z');
    expect(await digests()).toHaveLength(1);
    await tickAt('2024-03-18T07:00:00Z');
    expect(new Set((await digests()).map(({ user }) => user))).toEqual(
      new Set([teamReader.id, stakeholder.id, admin.id]),
    );
    // 11:00 UTC is 07:00 in New York; the ticks after it, here and in a second process's
    // place, find nothing new.
    await tickAt('2024-03-18T11:00:00Z');
    await tickAt('2024-03-18T11:01:00Z');
    await tickAt('2024-03-18T23:30:00Z');
    const sent = await digests();
    expect(sent.map(({ user, dedupe_key }) => ({ user, dedupe_key }))).toEqual(
      expect.arrayContaining([
        { user: teamReader.id, dedupe_key: `digest.weekly:${teamReader.id}:2024-03-18` },
        { user: stakeholder.id, dedupe_key: `digest.weekly:${stakeholder.id}:2024-03-18` },
        { user: executive.id, dedupe_key: `digest.weekly:${executive.id}:2024-03-18` },
      ]),
    );
    expect(sent).toHaveLength(4);
    // The member who turned the digest off gets none.
    expect(sent.some(({ user }) => user === optedOut.id)).toBe(false);
    expect(await testApp.app.get(WeeklyDigests).send(new Date('2024-03-18T12:00:00Z'))).toBe(0);
    // Tuesday is not a review day.
    await tickAt('2024-03-19T12:00:00Z');
    const tuesday: unknown[] = await testApp.dataSource.query(
      `SELECT 1 FROM "notification_event" WHERE "workspace_id" = $1 AND "dedupe_key" LIKE $2`,
      [workspace.id, '%:2024-03-19'],
    );
    expect(tuesday).toEqual([]);
  });

  it('gives executives the portfolio’s health, what changed, breached guardrails and top risks as the portfolio page shows them', async () => {
    jest
      .spyOn(testApp.app.get(ClockService), 'now')
      .mockImplementation(() => new Date('2024-03-18T11:00:00Z'));
    const portfolio = portfolioSchema.parse((await browser.get(url('portfolio')).expect(200)).body);
    const [topRisk] = portfolio.topRisks;
    expect(topRisk).toMatchObject({ programName: 'Ads', title: 'Ad server overload', score: 20 });
    const digest = await digestOf(executive);
    expect(digest.title).toBe(`Your weekly digest of ${workspace.name}`);
    expect(digest.path).toBe(`/w/${workspace.slug}/portfolio`);
    expect(digest.body).toContain(
      'Portfolio health: 2 programs — 1 on track, 1 at risk, 0 off track.',
    );
    expect(digest.body).toContain(
      'What changed since last week:\n- Guardrail on A metric: no status → breached',
    );
    expect(digest.body).toContain('Breached guardrails:\n- A metric at 2.5');
    expect(digest.body).toContain('Top risks:\n- Ads: Ad server overload (score 20)');
  });

  it('gives stakeholders the programs they follow, and says so when they follow none', async () => {
    const digest = await digestOf(stakeholder);
    expect(digest.path).toBe(`/w/${workspace.slug}/programs`);
    expect(digest.body).toBe('Programs you follow:\n- Podcasts: on track');
    expect((await digestOf(admin)).body).toMatch(/^You follow no programs here yet/);
  });

  it('gives team readers their teams’ sprint and flow, in the dashboard’s own figures', async () => {
    jest
      .spyOn(testApp.app.get(ClockService), 'now')
      .mockImplementation(() => new Date('2024-03-17T23:00:00Z'));
    const base = url(`teams/${team.slug}`);
    const velocity = velocitySchema.parse(
      (await browser.get(`${base}/velocity?window=1`).expect(200)).body,
    );
    const throughput = throughputSchema.parse(
      (
        await browser
          .get(`${base}/flow/throughput?from=2024-03-11&to=2024-03-17&interval=day`)
          .expect(200)
      ).body,
    );
    const aging = agingWipSchema.parse((await browser.get(`${base}/flow/aging`).expect(200)).body);
    const [sprint] = velocity.outcomes;
    if (!sprint) throw new Error('the fixture has a closed sprint');
    const finished = throughput.buckets.reduce((sum, { count }) => sum + count, 0);
    expect(finished).toBe(2);

    const digest = await digestOf(teamReader);
    expect(digest.path).toBe(`/w/${workspace.slug}/teams`);
    expect(digest.body).toBe(
      [
        'Teams you follow:',
        `- Payments: last sprint "${sprint.name}" completed ${sprint.completed} of ${sprint.committed} points committed${
          sprint.sayDoRatio === null ? '' : ` (say/do ${Math.round(sprint.sayDoRatio * 100)} %)`
        }; 2 items finished in the last 7 days; ${aging.total} in progress`,
      ].join('\n'),
    );
  });
});
