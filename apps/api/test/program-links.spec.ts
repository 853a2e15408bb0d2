import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  guardrailPageSchema,
  guardrailSchema,
  objectivePageSchema,
  objectiveSchema,
  type Program,
  programSchema,
} from '@bearing/contracts';
import type { Guardrail } from '../src/guardrails/guardrail.entity.js';
import type { Objective } from '../src/okrs/objectives/objective.entity.js';
import { createTeam, type TestTeam } from './support/delivery-factories.js';
import {
  type Browser,
  createUser,
  createWorkspace,
  signIn,
  type TestUser,
  type TestWorkspace,
} from './support/factories.js';
import {
  createGuardrail,
  createMetric,
  createObjective,
  createPeriod,
} from './support/okr-factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Programs link teams, objectives and guardrails through foreign keys that cascade from the
 * linked record; objectives and guardrails show the programs that link them, and their lists
 * filter by program.
 */
describe('program links', () => {
  let testApp: TestApp;
  let admin: TestUser;
  let workspace: TestWorkspace;
  let browser: Browser;
  let team: TestTeam;
  let objective: Objective;
  let otherObjective: Objective;
  let guardrail: Guardrail;
  let otherGuardrail: Guardrail;
  let first: Program;
  let second: Program;
  const base = () => `/api/workspaces/${workspace.slug}`;

  async function createProgram(name: string, links: object): Promise<Program> {
    const response = await browser
      .post(`${base()}/programs`)
      .send({ name, ownerId: admin.id, start: '2026-01-05', ...links })
      .expect(201);
    return programSchema.parse(response.body);
  }

  async function getProgram(program: Program): Promise<Program> {
    return programSchema.parse(
      (await browser.get(`${base()}/programs/${program.id}`).expect(200)).body,
    );
  }

  beforeAll(async () => {
    testApp = await createTestApp();
    admin = await createUser(testApp);
    workspace = await createWorkspace(testApp, admin);
    browser = await signIn(testApp, admin);
    team = await createTeam(testApp, workspace);
    const period = await createPeriod(testApp, workspace, {
      start: '2026-01-01',
      end: '2026-03-31',
    });
    objective = await createObjective(testApp, workspace, admin, period);
    otherObjective = await createObjective(testApp, workspace, admin, period);
    guardrail = await createGuardrail(testApp, await createMetric(testApp, workspace));
    otherGuardrail = await createGuardrail(testApp, await createMetric(testApp, workspace));
    first = await createProgram('Podcasts', {
      teamIds: [team.id],
      objectiveIds: [objective.id],
      guardrailIds: [guardrail.id],
    });
    second = await createProgram('Ads', { objectiveIds: [objective.id, otherObjective.id] });
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('shows on objectives and guardrails the programs that link them, oldest first', async () => {
    const linked = objectiveSchema.parse(
      (await browser.get(`${base()}/objectives/${objective.id}`).expect(200)).body,
    );
    expect(linked.programIds).toEqual([first.id, second.id]);
    const page = objectivePageSchema.parse(
      (await browser.get(`${base()}/objectives`).expect(200)).body,
    );
    expect(page.items.map(({ id, programIds }) => ({ id, programIds }))).toEqual([
      { id: objective.id, programIds: [first.id, second.id] },
      { id: otherObjective.id, programIds: [second.id] },
    ]);
    const linkedGuardrail = guardrailSchema.parse(
      (await browser.get(`${base()}/guardrails/${guardrail.id}`).expect(200)).body,
    );
    expect(linkedGuardrail.programIds).toEqual([first.id]);
    const unlinked = guardrailSchema.parse(
      (await browser.get(`${base()}/guardrails/${otherGuardrail.id}`).expect(200)).body,
    );
    expect(unlinked.programIds).toEqual([]);
  });

  it('filters the objective and guardrail lists by program', async () => {
    const objectives = async (program: Program) =>
      objectivePageSchema
        .parse((await browser.get(`${base()}/objectives?program=${program.id}`).expect(200)).body)
        .items.map(({ id }) => id);
    expect(await objectives(first)).toEqual([objective.id]);
    expect(await objectives(second)).toEqual([objective.id, otherObjective.id]);
    const guardrails = async (program: Program) =>
      guardrailPageSchema
        .parse((await browser.get(`${base()}/guardrails?program=${program.id}`).expect(200)).body)
        .items.map(({ id }) => id);
    expect(await guardrails(first)).toEqual([guardrail.id]);
    expect(await guardrails(second)).toEqual([]);
    const bad = await browser.get(`${base()}/guardrails?program=not-a-uuid`).expect(400);
    expect(JSON.stringify(bad.body)).toContain('program');
  });

  it('drops a deleted team, objective or guardrail from its programs', async () => {
    await browser.delete(`${base()}/teams/${team.id}`).expect(204);
    // Objectives and guardrails have no delete route: the cascade is the database's own.
    await testApp.dataSource.query(`DELETE FROM "key_result" WHERE "objective_id" = $1`, [
      objective.id,
    ]);
    await testApp.dataSource.query(`DELETE FROM "objective" WHERE "id" = $1`, [objective.id]);
    await testApp.dataSource.query(`DELETE FROM "guardrail" WHERE "id" = $1`, [guardrail.id]);
    expect(await getProgram(first)).toMatchObject({
      teamIds: [],
      objectiveIds: [],
      guardrailIds: [],
    });
    expect((await getProgram(second)).objectiveIds).toEqual([otherObjective.id]);
  });

  it('refuses a link to a record that does not exist, at the database too', async () => {
    await expect(
      testApp.dataSource.query(
        `INSERT INTO "program_team" ("program_id", "team_id") VALUES ($1, gen_random_uuid())`,
        [first.id],
      ),
    ).rejects.toThrow(/FK_program_team_team/);
  });
});
