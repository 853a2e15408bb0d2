import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sprintAvailabilitySchema, sprintPageSchema } from '@bearing/contracts';
import { createTeam, fixture, importFile, type TestTeam } from './support/delivery-factories.js';
import {
  type Browser,
  createMember,
  createUser,
  createWorkspace,
  signIn,
  type TestWorkspace,
} from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * A sprint that Jira closes keeps the roster it closed with, as one closed in Bearing does: an
 * import that brings the sprint's new state freezes its availability, and one that brings it
 * back open thaws it.
 */
describe('a sprint closed or reopened by an import', () => {
  let testApp: TestApp;
  let workspace: TestWorkspace;
  let editor: Browser;
  let team: TestTeam;
  const teamPath = () => `/api/workspaces/${workspace.slug}/teams/${team.slug}`;

  beforeAll(async () => {
    testApp = await createTestApp();
    workspace = await createWorkspace(testApp, await createUser(testApp));
    editor = await signIn(testApp, await createMember(testApp, workspace, 'editor'));
    team = await createTeam(testApp, workspace);
  }, 60_000);
  afterAll(async () => {
    await testApp.close();
  });

  /** The fixture's export with "PAY Sprint 1" in `state` (it is closed there). */
  function exportWithFirstSprint(state: 'active' | 'closed'): Buffer {
    const page = JSON.parse(fixture('search-v3.json').toString('utf8')) as {
      issues: { fields: { customfield_10020?: Record<string, unknown>[] } }[];
    };
    for (const issue of page.issues) {
      for (const sprint of issue.fields.customfield_10020 ?? []) {
        if (sprint.name !== 'PAY Sprint 1' || state === 'closed') continue;
        sprint.state = state;
        delete sprint.completeDate;
      }
    }
    return Buffer.from(JSON.stringify(page));
  }

  async function importWithFirstSprint(state: 'active' | 'closed') {
    const job = await importFile(editor, workspace, team, { file: exportWithFirstSprint(state) });
    expect(job).toMatchObject({ status: 'completed' });
  }

  async function rosters(): Promise<Record<string, string[]>> {
    const sprints = sprintPageSchema.parse(
      (await editor.get(`${teamPath()}/sprints`).expect(200)).body,
    );
    const byName: Record<string, string[]> = {};
    for (const sprint of sprints.items) {
      const availability = sprintAvailabilitySchema.parse(
        (await editor.get(`${teamPath()}/sprints/${sprint.id}/availability`).expect(200)).body,
      );
      byName[sprint.name] = availability.members.map((member) => member.displayName);
    }
    return byName;
  }

  const addMember = (displayName: string) =>
    editor.post(`${teamPath()}/members`).send({ displayName }).expect(201);

  it('freezes the roster when Jira closes the sprint and thaws it when Jira reopens it', async () => {
    await addMember('Ana');
    await importWithFirstSprint('active');
    await addMember('Ben');
    // Open: it follows the team.
    expect(await rosters()).toEqual({
      'PAY Sprint 1': ['Ana', 'Ben'],
      'PAY Sprint 2': ['Ana', 'Ben'],
    });

    await importWithFirstSprint('closed');
    await addMember('Cy');
    // Closed by the import with Ana and Ben: Cy, who joined later, is not in it.
    expect(await rosters()).toEqual({
      'PAY Sprint 1': ['Ana', 'Ben'],
      'PAY Sprint 2': ['Ana', 'Ben', 'Cy'],
    });

    await importWithFirstSprint('active');
    // Reopened: it follows the team again.
    expect(await rosters()).toEqual({
      'PAY Sprint 1': ['Ana', 'Ben', 'Cy'],
      'PAY Sprint 2': ['Ana', 'Ben', 'Cy'],
    });
  }, 120_000);
});
