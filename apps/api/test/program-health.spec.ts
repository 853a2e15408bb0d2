import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type Program,
  portfolioSchema,
  programPageSchema,
  programSchema,
  reviewOverviewSchema,
  type StatusReport,
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
import { createKeyResult, createObjective, createPeriod } from './support/okr-factories.js';
import { pinClock, programsPath } from './support/program-factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * A program's health reads the same wherever it is shown: the program, the programs list and
 * the portfolio card carry the watermelon flag of its latest published report, and before the
 * first report they carry what the data suggests instead of a made-up "on track".
 */
describe("a program's health in the program, list and portfolio read models", () => {
  let testApp: TestApp;
  let admin: TestUser;
  let workspace: TestWorkspace;
  let tpm: Browser;

  beforeAll(async () => {
    testApp = await createTestApp();
    admin = await createUser(testApp);
    workspace = await createWorkspace(testApp, admin);
    tpm = await signIn(testApp, await createMember(testApp, workspace, 'editor'));
    pinClock(testApp, '2026-03-11T10:00:00Z');
  }, 180_000);
  afterAll(async () => {
    await testApp.close();
  });

  /** An objective whose only key result is far behind its pace (5 of 100 in mid-March). */
  async function offTrackObjective(): Promise<string> {
    const period = await createPeriod(testApp, workspace, {
      start: '2026-01-01',
      end: '2026-06-30',
    });
    const objective = await createObjective(testApp, workspace, admin, period);
    const keyResult = await createKeyResult(testApp, objective, {
      createdAt: new Date('2026-01-05T09:00:00Z'),
    });
    await tpm
      .post(`/api/workspaces/${workspace.slug}/key-results/${keyResult.id}/check-ins`)
      .send({ value: 5, confidence: 'off-track', date: '2026-03-10' })
      .expect(201);
    return objective.id;
  }

  async function createProgram(name: string, objectiveIds: string[]): Promise<Program> {
    const response = await tpm
      .post(programsPath(workspace))
      .send({ name, ownerId: admin.id, start: '2026-01-05', objectiveIds })
      .expect(201);
    return programSchema.parse(response.body);
  }

  /** The program as GET one, the programs list, the portfolio card and the weekly review show it. */
  async function everywhere(id: string) {
    const one = programSchema.parse(
      (await tpm.get(`${programsPath(workspace)}/${id}`).expect(200)).body,
    );
    const list = programPageSchema.parse(
      (await tpm.get(`${programsPath(workspace)}?limit=100`).expect(200)).body,
    );
    const portfolio = portfolioSchema.parse(
      (await tpm.get(`/api/workspaces/${workspace.slug}/portfolio`).expect(200)).body,
    );
    const review = reviewOverviewSchema.parse(
      (await tpm.get(`/api/workspaces/${workspace.slug}/reviews?limit=100`).expect(200)).body,
    );
    const inList = list.items.find((program) => program.id === id);
    const card = portfolio.programs.find((program) => program.id === id);
    const reviewed = review.items.find(({ program }) => program.id === id)?.program;
    if (!inList || !card || !reviewed) throw new Error(`program ${id} missing from a view`);
    return { one, inList, card, reviewed };
  }

  async function publishOnTrack(program: Program, week: string): Promise<StatusReport> {
    const reports = `${programsPath(workspace)}/${program.id}/reports`;
    const draft = statusReportSchema.parse(
      (await tpm.post(reports).send({ week }).expect(201)).body,
    );
    const edited = statusReportSchema.parse(
      (
        await tpm
          .patch(`${reports}/${draft.id}`)
          .send({
            health: 'on-track',
            healthReason: 'The team expects to catch up next month.',
            version: draft.version,
          })
          .expect(200)
      ).body,
    );
    return statusReportSchema.parse(
      (
        await tpm
          .post(`${reports}/${edited.id}/publish`)
          .send({ version: edited.version })
          .expect(201)
      ).body,
    );
  }

  it('suggests the health, with its reasons, until a report is published', async () => {
    const program = await createProgram('New program', [await offTrackObjective()]);
    const suggestion = {
      health: 'at-risk',
      asOf: '2026-03-11',
      reasons: [
        expect.objectContaining({
          code: 'key-result-off-track',
          severity: 'at-risk',
          section: 'keyResults',
        }),
      ],
    };
    expect(program.healthSuggestion).toEqual(suggestion);
    const { one, inList, card, reviewed } = await everywhere(program.id);
    for (const shown of [one, inList, card, reviewed]) {
      expect(shown.healthSuggestion).toEqual(suggestion);
      expect(shown.watermelon).toBe(false);
    }

    await publishOnTrack(program, '2026-03-09');
    const after = await everywhere(program.id);
    for (const shown of [after.one, after.inList, after.card, after.reviewed]) {
      expect(shown.healthSuggestion).toBeNull();
    }
  });

  it('flags a watermelon report (on track over an off-track key result) on the program', async () => {
    const program = await createProgram('Green outside', [await offTrackObjective()]);
    const report = await publishOnTrack(program, '2026-03-09');
    expect(report.watermelon).toBe(true);

    const { one, inList, card, reviewed } = await everywhere(program.id);
    for (const shown of [one, inList, card, reviewed]) {
      expect(shown).toMatchObject({ health: 'on-track', watermelon: true });
    }

    // Once the program's health no longer is the report's on-track, the flag no longer applies.
    await tpm
      .patch(`${programsPath(workspace)}/${program.id}`)
      .send({ health: 'at-risk', healthReason: 'Key result behind.', version: one.version })
      .expect(200);
    const edited = await everywhere(program.id);
    for (const shown of [edited.one, edited.inList, edited.card, edited.reviewed]) {
      expect(shown).toMatchObject({ health: 'at-risk', watermelon: false });
    }
  });
});
