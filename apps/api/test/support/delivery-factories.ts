import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import {
  DEFAULT_TEAM_CALENDAR,
  type ImportJob,
  importJobSchema,
  type TeamCalendar,
  type TeamWorkflow,
} from '@bearing/contracts';
import type { Test } from 'supertest';
import { SprintAvailability } from '../../src/sprints/sprint-availability.entity.js';
import { TeamMember } from '../../src/teams/team-member.entity.js';
import { Team } from '../../src/teams/team.entity.js';
import type { Browser, TestWorkspace } from './factories.js';
import type { TestApp } from './test-app.js';

/** Builders for teams and imports; what a test is about goes through HTTP. */

export type TestTeam = { id: string; slug: string; name: string; timeZone: string };

/** Backlog → In Progress → Review → Done, the shape of the fixtures' Jira workflow. */
export const FIXTURE_WORKFLOW: TeamWorkflow = {
  stages: [
    { name: 'Backlog', statuses: ['To Do'] },
    { name: 'In Progress', statuses: ['In Progress'] },
    { name: 'Review', statuses: ['In Review'] },
    { name: 'Done', statuses: ['Done'] },
  ],
  committedStage: 'In Progress',
  doneStage: 'Done',
};

export async function createTeam(
  { dataSource }: TestApp,
  workspace: TestWorkspace,
  overrides: {
    name?: string;
    timeZone?: string;
    calendar?: TeamCalendar;
    workflow?: TeamWorkflow;
  } = {},
): Promise<TestTeam> {
  const slug = `team-${randomUUID().slice(0, 8)}`;
  const team = await dataSource.getRepository(Team).save({
    workspaceId: workspace.id,
    name: overrides.name ?? `Team ${slug}`,
    slug,
    timeZone: overrides.timeZone ?? 'UTC',
    calendar: overrides.calendar ?? DEFAULT_TEAM_CALENDAR,
    workflow: overrides.workflow ?? FIXTURE_WORKFLOW,
  });
  return { id: team.id, slug: team.slug, name: team.name, timeZone: team.timeZone };
}

export function fixture(name: string): Buffer {
  return readFileSync(new URL(`../fixtures/jira/${name}`, import.meta.url));
}

export type UploadOptions = {
  file?: Buffer;
  fileName?: string;
  format?: string;
  dryRun?: boolean;
  mapping?: object | string;
};

/** `POST …/teams/:team/imports` as a browser's form would send it. */
export function uploadImport(
  agent: Browser,
  workspace: TestWorkspace,
  team: TestTeam,
  { file, fileName = 'export.json', format = 'jira-json', dryRun, mapping }: UploadOptions,
): Test {
  let request = agent
    .post(`/api/workspaces/${workspace.slug}/teams/${team.slug}/imports`)
    .field('format', format);
  if (dryRun !== undefined) request = request.field('dryRun', String(dryRun));
  if (mapping !== undefined) {
    request = request.field(
      'mapping',
      typeof mapping === 'string' ? mapping : JSON.stringify(mapping),
    );
  }
  if (file !== undefined) request = request.attach('file', file, fileName);
  return request;
}

/** Polls `GET …/imports/:id` until the job has ended (no longer queued or running). */
export async function waitForImport(
  agent: Browser,
  workspace: TestWorkspace,
  id: string,
): Promise<ImportJob> {
  // Generous: a queue worker picks the job up within a second or two, slower on a loaded machine.
  const deadline = Date.now() + 90_000;
  for (;;) {
    const response = await agent.get(`/api/workspaces/${workspace.slug}/imports/${id}`).expect(200);
    const job = importJobSchema.parse(response.body);
    if (job.status !== 'queued' && job.status !== 'running') return job;
    if (Date.now() > deadline) throw new Error(`import ${id} still ${job.status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Uploads, expects 202 and waits for the job to end. */
export async function importFile(
  agent: Browser,
  workspace: TestWorkspace,
  team: TestTeam,
  options: UploadOptions,
): Promise<ImportJob> {
  const response = await uploadImport(agent, workspace, team, { ...options, dryRun: false });
  if (response.status !== 202) {
    throw new Error(`import answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return waitForImport(agent, workspace, importJobSchema.parse(response.body).id);
}

/** Rows of every table the delivery features write. */
export const DELIVERY_TABLES = [
  'team',
  'team_member',
  'sprint',
  'sprint_availability',
  'work_item',
  'work_item_status_change',
  'work_item_sprint_change',
  'work_item_estimate_change',
  'work_item_sprint',
  'import_job',
];

export async function countDeliveryRows({ dataSource }: TestApp): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of DELIVERY_TABLES) {
    const [row] = await dataSource.query(`SELECT count(*)::int AS count FROM "${table}"`);
    counts[table] = row.count;
  }
  return counts;
}

export type DeliveryRecords = {
  team: TestTeam;
  member: string;
  sprint: string;
  workItem: string;
  importJob: string;
};

/**
 * A team with a member, a sprint with availability and imported work items — one record of
 * each kind the delivery routes take an id of (for the cross-tenant sweep).
 */
export async function createDeliveryRecords(
  testApp: TestApp,
  workspace: TestWorkspace,
  admin: Browser,
): Promise<DeliveryRecords> {
  const team = await createTeam(testApp, workspace);
  const member = await testApp.dataSource
    .getRepository(TeamMember)
    .save({ teamId: team.id, displayName: 'Capacity', allocation: 1 });
  const job = await importFile(admin, workspace, team, { file: fixture('search-v3.json') });
  const [sprint]: { id: string }[] = await testApp.dataSource.query(
    `SELECT id FROM sprint WHERE team_id = $1 AND starts_at IS NOT NULL`,
    [team.id],
  );
  const [workItem]: { id: string }[] = await testApp.dataSource.query(
    `SELECT id FROM work_item WHERE team_id = $1 LIMIT 1`,
    [team.id],
  );
  if (!sprint || !workItem) throw new Error('the fixture import stored no sprint or item');
  await testApp.dataSource
    .getRepository(SprintAvailability)
    .save({ sprintId: sprint.id, memberId: member.id, allocation: 0.5, daysOff: ['2024-03-05'] });
  return { team, member: member.id, sprint: sprint.id, workItem: workItem.id, importJob: job.id };
}

/** What a write to a workspace's delivery records would change: versions and availability. */
export async function deliveryRecordVersions(
  { dataSource }: TestApp,
  workspace: TestWorkspace,
): Promise<unknown[]> {
  return dataSource.query(
    `SELECT 'team' AS kind, team.id::text, team.version::text AS state FROM team WHERE team.workspace_id = $1
     UNION ALL
     SELECT 'member', member.id::text, member.version::text FROM team_member member
       JOIN team ON team.id = member.team_id WHERE team.workspace_id = $1
     UNION ALL
     SELECT 'sprint', sprint.id::text, sprint.version::text FROM sprint
       JOIN team ON team.id = sprint.team_id WHERE team.workspace_id = $1
     UNION ALL
     SELECT 'availability', availability.sprint_id::text, availability.allocation::text || availability.days_off::text
       FROM sprint_availability availability
       JOIN sprint ON sprint.id = availability.sprint_id
       JOIN team ON team.id = sprint.team_id WHERE team.workspace_id = $1
     UNION ALL
     SELECT 'job', job.id::text, job.status FROM import_job job WHERE job.workspace_id = $1
     ORDER BY 1, 2`,
    [workspace.id],
  );
}
