import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { queryResultSchema } from '@bearing/contracts';
import { markTeamFlowStale } from '../src/delivery/flow-read-model/flow-read-model.service.js';
import { FlowService } from '../src/delivery/flow.service.js';
import {
  type SprintOutcomeRow,
  SprintReportsService,
} from '../src/delivery/sprint-reports.service.js';
import { ProgramDependency } from '../src/programs/dependencies/program-dependency.entity.js';
import { Milestone } from '../src/programs/milestones/milestone.entity.js';
import { RaidItem } from '../src/programs/raid/raid-item.entity.js';
import { Sprint } from '../src/sprints/sprint.entity.js';
import { Team } from '../src/teams/team.entity.js';
import {
  createTeam,
  FIXTURE_WORKFLOW,
  fixture,
  importFile,
  type TestTeam,
} from './support/delivery-factories.js';
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
 * The query language's delivery and program tables — Sprints, WorkItems.resolvedAt/ageDays,
 * Milestones, RaidItems, Dependencies — on hand-made fixtures whose answers are worked out in
 * the comments (the sprint figures are those of delivery.spec.ts), and equal to what the
 * program pages answer. A second workspace holds look-alike records no query may see.
 */
describe('query tables of delivery and programs', () => {
  let testApp: TestApp;
  let owner: TestUser;
  let workspace: TestWorkspace;
  let other: TestWorkspace;
  let viewer: Browser;
  let admin: Browser;
  let pay: TestTeam;
  let eng: TestTeam;
  let apollo: TestProgram;
  let zephyr: TestProgram;
  let clock: { set(instant: string): void };
  let lookAlike: TestTeam;
  let otherProgram: TestProgram;

  const rows = async (query: string, as: Browser = viewer) => {
    const response = await as.post(`/api/workspaces/${workspace.slug}/queries/run`).send({ query });
    expect(response.status).toBe(200);
    return queryResultSchema.parse(response.body).rows;
  };

  beforeAll(async () => {
    testApp = await createTestApp();
    owner = await createUser(testApp);
    workspace = await createWorkspace(testApp, owner);
    other = await createWorkspace(testApp, owner);
    admin = await signIn(testApp, owner);
    viewer = await signIn(testApp, await createMember(testApp, workspace, 'viewer'));
    // search-v3.json (Berlin): PAY Sprint 1, Mon 2024-03-04 09:00 – Fri 2024-03-15 18:00.
    pay = await createTeam(testApp, workspace, {
      name: 'Payments',
      timeZone: 'Europe/Berlin',
      calendar: { nonWorkingWeekdays: [0, 6], holidays: ['2024-03-08'] },
    });
    expect(
      await importFile(admin, workspace, pay, { file: fixture('search-v3.json') }),
    ).toMatchObject({ status: 'completed' });
    eng = await createTeam(testApp, workspace, { name: 'Engineering' });
    const engFile = Buffer.concat([
      fixture('search-v2-page1.json'),
      fixture('search-v2-page2.json'),
    ]);
    expect(await importFile(admin, workspace, eng, { file: engFile })).toMatchObject({
      status: 'completed',
    });
    await testApp.dataSource.getRepository(Sprint).save({
      teamId: pay.id,
      name: 'PAY Sprint 9, not planned yet',
      startsAt: null,
      endsAt: null,
      state: 'future',
      completedAt: null,
      source: 'manual',
      externalId: null,
    });

    apollo = await insertProgram(testApp, workspace, owner, { name: 'Apollo' });
    zephyr = await insertProgram(testApp, workspace, owner, { name: 'Zephyr' });
    await testApp.dataSource.getRepository(Milestone).save([
      // Moved from 03-02 to 03-20, and still open on 04-02 (the pinned today): overdue, so
      // 31 days late — to today, not 18 to the date it was left at.
      milestone(apollo, 'Beta', '2026-03-02', '2026-03-20', null),
      // Completed on 02-05, planned for 02-01 (and moved to 02-10 before): 4 days late.
      milestone(apollo, 'Alpha', '2026-02-01', '2026-02-10', '2026-02-05'),
      // Pulled in from 04-10 to 04-03: 7 days early.
      milestone(zephyr, 'Launch', '2026-04-10', '2026-04-03', null),
    ]);
    await testApp.dataSource.getRepository(RaidItem).save([
      raid(apollo, 'risk', 'Vendor may slip', 4, 5, 'open'), // 20
      raid(apollo, 'issue', 'Flaky staging', 2, 3, 'owned'), // 6
      raid(zephyr, 'assumption', 'Budget holds', 1, 1, 'accepted'), // 1
    ]);
    await testApp.dataSource.getRepository(ProgramDependency).save([
      // Today is pinned to 2026-04-02: needed yesterday and still open — overdue.
      dependency(
        apollo,
        { kind: 'team', id: pay.id },
        { kind: 'program', id: zephyr.id },
        'SDK',
        '2026-04-01',
        'open',
      ),
      // Needed by a later day: not overdue.
      dependency(
        apollo,
        { kind: 'program', id: apollo.id },
        { kind: 'team', id: eng.id },
        'API',
        '2026-04-10',
        'blocked',
      ),
      // Past its day but delivered: not overdue.
      dependency(
        zephyr,
        { kind: 'team', id: eng.id },
        { kind: 'team', id: pay.id },
        'Docs',
        '2026-03-01',
        'delivered',
      ),
    ]);

    // The other workspace: a team with the same fixture, a program with the same names.
    lookAlike = await createTeam(testApp, other, {
      name: 'Payments',
      timeZone: 'Europe/Berlin',
    });
    await importFile(admin, other, lookAlike, { file: fixture('search-v3.json') });
    otherProgram = await insertProgram(testApp, other, owner, { name: 'Apollo' });
    await testApp.dataSource.getRepository(Milestone).save([
      {
        ...milestone(otherProgram, 'Beta', '2026-01-01', '2026-12-31', null),
        workspaceId: other.id,
      },
    ]);
    await testApp.dataSource
      .getRepository(RaidItem)
      .save([
        { ...raid(otherProgram, 'risk', 'Secret risk', 5, 5, 'open'), workspaceId: other.id },
      ]);
    await testApp.dataSource.getRepository(ProgramDependency).save([
      {
        ...dependency(
          otherProgram,
          { kind: 'team', id: lookAlike.id },
          { kind: 'program', id: otherProgram.id },
          'Secret',
          '2026-01-01',
          'open',
        ),
        workspaceId: other.id,
      },
    ]);
    clock = pinClock(testApp, '2026-04-02T12:00:00Z');
  }, 120_000);
  afterAll(async () => {
    await testApp.close();
  });

  function milestone(
    program: TestProgram,
    name: string,
    baselineDate: string,
    currentDate: string,
    completedAt: string | null,
  ) {
    return {
      workspaceId: workspace.id,
      programId: program.id,
      name,
      baselineDate,
      currentDate,
      completedAt,
    };
  }
  function raid(
    program: TestProgram,
    kind: RaidItem['kind'],
    title: string,
    probability: number,
    impact: number,
    status: RaidItem['status'],
  ) {
    return {
      workspaceId: workspace.id,
      programId: program.id,
      kind,
      title,
      probability,
      impact,
      ownerUserId: null,
      mitigation: '',
      status,
      dueDate: null,
    };
  }
  function dependency(
    program: TestProgram,
    from: { kind: 'team' | 'program'; id: string },
    to: { kind: 'team' | 'program'; id: string },
    description: string,
    needBy: string,
    status: ProgramDependency['status'],
  ) {
    return {
      workspaceId: workspace.id,
      programId: program.id,
      fromKind: from.kind,
      fromId: from.id,
      toKind: to.kind,
      toId: to.id,
      description,
      needBy,
      status,
    };
  }

  describe('Sprints', () => {
    it("answers each sprint's report figures, worked out by hand", async () => {
      expect(
        await rows(
          `Sprints | where team == "${pay.slug}" | sort by name asc | project name, start, end, state, committed, completed, added, removed, sayDo`,
        ),
      ).toEqual([
        // Committed at the start: PAY-1 5 + PAY-2 3 + PAY-4 8 = 16; completed 12, 2 added,
        // 8 removed (PAY-4), say/do 8 / 16 (the burndown of delivery.spec.ts).
        {
          name: 'PAY Sprint 1',
          start: '2024-03-04T08:00:00.000Z',
          end: '2024-03-15T17:00:00.000Z',
          state: 'closed',
          committed: 16,
          completed: 12,
          added: 2,
          removed: 8,
          sayDo: 0.5,
        },
        expect.objectContaining({ name: 'PAY Sprint 2' }),
        // No dates, no report: no figures.
        {
          name: 'PAY Sprint 9, not planned yet',
          start: null,
          end: null,
          state: 'future',
          committed: null,
          completed: null,
          added: null,
          removed: null,
          sayDo: null,
        },
      ]);
      // ENG Sprint 10: 8 committed, 3 done (3 / 8); Sprint 11: 5 committed, 2 added, 8 done (5 / 5).
      expect(
        await rows(
          `Sprints | where team == "${eng.slug}" | sort by end asc | project name, committed, completed, added, sayDo`,
        ),
      ).toEqual([
        { name: 'ENG Sprint 10', committed: 8, completed: 3, added: 0, sayDo: 0.375 },
        { name: 'ENG Sprint 11, the long one', committed: 5, completed: 8, added: 2, sayDo: 1 },
      ]);
    });

    it('equals the sprint report of every dated sprint, and velocity', async () => {
      for (const team of [pay, eng]) {
        const base = `/api/workspaces/${workspace.slug}/teams/${team.slug}`;
        const sprints = (await viewer.get(`${base}/sprints?limit=200`).expect(200)).body as {
          items: { id: string; name: string; start: string | null }[];
        };
        const table = await rows(`Sprints | where team == "${team.slug}"`);
        for (const sprint of sprints.items.filter((candidate) => candidate.start !== null)) {
          const summary = (await viewer.get(`${base}/sprints/${sprint.id}/summary`).expect(200))
            .body as Record<string, number>;
          expect(table.find((row) => row.name === sprint.name)).toMatchObject({
            committed: summary.committed,
            completed: summary.completed,
            added: summary.added,
            removed: summary.removed,
            sayDo: summary.sayDoRatio,
          });
        }
        const velocity = (await viewer.get(`${base}/velocity?window=26`).expect(200)).body as {
          outcomes: { name: string; committed: number; completed: number; sayDoRatio: number }[];
        };
        expect(velocity.outcomes.length).toBeGreaterThan(0);
        for (const outcome of velocity.outcomes) {
          expect(table.find((row) => row.name === outcome.name)).toMatchObject({
            committed: outcome.committed,
            completed: outcome.completed,
            sayDo: outcome.sayDoRatio,
          });
        }
      }
    });

    it("places a sprint in time by its end for a rule's lookback", async () => {
      clock.set('2024-03-20T12:00:00Z');
      try {
        const tested = await admin
          .post(`/api/workspaces/${workspace.slug}/alert-rules/test`)
          .send({
            rule: {
              name: 'Sprints ended lately',
              query: 'Sprints | project team, name',
              everyMinutes: 60,
              lookbackMinutes: 60,
              trigger: { op: '>', threshold: 0 },
              severity: 'low',
              suppressMinutes: 0,
              enabled: true,
            },
            days: 7,
          })
          .expect(200);
        // Only PAY Sprint 1 ended in the seven days before 2024-03-20 noon.
        expect(tested.body.rows).toEqual([{ team: pay.slug, name: 'PAY Sprint 1' }]);
      } finally {
        clock.set('2026-04-02T12:00:00Z');
      }
    });
  });

  describe('Sprints, computed for what a query can read', () => {
    const spyOnOutcomes = () =>
      jest.spyOn(testApp.app.get(SprintReportsService), 'workspaceSprintOutcomes');
    let outcomes: ReturnType<typeof spyOnOutcomes>;
    /** The names of the sprints whose figures each run computed since the last call. */
    const computed = async () => {
      const names = new Map(
        (
          await testApp.dataSource.query<{ id: string; name: string }[]>(
            'SELECT id, name FROM sprint WHERE team_id = ANY($1::uuid[])',
            [[pay.id, eng.id]],
          )
        ).map((sprint) => [sprint.id, sprint.name]),
      );
      const runs = await Promise.all(
        outcomes.mock.results.map((result) => result.value as Promise<SprintOutcomeRow[]>),
      );
      outcomes.mockClear();
      return runs.map((rows) => rows.map((row) => names.get(row.sprintId)).sort());
    };
    beforeAll(() => {
      outcomes = spyOnOutcomes();
    });
    afterAll(() => outcomes.mockRestore());

    it('computes no figures for a query that names none', async () => {
      expect(await rows('Sprints | project team, name, start, end, state | count')).toEqual([
        { Count: 5 },
      ]);
      expect(await computed()).toEqual([]);
      // Every dated sprint's, without a bound on `end`.
      await rows('Sprints | where sayDo < 1 | project name');
      expect(await computed()).toEqual([
        ['ENG Sprint 10', 'ENG Sprint 11, the long one', 'PAY Sprint 1'],
      ]);
    });

    it("computes only the sprints ending in a rule's lookback", async () => {
      clock.set('2024-03-20T12:00:00Z');
      try {
        const tested = await admin
          .post(`/api/workspaces/${workspace.slug}/alert-rules/test`)
          .send({
            rule: {
              name: 'Say/do of sprints ended lately',
              query: 'Sprints | project team, name, sayDo',
              everyMinutes: 60,
              lookbackMinutes: 60,
              trigger: { op: '>', threshold: 0 },
              severity: 'low',
              suppressMinutes: 0,
              enabled: true,
            },
            days: 14,
          })
          .expect(200);
        expect(tested.body.rows).toEqual([{ team: pay.slug, name: 'PAY Sprint 1', sayDo: 0.5 }]);
        expect(await computed()).toEqual([['PAY Sprint 1']]);
      } finally {
        clock.set('2026-04-02T12:00:00Z');
      }
    });

    it('computes only the sprints ending after a leading where on end, with the same answers', async () => {
      expect(
        await rows(
          'Sprints | where end >= datetime(2024-01-01) and isnotnull(start) | project name, sayDo',
        ),
      ).toEqual([{ name: 'PAY Sprint 1', sayDo: 0.5 }]);
      expect(await computed()).toEqual([['PAY Sprint 1']]);
      // ago() and now() counted from the run's now (2026-04-02): ten years back is 2016.
      expect(await rows('Sprints | where ago(3650d) < end | project name, committed')).toEqual([
        { name: 'PAY Sprint 1', committed: 16 },
      ]);
      expect(await computed()).toEqual([['PAY Sprint 1']]);
      // Not a leading where, an `or`, or a join's unbounded side: every dated sprint.
      const all = ['ENG Sprint 10', 'ENG Sprint 11, the long one', 'PAY Sprint 1'];
      await rows('Sprints | project name, end, sayDo | where end >= datetime(2024-01-01)');
      await rows('Sprints | where end >= datetime(2024-01-01) or sayDo > 0 | project name');
      expect(
        await rows(
          'Sprints | where end >= datetime(2024-01-01) | project name | join kind=inner (Sprints | project name, sayDo) on name',
        ),
      ).toEqual([{ name: 'PAY Sprint 1', name1: 'PAY Sprint 1', sayDo: 0.5 }]);
      expect(await computed()).toEqual([all, all, all]);
    });
  });

  describe('WorkItems', () => {
    it('answers resolvedAt as the source says it', async () => {
      expect(
        await rows(
          `WorkItems | where team == "${pay.slug}" | sort by key asc | project key, resolvedAt`,
        ),
      ).toEqual([
        { key: 'PAY-1', resolvedAt: '2024-03-07T23:30:00.000Z' },
        { key: 'PAY-2', resolvedAt: '2024-03-12T15:00:00.000Z' },
        { key: 'PAY-3', resolvedAt: '2024-03-14T14:00:00.000Z' },
        { key: 'PAY-4', resolvedAt: null },
      ]);
    });

    it("ages items in progress as the aging chart does, in the team's time zone, as of now", async () => {
      // PAY-4 entered In Progress on Berlin's 2024-03-08: 7 days old on 03-15, as the chart says.
      clock.set('2024-03-15T12:00:00Z');
      try {
        expect(
          await rows(
            `WorkItems | where team == "${pay.slug}" | sort by key asc | project key, ageDays`,
          ),
        ).toEqual([
          { key: 'PAY-1', ageDays: null },
          { key: 'PAY-2', ageDays: null },
          { key: 'PAY-3', ageDays: null },
          { key: 'PAY-4', ageDays: 7 },
        ]);
        const aging = (
          await viewer
            .get(`/api/workspaces/${workspace.slug}/teams/${pay.slug}/flow/aging`)
            .expect(200)
        ).body as { items: { key: string; ageDays: number }[] };
        expect(aging.items).toEqual([expect.objectContaining({ key: 'PAY-4', ageDays: 7 })]);
        // 23:30 UTC is already 03-16 in Berlin: a day older there.
        clock.set('2024-03-15T23:30:00Z');
        expect(await rows(`WorkItems | where key == "PAY-4" | project ageDays`)).toEqual([
          { ageDays: 8 },
        ]);
        // Named only after a join, or only in a filter, it is still computed.
        expect(
          await rows(
            `WorkItems | project key, team | join kind=inner (WorkItems | project key, ageDays) on key | where isnotnull(ageDays) | project key`,
          ),
        ).toEqual([{ key: 'PAY-4' }]);
        expect(await rows(`WorkItems | where ageDays >= 8 | count`)).toEqual([{ Count: 1 }]);
      } finally {
        clock.set('2026-04-02T12:00:00Z');
      }
    });

    it('computes ages only for a query that names or answers ageDays', async () => {
      const ages = jest.spyOn(testApp.app.get(FlowService), 'workspaceAges');
      try {
        await rows('WorkItems | summarize p85 = percentile(cycleTime, 85) by team');
        await rows('WorkItems | project key, status | take 2');
        expect(ages).not.toHaveBeenCalled();
        await rows('WorkItems | take 1');
        await rows('WorkItems | where ageDays > 3 | count');
        expect(ages).toHaveBeenCalledTimes(2);
      } finally {
        ages.mockRestore();
      }
    });

    it('reads the current workflow right after an edit, and never rows marked stale', async () => {
      const teams = testApp.dataSource.getRepository(Team);
      const flow = `WorkItems | where key == "PAY-1" | project doneDay, cycleTime, stage`;
      const cycleTimeOfPay1 = async () => {
        const body = (
          await viewer
            .get(
              `/api/workspaces/${workspace.slug}/teams/${pay.slug}/flow/cycle-times?from=2024-03-01&to=2024-03-31`,
            )
            .expect(200)
        ).body as { points: [string, string, number | null, number | null][] };
        const [, doneDay, cycleTime] = body.points.find(([key]) => key === 'PAY-1')!;
        return { doneDay: `${doneDay}T00:00:00.000Z`, cycleTime };
      };
      const before = await rows(flow);
      expect(before).toEqual([
        { doneDay: '2024-03-08T00:00:00.000Z', cycleTime: expect.any(Number), stage: null },
      ]);
      try {
        // An edit whose queued refresh has not run yet: "In Review" now counts as done, so
        // PAY-1 was done on 03-06 (Berlin), two days earlier.
        await teams.update(pay.id, {
          workflow: {
            stages: [
              { name: 'Backlog', statuses: ['To Do'] },
              { name: 'Doing', statuses: ['In Progress'] },
              { name: 'Finished', statuses: ['In Review', 'Done'] },
            ],
            committedStage: 'Doing',
            doneStage: 'Finished',
          },
        });
        const edited = await rows(flow);
        expect(edited).toEqual([
          { doneDay: '2024-03-06T00:00:00.000Z', cycleTime: expect.any(Number), stage: null },
        ]);
        expect(edited[0]!.cycleTime).toBeLessThan(before[0]!.cycleTime as number);
        expect(edited[0]).toMatchObject(await cycleTimeOfPay1());

        // Rows a writer marked stale (a sync that died before its rebuild) are rebuilt too.
        await testApp.dataSource.query(
          `UPDATE work_item_flow SET cycle_time = 999 WHERE team_id = $1 AND key = 'PAY-1'`,
          [pay.id],
        );
        await testApp.dataSource.transaction((manager) => markTeamFlowStale(manager, pay.id));
        expect(await rows(flow)).toEqual(edited);
      } finally {
        await teams.update(pay.id, { workflow: FIXTURE_WORKFLOW });
      }
      expect(await rows(flow)).toEqual(before);
      expect(before[0]).toMatchObject(await cycleTimeOfPay1());
    });
  });

  describe('program tables', () => {
    it('Milestones: slip against the baseline, to the completion day once completed, to today once overdue', async () => {
      expect(
        await rows(
          'Milestones | sort by name asc | project program, name, baselineDate, currentDate, slipDays, completedAt',
        ),
      ).toEqual([
        {
          program: 'Apollo',
          name: 'Alpha',
          baselineDate: '2026-02-01T00:00:00.000Z',
          currentDate: '2026-02-10T00:00:00.000Z',
          slipDays: 4,
          completedAt: '2026-02-05T00:00:00.000Z',
        },
        {
          program: 'Apollo',
          name: 'Beta',
          baselineDate: '2026-03-02T00:00:00.000Z',
          currentDate: '2026-03-20T00:00:00.000Z',
          slipDays: 31,
          completedAt: null,
        },
        {
          program: 'Zephyr',
          name: 'Launch',
          baselineDate: '2026-04-10T00:00:00.000Z',
          currentDate: '2026-04-03T00:00:00.000Z',
          slipDays: -7,
          completedAt: null,
        },
      ]);
    });

    it('RaidItems: probability × impact', async () => {
      expect(
        await rows(
          'RaidItems | sort by score desc | project program, kind, title, probability, impact, score, status',
        ),
      ).toEqual([
        {
          program: 'Apollo',
          kind: 'risk',
          title: 'Vendor may slip',
          probability: 4,
          impact: 5,
          score: 20,
          status: 'open',
        },
        {
          program: 'Apollo',
          kind: 'issue',
          title: 'Flaky staging',
          probability: 2,
          impact: 3,
          score: 6,
          status: 'owned',
        },
        {
          program: 'Zephyr',
          kind: 'assumption',
          title: 'Budget holds',
          probability: 1,
          impact: 1,
          score: 1,
          status: 'accepted',
        },
      ]);
    });

    it("Dependencies: the parties' names and overdue as of the query's today", async () => {
      expect(
        await rows(
          'Dependencies | sort by needBy asc | project program, description, from, to, needBy, status, overdue',
        ),
      ).toEqual([
        {
          program: 'Zephyr',
          description: 'Docs',
          from: 'Engineering',
          to: 'Payments',
          needBy: '2026-03-01T00:00:00.000Z',
          status: 'delivered',
          overdue: false,
        },
        {
          program: 'Apollo',
          description: 'SDK',
          from: 'Payments',
          to: 'Zephyr',
          needBy: '2026-04-01T00:00:00.000Z',
          status: 'open',
          overdue: true,
        },
        {
          program: 'Apollo',
          description: 'API',
          from: 'Apollo',
          to: 'Engineering',
          needBy: '2026-04-10T00:00:00.000Z',
          status: 'blocked',
          overdue: false,
        },
      ]);
      // On 2026-03-31 the SDK is not needed yet.
      clock.set('2026-03-31T12:00:00Z');
      try {
        expect(await rows('Dependencies | where overdue | count')).toEqual([{ Count: 0 }]);
      } finally {
        clock.set('2026-04-02T12:00:00Z');
      }
    });

    it('equal what the program pages answer', async () => {
      for (const program of [apollo, zephyr]) {
        const path = programPath(workspace, program);
        const milestones = (await viewer.get(`${path}/milestones`).expect(200)).body as {
          items: { name: string; slipDays: number }[];
        };
        expect(
          await rows(
            `Milestones | where programId == "${program.id}" | sort by name asc | project name, slipDays`,
          ),
        ).toEqual(
          milestones.items
            .map(({ name, slipDays }) => ({ name, slipDays }))
            .sort((a, b) => a.name.localeCompare(b.name)),
        );
        const raidItems = (await viewer.get(`${path}/raid`).expect(200)).body as {
          items: { title: string; score: number }[];
        };
        expect(
          await rows(
            `RaidItems | where programId == "${program.id}" | sort by title asc | project title, score`,
          ),
        ).toEqual(
          raidItems.items
            .map(({ title, score }) => ({ title, score }))
            .sort((a, b) => a.title.localeCompare(b.title)),
        );
        const dependencies = (await viewer.get(`${path}/dependencies`).expect(200)).body as {
          items: {
            description: string;
            from: { name: string };
            to: { name: string };
            overdue: boolean;
          }[];
        };
        expect(
          await rows(
            `Dependencies | where programId == "${program.id}" | sort by description asc | project description, from, to, overdue`,
          ),
        ).toEqual(
          dependencies.items
            .map(({ description, from, to, overdue }) => ({
              description,
              from: from.name,
              to: to.name,
              overdue,
            }))
            .sort((a, b) => a.description.localeCompare(b.description)),
        );
      }
    });
  });

  it("finds nothing when a query names the other workspace's team slug or program id", async () => {
    for (const query of [
      `Sprints | where team == "${lookAlike.slug}"`,
      `WorkItems | where team == "${lookAlike.slug}" | project key, resolvedAt, ageDays`,
      `Milestones | where programId == "${otherProgram.id}"`,
      `RaidItems | where programId == "${otherProgram.id}"`,
      `Dependencies | where programId == "${otherProgram.id}" or description == "Secret"`,
    ]) {
      expect({ query, rows: await rows(query) }).toEqual({ query, rows: [] });
    }
  });

  it("never shows the other workspace's sprints, items, milestones, RAID items or dependencies", async () => {
    expect(await rows('Sprints | summarize dcount(team)')).toEqual([{ dcount_team: 2 }]);
    expect(await rows('WorkItems | summarize dcount(team)')).toEqual([{ dcount_team: 2 }]);
    expect(await rows('Milestones | where slipDays > 100 | count')).toEqual([{ Count: 0 }]);
    expect(await rows('RaidItems | where title == "Secret risk" or score == 25 | count')).toEqual([
      { Count: 0 },
    ]);
    expect(await rows('Dependencies | where description == "Secret" | count')).toEqual([
      { Count: 0 },
    ]);
    expect(await rows('Milestones | count')).toEqual([{ Count: 3 }]);
    expect(await rows('RaidItems | count')).toEqual([{ Count: 3 }]);
    expect(await rows('Dependencies | count')).toEqual([{ Count: 3 }]);
  });
});
