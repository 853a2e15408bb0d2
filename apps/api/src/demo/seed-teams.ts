import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import {
  createTeamMemberRequestSchema,
  createTeamRequestSchema,
  putSprintAvailabilityRequestSchema,
  type ImportJob as ImportJobResponse,
} from '@bearing/contracts';
import { addDays, isWorkingDay, weekdayOf } from '@bearing/metrics';
import { DataSource } from 'typeorm';
import { reloadImportJob } from '../imports/import-job.repository.js';
import { ImportsService } from '../imports/imports.service.js';
import { AvailabilityService } from '../sprints/availability.service.js';
import { SprintsService } from '../sprints/sprints.service.js';
import { TeamMembersService } from '../teams/team-members.service.js';
import { TeamsService } from '../teams/teams.service.js';
import { checkpoint, type DemoContext, demoStep, validRequest } from './demo-context.js';
import { DEMO_TEAMS, type DemoTeamPlan } from './demo-plan.js';
import { type GeneratedSprint, generateJiraHistory } from './jira-history.js';
import type { Prng } from './prng.js';

export type SeededTeam = { id: string; slug: string; name: string };

/** How many recent sprints (and the next one) get planned days off. */
const SPRINTS_WITH_PTO = 8;
const IMPORT_POLL_MS = 50;

/**
 * The five teams: created with their calendars (weekends and public holidays), members as
 * capacity, two years of work-item history through the Jira importer, and days off in the
 * recent and next sprints.
 */
export async function seedTeams(context: DemoContext): Promise<SeededTeam[]> {
  const teams: SeededTeam[] = [];
  const histories: (() => Promise<void>)[] = [];
  for (const [index, plan] of DEMO_TEAMS.entries()) {
    checkpoint(context);
    const rng = context.rng.fork(`team:${plan.slug}`);
    const team = await demoStep(`team ${plan.slug}`, () =>
      context.app.get(TeamsService).create(
        context.workspaceId,
        context.actor,
        validRequest(
          createTeamRequestSchema,
          {
            name: plan.name,
            slug: plan.slug,
            timeZone: plan.timeZone,
            calendar: { nonWorkingWeekdays: [0, 6], holidays: holidaysOf(plan, context.today) },
          },
          `team ${plan.slug}`,
        ),
      ),
    );
    const memberIds: string[] = [];
    for (const member of plan.members) {
      const added = await demoStep(`member ${member.displayName}`, () =>
        context.app
          .get(TeamMembersService)
          .add(
            context.workspaceId,
            context.actor,
            team.slug,
            validRequest(createTeamMemberRequestSchema, member, `member ${member.displayName}`),
          ),
      );
      memberIds.push(added.id);
    }
    histories.push(async () => {
      const history = generateJiraHistory(plan, index, context.today, rng.fork('jira'));
      await importHistory(context, plan, history.pages);
      checkpoint(context);
      await planDaysOff(context, team.slug, memberIds, history.sprints, rng.fork('pto'));
    });
    teams.push({ id: team.id, slug: team.slug, name: team.name });
  }
  // One team at a time: reading an export is CPU work on the worker pool, so running the five
  // side by side gains little on a small machine, and a stop request (Ctrl-C during the first
  // start) is noticed between two teams instead of after all five.
  for (const history of histories) {
    checkpoint(context);
    await history();
  }
  return teams;
}

/**
 * Uploads the generated search pages as a file, exactly as the import wizard does, and waits
 * for the import job to finish; a failed job stops the seeding with the importer's problems.
 */
async function importHistory(
  context: DemoContext,
  plan: DemoTeamPlan,
  pages: object[],
): Promise<void> {
  const file = path.join(tmpdir(), `bearing-demo-${randomUUID()}.json`);
  const text = JSON.stringify(pages);
  await writeFile(file, text, { mode: 0o600 });
  let job: ImportJobResponse;
  try {
    const started = await demoStep(`import of ${plan.slug}`, () =>
      context.app.get(ImportsService).start(context.workspaceId, context.actor, plan.slug, {
        file: {
          fieldname: 'file',
          originalname: `${plan.project.toLowerCase()}-search-jql.json`,
          mimetype: 'application/json',
          path: file,
          size: Buffer.byteLength(text),
        },
        fields: {
          format: 'jira-json',
          mapping: JSON.stringify({ storyPointsField: 'Story Points' }),
        },
      }),
    );
    if (started.dryRun) throw new Error('demo import ran as a dry run');
    job = started;
  } finally {
    // The import has read (and stored) the file by now, or failed: either way it is done with it.
    await rm(file, { force: true }).catch(() => undefined);
  }
  const manager = context.app.get(DataSource).manager;
  for (;;) {
    const row = await reloadImportJob(manager, context.workspaceId, job.id);
    if (row.status === 'completed') return;
    if (row.status === 'failed') {
      const problems = (row.result?.problems ?? []).map((problem) => problem.message).join('; ');
      throw new Error(`demo import of ${plan.slug} failed: ${problems}`);
    }
    // A stop request need not wait for the import: the queue keeps the job, and the next start
    // rebuilds the unfinished demo workspace anyway.
    checkpoint(context);
    await new Promise((resolve) => setTimeout(resolve, IMPORT_POLL_MS));
  }
}

/** Days off (holidays, a sick day, a conference) and part-time weeks in recent sprints. */
async function planDaysOff(
  context: DemoContext,
  teamSlug: string,
  memberIds: string[],
  generated: GeneratedSprint[],
  rng: Prng,
): Promise<void> {
  const stored = await context.app
    .get(SprintsService)
    .list(context.workspaceId, teamSlug, { limit: 200, cursor: undefined });
  const idOf = new Map(stored.items.map((sprint) => [sprint.externalId, sprint.id]));
  for (const sprint of generated.slice(-SPRINTS_WITH_PTO)) {
    const sprintId = idOf.get(sprint.id);
    if (!sprintId) continue;
    const workdays = Array.from({ length: 12 }, (_, offset) =>
      addDays(sprint.startDay, offset),
    ).filter((day) => isWorkingDay(day));
    const members = memberIds.flatMap((memberId) => {
      if (!rng.chance(0.35)) return [];
      const first = rng.int(0, workdays.length - 1);
      const length = rng.pick([1, 1, 2, 3, 5]);
      return [
        {
          memberId,
          allocation: rng.chance(0.15) ? 0.5 : null,
          daysOff: workdays.slice(first, first + length),
        },
      ];
    });
    await demoStep(`availability in ${sprint.name}`, async () => {
      const availability = context.app.get(AvailabilityService);
      const { version } = await availability.get(context.workspaceId, teamSlug, sprintId);
      return availability.put(
        context.workspaceId,
        context.actor,
        teamSlug,
        sprintId,
        validRequest(
          putSprintAvailabilityRequestSchema,
          { version, members },
          `availability in ${sprint.name}`,
        ),
      );
    });
  }
}

/** Public holidays of the team's country, for the two years of history and the year ahead. */
function holidaysOf(plan: DemoTeamPlan, today: string): string[] {
  const year = Number(today.slice(0, 4));
  const days = new Set<string>();
  for (let y = year - 2; y <= year + 1; y++) {
    days.add(`${y}-01-01`);
    days.add(`${y}-12-25`);
    days.add(`${y}-12-26`);
    if (plan.timeZone === 'Europe/Stockholm') {
      days.add(`${y}-01-06`);
      days.add(`${y}-05-01`);
      days.add(`${y}-06-06`);
      days.add(midsummerEve(y));
      days.add(`${y}-12-24`);
    } else if (plan.timeZone === 'America/New_York') {
      days.add(`${y}-07-04`);
      days.add(thanksgiving(y));
      days.add(`${y}-05-${String(lastMondayOfMay(y)).padStart(2, '0')}`);
    } else {
      days.add(`${y}-05-01`);
    }
  }
  return [...days].sort();
}

/** The Friday between 19 and 25 June. */
function midsummerEve(year: number): string {
  for (let day = 19; day <= 25; day++) {
    const date = `${year}-06-${day}`;
    if (weekdayOf(date) === 5) return date;
  }
  return `${year}-06-19`;
}

/** The fourth Thursday of November. */
function thanksgiving(year: number): string {
  const first = weekdayOf(`${year}-11-01`);
  const day = 1 + ((4 - first + 7) % 7) + 21;
  return `${year}-11-${String(day).padStart(2, '0')}`;
}

function lastMondayOfMay(year: number): number {
  const last = weekdayOf(`${year}-05-31`);
  return 31 - ((last - 1 + 7) % 7);
}
