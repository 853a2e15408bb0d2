import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  auditEventPageSchema,
  capacitySchema,
  forecastHowManySchema,
  forecastWhenSchema,
  problemSchema,
  sprintAvailabilitySchema,
  sprintPageSchema,
  sprintSchema,
  teamMemberPageSchema,
  teamMemberSchema,
  teamPageSchema,
  teamSchema,
} from '@bearing/contracts';
import {
  type Browser,
  countRows,
  createMember,
  createUser,
  createWorkspace,
  signIn,
  type TestWorkspace,
} from './support/factories.js';
import { createTeam, fixture, importFile } from './support/delivery-factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('teams, members, sprints and availability', () => {
  let testApp: TestApp;
  let workspace: TestWorkspace;
  let editor: Browser;
  const teams = () => `/api/workspaces/${workspace.slug}/teams`;

  beforeAll(async () => {
    testApp = await createTestApp();
    const admin = await createUser(testApp);
    workspace = await createWorkspace(testApp, admin);
    editor = await signIn(testApp, await createMember(testApp, workspace, 'editor'));
  }, 60_000);
  afterAll(async () => {
    await testApp.close();
  });

  describe('teams', () => {
    it('creates a team with the default calendar and workflow, found by slug or id', async () => {
      const created = teamSchema.parse(
        (await editor.post(teams()).send({ name: 'Payments', slug: 'payments' }).expect(201)).body,
      );
      expect(created).toMatchObject({
        name: 'Payments',
        slug: 'payments',
        timeZone: 'UTC',
        calendar: { nonWorkingWeekdays: [0, 6], holidays: [] },
        workflow: { committedStage: 'In Progress', doneStage: 'Done' },
        version: 1,
      });
      const bySlug = teamSchema.parse((await editor.get(`${teams()}/payments`).expect(200)).body);
      const byId = teamSchema.parse(
        (await editor.get(`${teams()}/${created.id}`).expect(200)).body,
      );
      expect(bySlug).toEqual(created);
      expect(byId).toEqual(created);
      const page = teamPageSchema.parse((await editor.get(teams()).expect(200)).body);
      expect(page.items.map((team) => team.slug)).toContain('payments');
      const audit = auditEventPageSchema.parse(
        (
          await (
            await signIn(testApp, await createMember(testApp, workspace, 'admin'))
          )
            .get(`/api/workspaces/${workspace.slug}/audit-events`)
            .expect(200)
        ).body,
      );
      expect(audit.items[0]).toMatchObject({ action: 'team.created', targetId: created.id });
    });

    it('refuses a taken slug, a bad time zone and an inconsistent workflow', async () => {
      await editor.post(teams()).send({ name: 'Again', slug: 'payments' }).expect(409);
      const response = await editor
        .post(teams())
        .send({
          name: 'Broken',
          slug: 'broken',
          timeZone: 'Mars/Olympus',
          calendar: { nonWorkingWeekdays: [0, 0], holidays: ['2024-02-30'] },
          workflow: {
            stages: [
              { name: 'Doing', statuses: ['In Progress'] },
              { name: 'Done', statuses: ['In Progress'] },
            ],
            committedStage: 'Done',
            doneStage: 'Doing',
          },
        })
        .expect(400);
      expect(problemSchema.parse(response.body).errors?.map((error) => error.path)).toEqual([
        'timeZone',
        'calendar.nonWorkingWeekdays',
        'calendar.holidays.0',
        'workflow.stages.1.statuses.0',
        'workflow.committedStage',
      ]);
    });

    it('updates with the current version only', async () => {
      const team = teamSchema.parse((await editor.get(`${teams()}/payments`).expect(200)).body);
      const updated = teamSchema.parse(
        (
          await editor
            .patch(`${teams()}/payments`)
            .send({
              timeZone: 'Europe/Berlin',
              calendar: { nonWorkingWeekdays: [0, 6], holidays: ['2024-12-25'] },
              version: team.version,
            })
            .expect(200)
        ).body,
      );
      expect(updated).toMatchObject({ timeZone: 'Europe/Berlin', version: team.version + 1 });
      const stale = await editor
        .patch(`${teams()}/payments`)
        .send({ name: 'Late', version: team.version })
        .expect(409);
      expect(problemSchema.parse(stale.body).type).toMatch(/stale-version$/);
    });

    it('lets only admins delete a team, with everything in it', async () => {
      const doomed = await createTeam(testApp, workspace);
      await importFile(editor, workspace, doomed, { file: fixture('search-v3.json') });
      await editor.delete(`${teams()}/${doomed.slug}`).expect(403);
      const admin = await signIn(testApp, await createMember(testApp, workspace, 'admin'));
      await admin.delete(`${teams()}/${doomed.slug}`).expect(204);
      await admin.get(`${teams()}/${doomed.slug}`).expect(404);
      const [row] = await testApp.dataSource.query(
        `SELECT count(*)::int AS count FROM work_item WHERE team_id = $1`,
        [doomed.id],
      );
      expect(row.count).toBe(0);
    });
  });

  describe('members as capacity', () => {
    it('adds, lists, changes and removes members: a name and an allocation, nothing else', async () => {
      const members = `${teams()}/payments/members`;
      const ana = teamMemberSchema.parse(
        (await editor.post(members).send({ displayName: 'Ana', allocation: 0.5 }).expect(201)).body,
      );
      expect(Object.keys(ana).sort()).toEqual(['allocation', 'displayName', 'id', 'version']);
      await editor.post(members).send({ displayName: 'Ben' }).expect(201);
      await editor.post(members).send({ displayName: 'Cy', allocation: 1.5 }).expect(400);
      const page = teamMemberPageSchema.parse(
        (await editor.get(`${members}?limit=1`).expect(200)).body,
      );
      expect(page.items.map((member) => member.displayName)).toEqual(['Ana']);
      const next = teamMemberPageSchema.parse(
        (await editor.get(`${members}?limit=1&cursor=${page.nextCursor}`).expect(200)).body,
      );
      expect(next.items.map((member) => [member.displayName, member.allocation])).toEqual([
        ['Ben', 1],
      ]);
      const changed = teamMemberSchema.parse(
        (
          await editor
            .patch(`${members}/${ana.id}`)
            .send({ allocation: 0.8, version: 1 })
            .expect(200)
        ).body,
      );
      expect(changed).toMatchObject({ allocation: 0.8, version: 2 });
      await editor.patch(`${members}/${ana.id}`).send({ allocation: 0.7, version: 1 }).expect(409);
      const temp = teamMemberSchema.parse(
        (await editor.post(members).send({ displayName: 'Temp' }).expect(201)).body,
      );
      await editor.delete(`${members}/${temp.id}`).expect(204);
      await editor.delete(`${members}/${temp.id}`).expect(404);
    });
  });

  describe('sprints, availability and capacity', () => {
    const sprints = () => `${teams()}/payments/sprints`;

    it('creates sprints and pages them latest first', async () => {
      for (const [name, start, end] of [
        ['Sprint 1', '2024-03-04T08:00:00Z', '2024-03-15T17:00:00Z'],
        ['Sprint 2', '2024-03-18T08:00:00+01:00', '2024-03-29T17:00:00+01:00'],
      ] as const) {
        await editor
          .post(sprints())
          .send({ name, start, end, goal: `${name} goal` })
          .expect(201);
      }
      await editor.post(sprints()).send({ name: 'Someday' }).expect(201);
      const bad = await editor
        .post(sprints())
        .send({ name: 'Backwards', start: '2024-03-10T00:00:00Z', end: '2024-03-01T00:00:00Z' })
        .expect(400);
      expect(problemSchema.parse(bad.body).errors?.[0]?.path).toBe('end');
      const first = sprintPageSchema.parse(
        (await editor.get(`${sprints()}?limit=2`).expect(200)).body,
      );
      expect(first.items.map((sprint) => sprint.name)).toEqual(['Someday', 'Sprint 2']);
      const rest = sprintPageSchema.parse(
        (await editor.get(`${sprints()}?limit=2&cursor=${first.nextCursor}`).expect(200)).body,
      );
      expect(rest.items.map((sprint) => sprint.name)).toEqual(['Sprint 1']);
      expect(rest.items[0]).toMatchObject({ state: 'future', source: 'manual', externalId: null });
      expect(rest.nextCursor).toBeNull();
    });

    it('keeps availability per member and sprint, and plans capacity from it', async () => {
      const page = sprintPageSchema.parse((await editor.get(sprints()).expect(200)).body);
      const sprint1 = page.items.find((sprint) => sprint.name === 'Sprint 1');
      const sprint2 = page.items.find((sprint) => sprint.name === 'Sprint 2');
      const members = teamMemberPageSchema.parse(
        (await editor.get(`${teams()}/payments/members`).expect(200)).body,
      ).items;
      const [ana, ben] = members;
      const empty = sprintAvailabilitySchema.parse(
        (await editor.get(`${sprints()}/${sprint2?.id}/availability`).expect(200)).body,
      );
      expect(empty.members).toEqual([
        {
          memberId: ana?.id,
          displayName: 'Ana',
          defaultAllocation: 0.8,
          allocation: null,
          daysOff: [],
        },
        {
          memberId: ben?.id,
          displayName: 'Ben',
          defaultAllocation: 1,
          allocation: null,
          daysOff: [],
        },
      ]);
      // Sprint 2 (Berlin): Mon 03-18 … Fri 03-29, 10 working days. Ana 0.5 with two days off
      // (one on a Saturday, which does not count): 0.5 × 9; Ben 1 × 10 → 14.5 person-days.
      const saved = sprintAvailabilitySchema.parse(
        (
          await editor
            .put(`${sprints()}/${sprint2?.id}/availability`)
            .send({
              version: empty.version,
              members: [
                { memberId: ana?.id, allocation: 0.5, daysOff: ['2024-03-22', '2024-03-23'] },
              ],
            })
            .expect(200)
        ).body,
      );
      expect(saved.members[0]).toMatchObject({
        allocation: 0.5,
        daysOff: ['2024-03-22', '2024-03-23'],
      });
      const unknown = await editor
        .put(`${sprints()}/${sprint2?.id}/availability`)
        .send({ version: saved.version, members: [{ memberId: sprint1?.id, daysOff: [] }] })
        .expect(400);
      expect(problemSchema.parse(unknown.body).errors?.[0]?.path).toBe('members.0.memberId');

      const sprint1Latest = sprintSchema.parse(
        (await editor.get(`${sprints()}/${sprint1?.id}`).expect(200)).body,
      );
      await editor
        .patch(`${sprints()}/${sprint1?.id}`)
        .send({
          state: 'closed',
          completedAt: '2024-03-15T16:00:00Z',
          version: sprint1Latest.version,
        })
        .expect(200);
      const capacity = capacitySchema.parse(
        (await editor.get(`${teams()}/payments/capacity?sprint=${sprint2?.id}`).expect(200)).body,
      );
      expect(capacity).toMatchObject({
        start: '2024-03-18',
        end: '2024-03-29',
        workingDays: 10,
        availablePersonDays: 14.5,
        // Sprint 1 completed nothing (no work items): a rate of 0 points per person-day.
        pointsPerPersonDay: 0,
        forecast: { low: 0, expected: 0, high: 0 },
      });
      expect(
        capacity.members.map((member) => [member.displayName, member.availablePersonDays]),
      ).toEqual([
        ['Ana', 4.5],
        ['Ben', 10],
      ]);
      // Sprint 1: 03-04 … 03-15, 10 working days; Ana 0.8 + Ben 1 → 18 person-days.
      expect(capacity.history).toEqual([
        { sprintId: sprint1?.id, name: 'Sprint 1', completed: 0, availablePersonDays: 18 },
      ]);
    });

    it('keeps a closed sprint’s person-days in the capacity history when a member joins, leaves or changes default allocation', async () => {
      const team = await createTeam(testApp, workspace);
      const teamPath = `${teams()}/${team.slug}`;
      const addMember = async (displayName: string, allocation: number) =>
        teamMemberSchema.parse(
          (await editor.post(`${teamPath}/members`).send({ displayName, allocation }).expect(201))
            .body,
        );
      const ana = await addMember('Ana', 0.8);
      const ben = await addMember('Ben', 1);
      const createSprint = async (name: string, start: string, end: string) =>
        sprintSchema.parse(
          (await editor.post(`${teamPath}/sprints`).send({ name, start, end }).expect(201)).body,
        );
      const sprint1 = await createSprint(
        'Sprint 1',
        '2024-03-04T08:00:00Z',
        '2024-03-15T17:00:00Z',
      );
      const sprint2 = await createSprint(
        'Sprint 2',
        '2024-03-18T08:00:00Z',
        '2024-03-29T17:00:00Z',
      );
      const availabilityOf = async (sprintId: string) =>
        sprintAvailabilitySchema.parse(
          (await editor.get(`${teamPath}/sprints/${sprintId}/availability`).expect(200)).body,
        );
      // Sprint 1: 10 working days; Ana at her default 0.8 (sent as null, as the web does) and
      // Ben 1 with a day off → 8 + 9 = 17 person-days.
      await editor
        .put(`${teamPath}/sprints/${sprint1.id}/availability`)
        .send({
          version: (await availabilityOf(sprint1.id)).version,
          members: [
            { memberId: ana.id, allocation: null },
            { memberId: ben.id, daysOff: ['2024-03-06'] },
          ],
        })
        .expect(200);
      await editor
        .patch(`${teamPath}/sprints/${sprint1.id}`)
        .send({ state: 'closed', completedAt: '2024-03-15T16:00:00Z', version: sprint1.version })
        .expect(200);
      const historyOf = async () =>
        capacitySchema.parse(
          (await editor.get(`${teamPath}/capacity?sprint=${sprint2.id}`).expect(200)).body,
        ).history;
      expect(await historyOf()).toEqual([
        { sprintId: sprint1.id, name: 'Sprint 1', completed: 0, availablePersonDays: 17 },
      ]);

      const cy = await addMember('Cy', 1);
      await editor
        .patch(`${teamPath}/members/${ana.id}`)
        .send({ allocation: 0.5, version: ana.version })
        .expect(200);
      await editor.delete(`${teamPath}/members/${ben.id}`).expect(204);

      expect(await historyOf()).toEqual([
        { sprintId: sprint1.id, name: 'Sprint 1', completed: 0, availablePersonDays: 17 },
      ]);
      // The closed sprint lists whom it closed with, Ben's day off included; the sprint being
      // planned and the team list today's members.
      expect((await availabilityOf(sprint1.id)).members).toEqual([
        {
          memberId: ana.id,
          displayName: 'Ana',
          defaultAllocation: 0.8,
          allocation: null,
          daysOff: [],
        },
        {
          memberId: ben.id,
          displayName: 'Ben',
          defaultAllocation: 1,
          allocation: null,
          daysOff: ['2024-03-06'],
        },
      ]);
      expect(
        (await availabilityOf(sprint2.id)).members.map((member) => [
          member.displayName,
          member.defaultAllocation,
        ]),
      ).toEqual([
        ['Ana', 0.5],
        ['Cy', 1],
      ]);
      const members = teamMemberPageSchema.parse(
        (await editor.get(`${teamPath}/members`).expect(200)).body,
      );
      expect(members.items.map((member) => member.displayName)).toEqual(['Ana', 'Cy']);
      await editor.delete(`${teamPath}/members/${ben.id}`).expect(404);
      const notMember = await editor
        .put(`${teamPath}/sprints/${sprint2.id}/availability`)
        .send({
          version: (await availabilityOf(sprint2.id)).version,
          members: [{ memberId: ben.id, daysOff: [] }],
        })
        .expect(400);
      expect(problemSchema.parse(notMember.body).errors?.[0]?.path).toBe('members.0.memberId');
      // Cy joined after Sprint 1 closed: correcting its history cannot add him.
      const frozen = await availabilityOf(sprint1.id);
      const late = await editor
        .put(`${teamPath}/sprints/${sprint1.id}/availability`)
        .send({ version: frozen.version, members: [{ memberId: cy.id, daysOff: [] }] })
        .expect(400);
      expect(problemSchema.parse(late.body).errors?.[0]?.path).toBe('members.0.memberId');
      // A correction of the closed sprint keeps its roster: Ben not listed is back to his
      // default of then (1) without the day off → Ana 0.8 × 10 with a day off 7.2 + Ben 10.
      await editor
        .put(`${teamPath}/sprints/${sprint1.id}/availability`)
        .send({ version: frozen.version, members: [{ memberId: ana.id, daysOff: ['2024-03-05'] }] })
        .expect(200);
      expect(await historyOf()).toEqual([
        { sprintId: sprint1.id, name: 'Sprint 1', completed: 0, availablePersonDays: 17.2 },
      ]);
    });

    it('freezes a sprint’s roster when it closes, thaws it when it reopens, and leaves a sprint entered closed following the team', async () => {
      const team = await createTeam(testApp, workspace);
      const teamPath = `${teams()}/${team.slug}`;
      const addMember = (displayName: string) =>
        editor.post(`${teamPath}/members`).send({ displayName }).expect(201);
      const rosterOf = async (sprintId: string) =>
        sprintAvailabilitySchema
          .parse(
            (await editor.get(`${teamPath}/sprints/${sprintId}/availability`).expect(200)).body,
          )
          .members.map((member) => member.displayName);
      const patch = async (sprintId: string, body: object) =>
        sprintSchema.parse(
          (await editor.patch(`${teamPath}/sprints/${sprintId}`).send(body).expect(200)).body,
        );
      await addMember('Ana');
      const sprint = sprintSchema.parse(
        (
          await editor
            .post(`${teamPath}/sprints`)
            .send({ name: 'S', start: '2024-03-04T08:00:00Z', end: '2024-03-15T17:00:00Z' })
            .expect(201)
        ).body,
      );
      const backfilled = sprintSchema.parse(
        (
          await editor
            .post(`${teamPath}/sprints`)
            .send({
              name: 'Before Bearing',
              start: '2024-02-19T08:00:00Z',
              end: '2024-03-01T17:00:00Z',
              state: 'closed',
            })
            .expect(201)
        ).body,
      );
      const closed = await patch(sprint.id, { state: 'closed', version: sprint.version });
      await addMember('Ben');
      expect(await rosterOf(sprint.id)).toEqual(['Ana']);
      // Entered already closed: no roster was known, so it follows the team.
      expect(await rosterOf(backfilled.id)).toEqual(['Ana', 'Ben']);

      const reopened = await patch(sprint.id, { state: 'active', version: closed.version });
      expect(await rosterOf(sprint.id)).toEqual(['Ana', 'Ben']);
      await patch(sprint.id, { state: 'closed', version: reopened.version });
      await addMember('Cy');
      expect(await rosterOf(sprint.id)).toEqual(['Ana', 'Ben']);
    });

    it('refuses a PUT of availability with a stale version with a 409 naming version, and changes nothing', async () => {
      const team = await createTeam(testApp, workspace);
      const teamPath = `${teams()}/${team.slug}`;
      const member = teamMemberSchema.parse(
        (await editor.post(`${teamPath}/members`).send({ displayName: 'Ana' }).expect(201)).body,
      );
      const other = teamMemberSchema.parse(
        (await editor.post(`${teamPath}/members`).send({ displayName: 'Ben' }).expect(201)).body,
      );
      const sprint = sprintSchema.parse(
        (
          await editor
            .post(`${teamPath}/sprints`)
            .send({ name: 'Next', start: '2024-03-18T08:00:00Z', end: '2024-03-29T17:00:00Z' })
            .expect(201)
        ).body,
      );
      const path = `${teamPath}/sprints/${sprint.id}/availability`;
      const read = sprintAvailabilitySchema.parse((await editor.get(path).expect(200)).body);
      // Lead A saves Ana's days off; lead B, still on the version both read, saves Ben's share.
      const first = sprintAvailabilitySchema.parse(
        (
          await editor
            .put(path)
            .send({
              version: read.version,
              members: [{ memberId: member.id, daysOff: ['2024-03-19', '2024-03-20'] }],
            })
            .expect(200)
        ).body,
      );
      expect(first.version).toBe(read.version + 1);
      const stale = await editor
        .put(path)
        .send({ version: read.version, members: [{ memberId: other.id, allocation: 0.5 }] })
        .expect(409);
      const problem = problemSchema.parse(stale.body);
      expect(problem.type).toMatch(/stale-version$/);
      expect(problem.errors?.map((error) => error.path)).toEqual(['version']);
      expect(sprintAvailabilitySchema.parse((await editor.get(path).expect(200)).body)).toEqual(
        first,
      );
      const missing = await editor
        .put(path)
        .send({ members: [{ memberId: other.id, allocation: 0.5 }] })
        .expect(400);
      expect(problemSchema.parse(missing.body).errors?.map((error) => error.path)).toEqual([
        'version',
      ]);
    });

    it('refuses a sprint date or a holiday outside years 0001–9999 with a 400 naming the field', async () => {
      const team = await createTeam(testApp, workspace);
      const teamPath = `${teams()}/${team.slug}`;
      const day = 'must be a calendar date from 0001-01-01 to 9999-12-31';
      const moment = 'must be a moment from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z in UTC';
      const errors = (body: unknown) => problemSchema.parse(body).errors;
      const before = await countRows(testApp);

      const holiday = await editor
        .patch(teamPath)
        .send({
          calendar: { nonWorkingWeekdays: [0, 6], holidays: ['2024-12-25', '0000-12-25'] },
          version: 1,
        })
        .expect(400);
      expect(errors(holiday.body)).toEqual([{ path: 'calendar.holidays.1', message: day }]);
      const newTeam = await editor
        .post(teams())
        .send({
          name: 'Year zero',
          slug: 'year-zero',
          calendar: { nonWorkingWeekdays: [], holidays: ['0000-01-01'] },
        })
        .expect(400);
      expect(errors(newTeam.body)).toEqual([{ path: 'calendar.holidays.0', message: day }]);

      const created = await editor
        .post(`${teamPath}/sprints`)
        .send({
          name: 'Out of range',
          start: '0000-06-01T08:00:00Z',
          // Year 10000 once in UTC.
          end: '9999-12-31T23:00:00-05:00',
        })
        .expect(400);
      expect(errors(created.body)).toEqual([
        { path: 'start', message: moment },
        { path: 'end', message: moment },
      ]);
      expect(await countRows(testApp)).toEqual(before);

      const sprint = sprintSchema.parse(
        (
          await editor
            .post(`${teamPath}/sprints`)
            .send({ name: 'In range', start: '2024-03-18T08:00:00Z', end: '2024-03-29T17:00:00Z' })
            .expect(201)
        ).body,
      );
      const edited = await editor
        .patch(`${teamPath}/sprints/${sprint.id}`)
        .send({ completedAt: '0000-12-31T00:00:00+01:00', version: sprint.version })
        .expect(400);
      expect(errors(edited.body)).toEqual([{ path: 'completedAt', message: moment }]);
      const member = teamMemberSchema.parse(
        (await editor.post(`${teamPath}/members`).send({ displayName: 'Ana' }).expect(201)).body,
      );
      const daysOff = await editor
        .put(`${teamPath}/sprints/${sprint.id}/availability`)
        .send({ version: 1, members: [{ memberId: member.id, daysOff: ['0000-03-19'] }] })
        .expect(400);
      expect(errors(daysOff.body)).toEqual([{ path: 'members.0.daysOff.0', message: day }]);
      const aging = await editor.get(`${teamPath}/flow/aging?asOf=0000-01-01`).expect(400);
      expect(errors(aging.body)).toEqual([{ path: 'asOf', message: day }]);
      // The bounds themselves are fine.
      await editor
        .patch(`${teamPath}/sprints/${sprint.id}`)
        .send({ end: '9999-12-31T23:59:59Z', version: sprint.version })
        .expect(200);
      expect(
        teamSchema.parse(
          (
            await editor
              .patch(teamPath)
              .send({
                calendar: { nonWorkingWeekdays: [0, 6], holidays: ['0001-01-01', '9999-12-31'] },
                version: 1,
              })
              .expect(200)
          ).body,
        ).calendar.holidays,
      ).toEqual(['0001-01-01', '9999-12-31']);
    });

    it('answers 409 for the burndown of a sprint without dates', async () => {
      const page = sprintPageSchema.parse((await editor.get(sprints()).expect(200)).body);
      const someday = page.items.find((sprint) => sprint.name === 'Someday');
      const response = await editor.get(`${sprints()}/${someday?.id}/burndown`).expect(409);
      expect(problemSchema.parse(response.body).type).toMatch(/sprint-undated$/);
    });

    it('deletes a sprint with the items’ membership changes that name it, and no others', async () => {
      const team = await createTeam(testApp, workspace);
      await importFile(editor, workspace, team, { file: fixture('search-v3.json') });
      // Sprint changes have no foreign key to their sprint: the deletion must take them along.
      const changesOf = async (sprintId: string): Promise<number> => {
        const [row]: { count: number }[] = await testApp.dataSource.query(
          `SELECT count(*)::int AS count FROM work_item_sprint_change WHERE sprint_id = $1`,
          [sprintId],
        );
        return row?.count ?? 0;
      };
      const withChanges: { id: string }[] = await testApp.dataSource.query(
        `SELECT sprint.id FROM sprint
          WHERE sprint.team_id = $1
            AND EXISTS (SELECT 1 FROM work_item_sprint_change change WHERE change.sprint_id = sprint.id)
          ORDER BY sprint.name`,
        [team.id],
      );
      const [doomed, kept] = withChanges;
      if (!doomed || !kept)
        throw new Error('the fixture has two sprints items moved in and out of');
      const keptChanges = await changesOf(kept.id);

      await editor.delete(`${teams()}/${team.slug}/sprints/${doomed.id}`).expect(204);

      expect(await changesOf(doomed.id)).toBe(0);
      expect(await changesOf(kept.id)).toBe(keptChanges);
      expect(keptChanges).toBeGreaterThan(0);
    });
  });

  describe('forecasts', () => {
    it('gives the same forecast for the same request, from the sample window asked', async () => {
      const team = await createTeam(testApp, workspace, { timeZone: 'Europe/Berlin' });
      await importFile(editor, workspace, team, { file: fixture('search-v3.json') });
      const when = `${teams()}/${team.slug}/forecast/when?remaining=5&sampleFrom=2024-03-04&sampleTo=2024-03-15`;
      const first = forecastWhenSchema.parse((await editor.get(when).expect(200)).body);
      const second = forecastWhenSchema.parse((await editor.get(when).expect(200)).body);
      expect(second).toEqual(first);
      if (first.insufficientHistory) throw new Error('the sample window has finished items');
      expect(first).toMatchObject({
        sampleFrom: '2024-03-04',
        sampleTo: '2024-03-15',
        trials: 10000,
        remaining: 5,
      });
      // 3 items finished in 12 days: five items take well over a week in most trials.
      expect(first.p50).toBeGreaterThan(7);
      expect(first.p50).toBeLessThanOrEqual(first.p85 as number);
      const howMany = forecastHowManySchema.parse(
        (
          await editor
            .get(
              `${teams()}/${team.slug}/forecast/how-many?days=12&sampleFrom=2024-03-04&sampleTo=2024-03-15`,
            )
            .expect(200)
        ).body,
      );
      if (howMany.insufficientHistory) throw new Error('the sample window has finished items');
      expect(howMany.p50).toBeGreaterThanOrEqual(howMany.p85);
      expect(howMany.p85).toBeGreaterThanOrEqual(howMany.p95);
    });

    it('answers a window that finished nothing with insufficient history, not an error', async () => {
      const team = await createTeam(testApp, workspace, { timeZone: 'Europe/Berlin' });
      await importFile(editor, workspace, team, { file: fixture('search-v3.json') });
      const window = 'sampleFrom=2020-01-01&sampleTo=2020-01-31';
      for (const question of ['when?remaining=5', 'how-many?days=14']) {
        const answer = await editor
          .get(`${teams()}/${team.slug}/forecast/${question}&${window}`)
          .expect(200);
        const parsed = (
          question.startsWith('when') ? forecastWhenSchema : forecastHowManySchema
        ).parse(answer.body);
        expect(parsed).toEqual({
          insufficientHistory: true,
          sampleFrom: '2020-01-01',
          sampleTo: '2020-01-31',
          reason: expect.stringContaining('No item was finished from 2020-01-01 to 2020-01-31'),
        });
      }
      // A team with nothing imported at all: the default window (the last 90 days) is empty too.
      const fresh = await createTeam(testApp, workspace, { timeZone: 'UTC' });
      const none = forecastWhenSchema.parse(
        (await editor.get(`${teams()}/${fresh.slug}/forecast/when?remaining=3`).expect(200)).body,
      );
      expect(none.insufficientHistory).toBe(true);
    });
  });
});
