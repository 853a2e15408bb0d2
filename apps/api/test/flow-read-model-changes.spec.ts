import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TeamWorkflow } from '@bearing/contracts';
import { refreshTeamFlow } from '../src/delivery/flow-read-model/flow-read-model.service.js';
import { createTeam, importFile, type TestTeam } from './support/delivery-factories.js';
import {
  type Browser,
  createUser,
  createWorkspace,
  signIn,
  type TestWorkspace,
} from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * An import recomputes only the flow rows of the items it writes (their old rows taken out of
 * the team's days, their new ones put in, the finished items from the first touched done day
 * ranked again). After every import of a random sequence — new items finished before, between
 * and after the stored ones, changed histories, items that stop being done, a CSV over items
 * with history, history over CSV items — the stored rows must be exactly what rebuilding the
 * whole team gives.
 */

const WORKFLOW: TeamWorkflow = {
  stages: [
    { name: 'Backlog', statuses: ['To Do'] },
    { name: 'In Progress', statuses: ['In Progress'] },
    { name: 'Review', statuses: ['In Review'] },
    { name: 'Done', statuses: ['Done', 'Closed'] },
  ],
  committedStage: 'In Progress',
  doneStage: 'Done',
};

/** A deterministic pseudo-random sequence (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOUR = 3_600_000;
const START = Date.parse('2024-02-20T00:00:00Z');
const jiraTime = (ms: number) => new Date(ms).toISOString().replace('Z', '+0000');

/** One issue; its `version` decides its history, so a new version is a changed item. */
function issue(index: number, version: number) {
  const next = random(index * 7919 + version * 104_729);
  const created = START + Math.floor(next() * 120 * 24) * HOUR;
  let at = created;
  let status = 'To Do';
  const histories: object[] = [];
  const move = (to: string, hours: number) => {
    at += Math.max(1, Math.floor(hours)) * HOUR;
    histories.push({
      id: String(histories.length + 1),
      created: jiraTime(at),
      items: [{ field: 'status', fromString: status, toString: to }],
    });
    status = to;
  };
  if (next() < 0.05) {
    // Clock skew: a change stamped before the item was created.
    at = created - 5 * HOUR;
    move('In Progress', 1);
    at = created + 2 * HOUR;
  }
  const steps: [string, number][] = [
    ['In Progress', next() * 60],
    ['In Review', next() * 90],
    ['Done', next() * 40],
  ];
  const taken = next() < 0.7 ? steps.length : Math.floor(next() * steps.length);
  for (const [to, hours] of steps.slice(0, taken)) move(to, hours);
  if (status === 'Done' && next() < 0.15) move('In Progress', next() * 72); // reopened
  if (status === 'In Progress' && next() < 0.3) move('Closed', next() * 48);
  const done = status === 'Done' || status === 'Closed';
  return {
    id: String(70_000 + index),
    // Keys whose text order is not their number order (MIX-10 before MIX-9).
    key: `MIX-${index}`,
    changelog: { startAt: 0, maxResults: histories.length, total: histories.length, histories },
    fields: {
      summary: `Item ${index} v${version}`,
      issuetype: { name: 'Story' },
      status: { name: status },
      created: jiraTime(created),
      resolutiondate: done ? jiraTime(at) : null,
    },
  };
}

function jsonExport(items: [number, number][]): Buffer {
  const issues = items.map(([index, version]) => issue(index, version));
  return Buffer.from(JSON.stringify({ issues, isLast: true }));
}

/** Items known only by their current status and resolution (no history). */
function csvExport(items: [number, number][]): Buffer {
  const lines = ['Issue key,Summary,Issue Type,Status,Created,Resolved'];
  const stamp = (ms: number) => {
    const date = new Date(ms);
    const month = date.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
    const hours = date.getUTCHours();
    const minutes = String(date.getUTCMinutes()).padStart(2, '0');
    const day = String(date.getUTCDate()).padStart(2, '0');
    const year = String(date.getUTCFullYear()).slice(2);
    return `${day}/${month}/${year} ${hours % 12 || 12}:${minutes} ${hours < 12 ? 'AM' : 'PM'}`;
  };
  for (const [index, version] of items) {
    const next = random(index * 31 + version * 977);
    const created = START + Math.floor(next() * 120 * 24) * HOUR;
    const done = next() < 0.6;
    lines.push(
      [
        `MIX-${index}`,
        `Item ${index} csv v${version}`,
        'Task',
        done ? 'Done' : 'In Progress',
        stamp(created),
        done ? stamp(created + Math.floor(next() * 30 * 24) * HOUR) : '',
      ].join(','),
    );
  }
  return Buffer.from(lines.join('\n'));
}

describe('flow read model updated by imports', () => {
  let testApp: TestApp;
  let workspace: TestWorkspace;
  let admin: Browser;
  let team: TestTeam;

  beforeAll(async () => {
    testApp = await createTestApp();
    const user = await createUser(testApp);
    workspace = await createWorkspace(testApp, user);
    admin = await signIn(testApp, user);
    team = await createTeam(testApp, workspace, {
      timeZone: 'Europe/Berlin',
      calendar: { nonWorkingWeekdays: [0, 6], holidays: [] },
      workflow: WORKFLOW,
    });
  }, 120_000);
  afterAll(async () => {
    await testApp.close();
  });

  /** Every stored row of the team, in a fixed order. */
  type Row = Record<string, unknown> & { work_item_id: string };
  type Rows = { items: Row[]; days: unknown[]; model?: { stamp: string; refreshed_at: Date } };

  async function storedRows(): Promise<Rows> {
    const items: Row[] = await testApp.dataSource.query(
      `SELECT work_item_id, workspace_id, key, title, has_history, created_day, last_day,
              entry_days, committed_day, done_day, cycle_time, lead_time, stage, done_rank
         FROM work_item_flow WHERE team_id = $1 ORDER BY work_item_id`,
      [team.id],
    );
    const days = await testApp.dataSource.query(
      `SELECT day, done, entered, done_through, cycle_counts_through, lead_counts_through
         FROM team_flow_day WHERE team_id = $1 ORDER BY day`,
      [team.id],
    );
    const [model]: Rows['model'][] = await testApp.dataSource.query(
      `SELECT stamp, refreshed_at FROM team_flow_model WHERE team_id = $1`,
      [team.id],
    );
    return { items, days, model };
  }

  /** What rebuilding the whole team stores, rolled back so the next import starts from the import's rows. */
  async function rebuiltRows(): Promise<Rows> {
    let rebuilt: Rows | undefined;
    const runner = testApp.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await refreshTeamFlow(runner.manager, workspace.id, team.id);
      const items: Row[] = await runner.query(
        `SELECT work_item_id, workspace_id, key, title, has_history, created_day, last_day,
                entry_days, committed_day, done_day, cycle_time, lead_time, stage, done_rank
           FROM work_item_flow WHERE team_id = $1 ORDER BY work_item_id`,
        [team.id],
      );
      const days = await runner.query(
        `SELECT day, done, entered, done_through, cycle_counts_through, lead_counts_through
           FROM team_flow_day WHERE team_id = $1 ORDER BY day`,
        [team.id],
      );
      rebuilt = { items, days };
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    if (!rebuilt) throw new Error('no rebuild');
    return rebuilt;
  }

  it('stores after each import of a random sequence exactly what a full rebuild stores', async () => {
    const next = random(2026);
    const version = new Map<number, number>();
    const pick = (count: number, from: number, to: number, bump = 0): [number, number][] => {
      const chosen = new Set<number>();
      while (chosen.size < count) chosen.add(from + Math.floor(next() * (to - from)));
      return [...chosen].map((index) => {
        if (next() < bump) version.set(index, (version.get(index) ?? 0) + 1);
        return [index, version.get(index) ?? 0];
      });
    };
    const rounds: { format: 'jira-json' | 'jira-csv'; items: [number, number][] }[] = [
      { format: 'jira-json', items: pick(220, 1, 300) },
      // Mostly the same items, a third of them changed, and new ones among them.
      { format: 'jira-json', items: pick(200, 1, 340, 0.35) },
      // A CSV over items with history (kept) and over new items (CSV only).
      { format: 'jira-csv', items: pick(80, 250, 420, 0.5) },
      // History arrives for CSV-only items; others change again.
      { format: 'jira-json', items: pick(150, 200, 420, 0.5) },
      { format: 'jira-json', items: pick(40, 1, 420, 1) },
      {
        format: 'jira-json',
        items: [5, 17, 230, 300, 333].map((index): [number, number] => [index, 9]),
      },
      { format: 'jira-csv', items: pick(60, 380, 460, 1) },
    ];
    let firstRefresh: Date | undefined;
    let changedRows = 0;
    for (const [round, { format, items }] of rounds.entries()) {
      const before = await storedRows();
      const job = await importFile(admin, workspace, team, {
        file: format === 'jira-json' ? jsonExport(items) : csvExport(items),
        fileName: format === 'jira-json' ? `round-${round}.json` : `round-${round}.csv`,
        format,
      });
      expect(job.status).toBe('completed');
      const after = await storedRows();
      const rebuilt = await rebuiltRows();
      expect(after.items).toEqual(rebuilt.items);
      expect(after.days).toEqual(rebuilt.days);
      const old = new Map(before.items.map((row) => [row.work_item_id, JSON.stringify(row)]));
      changedRows += after.items.filter(
        (row) => JSON.stringify(row) !== old.get(row.work_item_id),
      ).length;
      // The first import builds the rows and stamps them; later ones only update rows, so the
      // stamp's time stays: the rows above were not rebuilt by the import.
      firstRefresh ??= after.model?.refreshed_at;
      expect(after.model?.refreshed_at).toEqual(firstRefresh);
      if (round === 2) {
        // Items that left their source (as a Jira sync marks them) are out of the flow, and a
        // later import that writes them leaves them out too.
        await testApp.dataSource.query(
          `UPDATE work_item SET removed_at = now()
            WHERE team_id = $1 AND key = ANY($2::text[])`,
          [team.id, ['MIX-5', 'MIX-17', 'MIX-230', 'MIX-300', 'MIX-333']],
        );
        await testApp.dataSource.transaction((manager) =>
          refreshTeamFlow(manager, workspace.id, team.id),
        );
        firstRefresh = (await storedRows()).model?.refreshed_at;
      }
    }
    // The sequence did move rows around: ranks, changed items, new items.
    expect(changedRows).toBeGreaterThan(300);
  }, 300_000);
});
