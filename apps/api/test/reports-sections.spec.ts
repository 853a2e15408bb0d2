import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { milestoneSchema, type StatusReport, statusReportSchema } from '@bearing/contracts';
import { GuardrailStatusChange } from '../src/guardrails/guardrail-status-change.entity.js';
import { Guardrail } from '../src/guardrails/guardrail.entity.js';
import { Metric } from '../src/metrics/metric.entity.js';
import type { KeyResult } from '../src/okrs/key-results/key-result.entity.js';
import { ProgramGuardrail, ProgramObjective } from '../src/programs/program-links.entity.js';
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
  createGuardrail,
  createKeyResult,
  createMetric,
  createObjective,
  createPeriod,
} from './support/okr-factories.js';
import {
  insertProgram,
  pinClock,
  programPath,
  type TestProgram,
} from './support/program-factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** The status-report sections fed by OKRs and guardrails: key results, guardrails, check-ins. */
describe('status report sections from OKRs and guardrails', () => {
  let testApp: TestApp;
  let admin: TestUser;
  let workspace: TestWorkspace;
  let tpm: Browser;
  let clock: { set(instant: string): void };

  beforeAll(async () => {
    testApp = await createTestApp();
    admin = await createUser(testApp);
    workspace = await createWorkspace(testApp, admin);
    tpm = await signIn(testApp, await createMember(testApp, workspace, 'editor'));
    clock = pinClock(testApp, '2026-03-11T10:00:00Z');
  });
  afterAll(async () => {
    await testApp.close();
  });

  const reports = (program: TestProgram) => `${programPath(workspace, program)}/reports`;

  async function generate(program: TestProgram, week: string): Promise<StatusReport> {
    const response = await tpm.post(reports(program)).send({ week }).expect(201);
    return statusReportSchema.parse(response.body);
  }

  async function getReport(program: TestProgram, id: string): Promise<StatusReport> {
    return statusReportSchema.parse((await tpm.get(`${reports(program)}/${id}`).expect(200)).body);
  }

  async function publish(program: TestProgram, report: StatusReport): Promise<StatusReport> {
    const response = await tpm
      .post(`${reports(program)}/${report.id}/publish`)
      .send({ version: report.version })
      .expect(201);
    return statusReportSchema.parse(response.body);
  }

  async function checkIn(keyResult: KeyResult, value: number, date: string) {
    await tpm
      .post(`/api/workspaces/${workspace.slug}/key-results/${keyResult.id}/check-ins`)
      .send({ value, confidence: 'off-track', date })
      .expect(201);
  }

  async function linkObjective(program: TestProgram, objectiveId: string) {
    await testApp.dataSource.getRepository(ProgramObjective).insert({
      programId: program.id,
      objectiveId,
    });
  }

  async function linkGuardrail(program: TestProgram, guardrailId: string) {
    await testApp.dataSource.getRepository(ProgramGuardrail).insert({
      programId: program.id,
      guardrailId,
    });
  }

  /** A guardrail whose metric breached it on `changedAt`, as the guardrails feature records it. */
  async function breachedGuardrail(
    changedAt: string,
    key = `errors-${changedAt}`,
  ): Promise<Guardrail> {
    const metric = await createMetric(testApp, workspace, { key });
    const guardrail = await createGuardrail(testApp, metric);
    await testApp.dataSource.getRepository(Guardrail).update(guardrail.id, { status: 'breached' });
    await testApp.dataSource.getRepository(GuardrailStatusChange).insert({
      guardrailId: guardrail.id,
      fromStatus: null,
      toStatus: 'breached',
      value: 5,
      pointTimestamp: new Date(changedAt),
      cause: 'points',
      changedAt: new Date(changedAt),
    });
    return guardrail;
  }

  describe('a program with an off-track key result and a breached guardrail', () => {
    let program: TestProgram;
    let keyResult: KeyResult;
    let lateKeyResult: KeyResult;
    let guardrail: Guardrail;
    let published: StatusReport;

    beforeAll(async () => {
      clock.set('2026-03-11T10:00:00Z');
      program = await newProgram();
      const period = await createPeriod(testApp, workspace, {
        start: '2026-01-01',
        end: '2026-06-30',
      });
      const objective = await createObjective(testApp, workspace, admin, period, {
        title: 'Grow podcast ad revenue',
      });
      keyResult = await createKeyResult(testApp, objective, {
        createdAt: new Date('2026-01-05T09:00:00Z'),
      });
      lateKeyResult = await createKeyResult(testApp, objective, {
        createdAt: new Date('2026-01-05T09:00:00Z'),
      });
      await checkIn(keyResult, 5, '2026-03-10');
      await checkIn(lateKeyResult, 50, '2026-02-02');
      await linkObjective(program, objective.id);
      guardrail = await breachedGuardrail('2026-03-10T08:00:00.000Z');
      await linkGuardrail(program, guardrail.id);
      published = await publish(program, await generate(program, '2026-03-09'));
    });

    async function newProgram() {
      return insertProgram(testApp, workspace, admin, { name: 'Ad platform' });
    }

    it('lists the off-track key result with its pace and an at-risk reason', () => {
      const section = published.snapshot.sections.keyResults;
      if (section.status !== 'available') throw new Error('key results unavailable');
      const item = section.items.find(({ keyResultId }) => keyResultId === keyResult.id);
      expect(item).toMatchObject({
        objectiveTitle: 'Grow podcast ad revenue',
        current: 5,
        target: 100,
        progress: 0.05,
        pace: 'off-track',
        progressChange: null,
      });
      expect(item?.expectedProgress).toBeGreaterThan(0.3);
      expect(published.snapshot.healthReasons).toContainEqual(
        expect.objectContaining({
          code: 'key-result-off-track',
          severity: 'at-risk',
          section: 'keyResults',
          ref: { type: 'key-result', id: keyResult.id },
        }),
      );
    });

    it('forces the suggested health to at least at-risk with a breached guardrail', () => {
      const section = published.snapshot.sections.guardrails;
      if (section.status !== 'available') throw new Error('guardrails unavailable');
      expect(section.items).toEqual([
        expect.objectContaining({
          guardrailId: guardrail.id,
          status: 'breached',
          previousStatus: null,
          changesThisWeek: [{ from: null, to: 'breached', changedAt: '2026-03-10T08:00:00.000Z' }],
        }),
      ]);
      expect(published.snapshot.healthReasons).toContainEqual(
        expect.objectContaining({
          code: 'guardrail-breached',
          severity: 'at-risk',
          ref: { type: 'guardrail', id: guardrail.id },
        }),
      );
      expect(['at-risk', 'off-track']).toContain(published.suggestedHealth);
    });

    it('lists the overdue check-in as a watch reason', () => {
      const section = published.snapshot.sections.checkIns;
      if (section.status !== 'available') throw new Error('check-ins unavailable');
      expect(section.overdue).toEqual([
        expect.objectContaining({
          keyResultId: lateKeyResult.id,
          lastCheckInDate: '2026-02-02',
          dueSince: '2026-02-09',
        }),
      ]);
      expect(published.snapshot.healthReasons).toContainEqual(
        expect.objectContaining({ code: 'check-in-overdue', severity: 'watch' }),
      );
    });

    it('keeps the published snapshot after a later check-in, and measures the next draft against it', async () => {
      clock.set('2026-03-17T10:00:00Z');
      await checkIn(keyResult, 20, '2026-03-17');
      expect((await getReport(program, published.id)).snapshot).toEqual(published.snapshot);

      // A later draft (never published) is not what deltas are measured against.
      const next = await generate(program, '2026-03-16');
      expect(next.snapshot.comparedTo).toMatchObject({
        reportId: published.id,
        week: '2026-03-09',
      });
      const keyResults = next.snapshot.sections.keyResults;
      const guardrails = next.snapshot.sections.guardrails;
      if (keyResults.status !== 'available' || guardrails.status !== 'available') {
        throw new Error('sections unavailable');
      }
      const item = keyResults.items.find(({ keyResultId }) => keyResultId === keyResult.id);
      expect(item?.progress).toBe(0.2);
      expect(item?.progressChange).toBeCloseTo(0.15, 10);
      expect(guardrails.items[0]).toMatchObject({
        status: 'breached',
        previousStatus: 'breached',
        changesThisWeek: [],
      });
      const checkIns = next.snapshot.sections.checkIns;
      if (checkIns.status !== 'available') throw new Error('check-ins unavailable');
      expect(checkIns.overdue.map(({ keyResultId }) => keyResultId)).toEqual([lateKeyResult.id]);
    });
  });

  it('writes the draft for people: dates as the app writes them, metric names, one full stop', async () => {
    clock.set('2026-02-25T09:00:00Z');
    const program = await insertProgram(testApp, workspace, admin, { name: 'Podcast ads' });
    const upstream = await insertProgram(testApp, workspace, admin, { name: 'Ad platform' });
    const milestones = `${programPath(workspace, program)}/milestones`;
    const addMilestone = async (name: string, baselineDate: string) =>
      milestoneSchema.parse(
        (await tpm.post(milestones).send({ name, baselineDate }).expect(201)).body,
      );
    const editMilestone = async (id: string, body: object) =>
      tpm
        .patch(`${milestones}/${id}`)
        .send({ ...body, version: 1 })
        .expect(200);
    const beta = await addMilestone('Beta', '2026-03-02');
    const freeze = await addMilestone('Schema freeze', '2026-03-06');
    clock.set('2026-03-11T10:00:00Z');
    await editMilestone(beta.id, { currentDate: '2026-03-30', reason: 'Vendor SDK late.' });
    await editMilestone(freeze.id, { completedAt: '2026-03-10' });
    await tpm
      .post(`${programPath(workspace, program)}/dependencies`)
      .send({
        from: { kind: 'program', id: program.id },
        to: { kind: 'program', id: upstream.id },
        description: 'Decisioning feed',
        needBy: '2026-03-02',
      })
      .expect(201);
    const guardrail = await breachedGuardrail('2026-03-10T08:00:00.000Z', 'ad-fill-rate');
    await testApp.dataSource
      .getRepository(Metric)
      .update({ id: guardrail.metricId }, { name: 'Ad fill rate' });
    await linkGuardrail(program, guardrail.id);
    const period = await createPeriod(testApp, workspace, {
      start: '2026-01-01',
      end: '2026-06-30',
    });
    const objective = await createObjective(testApp, workspace, admin, period);
    const quiet = await createKeyResult(testApp, objective, {
      createdAt: new Date('2026-01-05T09:00:00Z'),
    });
    await checkIn(quiet, 50, '2026-02-02');
    await linkObjective(program, objective.id);

    const draft = await generate(program, '2026-03-09');

    const words = [
      draft.summary,
      ...draft.highlights,
      ...draft.lowlights,
      ...draft.snapshot.healthReasons.map(({ message }) => message),
    ];
    for (const text of words) {
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(text).not.toContain('ad-fill-rate');
      expect(text).not.toMatch(/\.\./);
    }
    expect(draft.summary).toContain(
      'Milestone "Beta" is 28 days late against its baseline (planned for Mar 2, 2026; now Mar 30, 2026).',
    );
    expect(draft.summary).toContain('Guardrail on "Ad fill rate" is breached.');
    expect(draft.summary).toContain(
      'Dependency "Decisioning feed" (Podcast ads needs it from Ad platform) was needed by Mar 2, 2026: 9 days overdue.',
    );
    expect(draft.highlights).toEqual([
      'Completed "Schema freeze" on Mar 10, 2026: 4 days late against its baseline of Mar 6, 2026.',
    ]);
    expect(draft.lowlights).toContain(
      '"Beta" moved from Mar 2, 2026 to Mar 30, 2026 (28 days late against its baseline of Mar 2, 2026): Vendor SDK late.',
    );
    expect(draft.snapshot.healthReasons).toContainEqual(
      expect.objectContaining({
        code: 'check-in-overdue',
        message: expect.stringContaining(
          'has had no check-in since Feb 2, 2026; one was due on Feb 9, 2026.',
        ),
      }),
    );
  });

  it('gives empty sections and no reasons for a program without linked objectives or guardrails', async () => {
    clock.set('2026-03-11T10:00:00Z');
    const program = await insertProgram(testApp, workspace, admin);
    const report = await generate(program, '2026-03-09');
    expect(report.snapshot.sections.keyResults).toEqual({ status: 'available', items: [] });
    expect(report.snapshot.sections.guardrails).toEqual({ status: 'available', items: [] });
    expect(report.snapshot.sections.checkIns).toEqual({ status: 'available', overdue: [] });
    expect(report.suggestedHealth).toBe('on-track');
  });
});
