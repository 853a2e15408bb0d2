import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootstrapAccounts } from '../src/bootstrap-accounts.js';
import { ensureDemoSeeded } from '../src/demo/demo-workspace.js';
import { hashSecret } from '../src/common/secrets/secret-token.js';
import {
  type Browser,
  browser,
  createToken,
  TEST_PASSWORD,
  type TestUser,
  type TestWorkspace,
} from './support/factories.js';
import { pinToday } from './support/okr-factories.js';
import { naming, statementsDuring } from './support/statements.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { JobQueue } from '../src/jobs/job-queue.service.js';

const ADMIN = { email: 'admin@demo.test', password: TEST_PASSWORD };
const BASE = '/api/workspaces/demo';

/**
 * What a request costs in statements, on the demo workspace (two years of sprints, programs with
 * weekly reports, metrics with history): a fixed, small number per request, not one per sprint,
 * report or point read.
 */
describe('the statements a read sends', () => {
  let testApp: TestApp;
  let agent: Browser;
  let token: string;
  let team: { slug: string; sprintId: string };

  beforeAll(async () => {
    testApp = await createTestApp();
    pinToday(testApp, '2026-12-07');
    await bootstrapAccounts(testApp.dataSource, {
      adminEmail: ADMIN.email,
      adminPassword: ADMIN.password,
      demo: true,
    });
    expect(await ensureDemoSeeded(testApp.app, testApp.dataSource, { today: '2026-12-07' })).toBe(
      'seeded',
    );
    // Seeding publishes events the job queue then delivers (and the minute scheduler adds its
    // own): its statements would mix with the requests' below, so background work stops here.
    await testApp.app.get(JobQueue).stop();
    agent = browser(testApp);
    await agent.post('/api/auth/sign-in').send(ADMIN).expect(200);
    const [admin] = await testApp.dataSource.query<TestUser[]>(
      `SELECT id, email, display_name AS "displayName", $2::text AS password
         FROM "user" WHERE email = $1`,
      [ADMIN.email, ADMIN.password],
    );
    const [workspace] = await testApp.dataSource.query<TestWorkspace[]>(
      `SELECT id, slug, name FROM workspace WHERE slug = 'demo'`,
    );
    if (!admin || !workspace) throw new Error('the demo has no admin or workspace');
    token = (await createToken(testApp, admin, workspace, 'read')).secret;
    const [sprint] = await testApp.dataSource.query<{ slug: string; id: string }[]>(
      `SELECT team.slug, sprint.id FROM sprint JOIN team ON team.id = sprint.team_id
        WHERE team.workspace_id = $1 AND sprint.state = 'closed'
        ORDER BY sprint.ends_at DESC, team.slug LIMIT 1`,
      [workspace.id],
    );
    if (!sprint) throw new Error('the demo has no closed sprint');
    team = { slug: sprint.slug, sprintId: sprint.id };
  }, 180_000);

  afterAll(async () => {
    await testApp.close();
  });

  /** The statements a GET of `path` sends, as a read token and as a browser session. */
  const statementsOf = (path: string, as: 'token' | 'session' = 'token') =>
    statementsDuring(() =>
      as === 'token'
        ? testApp.http.get(`${BASE}${path}`).set('authorization', `Bearer ${token}`).expect(200)
        : agent.get(`${BASE}${path}`).expect(200),
    );

  it('resolves the caller, the workspace and the membership in one statement', async () => {
    for (const [as, credential] of [
      ['token', 'api_token'],
      ['session', 'session'],
    ] as const) {
      const statements = await statementsOf('/teams', as);
      const identity = [
        ...new Set([
          ...naming(statements, credential),
          ...naming(statements, 'user'),
          ...naming(statements, 'workspace'),
          ...naming(statements, 'membership'),
        ]),
      ];
      expect(identity).toHaveLength(1);
      expect(naming(naming(identity, credential), 'membership')).toHaveLength(1);
    }
  });

  it('notes a token’s use in that statement, at most once a minute', async () => {
    const lastUsed = async () =>
      (
        await testApp.dataSource.query<{ at: Date }[]>(
          `SELECT last_used_at AS at FROM api_token WHERE token_hash = $1`,
          [hashSecret(token)],
        )
      )[0]?.at;
    const recently = new Date(Date.now() - 30_000);
    await testApp.dataSource.query(`UPDATE api_token SET last_used_at = $2 WHERE token_hash = $1`, [
      hashSecret(token),
      recently,
    ]);
    await statementsOf('/teams');
    expect(await lastUsed()).toEqual(recently);
    const longAgo = new Date(Date.now() - 5 * 60_000);
    await testApp.dataSource.query(`UPDATE api_token SET last_used_at = $2 WHERE token_hash = $1`, [
      hashSecret(token),
      longAgo,
    ]);
    const statements = await statementsOf('/teams');
    expect((await lastUsed())?.getTime()).toBeGreaterThan(longAgo.getTime());
    expect(naming(statements, 'api_token')).toHaveLength(1);
  });

  it('reads a sprint burndown in three statements: caller, team with sprint, sprint history', async () => {
    const statements = await statementsOf(`/teams/${team.slug}/sprints/${team.sprintId}/burndown`);
    expect(naming(statements, 'team')).toHaveLength(1);
    expect(naming(naming(statements, 'team'), 'sprint')).toHaveLength(1);
    expect(naming(statements, 'work_item')).toHaveLength(1);
    expect(statements).toHaveLength(3);
  });

  it('reads velocity in as many statements for twelve sprints as for one', async () => {
    const one = await statementsOf(`/teams/${team.slug}/velocity?window=1`);
    const twelve = await statementsOf(`/teams/${team.slug}/velocity?window=12`);
    expect(naming(twelve, 'work_item')).toHaveLength(1);
    expect(twelve).toHaveLength(one.length);
    expect(twelve.length).toBeLessThanOrEqual(3);
  });

  it('plans capacity in as many statements with twelve sprints of history as with one', async () => {
    const path = (history: number) =>
      `/teams/${team.slug}/capacity?sprint=${team.sprintId}&history=${history}`;
    const one = await statementsOf(path(1));
    const twelve = await statementsOf(path(12));
    expect(naming(twelve, 'work_item')).toHaveLength(1);
    expect(naming(twelve, 'sprint_availability')).toHaveLength(1);
    expect(twelve).toHaveLength(one.length);
    expect(twelve.length).toBeLessThanOrEqual(5);
  });

  it('draws the portfolio’s health trend without reading whole report snapshots', async () => {
    const statements = await statementsOf('/portfolio');
    const trend = naming(statements, 'status_report').filter((sql) => /"?week"?\s*>=/.test(sql));
    expect(trend).toHaveLength(1);
    // Only JSONB paths into the snapshot (its key result and guardrail sections), never the column.
    expect(trend[0]).toMatch(/"snapshot"\s*#>/);
    expect(trend[0]).not.toMatch(/"snapshot"(?!\s*#>)/);
  });

  it('reads a metric’s latest point with a lateral LIMIT 1, not DISTINCT ON', async () => {
    const [metric] = await testApp.dataSource.query<{ key: string }[]>(
      `SELECT m.key FROM metric m JOIN workspace w ON w.id = m.workspace_id
        WHERE w.slug = 'demo' AND EXISTS (SELECT 1 FROM metric_point p WHERE p.metric_id = m.id)
        ORDER BY m.key LIMIT 1`,
    );
    const points = naming(await statementsOf(`/metrics/${metric?.key}`), 'metric_point');
    expect(points).toHaveLength(1);
    expect(points[0]).not.toMatch(/DISTINCT ON/i);
    expect(points[0]).toMatch(/LATERAL[\s\S]*ORDER BY "timestamp" DESC\s+LIMIT 1/);
  });

  it('reads a metric’s series and XmR analysis in one statement after the caller', async () => {
    const [metric] = await testApp.dataSource.query<{ key: string }[]>(
      `SELECT m.key FROM metric m JOIN workspace w ON w.id = m.workspace_id
        WHERE w.slug = 'demo' ORDER BY m.key LIMIT 1`,
    );
    const statements = await statementsOf(`/metrics/${metric?.key}/series`);
    expect(naming(statements, 'metric_point')).toHaveLength(1);
    expect(statements).toHaveLength(2);
  });
});
