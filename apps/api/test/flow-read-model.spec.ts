import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  agingWipSchema,
  cumulativeFlowSchema,
  cycleTimesSchema,
  forecastHowManySchema,
  forecastWhenSchema,
  teamSchema,
  type TeamWorkflow,
  throughputSchema,
  wipSchema,
} from '@bearing/contracts';
import {
  agingWip,
  cumulativeFlow,
  cycleTime,
  leadTime,
  monteCarloHowMany,
  monteCarloWhen,
  quantiles,
  stageEntryDays,
  throughput,
  wip,
} from '@bearing/metrics';
import {
  type FlowItem,
  forEachFlowItemChunk,
  loadFlowItems,
} from '../src/delivery/team-history.repository.js';
import { flowStamp } from '../src/delivery/flow-read-model/team-flow-rows.js';
import { Team } from '../src/teams/team.entity.js';
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
 * The flow endpoints read stored rows (the flow read model) instead of replaying every changelog
 * per request. Their answers must be exactly what replaying the raw history through
 * `@bearing/metrics` gives — computed here the way the endpoints did before the read model —
 * on a generated team with backward moves, reopened items, changes stamped before creation,
 * statuses no stage maps, items without history (CSV), a non-UTC time zone with DST, and again
 * after the workflow and the time zone are edited.
 */

const WORKFLOW: TeamWorkflow = {
  stages: [
    { name: 'Backlog', statuses: ['To Do'] },
    { name: 'Ready', statuses: ['Selected'] },
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

/** A Jira search page of `count` issues over ~200 days around the 2024 DST changes. */
function generatedExport(count: number, seed: number): Buffer {
  const next = random(seed);
  const start = Date.parse('2024-01-15T00:00:00Z');
  const issues = Array.from({ length: count }, (_, index) => {
    const created = start + Math.floor(next() * 200 * 24) * HOUR + Math.floor(next() * HOUR);
    let at = created;
    let status = 'To Do';
    const histories: object[] = [];
    const move = (to: string, hours: number) => {
      at += Math.max(1, Math.floor(hours)) * HOUR - Math.floor(next() * HOUR);
      histories.push({
        id: String(histories.length + 1),
        created: new Date(at).toISOString().replace('Z', '+0000'),
        items: [{ field: 'status', fromString: status, toString: to }],
      });
      status = to;
    };
    const roll = next();
    if (roll < 0.05) {
      // Clock skew: a change stamped before the item was created.
      at = created - 5 * HOUR;
      move('In Progress', 1);
      at = created + 2 * HOUR;
    }
    const path: [string, number][] = [
      ['Selected', next() * 72],
      ['In Progress', next() * 48],
      ['Blocked', next() * 30], // no stage maps it
      ['In Progress', next() * 30],
      ['In Review', next() * 120],
      ['In Progress', next() * 24], // back from review
      ['In Review', next() * 48],
      ['Done', next() * 36],
    ];
    // Most items finish; the rest stop anywhere along the way.
    const steps = next() < 0.65 ? path.length : Math.floor(next() * path.length);
    for (const [to, hours] of path.slice(0, steps)) {
      if (to === 'Blocked' && next() < 0.6) continue;
      if (to === 'In Progress' && status === 'In Review' && next() < 0.5) continue;
      move(to, hours);
    }
    if (status === 'Done' && next() < 0.15) {
      move('In Progress', next() * 96); // reopened
      if (next() < 0.7) move('Closed', next() * 72);
    }
    if (status === 'To Do' && next() < 0.2) move('In Review', next() * 200); // skips stages
    const done = status === 'Done' || status === 'Closed';
    return {
      id: String(50_000 + index),
      key: `GEN-${index + 1}`,
      changelog: { startAt: 0, maxResults: histories.length, total: histories.length, histories },
      fields: {
        summary: `Generated item ${index + 1}`,
        issuetype: { name: next() < 0.7 ? 'Story' : 'Bug' },
        status: { name: status },
        created: new Date(created).toISOString().replace('Z', '+0000'),
        resolutiondate: done ? new Date(at).toISOString().replace('Z', '+0000') : null,
      },
    };
  });
  return Buffer.from(JSON.stringify({ issues, isLast: true }));
}

/** Items only known from a CSV export: current status and resolution, no history. */
function generatedCsv(count: number, seed: number): Buffer {
  const next = random(seed);
  const lines = ['Issue key,Summary,Issue Type,Status,Created,Resolved'];
  for (let index = 0; index < count; index++) {
    const created = Date.parse('2024-02-01T00:00:00Z') + Math.floor(next() * 150 * 24) * HOUR;
    const done = next() < 0.6;
    const resolved = created + Math.floor(next() * 40 * 24) * HOUR;
    // Jira's export format, e.g. 21/Nov/24 7:03 AM.
    const stamp = (ms: number) => {
      const date = new Date(ms);
      const month = date.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
      const hours = date.getUTCHours();
      const minutes = String(date.getUTCMinutes()).padStart(2, '0');
      const day = String(date.getUTCDate()).padStart(2, '0');
      const year = String(date.getUTCFullYear()).slice(2);
      return `${day}/${month}/${year} ${hours % 12 || 12}:${minutes} ${hours < 12 ? 'AM' : 'PM'}`;
    };
    lines.push(
      [
        `CSV-${index + 1}`,
        `Spreadsheet item ${index + 1}`,
        'Task',
        done ? 'Done' : 'In Progress',
        stamp(created),
        done ? stamp(resolved) : '',
      ].join(','),
    );
  }
  return Buffer.from(lines.join('\n'));
}

const PERCENTILES = [0.5, 0.85, 0.95];

function percentilesOf(values: (number | null)[]) {
  const known = values.filter((value): value is number => value !== null);
  const [p50 = null, p85 = null, p95 = null] = quantiles(known, PERCENTILES, 'nearest-rank') ?? [];
  return { p50, p85, p95 };
}

/** Each flow answer as the endpoints computed it before the read model: a full replay. */
function replayed(
  items: FlowItem[],
  team: { timeZone: string; workflow: TeamWorkflow },
  range: { from: string; to: string },
) {
  const { workflow, timeZone } = team;
  const options = { timeZone };
  const withHistory = items.filter((item) => item.hasHistory);
  const rows = items.flatMap((item) => {
    const days = stageEntryDays(item, workflow, options);
    const doneDay = days[workflow.doneStage] ?? null;
    if (doneDay === null || doneDay < range.from || doneDay > range.to) return [];
    return [
      {
        key: item.key,
        doneDay,
        cycleTime: item.hasHistory ? cycleTime(item, workflow, options) : null,
        leadTime: leadTime(item, workflow, options),
      },
    ];
  });
  rows.sort(
    (first, second) =>
      first.doneDay.localeCompare(second.doneDay) || first.key.localeCompare(second.key),
  );
  return {
    cycleTimes: {
      points: rows.map((row) => [row.key, row.doneDay, row.cycleTime, row.leadTime]),
      total: rows.length,
      withoutCycleTime: rows.filter((row) => row.cycleTime === null).length,
      percentiles: percentilesOf(rows.map((row) => row.cycleTime)),
      leadTimePercentiles: percentilesOf(rows.map((row) => row.leadTime)),
    },
    weekly: throughput(items, workflow, { ...range, interval: 'week', timeZone }),
    daily: throughput(items, workflow, { ...range, interval: 'day', timeZone }),
    cfd: cumulativeFlow(withHistory, workflow, { ...range, timeZone }),
    wip: wip(withHistory, workflow, { ...range, timeZone }),
    aging: (asOf: string) => {
      const byId = new Map(items.map((item) => [item.id, item]));
      return agingWip(withHistory, workflow, asOf, options)
        .map(({ id, stage, ageDays }) => {
          const item = byId.get(id) as FlowItem;
          return { key: item.key, title: item.title, stage, ageDays };
        })
        .sort(
          (first, second) => second.ageDays - first.ageDays || first.key.localeCompare(second.key),
        );
    },
  };
}

describe('flow read model', () => {
  let testApp: TestApp;
  let workspace: TestWorkspace;
  let admin: Browser;
  let team: TestTeam;
  const teamBase = () => `/api/workspaces/${workspace.slug}/teams/${team.slug}`;

  beforeAll(async () => {
    testApp = await createTestApp();
    const user = await createUser(testApp);
    workspace = await createWorkspace(testApp, user);
    admin = await signIn(testApp, user);
    team = await createTeam(testApp, workspace, {
      timeZone: 'America/New_York',
      calendar: { nonWorkingWeekdays: [0, 6], holidays: ['2024-05-27', '2024-07-04'] },
      workflow: WORKFLOW,
    });
    const json = await importFile(admin, workspace, team, {
      file: generatedExport(700, 7),
      fileName: 'generated.json',
    });
    expect(json).toMatchObject({ status: 'completed', result: { created: 700 } });
    const csv = await importFile(admin, workspace, team, {
      file: generatedCsv(120, 11),
      fileName: 'generated.csv',
      format: 'jira-csv',
    });
    expect(csv).toMatchObject({ status: 'completed', result: { created: 120 } });
  }, 180_000);
  afterAll(async () => {
    await testApp.close();
  });

  async function expectSameAsReplay(
    ranges: { from: string; to: string }[],
    asOfs: string[],
    { checkVariety = true } = {},
  ) {
    const stored = await testApp.dataSource.getRepository(Team).findOneByOrFail({ id: team.id });
    const items = await loadFlowItems(
      testApp.dataSource.manager,
      workspace.id,
      team.id,
      stored.workflow,
    );
    for (const range of ranges) {
      const query = `from=${range.from}&to=${range.to}`;
      const expected = replayed(items, stored, range);
      const cycle = cycleTimesSchema.parse(
        (await admin.get(`${teamBase()}/flow/cycle-times?${query}`).expect(200)).body,
      );
      expect(cycle).toEqual({
        ...range,
        timeZone: stored.timeZone,
        sampled: false,
        ...expected.cycleTimes,
      });
      const weekly = throughputSchema.parse(
        (await admin.get(`${teamBase()}/flow/throughput?${query}&interval=week`).expect(200)).body,
      );
      expect(weekly.buckets).toEqual(expected.weekly);
      const daily = throughputSchema.parse(
        (await admin.get(`${teamBase()}/flow/throughput?${query}&interval=day`).expect(200)).body,
      );
      expect(daily.buckets).toEqual(expected.daily);
      const cfd = cumulativeFlowSchema.parse(
        (await admin.get(`${teamBase()}/flow/cfd?${query}`).expect(200)).body,
      );
      expect(cfd.days).toEqual(expected.cfd);
      const wipDays = wipSchema.parse(
        (await admin.get(`${teamBase()}/flow/wip?${query}`).expect(200)).body,
      );
      expect(wipDays.days).toEqual(expected.wip);

      const sample = `sampleFrom=${range.from}&sampleTo=${range.to}`;
      const samples = expected.daily.map((bucket) => bucket.count);
      const when = forecastWhenSchema.parse(
        (
          await admin
            .get(`${teamBase()}/forecast/when?remaining=40&trials=2000&${sample}`)
            .expect(200)
        ).body,
      );
      const howMany = forecastHowManySchema.parse(
        (
          await admin
            .get(`${teamBase()}/forecast/how-many?days=30&trials=2000&${sample}`)
            .expect(200)
        ).body,
      );
      if (samples.every((count) => count === 0)) {
        expect(when.insufficientHistory).toBe(true);
        expect(howMany.insufficientHistory).toBe(true);
      } else {
        if (when.insufficientHistory || howMany.insufficientHistory) throw new Error('no sample');
        const whenResult = monteCarloWhen({
          samples,
          remaining: 40,
          trials: 2000,
          seed: when.seed,
        });
        expect(when).toMatchObject({
          p50: whenResult.p50,
          p85: whenResult.p85,
          p95: whenResult.p95,
          distribution: whenResult.distribution,
        });
        expect(howMany).toMatchObject(
          monteCarloHowMany({ samples, days: 30, trials: 2000, seed: howMany.seed }),
        );
      }
    }
    const agingSizes: number[] = [];
    for (const asOf of asOfs) {
      const aging = agingWipSchema.parse(
        (await admin.get(`${teamBase()}/flow/aging?asOf=${asOf}`).expect(200)).body,
      );
      const expected = replayed(items, stored, { from: asOf, to: asOf }).aging(asOf);
      expect(aging.items).toEqual(expected);
      expect(aging.total).toBe(expected.length);
      agingSizes.push(expected.length);
    }
    // The generated team is not trivial: many finished items, with and without a cycle time,
    // and items in progress on the days asked about.
    if (!checkVariety) return;
    const whole = replayed(items, stored, RANGES[0] as { from: string; to: string }).cycleTimes;
    expect(whole.total).toBeGreaterThan(300);
    expect(whole.withoutCycleTime).toBeGreaterThan(30);
    expect(agingSizes.filter((size) => size > 10).length).toBeGreaterThanOrEqual(2);
  }

  const RANGES = [
    { from: '2023-12-01', to: '2025-03-31' }, // the whole history
    { from: '2024-03-04', to: '2024-04-14' }, // across the spring DST change
    { from: '2024-10-28', to: '2024-11-10' }, // across the autumn one, a few days
    { from: '2024-06-01', to: '2024-06-01' },
  ];
  // Mid-history days replay items changed later; the last one reads stored rows only.
  const AS_OF = ['2024-02-20', '2024-05-15', '2024-08-31', '2025-06-01'];

  it('answers every flow endpoint exactly as replaying the history does', async () => {
    await expectSameAsReplay(RANGES, AS_OF);
  }, 120_000);

  it('reads the history a chunk at a time (as a rebuild does) exactly as all at once', async () => {
    const stored = await testApp.dataSource.getRepository(Team).findOneByOrFail({ id: team.id });
    const manager = testApp.dataSource.manager;
    const whole = await loadFlowItems(manager, workspace.id, team.id, stored.workflow);
    const chunks: FlowItem[][] = [];
    await forEachFlowItemChunk(manager, workspace.id, team.id, stored.workflow, 7, (items) =>
      chunks.push(items),
    );
    expect(whole.length).toBeGreaterThan(7 * 3);
    expect(chunks.every((chunk) => chunk.length <= 7)).toBe(true);
    expect(chunks.flat()).toEqual(whole);
  });

  it('answers with the new workflow and time zone right after they are edited', async () => {
    const current = teamSchema.parse((await admin.get(teamBase()).expect(200)).body);
    const edited = teamSchema.parse(
      (
        await admin
          .patch(teamBase())
          .send({
            version: current.version,
            timeZone: 'Asia/Kolkata',
            workflow: {
              stages: [
                { name: 'Backlog', statuses: ['To Do', 'Selected'] },
                { name: 'Doing', statuses: ['In Progress', 'Blocked'] },
                { name: 'Review', statuses: ['In Review'] },
                { name: 'Done', statuses: ['Done'] },
                { name: 'Closed', statuses: ['Closed'] },
              ],
              committedStage: 'Doing',
              doneStage: 'Review',
            },
          })
          .expect(200)
      ).body,
    );
    expect(edited.timeZone).toBe('Asia/Kolkata');
    await expectSameAsReplay(RANGES, AS_OF);
  }, 120_000);

  it('recomputes the rows off the request after an edit, before anyone reads them', async () => {
    const stampOf = async () => {
      const rows: { stamp: string }[] = await testApp.dataSource.query(
        'SELECT stamp FROM team_flow_model WHERE team_id = $1',
        [team.id],
      );
      return rows[0]?.stamp ?? null;
    };
    const before = await stampOf();
    const current = teamSchema.parse((await admin.get(teamBase()).expect(200)).body);
    await admin
      .patch(teamBase())
      .send({ version: current.version, timeZone: 'Pacific/Auckland' })
      .expect(200);
    const stored = await testApp.dataSource.getRepository(Team).findOneByOrFail({ id: team.id });
    const wanted = flowStamp(stored.workflow, 'Pacific/Auckland');
    expect(before).not.toBe(wanted);
    // The queued refresh runs within seconds; no flow endpoint is called meanwhile.
    const deadline = Date.now() + 60_000;
    while ((await stampOf()) !== wanted && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await stampOf()).toBe(wanted);
    await expectSameAsReplay(RANGES.slice(0, 1), AS_OF.slice(-1), { checkVariety: false });
  }, 120_000);
});

/** A page of `finished` items done over ~2 years and `open` items still in progress. */
function largeExport(finished: number, open: number): Buffer {
  const next = random(3);
  const start = Date.parse('2023-01-02T12:00:00Z');
  const stamp = (ms: number) => new Date(ms).toISOString().replace('Z', '+0000');
  const issues = Array.from({ length: finished + open }, (_, index) => {
    const created = start + Math.floor(next() * 700 * 24) * HOUR;
    const started = created + Math.floor(1 + next() * 200) * HOUR;
    const done = started + Math.floor(1 + next() * 400) * HOUR;
    const isOpen = index >= finished;
    const histories = [
      {
        id: '1',
        created: stamp(started),
        items: [{ field: 'status', fromString: 'To Do', toString: 'In Progress' }],
      },
      ...(isOpen
        ? []
        : [
            {
              id: '2',
              created: stamp(done),
              items: [{ field: 'status', fromString: 'In Progress', toString: 'Done' }],
            },
          ]),
    ];
    return {
      id: String(90_000 + index),
      key: `BIG-${index + 1}`,
      changelog: { startAt: 0, maxResults: histories.length, total: histories.length, histories },
      fields: {
        summary: `Item ${index + 1}`,
        issuetype: { name: 'Story' },
        status: { name: isOpen ? 'In Progress' : 'Done' },
        created: stamp(created),
        resolutiondate: isOpen ? null : stamp(done),
      },
    };
  });
  return Buffer.from(JSON.stringify({ issues, isLast: true }));
}

describe('bounded flow responses', () => {
  let testApp: TestApp;
  let workspace: TestWorkspace;
  let admin: Browser;
  let team: TestTeam;
  const teamBase = () => `/api/workspaces/${workspace.slug}/teams/${team.slug}`;

  beforeAll(async () => {
    testApp = await createTestApp();
    const user = await createUser(testApp);
    workspace = await createWorkspace(testApp, user);
    admin = await signIn(testApp, user);
    team = await createTeam(testApp, workspace, { timeZone: 'Europe/Berlin', workflow: WORKFLOW });
    const job = await importFile(admin, workspace, team, {
      file: largeExport(6_100, 1_150),
      fileName: 'large.json',
    });
    expect(job).toMatchObject({ status: 'completed', result: { created: 7_250 } });
  }, 300_000);
  afterAll(async () => {
    await testApp.close();
  });

  it('sends 5,000 evenly spaced points of the scatter, with percentiles over every item', async () => {
    const range = { from: '2023-01-01', to: '2025-12-31' };
    const stored = await testApp.dataSource.getRepository(Team).findOneByOrFail({ id: team.id });
    const items = await loadFlowItems(
      testApp.dataSource.manager,
      workspace.id,
      team.id,
      stored.workflow,
    );
    const expected = replayed(items, stored, range).cycleTimes;
    const cycle = cycleTimesSchema.parse(
      (
        await admin
          .get(`${teamBase()}/flow/cycle-times?from=${range.from}&to=${range.to}`)
          .expect(200)
      ).body,
    );
    expect(expected.total).toBe(6_100);
    expect(cycle).toMatchObject({
      total: 6_100,
      sampled: true,
      withoutCycleTime: 0,
      percentiles: expected.percentiles,
      leadTimePercentiles: expected.leadTimePercentiles,
    });
    // Evenly spaced along (done day, key): the i-th point is item ⌊i × 6,100 / 5,000⌋.
    expect(cycle.points).toEqual(
      Array.from(
        { length: 5_000 },
        (_, index) => expected.points[Math.floor((index * 6_100) / 5_000)],
      ),
    );
  }, 60_000);

  it('spaces the 5,000 points over a range that starts and ends inside the history', async () => {
    // Items finished before `from` come first in rank order: the sample starts after them.
    const range = { from: '2023-03-01', to: '2024-11-15' };
    const stored = await testApp.dataSource.getRepository(Team).findOneByOrFail({ id: team.id });
    const items = await loadFlowItems(
      testApp.dataSource.manager,
      workspace.id,
      team.id,
      stored.workflow,
    );
    const expected = replayed(items, stored, range).cycleTimes;
    const cycle = cycleTimesSchema.parse(
      (
        await admin
          .get(`${teamBase()}/flow/cycle-times?from=${range.from}&to=${range.to}`)
          .expect(200)
      ).body,
    );
    expect(expected.total).toBeGreaterThan(5_000);
    expect(expected.total).toBeLessThan(6_100);
    expect(cycle).toMatchObject({
      total: expected.total,
      sampled: true,
      percentiles: expected.percentiles,
      leadTimePercentiles: expected.leadTimePercentiles,
    });
    expect(cycle.points).toEqual(
      Array.from(
        { length: 5_000 },
        (_, index) => expected.points[Math.floor((index * expected.total) / 5_000)],
      ),
    );
  }, 60_000);

  it('lists the 1,000 oldest items in progress and says how many there are', async () => {
    const stored = await testApp.dataSource.getRepository(Team).findOneByOrFail({ id: team.id });
    const items = await loadFlowItems(
      testApp.dataSource.manager,
      workspace.id,
      team.id,
      stored.workflow,
    );
    for (const asOf of ['2026-01-15', '2024-06-30']) {
      const expected = replayed(items, stored, { from: asOf, to: asOf }).aging(asOf);
      const aging = agingWipSchema.parse(
        (await admin.get(`${teamBase()}/flow/aging?asOf=${asOf}`).expect(200)).body,
      );
      // Today, every open item; mid-history, items changed since are replayed up to that day.
      if (asOf === '2026-01-15') expect(expected.length).toBe(1_150);
      expect(aging.total).toBe(expected.length);
      expect(aging.items).toEqual(expected.slice(0, 1_000));
    }
  }, 60_000);
});
