import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type StatusReport, statusReportSchema } from '@bearing/contracts';
import { GuardrailStatusChange } from '../src/guardrails/guardrail-status-change.entity.js';
import { Guardrail } from '../src/guardrails/guardrail.entity.js';
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
  async function breachedGuardrail(changedAt: string): Promise<Guardrail> {
    const metric = await createMetric(testApp, workspace, { key: `errors-${changedAt}` });
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
