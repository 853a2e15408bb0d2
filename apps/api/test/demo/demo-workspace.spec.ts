import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootstrapAccounts } from '../../src/bootstrap-accounts.js';
import { ensureDemoSeeded, resetDemoWorkspace } from '../../src/demo/demo-workspace.js';
import { type Browser, browser, TEST_PASSWORD } from '../support/factories.js';
import { pinToday } from '../support/okr-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { itQueryTablesMatchTheDashboards } from './query-tables-on-the-demo.js';

/**
 * The demo workspace as `npm start` seeds it — through the application's own services and
 * the Jira importer — read back through the public API, the way the web app reads it.
 * One seeded workspace serves every test; the last one resets it to prove the generator is
 * deterministic. The clock is pinned, so the test never depends on the day it runs: on the
 * Monday a sprint starts (a day the demo once had no next sprint) and on a quarter's second
 * day, a Saturday after a sprint's last Friday. `demo-every-day.spec.ts` checks the plan's
 * promises on 28 consecutive days.
 */
const PINNED_TODAYS = ['2026-12-07', '2027-01-02'];
const ADMIN = { email: 'admin@demo.test', password: TEST_PASSWORD };
const BASE = '/api/workspaces/demo';

type Named = { id: string; slug?: string; name?: string };

describe.each(PINNED_TODAYS)('the demo workspace seeded on %s', (today) => {
  let testApp: TestApp;
  let agent: Browser;
  let seededInMs: number;

  beforeAll(async () => {
    testApp = await createTestApp();
    pinToday(testApp, today);
    await bootstrapAccounts(testApp.dataSource, {
      adminEmail: ADMIN.email,
      adminPassword: ADMIN.password,
      demo: true,
    });
    const began = Date.now();
    const outcome = await ensureDemoSeeded(testApp.app, testApp.dataSource, { today });
    seededInMs = Date.now() - began;
    expect(outcome).toBe('seeded');
    agent = browser(testApp);
    await agent.post('/api/auth/sign-in').send(ADMIN).expect(200);
  }, 180_000);

  afterAll(async () => {
    await testApp.close();
  });

  const get = async <T>(path: string): Promise<T> =>
    (await agent.get(`${BASE}${path}`).expect(200)).body as T;

  it('is seeded, and says in how long (reported, not asserted: the machine may be loaded)', () => {
    process.stdout.write(`demo seeded in ${seededInMs} ms\n`);
    expect(seededInMs).toBeGreaterThan(0);
  });

  it('has five teams with two years of sprints each and a next sprint to plan', async () => {
    const teams = await get<{ items: Named[] }>('/teams?limit=200');
    expect(teams.items.map((team) => team.slug).sort()).toEqual([
      'ads-platform',
      'catalog',
      'mobile',
      'personalization',
      'playback',
    ]);
    for (const team of teams.items) {
      const sprints = await get<{ items: { state: string }[] }>(
        `/teams/${team.slug}/sprints?limit=200`,
      );
      expect(
        sprints.items.filter((sprint) => sprint.state === 'closed').length,
      ).toBeGreaterThanOrEqual(40);
      expect(sprints.items.filter((sprint) => sprint.state === 'active')).toHaveLength(1);
      expect(sprints.items.filter((sprint) => sprint.state === 'future')).toHaveLength(1);
    }
  });

  it('feeds every delivery read model of every team', async () => {
    const teams = await get<{ items: Named[] }>('/teams?limit=200');
    for (const { slug } of teams.items) {
      const velocity = await get<{ outcomes: { completed: number; committed: number }[] }>(
        `/teams/${slug}/velocity`,
      );
      expect(velocity.outcomes.length).toBeGreaterThan(0);
      expect(velocity.outcomes.some((outcome) => outcome.completed > 0)).toBe(true);
      const sprints = await get<{ items: { id: string; state: string }[] }>(
        `/teams/${slug}/sprints?limit=200`,
      );
      const lastClosed = sprints.items.find((sprint) => sprint.state === 'closed');
      const burndown = await get<{ committed: number; days: { added: number; removed: number }[] }>(
        `/teams/${slug}/sprints/${lastClosed?.id}/burndown`,
      );
      expect(burndown.committed).toBeGreaterThan(0);
      expect(burndown.days.length).toBeGreaterThan(0);
      const cycleTimes = await get<{ points: unknown[] }>(`/teams/${slug}/flow/cycle-times`);
      expect(cycleTimes.points.length).toBeGreaterThan(0);
      const throughput = await get<{ buckets: { count: number }[] }>(
        `/teams/${slug}/flow/throughput`,
      );
      expect(throughput.buckets.some((bucket) => bucket.count > 0)).toBe(true);
    }
  });

  it('has realistic sprint histories: scope added and removed mid-sprint, carry-over', async () => {
    let added = 0;
    let removed = 0;
    let unfinished = 0;
    const velocity = await get<{
      outcomes: { sprintId: string; committed: number; completed: number }[];
    }>('/teams/ads-platform/velocity?window=12');
    for (const outcome of velocity.outcomes) {
      const burndown = await get<{ days: { added: number; removed: number }[] }>(
        `/teams/ads-platform/sprints/${outcome.sprintId}/burndown`,
      );
      added += burndown.days.reduce((sum, day) => sum + day.added, 0);
      removed += burndown.days.reduce((sum, day) => sum + day.removed, 0);
      if (outcome.completed < outcome.committed) unfinished++;
    }
    expect(added).toBeGreaterThan(0);
    expect(removed).toBeGreaterThan(0);
    expect(unfinished).toBeGreaterThan(0);
  });

  it('has OKRs for the current and the previous quarter, with weekly check-ins', async () => {
    const periods = await get<{ items: (Named & { start: string; end: string })[] }>('/periods');
    expect(periods.items).toHaveLength(2);
    expect(periods.items.some((period) => period.start <= today && today <= period.end)).toBe(true);
    for (const period of periods.items) {
      const keyResults = await get<{ items: { lastCheckIn: unknown }[] }>(
        `/key-results?period=${period.id}&limit=200`,
      );
      expect(keyResults.items.length).toBeGreaterThanOrEqual(5);
      expect(keyResults.items.filter((keyResult) => keyResult.lastCheckIn !== null).length).toBe(
        keyResults.items.length,
      );
    }
  });

  it('has a dozen KPIs, one with a real shift that XmR flags', async () => {
    const metrics = await get<{ items: { key: string; latest: unknown }[] }>('/metrics?limit=200');
    expect(metrics.items.length).toBeGreaterThanOrEqual(12);
    expect(metrics.items.every((metric) => metric.latest !== null)).toBe(true);
    const signalled = [];
    for (const { key } of metrics.items) {
      const series = await get<{ xmr: { signals: unknown[] } | null }>(`/metrics/${key}/series`);
      if ((series.xmr?.signals.length ?? 0) > 0) signalled.push(key);
    }
    expect(signalled.length).toBeGreaterThanOrEqual(1);
  });

  it('has exactly one breached and one warning guardrail', async () => {
    const guardrails = await get<{ items: { status: string }[] }>('/guardrails?limit=200');
    const statuses = guardrails.items.map((guardrail) => guardrail.status);
    expect(statuses.filter((status) => status === 'breached')).toHaveLength(1);
    expect(statuses.filter((status) => status === 'warning')).toHaveLength(1);
    expect(statuses.filter((status) => status === 'ok').length).toBeGreaterThanOrEqual(1);
  });

  it('has three programs with a slipped milestone, RAID items, dependencies and published reports', async () => {
    const programs = await get<{ items: Named[] }>('/programs?limit=200');
    expect(programs.items.map((program) => program.name).sort()).toEqual([
      'Catalog ingestion rebuild',
      'Personalised home',
      'Podcast ads expansion',
    ]);
    let slipped = 0;
    let highOpenRisks = 0;
    let handled = 0;
    let overdue = 0;
    for (const program of programs.items) {
      const milestones = await get<{ items: { baselineDate: string; currentDate: string }[] }>(
        `/programs/${program.id}/milestones?limit=200`,
      );
      slipped += milestones.items.filter(
        (milestone) => milestone.currentDate > milestone.baselineDate,
      ).length;
      const raid = await get<{ items: { kind: string; status: string; score: number }[] }>(
        `/programs/${program.id}/raid?limit=200`,
      );
      highOpenRisks += raid.items.filter(
        (item) => item.kind === 'risk' && item.status === 'open' && item.score >= 15,
      ).length;
      handled += raid.items.filter((item) => item.status !== 'open').length;
      const dependencies = await get<{ items: { needBy: string; status: string }[] }>(
        `/programs/${program.id}/dependencies?limit=200`,
      );
      overdue += dependencies.items.filter(
        (dependency) =>
          dependency.needBy < today && !['delivered', 'cancelled'].includes(dependency.status),
      ).length;
      const published = await get<{ items: unknown[] }>(
        `/programs/${program.id}/reports?state=published`,
      );
      expect(published.items.length).toBeGreaterThanOrEqual(6);
    }
    expect(slipped).toBeGreaterThanOrEqual(1);
    expect(highOpenRisks).toBeGreaterThanOrEqual(1);
    expect(handled).toBeGreaterThanOrEqual(1);
    expect(overdue).toBe(1);
  });

  itQueryTablesMatchTheDashboards(() => agent);

  it('is seeded once: a second start leaves it alone', async () => {
    expect(await ensureDemoSeeded(testApp.app, testApp.dataSource, { today })).toBe(
      'already-seeded',
    );
  });

  it('resets to the same content: same seed and same today, same workspace', async () => {
    const before = await canonicalSummary(get);
    expect(await resetDemoWorkspace(testApp.app, testApp.dataSource, { today })).toBe('seeded');
    // The workspace was recreated, so the session still works but the ids are new.
    const after = await canonicalSummary(get);
    expect(after).toEqual(before);
    expect(after.teams.length).toBe(5);
  }, 120_000);
});

/** The workspace's content without ids or creation times: what two seedings must share. */
async function canonicalSummary(get: <T>(path: string) => Promise<T>) {
  const teams = await get<{ items: { slug: string; calendar: unknown }[] }>('/teams?limit=200');
  const teamSummaries = [];
  for (const team of teams.items) {
    const velocity = await get<{
      outcomes: { name: string; committed: number; completed: number }[];
    }>(`/teams/${team.slug}/velocity?window=26`);
    const cycleTimes = await get<{ points: [string, string, number | null, number | null][] }>(
      `/teams/${team.slug}/flow/cycle-times`,
    );
    teamSummaries.push({
      slug: team.slug,
      calendar: team.calendar,
      velocity: velocity.outcomes.map(({ name, committed, completed }) => [
        name,
        committed,
        completed,
      ]),
      cycleTimes: cycleTimes.points.map(([key, , cycleTime]) => [key, cycleTime]),
    });
  }
  const metrics = await get<{ items: { key: string; latest: { value: number } | null }[] }>(
    '/metrics?limit=200',
  );
  const guardrails = await get<{ items: { metricKey: string; status: string }[] }>(
    '/guardrails?limit=200',
  );
  const keyResults = await get<{ items: { title: string; current: number | null }[] }>(
    '/key-results?limit=200',
  );
  const programs = await get<{ items: { id: string; name: string; health: string }[] }>(
    '/programs?limit=200',
  );
  const programSummaries = [];
  for (const program of programs.items) {
    const milestones = await get<{ items: { name: string; currentDate: string }[] }>(
      `/programs/${program.id}/milestones?limit=200`,
    );
    const reports = await get<{ items: { week: string; health: string }[] }>(
      `/programs/${program.id}/reports`,
    );
    programSummaries.push({
      name: program.name,
      health: program.health,
      milestones: milestones.items.map(({ name, currentDate }) => [name, currentDate]),
      reports: reports.items.map(({ week, health }) => [week, health]),
    });
  }
  return {
    teams: teamSummaries,
    metrics: metrics.items.map(({ key, latest }) => [key, latest?.value ?? null]),
    guardrails: guardrails.items.map(({ metricKey, status }) => [metricKey, status]),
    keyResults: keyResults.items.map(({ title, current }) => [title, current]).sort(),
    programs: programSummaries,
  };
}
