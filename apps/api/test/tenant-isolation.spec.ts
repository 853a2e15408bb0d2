import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  apiTokenPageSchema,
  auditEventPageSchema,
  memberPageSchema,
  teamPageSchema,
  pageSchema,
  reviewOverviewSchema,
  workspacePageSchema,
} from '@bearing/contracts';
import { z } from 'zod';
import {
  type Browser,
  countRows,
  createMember,
  createToken,
  createUser,
  createWorkspace,
  signIn,
  type TestToken,
  type TestUser,
  type TestWorkspace,
} from './support/factories.js';
import {
  createGuardrail,
  createKeyResult,
  createMetric,
  createObjective,
  createPeriod,
  okrRecordVersions,
} from './support/okr-factories.js';
import {
  countProgramRows,
  insertDependency,
  insertDraftReport,
  insertMilestone,
  insertProgram,
  insertRaidItem,
  programRecordVersions,
} from './support/program-factories.js';
import { HOUSEKEEPING } from '../src/jobs/housekeeping.service.js';
import { JobQueue } from '../src/jobs/job-queue.service.js';
import { insertDeliveries } from '../src/notifications/delivery.repository.js';
import { publishEvent } from '../src/notifications/outbox.repository.js';
import { fillPath, type RegisteredRoute, registeredRoutes, request } from './support/routes.js';
import {
  countDeliveryRows,
  createDeliveryRecords,
  type DeliveryRecords,
  deliveryRecordVersions,
} from './support/delivery-factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Bodies that would succeed if the target were reachable, so a refusal can only come from
 * tenant isolation and not from validation. A new write route with ids must add one here.
 */
const ALERT_RULE = {
  name: 'Rule',
  query: 'MetricPoints | count',
  everyMinutes: 60,
  lookbackMinutes: 60,
  trigger: { op: '>', threshold: 0 },
  severity: 'low',
  suppressMinutes: 0,
  enabled: false,
};

const VALID_BODIES: Record<string, object> = {
  'POST /api/workspaces/:workspace/queries/run': { query: 'Metrics' },
  'POST /api/workspaces/:workspace/saved-queries': { name: 'Query', query: 'Metrics' },
  'PUT /api/workspaces/:workspace/saved-queries/:id': {
    name: 'Query',
    query: 'Metrics',
    version: 1,
  },
  'POST /api/workspaces/:workspace/alert-rules': ALERT_RULE,
  'POST /api/workspaces/:workspace/alert-rules/test': { rule: ALERT_RULE, days: 1 },
  'PATCH /api/workspaces/:workspace/alert-rules/:id': { name: 'Renamed', version: 1 },
  'POST /api/workspaces/:workspace/alert-rules/:id/test': { days: 1 },
  'POST /api/workspaces/:workspace/members': {
    email: 'new@example.com',
    role: 'viewer',
    invite: true,
  },
  'PATCH /api/workspaces/:workspace/members/:userId': { role: 'viewer', version: 1 },
  'PATCH /api/workspaces/:workspace/periods/:id': { name: 'Renamed', version: 1 },
  'PATCH /api/workspaces/:workspace/objectives/:id': { title: 'Renamed', version: 1 },
  'PATCH /api/workspaces/:workspace/key-results/:id': { title: 'Renamed', version: 1 },
  'POST /api/workspaces/:workspace/key-results/:id/check-ins': {
    value: 1,
    confidence: 'on-track',
  },
  'PATCH /api/workspaces/:workspace/metrics/:key': { name: 'Renamed', version: 1 },
  'POST /api/workspaces/:workspace/metrics/:key/points': [{ timestamp: '2026-01-01', value: 1 }],
  'PATCH /api/workspaces/:workspace/guardrails/:id': { baseline: 2, version: 1 },
  'PATCH /api/workspaces/:workspace/programs/:id': { name: 'Renamed', version: 1 },
  'POST /api/workspaces/:workspace/programs/:program/milestones': {
    name: 'Beta',
    baselineDate: '2026-03-02',
  },
  'PATCH /api/workspaces/:workspace/programs/:program/milestones/:id': {
    name: 'Renamed',
    version: 1,
  },
  'POST /api/workspaces/:workspace/programs/:program/raid': {
    kind: 'risk',
    title: 'Risk',
    probability: 1,
    impact: 1,
  },
  'PATCH /api/workspaces/:workspace/programs/:program/raid/:id': { title: 'Renamed', version: 1 },
  'POST /api/workspaces/:workspace/programs/:program/dependencies': {
    from: { kind: 'program', id: '00000000-0000-4000-8000-000000000001' },
    to: { kind: 'program', id: '00000000-0000-4000-8000-000000000002' },
    description: 'Feed',
    needBy: '2026-03-02',
  },
  'PATCH /api/workspaces/:workspace/programs/:program/dependencies/:id': {
    description: 'Renamed',
    version: 1,
  },
  'POST /api/workspaces/:workspace/programs/:program/reports': { week: '2026-03-02' },
  'PATCH /api/workspaces/:workspace/programs/:program/reports/:id': {
    summary: 'Rewritten',
    version: 1,
  },
  'PUT /api/workspaces/:workspace/reviews/settings': { reviewWeekday: 2, version: 0 },
  'POST /api/workspaces/:workspace/teams': { name: 'Sneaky', slug: 'sneaky' },
  'PATCH /api/workspaces/:workspace/teams/:team': { name: 'Renamed', version: 1 },
  'POST /api/workspaces/:workspace/teams/:team/members': { displayName: 'Sneaky' },
  'PATCH /api/workspaces/:workspace/teams/:team/members/:member': { allocation: 0.1, version: 1 },
  'POST /api/workspaces/:workspace/teams/:team/sprints': { name: 'Sneaky' },
  'PATCH /api/workspaces/:workspace/teams/:team/sprints/:sprint': { name: 'Renamed', version: 1 },
  'PUT /api/workspaces/:workspace/teams/:team/sprints/:sprint/availability': {
    version: 1,
    members: [],
  },
  'POST /api/workspaces/:workspace/jira-connections': {
    name: 'Sneaky',
    baseUrl: 'https://jira.example.com',
    flavour: 'data-center',
    secret: 'sneaky-token',
  },
  'PATCH /api/workspaces/:workspace/jira-connections/:id': { name: 'Renamed' },
  'PUT /api/workspaces/:workspace/teams/:team/source': {
    connectionId: '00000000-0000-4000-8000-000000000000',
    jql: 'project = SNEAKY',
  },
  'PUT /api/workspaces/:workspace/teams/:team/source/webhook': { signingSecret: 'sneaky-secret' },
  'POST /api/workspaces/:workspace/notification-channels': {
    name: 'Sneaky',
    kind: 'slack',
    url: 'https://hooks.slack.com/services/T/B/X',
  },
  'PATCH /api/workspaces/:workspace/notification-channels/:id': { name: 'Renamed' },
};

/**
 * Query strings that would succeed if the target were reachable, for routes whose query has
 * required fields (so, again, only tenant isolation can refuse them).
 */
const VALID_QUERIES: Record<string, (ids: Record<string, string>) => object> = {
  'GET /api/workspaces/:workspace/teams/:team/capacity': (ids) => ({ sprint: ids.sprint }),
  'GET /api/workspaces/:workspace/teams/:team/forecast/when': () => ({ remaining: 3 }),
  'GET /api/workspaces/:workspace/teams/:team/forecast/how-many': () => ({ days: 10 }),
  'DELETE /api/workspaces/:workspace/metrics/:key/points': () => ({ timestamp: '2026-01-01' }),
};

/**
 * A member (admin, even) of workspace B calls every route with workspace A's slug and ids.
 * Nothing of A may be read or written: every answer is 404, and the database is unchanged.
 */
describe('tenant isolation', () => {
  let testApp: TestApp;
  let workspaceA: TestWorkspace;
  let workspaceB: TestWorkspace;
  let memberOfA: TestUser;
  let tokenOfA: TestToken;
  let intruder: Browser;
  let intruderToken: TestToken;
  let routes: RegisteredRoute[];
  /** Records of A's OKR, metric and guardrail routes, by the path segment before `:id`. */
  let okrRecordsOfA: Record<string, string>;
  let metricKeyOfA: string;
  /** A's program, and its records by the path segment before `:id`. */
  let programOfA: string;
  let programRecordsOfA: Record<string, string>;
  /** A's team with a member, a sprint, work items and an import job. */
  let deliveryOfA: DeliveryRecords;
  let jobOfA: string;
  let invitationOfA: string;
  /** A's Jira connection (its team syncs from it). */
  let jiraConnectionOfA: string;
  /** A's saved query, alert rule and alert, by the path segment before `:id`. */
  let alertsOfA: Record<string, string>;
  /** A's notification channel and one delivery of an event of A. */
  let notificationsOfA: Record<string, string>;

  beforeAll(async () => {
    testApp = await createTestApp();
    const adminOfA = await createUser(testApp);
    workspaceA = await createWorkspace(testApp, adminOfA);
    memberOfA = await createMember(testApp, workspaceA, 'editor');
    tokenOfA = await createToken(testApp, memberOfA, workspaceA, 'write');
    await (
      await signIn(testApp, adminOfA)
    )
      .post(`/api/workspaces/${workspaceA.slug}/members`)
      .send({ email: 'pending@example.com', role: 'viewer', invite: true })
      .expect(201);
    const [pendingOfA]: { id: string }[] = await testApp.dataSource.query(
      `SELECT id FROM invitation WHERE workspace_id = $1 AND accepted_at IS NULL`,
      [workspaceA.id],
    );
    invitationOfA = pendingOfA?.id ?? '';
    const periodOfA = await createPeriod(testApp, workspaceA, {
      start: '2026-01-01',
      end: '2026-03-31',
    });
    const objectiveOfA = await createObjective(testApp, workspaceA, memberOfA, periodOfA);
    const metricOfA = await createMetric(testApp, workspaceA);
    metricKeyOfA = metricOfA.key;
    okrRecordsOfA = {
      periods: periodOfA.id,
      objectives: objectiveOfA.id,
      'key-results': (await createKeyResult(testApp, objectiveOfA)).id,
      guardrails: (await createGuardrail(testApp, metricOfA)).id,
    };

    const program = await insertProgram(testApp, workspaceA, memberOfA);
    const otherProgram = await insertProgram(testApp, workspaceA, memberOfA);
    programOfA = program.id;
    programRecordsOfA = {
      programs: program.id,
      milestones: (await insertMilestone(testApp, workspaceA, program)).id,
      raid: (await insertRaidItem(testApp, workspaceA, program)).id,
      dependencies: (await insertDependency(testApp, workspaceA, program, otherProgram)).id,
      reports: (await insertDraftReport(testApp, workspaceA, program, memberOfA)).id,
    };

    deliveryOfA = await createDeliveryRecords(testApp, workspaceA, await signIn(testApp, adminOfA));
    // Any job of A will do: the sweep only needs an id that exists in A's jobs.
    jobOfA =
      (await testApp.app.get(JobQueue).enqueue(HOUSEKEEPING, { workspaceId: workspaceA.id })) ?? '';
    const jiraAdminOfA = await signIn(testApp, adminOfA);
    const connection = await jiraAdminOfA
      .post(`/api/workspaces/${workspaceA.slug}/jira-connections`)
      .send({
        name: 'Jira of A',
        baseUrl: 'https://jira.a.example',
        flavour: 'data-center',
        secret: 'a',
      })
      .expect(201);
    jiraConnectionOfA = connection.body.id;
    await jiraAdminOfA
      .put(`/api/workspaces/${workspaceA.slug}/teams/${deliveryOfA.team.id}/source`)
      .send({ connectionId: jiraConnectionOfA, jql: 'project = A' })
      .expect(200);

    const adminOfABrowser = await signIn(testApp, adminOfA);
    await adminOfABrowser
      .post(`/api/workspaces/${workspaceA.slug}/follows`)
      .send({ subject: { type: 'program', id: program.id } })
      .expect(201);
    const channel = await adminOfABrowser
      .post(`/api/workspaces/${workspaceA.slug}/notification-channels`)
      .send({ name: 'Alerts', kind: 'slack', url: 'https://hooks.slack.com/services/T0/B0/X' })
      .expect(201);
    await testApp.dataSource.transaction((manager) =>
      publishEvent(manager, {
        workspaceId: workspaceA.id,
        event: 'raid.high',
        subject: { type: 'program', id: program.id },
        title: 'A risk of A',
        body: 'Scores 20.',
        path: `/w/${workspaceA.slug}/programs/${program.id}`,
        audience: { users: [adminOfA.id] },
        dedupeKey: 'tenant-isolation',
      }),
    );
    const [eventOfA]: { id: string }[] = await testApp.dataSource.query(
      `SELECT "id" FROM "notification_event" WHERE "workspace_id" = $1 AND "dedupe_key" = $2`,
      [workspaceA.id, 'tenant-isolation'],
    );
    await insertDeliveries(
      testApp.dataSource.manager,
      [
        {
          workspaceId: workspaceA.id,
          eventId: eventOfA?.id ?? '',
          userId: adminOfA.id,
          channelId: null,
          channel: 'inbox',
        },
      ],
      new Date(),
    );
    const [delivery]: { id: string }[] = await testApp.dataSource.query(
      `SELECT "id" FROM "notification_delivery" WHERE "workspace_id" = $1 LIMIT 1`,
      [workspaceA.id],
    );
    const savedQuery = await adminOfABrowser
      .post(`/api/workspaces/${workspaceA.slug}/saved-queries`)
      .send({ name: 'Of A', query: 'Metrics' })
      .expect(201);
    const alertRule = await adminOfABrowser
      .post(`/api/workspaces/${workspaceA.slug}/alert-rules`)
      .send(ALERT_RULE)
      .expect(201);
    const [alertOfA]: { id: string }[] = await testApp.dataSource.query(
      `INSERT INTO "alert" ("workspace_id", "rule_id", "group_key", "state", "first_seen_at", "last_seen_at", "rows")
       VALUES ($1, $2, '', 'firing', now(), now(), '[]') RETURNING "id"`,
      [workspaceA.id, alertRule.body.id],
    );
    alertsOfA = {
      'saved-queries': savedQuery.body.id,
      'alert-rules': alertRule.body.id,
      alerts: alertOfA?.id ?? '',
    };
    notificationsOfA = {
      'notification-channels': channel.body.id,
      'notification-deliveries': delivery?.id ?? '',
      follows: program.id,
    };

    const adminOfB = await createUser(testApp);
    workspaceB = await createWorkspace(testApp, adminOfB);
    intruder = await signIn(testApp, adminOfB);
    intruderToken = await createToken(testApp, adminOfB, workspaceB, 'write');
    routes = registeredRoutes(testApp.app);
  });
  afterAll(async () => {
    await testApp.close();
  });

  /** Ids that exist in workspace A, for each kind of route parameter. */
  const idsOfA = (path: string): Record<string, string> => ({
    workspace: workspaceA.slug,
    userId: memberOfA.id,
    key: metricKeyOfA,
    program: programOfA,
    team: deliveryOfA.team.id,
    member: deliveryOfA.member,
    sprint: deliveryOfA.sprint,
    workItem: deliveryOfA.workItem,
    type: 'program',
    ...(/:id\b/.test(path) ? { id: recordIdOfA(path) } : {}),
  });
  const recordIdOfA = (path: string): string => {
    if (path.includes('/tokens/:id')) return tokenOfA.id;
    const okrRecord = /\/([\w-]+)\/:id\b/.exec(path)?.[1];
    if (okrRecord && okrRecordsOfA[okrRecord]) return okrRecordsOfA[okrRecord];
    if (okrRecord && programRecordsOfA[okrRecord]) return programRecordsOfA[okrRecord];
    if (okrRecord === 'imports') return deliveryOfA.importJob;
    if (okrRecord === 'jobs') return jobOfA;
    if (okrRecord === 'invitations') return invitationOfA;
    if (okrRecord === 'jira-connections') return jiraConnectionOfA;
    if (okrRecord && notificationsOfA[okrRecord]) return notificationsOfA[okrRecord];
    if (okrRecord && alertsOfA[okrRecord]) return alertsOfA[okrRecord];
    if (path.includes('/follows/:type/:id')) return notificationsOfA.follows ?? '';
    throw new Error(`the sweep has no id from workspace A for ${path}: add one to recordIdOfA`);
  };
  const label = ({ method, path }: RegisteredRoute) => `${method} ${path}`;
  const bodyFor = (route: RegisteredRoute) => VALID_BODIES[label(route)] ?? {};
  const queryFor = (route: RegisteredRoute) =>
    VALID_QUERIES[label(route)]?.(idsOfA(route.path)) ?? {};
  const workspaceRoutes = () =>
    routes.filter(({ path }) => path.startsWith('/api/workspaces/:workspace'));
  const hasIds = ({ path }: RegisteredRoute) => /:(?!workspace\b)\w+/.test(path);

  async function expectNothingChanged(sweep: () => Promise<void>) {
    const before = await countRows(testApp);
    const roleBefore = await roleOf(memberOfA);
    const versionsBefore = await okrRecordVersions(testApp, workspaceA);
    const programRowsBefore = await countProgramRows(testApp);
    const programVersionsBefore = await programRecordVersions(testApp, workspaceA);
    const deliveryRowsBefore = await countDeliveryRows(testApp);
    const deliveryVersionsBefore = await deliveryRecordVersions(testApp, workspaceA);
    await sweep();
    expect(await countDeliveryRows(testApp)).toEqual(deliveryRowsBefore);
    expect(await deliveryRecordVersions(testApp, workspaceA)).toEqual(deliveryVersionsBefore);
    expect(await countRows(testApp)).toEqual(before);
    expect(await okrRecordVersions(testApp, workspaceA)).toEqual(versionsBefore);
    expect(await countProgramRows(testApp)).toEqual(programRowsBefore);
    expect(await programRecordVersions(testApp, workspaceA)).toEqual(programVersionsBefore);
    expect(await roleOf(memberOfA)).toBe(roleBefore);
    const [token] = await testApp.dataSource.query(
      `SELECT revoked_at FROM api_token WHERE id = $1`,
      [tokenOfA.id],
    );
    expect(token.revoked_at).toBeNull();
  }

  async function roleOf(user: TestUser): Promise<string> {
    const [row]: { role: string }[] = await testApp.dataSource.query(
      `SELECT role FROM membership WHERE workspace_id = $1 AND user_id = $2`,
      [workspaceA.id, user.id],
    );
    return row?.role ?? 'none';
  }

  it("answers 404 on every workspace route called with A's slug and ids", async () => {
    expect(workspaceRoutes().length).toBeGreaterThan(5);
    await expectNothingChanged(async () => {
      for (const route of workspaceRoutes()) {
        const url = fillPath(route.path, idsOfA(route.path));
        const response = await request(intruder, route.method, url)
          .query(queryFor(route))
          .send(bodyFor(route));
        expect({ route: label(route), status: response.status }).toEqual({
          route: label(route),
          status: 404,
        });
      }
    });
  });

  it("answers 404 when A's ids are sent under B's own slug", async () => {
    const withIds = workspaceRoutes().filter(hasIds);
    expect(withIds.length).toBeGreaterThan(2);
    await expectNothingChanged(async () => {
      for (const route of withIds) {
        const url = fillPath(route.path, { ...idsOfA(route.path), workspace: workspaceB.slug });
        const response = await request(intruder, route.method, url)
          .query(queryFor(route))
          .send(bodyFor(route));
        expect({ route: label(route), status: response.status }).toEqual({
          route: label(route),
          status: 404,
        });
      }
    });
  });

  it("answers 404 to B's API token on every route of A", async () => {
    await expectNothingChanged(async () => {
      for (const route of workspaceRoutes()) {
        const url = fillPath(route.path, idsOfA(route.path));
        const response = await request(testApp.http, route.method, url)
          .set('Authorization', `Bearer ${intruderToken.secret}`)
          .query(queryFor(route))
          .send(bodyFor(route));
        expect({ route: label(route), status: response.status }).toEqual({
          route: label(route),
          status: 404,
        });
      }
    });
  });

  it("answers 404 on account routes given A's ids or slug", async () => {
    const memberOfASession = await signIn(testApp, memberOfA);
    const [sessionOfA]: { id: string }[] = await testApp.dataSource.query(
      `SELECT id FROM session WHERE user_id = $1 AND revoked_at IS NULL`,
      [memberOfA.id],
    );
    const [invitationOfA]: { id: string }[] = await testApp.dataSource.query(
      `SELECT id FROM invitation WHERE workspace_id = $1 AND accepted_at IS NULL`,
      [workspaceA.id],
    );
    await expectNothingChanged(async () => {
      // An invitation to someone else is not found, whoever calls.
      await intruder.post(`/api/me/invitations/${invitationOfA?.id}/accept`).expect(404);
      await intruder.delete(`/api/me/invitations/${invitationOfA?.id}`).expect(404);
      await intruder.delete(`/api/me/sessions/${sessionOfA?.id}`).expect(404);
      await memberOfASession.get('/api/me').expect(200);
      await intruder.delete(`/api/me/tokens/${tokenOfA.id}`).expect(404);
      // A's account through the instance-admin routes: only an instance admin reaches them.
      await intruder.delete(`/api/admin/users/${memberOfA.id}/mfa`).expect(403);
      await intruder.delete(`/api/admin/users/${memberOfA.id}/sessions`).expect(403);
      await intruder
        .patch(`/api/admin/users/${memberOfA.id}`)
        .send({ instanceAdmin: true })
        .expect(403);
      // The caller's own second factor only: nothing of A's is named or touched.
      await intruder
        .delete('/api/me/mfa')
        .send({ password: 'not the password at all' })
        .expect(400);
      await memberOfASession.get('/api/me').expect(200);
      await intruder
        .post('/api/me/tokens')
        .send({ name: 'sneaky', workspace: workspaceA.slug, scope: 'read', expiresInDays: 1 })
        .expect(404);
    });
  });

  it("lists nothing of A in B's lists", async () => {
    const members = memberPageSchema.parse(
      (await intruder.get(`/api/workspaces/${workspaceB.slug}/members`).expect(200)).body,
    );
    expect(members.items.map((member) => member.userId)).not.toContain(memberOfA.id);
    const tokens = apiTokenPageSchema.parse(
      (await intruder.get(`/api/workspaces/${workspaceB.slug}/tokens`).expect(200)).body,
    );
    expect(tokens.items.map((token) => token.workspace.id)).toEqual([workspaceB.id]);
    const events = auditEventPageSchema.parse(
      (await intruder.get(`/api/workspaces/${workspaceB.slug}/audit-events`).expect(200)).body,
    );
    expect(events.items.length).toBeGreaterThan(0);
    const [row] = await testApp.dataSource.query(
      `SELECT array_agg(id::text) AS ids FROM audit_event WHERE workspace_id = $1`,
      [workspaceA.id],
    );
    for (const event of events.items) expect(row.ids).not.toContain(event.id);
    const mine = workspacePageSchema.parse(
      (await intruder.get('/api/workspaces').expect(200)).body,
    );
    expect(mine.items.map((workspace) => workspace.slug)).toEqual([workspaceB.slug]);
    const teams = teamPageSchema.parse(
      (await intruder.get(`/api/workspaces/${workspaceB.slug}/teams`).expect(200)).body,
    );
    expect(teams.items).toEqual([]);
  });

  it("lists none of A's periods, objectives, key results, metrics or guardrails in B's lists", async () => {
    for (const list of ['periods', 'objectives', 'key-results', 'metrics', 'guardrails']) {
      const page = pageSchema(z.object({ id: z.uuid() })).parse(
        (await intruder.get(`/api/workspaces/${workspaceB.slug}/${list}`).expect(200)).body,
      );
      expect({ list, items: page.items }).toEqual({ list, items: [] });
    }
  });

  it("lists none of A's programs in B's program list or weekly review", async () => {
    const programs = pageSchema(z.object({ id: z.uuid() })).parse(
      (await intruder.get(`/api/workspaces/${workspaceB.slug}/programs`).expect(200)).body,
    );
    expect(programs.items).toEqual([]);
    const review = reviewOverviewSchema.parse(
      (await intruder.get(`/api/workspaces/${workspaceB.slug}/reviews`).expect(200)).body,
    );
    expect(review.items).toEqual([]);
  });
});
