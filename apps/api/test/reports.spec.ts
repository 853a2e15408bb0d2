import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import {
  healthTimelineSchema,
  milestoneSchema,
  problemSchema,
  programSchema,
  raidItemDetailSchema,
  reviewOverviewSchema,
  reviewSettingsSchema,
  type StatusReport,
  statusReportPageSchema,
  statusReportSchema,
} from '@bearing/contracts';
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
  countProgramRows,
  insertProgram,
  pinClock,
  programPath,
  type TestProgram,
} from './support/program-factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('weekly status reports', () => {
  let testApp: TestApp;
  let admin: TestUser;
  let workspace: TestWorkspace;
  let tpmUser: TestUser;
  let tpm: Browser;
  let clock: { set(instant: string): void };

  beforeAll(async () => {
    testApp = await createTestApp();
    admin = await createUser(testApp);
    workspace = await createWorkspace(testApp, admin);
    tpmUser = await createMember(testApp, workspace, 'editor');
    tpm = await signIn(testApp, tpmUser);
    clock = pinClock(testApp, '2026-03-11T10:00:00Z');
  });
  afterAll(async () => {
    await testApp.close();
  });

  const reports = (program: TestProgram) => `${programPath(workspace, program)}/reports`;

  async function newProgram(
    overrides: { name?: string; start?: string; end?: string | null } = {},
  ) {
    return insertProgram(testApp, workspace, admin, overrides);
  }

  async function addMilestone(program: TestProgram, name: string, baselineDate: string) {
    const response = await tpm
      .post(`${programPath(workspace, program)}/milestones`)
      .send({ name, baselineDate })
      .expect(201);
    return milestoneSchema.parse(response.body);
  }

  async function editMilestone(program: TestProgram, id: string, body: object) {
    const path = `${programPath(workspace, program)}/milestones/${id}`;
    const { version } = milestoneSchema.parse((await tpm.get(path).expect(200)).body);
    return milestoneSchema.parse(
      (
        await tpm
          .patch(path)
          .send({ ...body, version })
          .expect(200)
      ).body,
    );
  }

  async function addRisk(program: TestProgram, body: object) {
    const response = await tpm
      .post(`${programPath(workspace, program)}/raid`)
      .send({ kind: 'risk', title: 'A risk', probability: 2, impact: 3, ...body })
      .expect(201);
    return raidItemDetailSchema.parse(response.body);
  }

  async function addDependency(program: TestProgram, to: TestProgram, needBy: string) {
    await tpm
      .post(`${programPath(workspace, program)}/dependencies`)
      .send({
        from: { kind: 'program', id: program.id },
        to: { kind: 'program', id: to.id },
        description: `Feed from ${to.name}`,
        needBy,
      })
      .expect(201);
  }

  async function generate(program: TestProgram, week: string): Promise<StatusReport> {
    const response = await tpm.post(reports(program)).send({ week }).expect(201);
    return statusReportSchema.parse(response.body);
  }

  async function publish(program: TestProgram, report: StatusReport): Promise<StatusReport> {
    const response = await tpm
      .post(`${reports(program)}/${report.id}/publish`)
      .send({ version: report.version })
      .expect(201);
    return statusReportSchema.parse(response.body);
  }

  /** Runs `statements` in a transaction of the test's own, held open until `release`. */
  async function holdTransaction(statements: [string, unknown[]][]) {
    const runner = testApp.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    for (const [sql, parameters] of statements) await runner.query(sql, parameters);
    return {
      release: async () => {
        await runner.commitTransaction();
        await runner.release();
      },
      abandon: async () => {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        if (!runner.isReleased) await runner.release();
      },
    };
  }

  /** Waits until `sessions` sessions of this test's database wait for a lock. */
  async function waitUntilBlocked(sessions: number): Promise<void> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const [row]: { n: string }[] = await testApp.dataSource.query(
        `SELECT count(*) AS n FROM pg_stat_activity
          WHERE "datname" = current_database() AND "wait_event_type" = 'Lock'`,
      );
      if (Number(row?.n) >= sessions) return;
      if (Date.now() > deadline) throw new Error(`not ${sessions} sessions waiting for a lock`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  describe('a generated draft', () => {
    let program: TestProgram;
    let report: StatusReport;
    let slipped: string;

    beforeAll(async () => {
      program = await newProgram({ name: 'Catalog ingestion rebuild' });
      clock.set('2026-02-25T09:00:00Z');
      slipped = (await addMilestone(program, 'Beta', '2026-03-02')).id;
      const late = await addMilestone(program, 'Partner API', '2026-03-20');
      const done = await addMilestone(program, 'Schema freeze', '2026-03-06');
      clock.set('2026-03-11T10:00:00Z');
      await editMilestone(program, slipped, {
        currentDate: '2026-03-30',
        reason: 'Vendor SDK late',
      });
      await editMilestone(program, late.id, { currentDate: '2026-03-27', reason: 'Holidays' });
      await editMilestone(program, done.id, { completedAt: '2026-03-10' });
      report = await generate(program, '2026-03-09');
    });

    it('shows a slipped milestone with its original date, current date, slip and reason', () => {
      const milestones = report.snapshot.sections.milestones;
      if (milestones.status !== 'available') throw new Error('milestones unavailable');
      expect(milestones.movedThisWeek).toContainEqual(
        expect.objectContaining({
          milestoneId: slipped,
          name: 'Beta',
          baselineDate: '2026-03-02',
          dateBeforeWeek: '2026-03-02',
          currentDate: '2026-03-30',
          slipDays: 28,
          slipDaysChange: 28,
          moves: [
            expect.objectContaining({
              fromDate: '2026-03-02',
              toDate: '2026-03-30',
              reason: 'Vendor SDK late',
              authorName: tpmUser.displayName,
            }),
          ],
        }),
      );
      expect(milestones.completedThisWeek).toEqual([
        expect.objectContaining({ name: 'Schema freeze', completedAt: '2026-03-10', slipDays: 4 }),
      ]);
      expect(report.lowlights).toContainEqual(
        expect.stringContaining('"Beta" moved from Mar 2, 2026 to Mar 30, 2026'),
      );
      expect(report.highlights).toEqual([expect.stringContaining('Completed "Schema freeze"')]);
    });

    it('suggests a health with the reasons that drove it', () => {
      expect(report).toMatchObject({
        state: 'draft',
        week: '2026-03-09',
        weekEnd: '2026-03-15',
        suggestedHealth: 'at-risk',
        health: 'at-risk',
        healthReason: null,
        healthOverridden: false,
        watermelon: false,
        publishedAt: null,
      });
      expect(report.snapshot.healthReasons).toEqual([
        {
          code: 'milestone-slipped-past-threshold',
          severity: 'at-risk',
          section: 'milestones',
          message: expect.stringContaining(
            '28 days late against its baseline (planned for Mar 2, 2026; now Mar 30, 2026)',
          ),
          ref: { type: 'milestone', id: slipped },
        },
        expect.objectContaining({ code: 'milestone-slipped', severity: 'watch' }),
      ]);
      expect(report.summary).toMatch(
        /^The data suggests Catalog ingestion rebuild is at risk\. Milestone "Beta"/,
      );
    });

    it('gives an empty say/do section when the program has no teams', () => {
      const { sections } = report.snapshot;
      expect(sections.sayDo).toEqual({
        status: 'available',
        teams: [],
        teamsWithoutClosedSprint: [],
      });
    });

    it('gives empty OKR and guardrail sections when the program links none', () => {
      const { sections } = report.snapshot;
      expect(sections.keyResults).toEqual({ status: 'available', items: [] });
      expect(sections.guardrails).toEqual({ status: 'available', items: [] });
      expect(sections.checkIns).toEqual({ status: 'available', overdue: [] });
    });

    it('is listed in the program history', async () => {
      const page = statusReportPageSchema.parse((await tpm.get(reports(program)).expect(200)).body);
      expect(page.items.map(({ id, state }) => ({ id, state }))).toEqual([
        { id: report.id, state: 'draft' },
      ]);
      expect(page.items[0]).not.toHaveProperty('snapshot');
    });
  });

  it('goes off-track with three at-risk reasons; a high-score risk alone is only watched', async () => {
    const upstream = await newProgram();
    const risky = await newProgram();
    await addRisk(risky, { probability: 5, impact: 5, title: 'Label deal falls through' });
    const calm = await generate(risky, '2026-03-09');
    expect(calm.suggestedHealth).toBe('on-track');
    expect(calm.snapshot.healthReasons).toEqual([
      expect.objectContaining({ code: 'risk-high-score-open', severity: 'watch' }),
    ]);

    const troubled = await newProgram();
    await addDependency(troubled, upstream, '2026-03-02');
    await addDependency(troubled, upstream, '2026-03-05');
    await addDependency(troubled, upstream, '2026-04-30');
    const milestone = await addMilestone(troubled, 'Launch', '2026-02-02');
    await editMilestone(troubled, milestone.id, { currentDate: '2026-04-06', reason: 'Scope' });
    const report = await generate(troubled, '2026-03-09');
    expect(report.suggestedHealth).toBe('off-track');
    expect(report.snapshot.healthReasons.map(({ code }) => code).sort()).toEqual([
      'dependency-overdue',
      'dependency-overdue',
      'milestone-slipped-past-threshold',
    ]);
    const dependencies = report.snapshot.sections.dependencies;
    if (dependencies.status !== 'available') throw new Error('dependencies unavailable');
    expect(dependencies.overdueCount).toBe(2);
    expect(dependencies.open.map(({ daysOverdue }) => daysOverdue)).toEqual([9, 6, 0]);
  });

  it('counts an open milestone nobody moved past its date as late, up to the report day', async () => {
    const program = await newProgram();
    clock.set('2026-01-20T09:00:00Z');
    const ga = await addMilestone(program, 'GA', '2026-01-26');
    // 44 days after its date, still open and never moved.
    clock.set('2026-03-11T10:00:00Z');
    const report = await generate(program, '2026-03-09');
    expect(report.suggestedHealth).toBe('at-risk');
    expect(report.snapshot.healthReasons).toEqual([
      {
        code: 'milestone-slipped-past-threshold',
        severity: 'at-risk',
        section: 'milestones',
        message:
          'Milestone "GA" is 44 days late against its baseline (planned for Jan 26, 2026; due Jan 26, 2026 and still open: overdue).',
        ref: { type: 'milestone', id: ga.id },
      },
    ]);
    const milestones = report.snapshot.sections.milestones;
    if (milestones.status !== 'available') throw new Error('milestones unavailable');
    expect(milestones.items).toEqual([
      expect.objectContaining({ milestoneId: ga.id, currentDate: '2026-01-26', slipDays: 44 }),
    ]);
  });

  it('lists RAID items new and escalated this week, with the score before the week', async () => {
    const program = await newProgram();
    clock.set('2026-03-03T09:00:00Z');
    const rising = await addRisk(program, { title: 'Rising', probability: 2, impact: 3 });
    const reopened = await addRisk(program, { title: 'Back again', status: 'mitigated' });
    const steady = await addRisk(program, { title: 'Steady' });
    clock.set('2026-03-11T10:00:00Z');
    await tpm
      .patch(`${programPath(workspace, program)}/raid/${rising.id}`)
      .send({ probability: 4, version: 1 })
      .expect(200);
    await tpm
      .patch(`${programPath(workspace, program)}/raid/${reopened.id}`)
      .send({ status: 'open', version: 1 })
      .expect(200);
    await tpm
      .patch(`${programPath(workspace, program)}/raid/${steady.id}`)
      .send({ probability: 1, version: 1 })
      .expect(200);
    const added = await addRisk(program, { title: 'Brand new', kind: 'issue' });
    const report = await generate(program, '2026-03-09');
    const raid = report.snapshot.sections.raid;
    if (raid.status !== 'available') throw new Error('RAID unavailable');
    expect(raid.newThisWeek.map(({ raidItemId }) => raidItemId)).toEqual([added.id]);
    // Created in the same (pinned) instant, so in no particular order.
    expect(raid.escalatedThisWeek).toHaveLength(2);
    expect(raid.escalatedThisWeek).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          raidItemId: rising.id,
          score: 12,
          scoreBeforeWeek: 6,
          reopened: false,
        }),
        expect.objectContaining({ raidItemId: reopened.id, reopened: true }),
      ]),
    );
    expect(raid.counts).toEqual({ open: 4, openRisks: 3, highScoreOpenRisks: 0 });
    expect(report.lowlights).toContainEqual('Risk "Rising" escalated: score 6 → 12.');
  });

  it('measures changes against the last published report, not the last draft', async () => {
    const program = await newProgram();
    clock.set('2026-02-04T09:00:00Z');
    const milestone = await addMilestone(program, 'Ads in feed', '2026-02-09');

    clock.set('2026-02-11T09:00:00Z');
    await editMilestone(program, milestone.id, { currentDate: '2026-02-16', reason: 'QA' });
    await addRisk(program, { probability: 4, impact: 4 });
    const week1 = await publish(program, await generate(program, '2026-02-09'));

    clock.set('2026-02-18T09:00:00Z');
    await editMilestone(program, milestone.id, { currentDate: '2026-02-23', reason: 'QA again' });
    await addRisk(program, {});
    const week2 = await generate(program, '2026-02-16');

    clock.set('2026-02-25T09:00:00Z');
    await editMilestone(program, milestone.id, { currentDate: '2026-03-02', reason: 'Legal' });
    const week3 = await generate(program, '2026-02-23');

    for (const draft of [week2, week3]) {
      expect(draft.snapshot.comparedTo).toEqual({
        reportId: week1.id,
        week: '2026-02-09',
        health: week1.health,
      });
    }
    const milestones = week3.snapshot.sections.milestones;
    const raid = week3.snapshot.sections.raid;
    if (milestones.status !== 'available' || raid.status !== 'available') {
      throw new Error('sections unavailable');
    }
    // 21 days late now; the change is the week's own move (Feb 23 → Mar 2), not the 14 days
    // since the published week 1.
    expect(milestones.items).toEqual([
      expect.objectContaining({ slipDays: 21, slipDaysChange: 7 }),
    ]);
    expect(raid.countsChange).toEqual({ open: 1, openRisks: 1, highScoreOpenRisks: 0 });
    const first = await generate(await newProgram(), '2026-02-23');
    expect(first.snapshot.comparedTo).toBeNull();
  });

  it("gives each milestone's change as its moves during the report's week", async () => {
    const program = await newProgram();
    clock.set('2026-02-04T09:00:00Z');
    const moved = await addMilestone(program, 'Booking beta', '2026-02-09');
    const still = await addMilestone(program, 'Self-serve', '2026-02-13');
    clock.set('2026-02-17T09:00:00Z');
    await editMilestone(program, moved.id, { currentDate: '2026-02-16', reason: 'Legal review' });
    await editMilestone(program, moved.id, { currentDate: '2026-02-23', reason: 'Legal again' });
    // Last week's report is written after this week's move, so it already holds the new date.
    await publish(program, await generate(program, '2026-02-09'));
    const report = await generate(program, '2026-02-16');
    const team = await tpm.get(`${reports(program)}/${report.id}.md?audience=team`).expect(200);
    expect(team.text).toContain('| Moved this week |');
    expect(team.text).toContain(
      '| Booking beta | 2026-02-09 | 2026-02-23 | — | 14 days late | +14 d |',
    );
    clock.set('2026-02-24T09:00:00Z');
    // A move after the week is not the week's.
    await editMilestone(program, moved.id, { currentDate: '2026-03-02', reason: 'Next week' });
    const regenerated = statusReportSchema.parse(
      (
        await tpm
          .post(`${reports(program)}/${report.id}/regenerate`)
          .send({})
          .expect(201)
      ).body,
    );
    clock.set('2026-03-11T10:00:00Z');

    for (const draft of [report, regenerated]) {
      const milestones = draft.snapshot.sections.milestones;
      if (milestones.status !== 'available') throw new Error('milestones unavailable');
      expect(
        milestones.items.map(({ milestoneId, slipDaysChange }) => [milestoneId, slipDaysChange]),
      ).toEqual([
        [moved.id, 14],
        [still.id, 0],
      ]);
    }
  });

  describe('a published report', () => {
    let program: TestProgram;
    let published: StatusReport;
    let milestoneId: string;

    beforeAll(async () => {
      program = await newProgram({ name: 'Personalised home' });
      clock.set('2026-03-02T09:00:00Z');
      milestoneId = (await addMilestone(program, 'Home feed v2', '2026-03-09')).id;
      clock.set('2026-03-11T10:00:00Z');
      await editMilestone(program, milestoneId, {
        currentDate: '2026-03-30',
        reason: 'Model retraining',
      });
      published = await publish(program, await generate(program, '2026-03-09'));
    });

    it('is frozen: later changes do not alter it', async () => {
      const path = `${reports(program)}/${published.id}`;
      const before = (await tpm.get(path).expect(200)).body;
      const markdownBefore = (await tpm.get(`${path}.md`).expect(200)).text;
      clock.set('2026-03-12T10:00:00Z');
      await editMilestone(program, milestoneId, { currentDate: '2026-05-04', reason: 'Re-plan' });
      await addRisk(program, { probability: 5, impact: 5 });
      await tpm
        .patch(programPath(workspace, program))
        .send({ name: 'Renamed program', version: 2 })
        .expect(200);
      clock.set('2026-03-11T10:00:00Z');
      expect((await tpm.get(path).expect(200)).body).toEqual(before);
      expect((await tpm.get(`${path}.md`).expect(200)).text).toBe(markdownBefore);
      expect(published.snapshot.program.name).toBe('Personalised home');
    });

    it('refuses edits, regeneration and publishing again with 409', async () => {
      const path = `${reports(program)}/${published.id}`;
      const rowsBefore = await countProgramRows(testApp);
      for (const response of [
        await tpm.patch(path).send({ summary: 'Rewritten', version: published.version }),
        await tpm.post(`${path}/publish`).send({}),
        await tpm.post(`${path}/regenerate`).send({}),
      ]) {
        expect(response.status).toBe(409);
        expect(problemSchema.parse(response.body).type).toMatch(/report-published$/);
      }
      expect(await countProgramRows(testApp)).toEqual(rowsBefore);
      await expect(
        testApp.dataSource.query(`UPDATE status_report SET summary = 'x' WHERE id = $1`, [
          published.id,
        ]),
      ).rejects.toThrow(/published and never changes/);
    });

    it('sets the program health and appears in the health timeline', async () => {
      expect(published).toMatchObject({
        state: 'published',
        publishedAt: '2026-03-11T10:00:00.000Z',
        publishedBy: { id: tpmUser.id, displayName: tpmUser.displayName },
      });
      const programNow = programSchema.parse(
        (await tpm.get(programPath(workspace, program)).expect(200)).body,
      );
      expect(programNow.health).toBe('at-risk');
      expect(programNow.healthReason).toContain('Home feed v2');
      const timeline = healthTimelineSchema.parse(
        (await tpm.get(`${programPath(workspace, program)}/health-timeline`).expect(200)).body,
      );
      expect(timeline.points).toEqual([
        {
          reportId: published.id,
          week: '2026-03-09',
          health: 'at-risk',
          healthReason: null,
          suggestedHealth: 'at-risk',
          watermelon: false,
          publishedAt: '2026-03-11T10:00:00.000Z',
        },
      ]);
    });
  });

  describe('editing a draft', () => {
    it('needs a reason to override the suggested health', async () => {
      const program = await newProgram();
      const milestone = await addMilestone(program, 'GA', '2026-02-02');
      await editMilestone(program, milestone.id, { currentDate: '2026-03-30', reason: 'Scope' });
      const draft = await generate(program, '2026-03-09');
      expect(draft.suggestedHealth).toBe('at-risk');
      const path = `${reports(program)}/${draft.id}`;

      const refused = await tpm
        .patch(path)
        .send({ health: 'on-track', version: draft.version })
        .expect(400);
      expect(problemSchema.parse(refused.body).errors).toEqual([
        { path: 'healthReason', message: expect.stringContaining('differs from the suggested') },
      ]);
      const edited = statusReportSchema.parse(
        (
          await tpm
            .patch(path)
            .send({
              health: 'on-track',
              healthReason: 'GA moved on purpose: the partner launch moved',
              summary: 'On track against the new partner date.',
              asks: ['Confirm the new partner date in writing'],
              version: draft.version,
            })
            .expect(200)
        ).body,
      );
      expect(edited).toMatchObject({
        health: 'on-track',
        suggestedHealth: 'at-risk',
        healthOverridden: true,
        summary: 'On track against the new partner date.',
        version: draft.version + 1,
      });
      await tpm.patch(path).send({ summary: 'stale', version: draft.version }).expect(409);
      const published = await publish(program, edited);
      expect(published.health).toBe('on-track');
      const programNow = programSchema.parse(
        (await tpm.get(programPath(workspace, program)).expect(200)).body,
      );
      expect(programNow).toMatchObject({
        health: 'on-track',
        healthReason: 'GA moved on purpose: the partner launch moved',
      });
    });

    it('regenerates the numbers of a draft and keeps its words', async () => {
      const program = await newProgram();
      const upstream = await newProgram();
      const draft = await generate(program, '2026-03-09');
      const path = `${reports(program)}/${draft.id}`;
      await tpm.patch(path).send({ summary: 'My words', version: draft.version }).expect(200);
      await addDependency(program, upstream, '2026-03-01');
      const regenerated = statusReportSchema.parse(
        (await tpm.post(`${path}/regenerate`).send({}).expect(201)).body,
      );
      expect(regenerated).toMatchObject({
        summary: 'My words',
        suggestedHealth: 'at-risk',
        health: 'at-risk',
      });
      expect(regenerated.snapshot.healthReasons.map(({ code }) => code)).toEqual([
        'dependency-overdue',
      ]);
    });
  });

  describe('publishing', () => {
    it('refuses a draft compared with a report that is no longer the last one (409), until regenerated', async () => {
      clock.set('2026-03-11T10:00:00Z');
      const program = await newProgram();
      const week1 = await generate(program, '2026-03-02');
      const week2 = await generate(program, '2026-03-09');
      expect(week2.snapshot.comparedTo).toBeNull();
      const published1 = await publish(program, week1);

      const path = `${reports(program)}/${week2.id}`;
      const refused = await tpm
        .post(`${path}/publish`)
        .send({ version: week2.version })
        .expect(409);
      expect(problemSchema.parse(refused.body)).toMatchObject({
        type: expect.stringMatching(/stale-comparison$/),
        detail: expect.stringContaining('is now the report of the week of 2026-03-02'),
      });
      expect(statusReportSchema.parse((await tpm.get(path).expect(200)).body).state).toBe('draft');

      const regenerated = statusReportSchema.parse(
        (await tpm.post(`${path}/regenerate`).send({}).expect(201)).body,
      );
      expect(regenerated.snapshot.comparedTo).toEqual({
        reportId: published1.id,
        week: '2026-03-02',
        health: published1.health,
      });
      expect((await publish(program, regenerated)).state).toBe('published');
    });

    it("leaves the program with the later week's health when two weeks are published at once", async () => {
      clock.set('2026-03-11T10:00:00Z');
      const program = await newProgram();
      const upstream = await newProgram();
      const earlier = await generate(program, '2026-03-02');
      await addDependency(program, upstream, '2026-03-05');
      const later = await generate(program, '2026-03-09');
      expect([earlier.health, later.health]).toEqual(['on-track', 'at-risk']);

      // The test holds the program row: both publishes start, the later week's first, and wait.
      const blocker = await holdTransaction([
        ['SELECT 1 FROM "program" WHERE "id" = $1 FOR UPDATE', [program.id]],
      ]);
      try {
        const publishing = (report: StatusReport) =>
          Promise.resolve(tpm.post(`${reports(program)}/${report.id}/publish`).send({}));
        const laterPublished = publishing(later);
        await waitUntilBlocked(1);
        const earlierPublished = publishing(earlier);
        await waitUntilBlocked(2);
        await blocker.release();
        expect((await laterPublished).status).toBe(201);
        expect((await earlierPublished).status).toBe(201);
      } finally {
        await blocker.abandon();
      }
      const programNow = programSchema.parse(
        (await tpm.get(programPath(workspace, program)).expect(200)).body,
      );
      expect(programNow.health).toBe('at-risk');
      expect(programNow.healthReason).toContain('Report of the week of 2026-03-09');
    });
  });

  describe('regenerating while someone else changes the draft', () => {
    /** Regenerates `draft` while the test's own transaction changes and holds its row. */
    async function regenerateDuringChange(draft: StatusReport, body: object) {
      const blocker = await holdTransaction([
        ['SELECT 1 FROM "status_report" WHERE "id" = $1 FOR UPDATE', [draft.id]],
        [
          `UPDATE "status_report" SET "summary" = 'Edited meanwhile', "version" = "version" + 1
            WHERE "id" = $1`,
          [draft.id],
        ],
      ]);
      try {
        const regenerating = Promise.resolve(
          tpm
            .post(`${reports({ id: draft.programId, name: '' })}/${draft.id}/regenerate`)
            .send(body),
        );
        await waitUntilBlocked(1);
        await blocker.release();
        return await regenerating;
      } finally {
        await blocker.abandon();
      }
    }

    it('answers 409 for the version it was sent, not 500', async () => {
      clock.set('2026-03-11T10:00:00Z');
      const draft = await generate(await newProgram(), '2026-03-09');
      const response = await regenerateDuringChange(draft, { version: draft.version });
      expect(response.status).toBe(409);
      expect(problemSchema.parse(response.body).type).toMatch(/stale-version$/);
    });

    it('regenerates the changed draft, its words kept, when sent no version', async () => {
      clock.set('2026-03-11T10:00:00Z');
      const draft = await generate(await newProgram(), '2026-03-09');
      const response = await regenerateDuringChange(draft, {});
      expect(response.status).toBe(201);
      expect(statusReportSchema.parse(response.body)).toMatchObject({
        summary: 'Edited meanwhile',
        version: draft.version + 2,
      });
    });
  });

  describe('history of a long-running program', () => {
    let program: TestProgram;
    let latest: StatusReport;

    beforeAll(async () => {
      clock.set('2026-03-11T10:00:00Z');
      program = await newProgram({ start: '2025-06-02' });
      latest = await publish(program, await generate(program, '2026-03-09'));
      // 29 earlier published weeks, copies of it; the week before is a watermelon (on track
      // while its own snapshot holds a breached guardrail).
      await testApp.dataSource.query(
        `INSERT INTO "status_report" ("workspace_id", "program_id", "week", "state", "health",
                "suggested_health", "summary", "snapshot", "generated_at", "published_at",
                "published_by_user_id", "created_by_user_id", "version")
         SELECT "workspace_id", "program_id", "week" - 7 * n, "state", "health",
                "suggested_health", "summary",
                CASE WHEN n = 1 THEN jsonb_set("snapshot", '{sections,guardrails}',
                       '{"status": "available", "items": [{"status": "breached"}]}')
                     ELSE "snapshot" END,
                "generated_at", "published_at", "published_by_user_id", "created_by_user_id",
                "version"
           FROM "status_report", generate_series(1, 29) AS n
          WHERE "id" = $1`,
        [latest.id],
      );
    });

    const timeline = async (query = '') =>
      healthTimelineSchema.parse(
        (await tpm.get(`${programPath(workspace, program)}/health-timeline${query}`).expect(200))
          .body,
      );

    it('gives the health timeline of the last 12 published weeks unless asked for more', async () => {
      const recent = await timeline();
      expect(recent.points).toHaveLength(12);
      expect(recent.points[0]?.week).toBe('2025-12-22');
      expect(recent.points.at(-1)).toMatchObject({ reportId: latest.id, week: '2026-03-09' });
      expect(recent.points.filter(({ watermelon }) => watermelon).map(({ week }) => week)).toEqual([
        '2026-03-02',
      ]);
      const all = await timeline('?limit=260');
      expect(all.points).toHaveLength(30);
      expect(all.points[0]?.week).toBe('2025-08-18');
      for (const limit of ['0', '261', 'x']) {
        const response = await tpm
          .get(`${programPath(workspace, program)}/health-timeline?limit=${limit}`)
          .expect(400);
        expect(problemSchema.parse(response.body).errors?.map(({ path }) => path)).toEqual([
          'limit',
        ]);
      }
    });

    it('lists and charts the history without reading whole snapshots', async () => {
      const logged = jest.spyOn(testApp.dataSource.logger, 'logQuery');
      try {
        const page = statusReportPageSchema.parse(
          (await tpm.get(`${reports(program)}?state=published&limit=5`).expect(200)).body,
        );
        expect(page.items.map(({ week, watermelon }) => [week, watermelon])).toEqual([
          ['2026-03-09', false],
          ['2026-03-02', true],
          ['2026-02-23', false],
          ['2026-02-16', false],
          ['2026-02-09', false],
        ]);
        expect(page.nextCursor).not.toBeNull();
        await timeline();
        // This program's report queries (the app's own background work aside).
        const reportQueries = logged.mock.calls
          .filter(([sql, parameters]) => {
            const values = JSON.stringify(parameters ?? []);
            return (
              sql.includes('status_report') &&
              (values.includes(program.id) || values.includes(latest.id))
            );
          })
          .map(([sql]) => sql);
        expect(reportQueries.length).toBeGreaterThanOrEqual(2);
        // Of the snapshot, only JSONB paths (`"snapshot" #> '{sections,…}'`), never the column.
        for (const sql of reportQueries) expect(sql).not.toMatch(/"snapshot"(?!\s*#>)/);
      } finally {
        logged.mockRestore();
      }
    });
  });

  describe('refuses a bad week with a 400 naming it, writing nothing', () => {
    it.each([
      ['2026-03-10', 'not a Monday'],
      ['2026-03-16', 'a week that has not begun'],
      ['2026-03-02', 'a week before the program started'],
    ])('%s (%s)', async (week) => {
      const program = await newProgram({ start: '2026-03-09' });
      const before = await countProgramRows(testApp);
      const response = await tpm.post(reports(program)).send({ week }).expect(400);
      expect(problemSchema.parse(response.body).errors?.map(({ path }) => path)).toEqual(['week']);
      expect(await countProgramRows(testApp)).toEqual(before);
    });

    it('accepts the week the program starts in, and one report per week (409)', async () => {
      const program = await newProgram({ start: '2026-03-13' });
      await generate(program, '2026-03-09');
      const response = await tpm.post(reports(program)).send({ week: '2026-03-09' }).expect(409);
      expect(problemSchema.parse(response.body).type).toMatch(/report-exists$/);
    });
  });

  describe('Markdown export', () => {
    let program: TestProgram;
    let report: StatusReport;

    beforeAll(async () => {
      program = await newProgram({ name: 'Podcast ads expansion' });
      clock.set('2026-03-02T09:00:00Z');
      const milestone = await addMilestone(program, 'Beta | EU', '2026-03-02');
      clock.set('2026-03-11T10:00:00Z');
      await editMilestone(program, milestone.id, { currentDate: '2026-03-30', reason: 'SDK late' });
      const draft = await generate(program, '2026-03-09');
      const edited = statusReportSchema.parse(
        (
          await tpm
            .patch(`${reports(program)}/${draft.id}`)
            .send({
              summary: 'Beta slipped four weeks.\n\nDetails follow.',
              highlights: ['Fill rate up'],
              lowlights: ['Beta late'],
              asks: ['Approve the extra load test', 'Staff a second on-call'],
              version: draft.version,
            })
            .expect(200)
        ).body,
      );
      report = await publish(program, edited);
    });

    const markdown = (audience?: string) =>
      tpm
        .get(`${reports(program)}/${report.id}.md${audience ? `?audience=${audience}` : ''}`)
        .expect(200);

    it('renders everything for stakeholders', async () => {
      const response = await markdown();
      expect(response.headers['content-type']).toBe('text/markdown; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(
        'inline; filename="podcast-ads-expansion-2026-03-09-stakeholder.md"',
      );
      const text = response.text;
      expect(text).toContain('# Podcast ads expansion — status report, week of 2026-03-09');
      expect(text).toContain(`_Published 2026-03-11 by ${tpmUser.displayName} · Stakeholder view`);
      expect(text).toContain('**Health: At risk**');
      expect(text).toContain(
        '| Beta \\| EU | 2026-03-02 | 2026-03-30 | — | 28 days late | +28 d |',
      );
      expect(text).toContain(
        '"Beta | EU": 2026-03-02 → 2026-03-30 (baseline 2026-03-02, 28 days late) — SDK late',
      );
      expect(text).toContain(
        '## Why this health\n\n- **At risk:** Milestone "Beta | EU" is 28 days late',
      );
      expect(text).toContain('## Asks\n\n- Approve the extra load test\n- Staff a second on-call');
      expect(text).toContain('## Key results\n\n_No key results._');
      expect(text).toContain('_Numbers as of 2026-03-11; there is no earlier published report');
    });

    it('renders health, a one-paragraph summary and the top three items for executives', async () => {
      const text = (await markdown('executive')).text;
      expect(text).toContain('Executive view');
      expect(text).toContain('## Summary\n\nBeta slipped four weeks.\n\n## Top items');
      expect(text).not.toContain('Details follow.');
      expect(text).toContain(
        '## Top items\n\n- Approve the extra load test\n- Staff a second on-call\n- Beta late\n',
      );
      expect(text).not.toContain('## Milestones');
    });

    it('renders delivery detail for the team', async () => {
      const text = (await markdown('team')).text;
      expect(text).toContain('## Milestones');
      expect(text).toContain('## Dependencies');
      expect(text).toContain('## Asks');
      expect(text).not.toContain('## Why this health');
      expect(text).not.toContain('## Key results');
    });

    it('refuses an unknown audience, naming it', async () => {
      const response = await tpm
        .get(`${reports(program)}/${report.id}.md?audience=board`)
        .expect(400);
      expect(problemSchema.parse(response.body).errors?.[0]?.path).toBe('audience');
    });
  });

  describe('the weekly review', () => {
    it("lists this week's programs with their report state, and the review day", async () => {
      const owner = await createUser(testApp);
      const own = await createWorkspace(testApp, owner);
      const ownerBrowser = await signIn(testApp, owner);
      const published = await insertProgram(testApp, own, owner, { name: 'Published' });
      const drafted = await insertProgram(testApp, own, owner, { name: 'Drafted' });
      await insertProgram(testApp, own, owner, { name: 'Missing' });
      await insertProgram(testApp, own, owner, {
        name: 'Ended',
        start: '2025-01-06',
        end: '2026-03-06',
      });
      await insertProgram(testApp, own, owner, { name: 'Not started', start: '2026-03-16' });
      const generateIn = async (program: TestProgram) =>
        statusReportSchema.parse(
          (
            await ownerBrowser
              .post(`${programPath(own, program)}/reports`)
              .send({ week: '2026-03-09' })
              .expect(201)
          ).body,
        );
      const toPublish = await generateIn(published);
      await ownerBrowser
        .post(`${programPath(own, published)}/reports/${toPublish.id}/publish`)
        .send({})
        .expect(201);
      const draft = await generateIn(drafted);

      const settingsPath = `/api/workspaces/${own.slug}/reviews/settings`;
      expect(
        reviewSettingsSchema.parse((await ownerBrowser.get(settingsPath).expect(200)).body),
      ).toEqual({
        reviewWeekday: 1,
        version: 0,
      });
      const settings = reviewSettingsSchema.parse(
        (await ownerBrowser.put(settingsPath).send({ reviewWeekday: 4, version: 0 }).expect(200))
          .body,
      );
      expect(settings).toEqual({ reviewWeekday: 4, version: 1 });
      await ownerBrowser.put(settingsPath).send({ reviewWeekday: 2, version: 0 }).expect(409);
      const badDay = await ownerBrowser
        .put(settingsPath)
        .send({ reviewWeekday: 7, version: 1 })
        .expect(400);
      expect(problemSchema.parse(badDay.body).errors?.[0]?.path).toBe('reviewWeekday');

      const overview = reviewOverviewSchema.parse(
        (await ownerBrowser.get(`/api/workspaces/${own.slug}/reviews`).expect(200)).body,
      );
      expect(overview).toMatchObject({
        week: '2026-03-09',
        weekEnd: '2026-03-15',
        reviewWeekday: 4,
        reviewDay: '2026-03-12',
        nextCursor: null,
      });
      expect(
        // Oldest first; programs inserted in the same millisecond may come in either order.
        overview.items
          .map(({ program, state, report }) => [program.name, state, report?.id ?? null])
          .sort(),
      ).toEqual([
        ['Drafted', 'draft', draft.id],
        ['Missing', 'missing', null],
        ['Published', 'published', toPublish.id],
      ]);
      const earlier = reviewOverviewSchema.parse(
        (await ownerBrowser.get(`/api/workspaces/${own.slug}/reviews?week=2026-03-02`).expect(200))
          .body,
      );
      expect(earlier.items.map(({ program }) => program.name).sort()).toEqual([
        'Drafted',
        'Ended',
        'Missing',
        'Published',
      ]);
      expect(earlier.items.every(({ state }) => state === 'missing')).toBe(true);
    });
  });

  describe('access', () => {
    it('lets viewers read and export but not write (403)', async () => {
      const program = await newProgram();
      const draft = await generate(program, '2026-03-09');
      const viewer = await signIn(testApp, await createMember(testApp, workspace, 'viewer'));
      await viewer.get(`${reports(program)}/${draft.id}`).expect(200);
      await viewer.get(`${reports(program)}/${draft.id}.md`).expect(200);
      await viewer.post(reports(program)).send({ week: '2026-03-02' }).expect(403);
      await viewer
        .patch(`${reports(program)}/${draft.id}`)
        .send({ summary: 'x', version: 1 })
        .expect(403);
      await viewer
        .post(`${reports(program)}/${draft.id}/publish`)
        .send({})
        .expect(403);
    });

    it("answers 404 for another workspace's reports, under any slug", async () => {
      const program = await newProgram();
      const draft = await generate(program, '2026-03-09');
      const intruder = await createUser(testApp);
      const theirs = await createWorkspace(testApp, intruder);
      const intruderBrowser = await signIn(testApp, intruder);
      for (const base of [reports(program), `${programPath(theirs, program)}/reports`]) {
        await intruderBrowser.get(`${base}/${draft.id}`).expect(404);
        await intruderBrowser.get(`${base}/${draft.id}.md`).expect(404);
        await intruderBrowser.post(`${base}/${draft.id}/publish`).send({}).expect(404);
      }
      const theirProgram = await insertProgram(testApp, theirs, intruder);
      await intruderBrowser
        .get(`${programPath(theirs, theirProgram)}/reports/${draft.id}`)
        .expect(404);
    });
  });
});
