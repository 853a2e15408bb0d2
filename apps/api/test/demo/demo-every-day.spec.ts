import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { importMappingSchema } from '@bearing/contracts';
import { addDays } from '@bearing/metrics';
import type { ImportFile, ImportedSprint } from '../../src/imports/import-file.js';
import { readJiraJson } from '../../src/imports/jira/jira-json-reader.js';
import { DEFAULT_DEMO_SEED, DEMO_TEAMS } from '../../src/demo/demo-plan.js';
import { generateJiraHistory } from '../../src/demo/jira-history.js';
import { Prng } from '../../src/demo/prng.js';
import { checkInDays, demoPeriods } from '../../src/demo/seed-okrs.js';

/**
 * The demo's promises hold on every day of the sprint cycle, not only on the day a test
 * happened to run: for 28 consecutive "todays" (two whole two-week cycles of both sprint
 * rhythms, across a quarter's first days) every team's generated Jira history is read by the
 * real Jira importer's reader, and what the team will show is checked — one active and one
 * future sprint, scope added and removed mid-sprint and carry-over in recent sprints, work in
 * progress — and every key result has a check-in on or before today. The whole seeding through
 * the API runs on pinned days in `demo-workspace.spec.ts`.
 */
const FIRST_TODAY = '2026-12-21';
const DAYS = 28;
/** The window the sprint-history promises are checked in: the team page's default velocity. */
const RECENT_CLOSED = 12;
const todays = Array.from({ length: DAYS }, (_, offset) => addDays(FIRST_TODAY, offset));
const mapping = importMappingSchema.parse({ storyPointsField: 'Story Points' });

/** The same random streams `seedTeams` hands each team's generator. */
const teamRng = (slug: string) => new Prng(DEFAULT_DEMO_SEED).fork(`team:${slug}`).fork('jira');

type RecentHistory = { added: number; removed: number; carriedOver: number };

function recentHistory(file: ImportFile, closed: [string, ImportedSprint][]): RecentHistory {
  const history: RecentHistory = { added: 0, removed: 0, carriedOver: 0 };
  for (const [ref, sprint] of closed.slice(-RECENT_CLOSED)) {
    const start = sprint.start ?? '';
    const end = sprint.completedAt ?? sprint.end ?? '';
    for (const item of file.items) {
      for (const change of item.sprintChanges) {
        if (change.sprint !== ref || change.at <= start || change.at >= end) continue;
        if (change.change === 'added') history.added++;
        else history.removed++;
      }
      const unfinished = item.resolvedAt === null || item.resolvedAt > end;
      if (item.sprints.includes(ref) && unfinished && item.sprints.length > 1)
        history.carriedOver++;
    }
  }
  return history;
}

describe('the demo plan on every day of the sprint cycle', () => {
  let directory: string;

  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'bearing-demo-days-'));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it.each(todays)(
    'on %s every team has an active and a next sprint, and a lived-in history',
    async (today) => {
      for (const [index, team] of DEMO_TEAMS.entries()) {
        const generated = generateJiraHistory(team, index, today, teamRng(team.slug));
        const file = path.join(directory, `${team.slug}-${today}.json`);
        await writeFile(file, JSON.stringify(generated.pages));
        const read = await readJiraJson(file, mapping);
        const sprints = [...read.sprints].sort(([, a], [, b]) =>
          (a.start ?? '').localeCompare(b.start ?? ''),
        );
        const byState = (state: string) => sprints.filter(([, sprint]) => sprint.state === state);
        const context = { today, team: team.slug };

        expect({ ...context, active: byState('active').length }).toEqual({ ...context, active: 1 });
        expect({ ...context, future: byState('future').length }).toEqual({ ...context, future: 1 });
        expect(byState('closed').length).toBeGreaterThanOrEqual(40);
        const [, active] = byState('active')[0] ?? [];
        const [, next] = byState('future')[0] ?? [];
        // The active sprint has begun (it ends on its second Friday, and stays active over the
        // weekend until the next one starts on Monday); the next one is still ahead.
        expect((active?.start ?? '').slice(0, 10) <= today).toBe(true);
        expect((next?.start ?? '').slice(0, 10) > today).toBe(true);
        expect((active?.end ?? '') < (next?.start ?? '')).toBe(true);

        const history = recentHistory(read, byState('closed'));
        expect({ ...context, added: history.added > 0 }).toEqual({ ...context, added: true });
        expect({ ...context, removed: history.removed > 0 }).toEqual({ ...context, removed: true });
        expect({ ...context, carriedOver: history.carriedOver > 0 }).toEqual({
          ...context,
          carriedOver: true,
        });
        // Nothing has happened after today began.
        const latest = read.items
          .flatMap((item) => [item.createdAt, ...item.statusChanges.map((change) => change.at)])
          .sort()
          .at(-1);
        expect((latest ?? '') < `${today}T00:00:00.000Z`).toBe(true);
      }
    },
  );

  it.each(todays)('on %s every key result of both quarters has a check-in by today', (today) => {
    const { previous, current } = demoPeriods(today);
    expect(current.start <= today && today <= current.end).toBe(true);
    expect(addDays(previous.end, 1)).toBe(current.start);
    for (const period of [previous, current]) {
      const days = checkInDays(period, today);
      expect({ today, period, checkIns: days.length > 0 }).toEqual({
        today,
        period,
        checkIns: true,
      });
      expect(days.every((day) => day >= period.start && day <= today && day <= period.end)).toBe(
        true,
      );
    }
  });
});
