import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Portfolio, portfolioSchema, programSchema } from '@bearing/contracts';
import { Milestone } from '../src/programs/milestones/milestone.entity.js';
import { RaidItem } from '../src/programs/raid/raid-item.entity.js';
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
  insertPoints,
} from './support/okr-factories.js';
import {
  insertDependency,
  insertMilestone,
  insertProgram,
  pinClock,
  programsPath,
} from './support/program-factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** 30 daily values ending on `lastDay`: steady around 200, the newest a real jump. */
function latencyPoints(lastDay: string): { timestamp: string; value: number }[] {
  const steady = [
    198, 203, 201, 196, 205, 199, 202, 200, 197, 204, 201, 199, 203, 198, 200, 202, 196, 204, 201,
    199, 200, 203, 197, 202, 201, 198, 204, 200, 199,
  ];
  const last = Date.parse(`${lastDay}T00:00:00Z`);
  return [...steady, 262].map((value, index, all) => ({
    timestamp: new Date(last - (all.length - 1 - index) * 86_400_000).toISOString(),
    value,
  }));
}

describe('GET /portfolio: the executive view', () => {
  let testApp: TestApp;
  let admin: TestUser;
  let workspace: TestWorkspace;
  let tpm: Browser;
  let portfolio: Portfolio;
  let ads: { id: string; name: string };

  beforeAll(async () => {
    testApp = await createTestApp();
    pinClock(testApp, '2026-03-25T10:00:00Z');
    admin = await createUser(testApp);
    workspace = await createWorkspace(testApp, admin);
    tpm = await signIn(testApp, admin);

    const period = await createPeriod(testApp, workspace, {
      start: '2026-01-01',
      end: '2026-03-31',
    });
    const objective = await createObjective(testApp, workspace, admin, period, {
      title: 'Grow podcast ad revenue',
    });
    await createKeyResult(testApp, objective, { baseline: 0, target: 100 });

    const latency = await createMetric(testApp, workspace, {
      key: 'playback.latency_p95',
      direction: 'decrease-is-good',
    });
    await insertPoints(testApp, latency, latencyPoints('2026-03-24'));
    await createMetric(testApp, workspace, { key: 'ads.fill_rate' });
    // Through the API, so its status is evaluated as users see it: 262 is past 200 + 10 %.
    await tpm
      .post(`/api/workspaces/${workspace.slug}/guardrails`)
      .send({ metricKey: latency.key, baseline: 200, threshold: { type: 'relative', value: 0.1 } })
      .expect(201);

    ads = programSchema.parse(
      (
        await tpm
          .post(programsPath(workspace))
          .send({
            name: 'Podcast ads expansion',
            ownerId: admin.id,
            start: '2026-01-05',
            objectiveIds: [objective.id],
          })
          .expect(201)
      ).body,
    );
    const catalog = await insertProgram(testApp, workspace, admin, { name: 'Catalog rebuild' });

    const slipped = await insertMilestone(testApp, workspace, ads, '2026-03-02');
    await testApp.dataSource
      .getRepository(Milestone)
      .update({ id: slipped.id }, { currentDate: '2026-03-23' });
    await insertMilestone(testApp, workspace, ads, '2026-04-20'); // on plan
    const raid = testApp.dataSource.getRepository(RaidItem);
    const risk = (title: string, probability: number, impact: number, status = 'open' as const) =>
      raid.save({
        workspaceId: workspace.id,
        programId: catalog.id,
        kind: 'risk' as const,
        title,
        probability,
        impact,
        ownerUserId: null,
        mitigation: '',
        status,
        dueDate: null,
      });
    await risk('Vendor feed format changes', 4, 5);
    await risk('Ingestion cluster capacity', 3, 3);
    await raid.save({
      ...(await risk('Already handled', 5, 5)),
      status: 'mitigated',
    });
    await insertDependency(testApp, workspace, ads, catalog); // need-by 2026-04-01: not yet due
    await insertDependency(testApp, workspace, catalog, ads);
    await testApp.dataSource.query(
      `UPDATE "program_dependency" SET "need_by" = '2026-03-01' WHERE "program_id" = $1`,
      [catalog.id],
    );

    const report = await tpm
      .post(`${programsPath(workspace)}/${ads.id}/reports`)
      .send({ week: '2026-03-23' })
      .expect(201);
    await tpm
      .post(`${programsPath(workspace)}/${ads.id}/reports/${report.body.id}/publish`)
      .send({ version: report.body.version })
      .expect(201);

    // Another workspace's program never shows.
    const other = await createWorkspace(testApp, admin);
    await insertProgram(testApp, other, admin, { name: 'Not ours' });

    const viewer = await signIn(testApp, await createMember(testApp, workspace, 'viewer'));
    portfolio = portfolioSchema.parse(
      (await viewer.get(`/api/workspaces/${workspace.slug}/portfolio`).expect(200)).body,
    );
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('lists this workspace’s programs only, by name, with health and the published trend', () => {
    expect(portfolio.asOf).toBe('2026-03-25');
    expect(portfolio.programs.map(({ name }) => name)).toEqual([
      'Catalog rebuild',
      'Podcast ads expansion',
    ]);
    const card = portfolio.programs.find(({ id }) => id === ads.id);
    expect(card?.trend).toEqual([
      expect.objectContaining({ week: '2026-03-23', health: expect.any(String) }),
    ]);
  });

  it('shows linked objectives with their score, and milestones slipping against baseline', () => {
    const card = portfolio.programs.find(({ id }) => id === ads.id);
    expect(card?.objectives).toEqual([
      expect.objectContaining({ title: 'Grow podcast ad revenue', status: 'active' }),
    ]);
    expect(card?.slippingMilestones).toEqual([
      expect.objectContaining({
        baselineDate: '2026-03-02',
        currentDate: '2026-03-23',
        // Moved to the 23rd and still open on the 25th (today): late up to today.
        slipDays: 23,
      }),
    ]);
  });

  it('ranks open risks by probability × impact and counts overdue dependencies', () => {
    expect(portfolio.topRisks.map(({ title, score }) => [title, score])).toEqual([
      ['Vendor feed format changes', 20],
      ['Ingestion cluster capacity', 9],
    ]);
    const catalogCard = portfolio.programs.find(({ name }) => name === 'Catalog rebuild');
    expect(catalogCard?.openRiskCount).toBe(2);
    expect(catalogCard?.overdueDependencyCount).toBe(1);
    expect(portfolio.programs.find(({ id }) => id === ads.id)?.overdueDependencyCount).toBe(0);
  });

  it('lists the breached guardrail, and KPI tiles with a sparkline and a recent XmR signal', () => {
    expect(portfolio.guardrails.map(({ metricKey, status }) => [metricKey, status])).toEqual([
      ['playback.latency_p95', 'breached'],
    ]);
    const latency = portfolio.kpis.find(({ key }) => key === 'playback.latency_p95');
    expect(latency?.trend.sparkline).toHaveLength(30);
    expect(latency?.latest).toEqual({ timestamp: '2026-03-24T00:00:00.000Z', value: 262 });
    expect(latency?.trend.sparklineSignals).toEqual([29]);
    expect(latency?.trend.status).toMatchObject({
      state: 'signal',
      signal: {
        timestamp: '2026-03-24T00:00:00.000Z',
        value: 262,
        rules: ['beyond-limits', 'range-beyond-limit'],
      },
      // Limits from the first 20 of the 30 values, so the jump does not widen them.
      limits: {
        window: {
          from: '2026-02-23T00:00:00.000Z',
          to: '2026-03-14T00:00:00.000Z',
          count: 20,
          provisional: false,
        },
      },
      shift: null,
    });
    const fill = portfolio.kpis.find(({ key }) => key === 'ads.fill_rate');
    expect(fill).toEqual({
      key: 'ads.fill_rate',
      name: fill?.name,
      unit: fill?.unit,
      direction: fill?.direction,
      latest: null,
      trend: {
        sparkline: [],
        sparklineSignals: [],
        status: { state: 'too-few-values', signal: null, limits: null, shift: null },
      },
    });
  });
});
