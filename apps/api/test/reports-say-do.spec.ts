import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type StatusReport, statusReportSchema } from '@bearing/contracts';
import { ProgramTeam } from '../src/programs/program-links.entity.js';
import { Team } from '../src/teams/team.entity.js';
import { createTeam, fixture, importFile, type TestTeam } from './support/delivery-factories.js';
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
  insertProgram,
  pinClock,
  programPath,
  type TestProgram,
} from './support/program-factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * The say/do section of weekly reports, from a real Jira import (search-v2 fixtures): ENG Sprint
 * 10 ends Fri 2015-11-27 (committed 8, completed 3, all of it committed: 3/8), ENG Sprint 11
 * ends Fri 2015-12-11 (committed 5, completed 8 with 3 added mid-sprint, 5 of the commitment:
 * 5/5). The worked numbers are those of the sprint summaries in jira-import.spec.ts.
 */
describe('status report say/do section', () => {
  let testApp: TestApp;
  let admin: TestUser;
  let workspace: TestWorkspace;
  let tpm: Browser;
  let engineering: TestTeam;
  let newcomers: TestTeam;
  let program: TestProgram;

  beforeAll(async () => {
    testApp = await createTestApp();
    admin = await createUser(testApp);
    workspace = await createWorkspace(testApp, admin);
    tpm = await signIn(testApp, await createMember(testApp, workspace, 'editor'));
    pinClock(testApp, '2015-12-16T10:00:00Z');
    engineering = await createTeam(testApp, workspace);
    await testApp.dataSource
      .getRepository(Team)
      .update({ id: engineering.id }, { name: 'Engineering' });
    const job = await importFile(await signIn(testApp, admin), workspace, engineering, {
      file: Buffer.concat([fixture('search-v2-page1.json'), fixture('search-v2-page2.json')]),
    });
    expect(job).toMatchObject({ status: 'completed', result: { problems: [] } });
    newcomers = await createTeam(testApp, workspace);
    await testApp.dataSource
      .getRepository(Team)
      .update({ id: newcomers.id }, { name: 'Newcomers' });
    program = await insertProgram(testApp, workspace, admin, { start: '2015-11-02' });
    await testApp.dataSource.getRepository(ProgramTeam).insert([
      { programId: program.id, teamId: engineering.id },
      { programId: program.id, teamId: newcomers.id },
    ]);
  }, 60_000);
  afterAll(async () => {
    await testApp.close();
  });

  const reports = () => `${programPath(workspace, program)}/reports`;

  async function generate(week: string): Promise<StatusReport> {
    const response = await tpm.post(reports()).send({ week }).expect(201);
    return statusReportSchema.parse(response.body);
  }

  function sayDoOf(report: StatusReport) {
    const section = report.snapshot.sections.sayDo;
    if (section.status !== 'available') throw new Error(`say/do unavailable: ${section.reason}`);
    return section;
  }

  it("takes each team's last sprint closed by the report's week, not a later one", async () => {
    // The week of 2015-11-30 ends on 12-06: Sprint 11 (ending 12-11) is not over yet then.
    const early = await generate('2015-11-30');
    expect(sayDoOf(early)).toEqual({
      status: 'available',
      teams: [
        {
          teamId: engineering.id,
          teamName: 'Engineering',
          sprintId: expect.any(String),
          sprintName: 'ENG Sprint 10',
          sprintEnd: '2015-11-27',
          committed: 8,
          completed: 3,
          completedFromCommitment: 3,
          sayDoRatio: 0.375,
        },
      ],
      teamsWithoutClosedSprint: [{ teamId: newcomers.id, teamName: 'Newcomers' }],
    });
    // No health reason: say/do is the team's own signal, not a program fact.
    expect(early.snapshot.healthReasons.filter(({ section }) => section === 'sayDo')).toEqual([]);
  });

  it('is frozen in the published snapshot and exported as Markdown', async () => {
    const draft = await generate('2015-12-07');
    const published = statusReportSchema.parse(
      (
        await tpm
          .post(`${reports()}/${draft.id}/publish`)
          .send({ version: draft.version })
          .expect(201)
      ).body,
    );
    // The week of 2015-12-07 ends on 12-13: now Sprint 11 (ended 12-11) is the last closed one.
    expect(sayDoOf(published).teams).toEqual([
      expect.objectContaining({
        sprintName: 'ENG Sprint 11, the long one',
        sprintEnd: '2015-12-11',
        committed: 5,
        completed: 8,
        completedFromCommitment: 5,
        sayDoRatio: 1,
      }),
    ]);

    // Later data changes: the sprint is renamed, the newcomers close a sprint of their own.
    await testApp.dataSource.query(`UPDATE sprint SET name = 'Renamed' WHERE team_id = $1`, [
      engineering.id,
    ]);
    await tpm
      .post(`/api/workspaces/${workspace.slug}/teams/${newcomers.slug}/sprints`)
      .send({
        name: 'NEW Sprint 1',
        start: '2015-11-23T09:00:00Z',
        end: '2015-12-04T17:00:00Z',
        state: 'closed',
        completedAt: '2015-12-04T17:00:00Z',
      })
      .expect(201);
    const reread = statusReportSchema.parse(
      (await tpm.get(`${reports()}/${published.id}`).expect(200)).body,
    );
    expect(reread.snapshot.sections.sayDo).toEqual(published.snapshot.sections.sayDo);
    const fresh = sayDoOf(await generate('2015-12-14'));
    expect(fresh.teams.map(({ sprintName }) => sprintName)).toEqual(['Renamed', 'NEW Sprint 1']);
    expect(fresh.teams[1]).toMatchObject({ committed: 0, sayDoRatio: null });
    expect(fresh.teamsWithoutClosedSprint).toEqual([]);

    for (const audience of ['stakeholder', 'team'] as const) {
      const markdown = (
        await tpm.get(`${reports()}/${published.id}.md?audience=${audience}`).expect(200)
      ).text;
      expect(markdown).toContain('## Say/do (last closed sprint)');
      expect(markdown).toContain(
        '| Engineering | ENG Sprint 11, the long one | 2015-12-11 | 5 | 8 | 5 | 100 % |',
      );
      expect(markdown).toContain('- Newcomers: no closed sprint yet');
    }
  });
});
