import { jest } from '@jest/globals';
import { ClockService } from '../../src/common/clock/clock.service.js';
import { ProgramDependency } from '../../src/programs/dependencies/program-dependency.entity.js';
import { Milestone } from '../../src/programs/milestones/milestone.entity.js';
import { Program } from '../../src/programs/program.entity.js';
import { RaidItem } from '../../src/programs/raid/raid-item.entity.js';
import { StatusReport } from '../../src/status-reports/status-report.entity.js';
import type { TestUser, TestWorkspace } from './factories.js';
import type { TestApp } from './test-app.js';

/**
 * Builders for programs, milestones, RAID items and dependencies, written straight to the
 * database (set-up, not the subject of a test), plus a pinned clock and a stand-in for the
 * records of features programs link to.
 */

export type TestProgram = { id: string; name: string };

let sequence = 0;
const unique = (stem: string) => `${stem} ${++sequence}`;

export const programsPath = (workspace: TestWorkspace) =>
  `/api/workspaces/${workspace.slug}/programs`;
export const programPath = (workspace: TestWorkspace, program: TestProgram) =>
  `${programsPath(workspace)}/${program.id}`;

export async function insertProgram(
  { dataSource }: TestApp,
  workspace: TestWorkspace,
  owner: TestUser,
  overrides: Partial<Pick<Program, 'name' | 'start' | 'end' | 'health' | 'healthReason'>> = {},
): Promise<TestProgram> {
  const programs = dataSource.getRepository(Program);
  const program = await programs.save(
    programs.create({
      workspaceId: workspace.id,
      name: unique('Program'),
      description: '',
      ownerUserId: owner.id,
      start: '2026-01-05',
      end: null,
      health: 'on-track',
      healthReason: null,
      ...overrides,
    }),
  );
  return { id: program.id, name: program.name };
}

export async function insertMilestone(
  { dataSource }: TestApp,
  workspace: TestWorkspace,
  program: TestProgram,
  baselineDate = '2026-03-02',
): Promise<{ id: string }> {
  const milestone = await dataSource.getRepository(Milestone).save({
    workspaceId: workspace.id,
    programId: program.id,
    name: unique('Milestone'),
    baselineDate,
    currentDate: baselineDate,
    completedAt: null,
  });
  return { id: milestone.id };
}

export async function insertRaidItem(
  { dataSource }: TestApp,
  workspace: TestWorkspace,
  program: TestProgram,
): Promise<{ id: string }> {
  const item = await dataSource.getRepository(RaidItem).save({
    workspaceId: workspace.id,
    programId: program.id,
    kind: 'risk',
    title: unique('Risk'),
    probability: 2,
    impact: 3,
    ownerUserId: null,
    mitigation: '',
    status: 'open',
    dueDate: null,
  });
  return { id: item.id };
}

export async function insertDependency(
  { dataSource }: TestApp,
  workspace: TestWorkspace,
  program: TestProgram,
  to: TestProgram,
): Promise<{ id: string }> {
  const dependency = await dataSource.getRepository(ProgramDependency).save({
    workspaceId: workspace.id,
    programId: program.id,
    fromKind: 'program',
    fromId: program.id,
    toKind: 'program',
    toId: to.id,
    description: unique('Dependency'),
    needBy: '2026-04-01',
    status: 'open',
  });
  return { id: dependency.id };
}

/**
 * A draft status report whose snapshot has no data (every section unavailable): enough for
 * tests about who may reach a report, not about what it says.
 */
export async function insertDraftReport(
  { dataSource }: TestApp,
  workspace: TestWorkspace,
  program: TestProgram,
  author: TestUser,
  week = '2026-03-09',
): Promise<{ id: string }> {
  const unavailable = { status: 'unavailable' as const, reason: 'Not collected in this test.' };
  const report = await dataSource.getRepository(StatusReport).save({
    workspaceId: workspace.id,
    programId: program.id,
    week,
    state: 'draft',
    health: 'on-track',
    healthReason: null,
    suggestedHealth: 'on-track',
    summary: '',
    highlights: [],
    lowlights: [],
    asks: [],
    snapshot: {
      schemaVersion: 1,
      generatedAt: '2026-03-11T10:00:00.000Z',
      asOf: '2026-03-11',
      week: { start: week, end: week },
      program: { id: program.id, name: program.name, start: '2026-01-05', end: null },
      comparedTo: null,
      suggestedHealth: 'on-track',
      healthReasons: [],
      sections: {
        keyResults: unavailable,
        guardrails: unavailable,
        milestones: unavailable,
        raid: unavailable,
        dependencies: unavailable,
        checkIns: unavailable,
        sayDo: unavailable,
      },
    },
    generatedAt: new Date('2026-03-11T10:00:00.000Z'),
    publishedAt: null,
    publishedByUserId: null,
    createdByUserId: author.id,
  });
  return { id: report.id };
}

/** Pins `ClockService` (and so "today") to an instant that the test moves with `set`. */
export function pinClock(testApp: TestApp, instant: string): { set(instant: string): void } {
  let now = new Date(instant);
  jest.spyOn(testApp.app.get(ClockService), 'now').mockImplementation(() => new Date(now));
  return {
    set(next: string) {
      now = new Date(next);
    },
  };
}

/** Row counts of the tables programs and status reports write. */
export async function countProgramRows({ dataSource }: TestApp): Promise<Record<string, number>> {
  const tables = [
    'program',
    'program_team',
    'program_objective',
    'program_guardrail',
    'milestone',
    'milestone_date_change',
    'raid_item',
    'raid_item_change',
    'program_dependency',
    'status_report',
    'review_setting',
  ];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row]: { count: number }[] = await dataSource.query(
      `SELECT count(*)::int AS count FROM "${table}"`,
    );
    counts[table] = row?.count ?? -1;
  }
  return counts;
}

/** `table:id → version` of every versioned program record of a workspace. */
export async function programRecordVersions(
  { dataSource }: TestApp,
  workspace: TestWorkspace,
): Promise<Record<string, number>> {
  const versions: Record<string, number> = {};
  for (const table of [
    'program',
    'milestone',
    'raid_item',
    'program_dependency',
    'status_report',
  ]) {
    const rows: { id: string; version: number }[] = await dataSource.query(
      `SELECT "id", "version" FROM "${table}" WHERE "workspace_id" = $1`,
      [workspace.id],
    );
    for (const { id, version } of rows) versions[`${table}:${id}`] = version;
  }
  return versions;
}
