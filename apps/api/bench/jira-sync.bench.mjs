// Benchmark of the live Jira sync: the BUILT app in ../dist (`npx tsc -p tsconfig.build.json`
// first; BENCH_DIST names another build, e.g. of an earlier commit, to compare) against an
// embedded PostgreSQL started here, syncing from the tests' fake Jira (test/support/fake-jira,
// run in a child process by fake-jira-process.mjs) on loopback with 50 ms of latency added to
// every request — 20 000 issues with 8 changelog entries each in four sprints, in both
// REST shapes: Cloud (`search/jql` pages follow one another by `nextPageToken`; the next page is
// fetched while the current one is written) and Data Center (`startAt` pages, up to four in
// flight). Then 200 issues change in Jira and an incremental sync runs.
//
// Reported: issues per second of each full sync (queued to finished), requests made, peak RSS of
// this process (the API and its queue worker; the fake Jira runs in its own process), and the
// wall time of the incremental sync. Targets: full ≥ 1 000 issues/s, incremental ≤ 5 s, peak RSS ≤ 512 MB.
// It runs under the server's heap budget (src/config/heap-budget.ts), as `npm start` does.
import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import {
  load,
  runUnderServerFlags,
  serverNodeFlags,
  startBenchDatabase,
} from './support/built-app.mjs';

const ISSUES = Number(process.env.BENCH_ISSUES ?? 20_000);
const HISTORIES = 8;
const CHANGED = 200;
const LATENCY_MS = 50;
const TARGET_RATE = 1_000;
const TARGET_INCREMENTAL_MS = 5_000;
const TARGET_RSS_MB = 512;
const TOKEN = 'bench-jira-token';
const EMAIL = 'bench@example.com';

// The app runs in this process: under the heap budget every production start-up passes to
// Node (HEAP_BUDGET_FLAGS of config/heap-budget.ts), or its memory would not be the server's.
// Started without it, the benchmark runs itself again with it.
await runUnderServerFlags(import.meta.url);
const { createApp } = await load('create-app.js');
const [{ insertUser }, { insertWorkspaceWithAdmin }, teams, connections, sources, sync, runs] =
  await Promise.all([
    load('accounts/user.repository.js'),
    load('workspaces/workspaces.service.js'),
    load('teams/team.entity.js'),
    load('jira-sync/jira-connections.service.js'),
    load('jira-sync/team-source.service.js'),
    load('jira-sync/jira-sync.service.js'),
    load('jira-sync/sync-run.repository.js'),
  ]);

/** The fake Jira in a child process: its memory is not the measured process's. */
class FakeJiraProcess {
  static async start(options) {
    const child = fork(new URL('fake-jira-process.mjs', import.meta.url), [], {
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const jira = new FakeJiraProcess(child);
    jira.url = await jira.call('start', options);
    return jira;
  }

  constructor(child) {
    this.child = child;
    this.pending = new Map();
    this.nextId = 0;
    child.on('message', ({ id, result, error }) => {
      const waiting = this.pending.get(id);
      this.pending.delete(id);
      if (error === undefined) waiting?.resolve(result);
      else waiting?.reject(new Error(`fake Jira: ${error}`));
    });
    child.on('exit', (code) => {
      for (const waiting of this.pending.values()) {
        waiting.reject(new Error(`the fake Jira process ended (${code})`));
      }
      this.pending.clear();
    });
  }

  call(op, args) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ id, op, args });
    });
  }

  async close() {
    if (!this.child.connected) return;
    await this.call('close').catch(() => undefined);
    this.child.disconnect();
  }
}

const { work, dataSource, stop } = await startBenchDatabase('jira-sync');
let app;
const fakes = [];
try {
  app = await createApp(
    {
      port: 0,
      databaseUrl: undefined,
      dataDir: work,
      adminEmail: undefined,
      adminPassword: undefined,
      demo: false,
      logLevel: 'silent',
      role: 'all',
      publicUrl: 'http://localhost',
      secretKey: undefined,
      trustProxy: ['loopback'],
    },
    dataSource,
  );
  await app.init();
  const { workspace, actor } = await setUp(dataSource);

  globalThis.gc?.();
  const lines = [
    `Jira sync benchmark — ${ISSUES.toLocaleString('en-US')} issues × ${HISTORIES} changelog entries, ${LATENCY_MS} ms latency per request`,
    `  RSS of the started app before any sync: ${Math.round(process.memoryUsage().rss / 1024 / 1024)} MB (V8 heap limit ${Math.round(v8.getHeapStatistics().heap_size_limit / 1024 / 1024)} MB: ${(await serverNodeFlags()).join(' ')})`,
  ];
  const missed = [];
  for (const flavour of ['cloud', 'data-center']) {
    const jira = await FakeJiraProcess.start({
      flavour,
      token: TOKEN,
      ...(flavour === 'cloud' ? { email: EMAIL } : {}),
      latencyMs: LATENCY_MS,
    });
    fakes.push(jira);
    await jira.call('setNow', new Date('2026-03-02T09:00:00Z'));
    await jira.call('generate', {
      count: ISSUES,
      historiesPerIssue: HISTORIES,
      sprintCount: 4,
      createdUntil: new Date('2026-02-15T09:00:00Z'),
    });
    const entries = await jira.call('changelogEntries');
    const team = await newTeam(dataSource, workspace, flavour);
    const connection = await app
      .get(connections.JiraConnectionsService)
      .create(workspace.id, actor, {
        name: `Bench ${flavour}`,
        baseUrl: jira.url,
        flavour,
        ...(flavour === 'cloud' ? { email: EMAIL } : {}),
        secret: TOKEN,
      });
    await app.get(sources.TeamSourceService).put(workspace.id, actor, team.id, {
      connectionId: connection.id,
      jql: 'project = PAY',
      boardId: 7,
      storyPointsField: 'customfield_10016',
      statuses: {},
      intervalMinutes: 1440,
      enabled: true,
    });
    globalThis.gc?.();

    const full = await timedSync(dataSource, workspace, team);
    const rate = ISSUES / (full.ms / 1000);
    // Jira moves on: 200 issues change; the next sync reads only what changed since.
    await jira.call('setNow', new Date('2026-03-02T10:00:00Z'));
    await jira.call('estimateSpread', { count: CHANGED, points: 21 });
    const incremental = await timedSync(dataSource, workspace, team);
    const rssMb = process.resourceUsage().maxRSS / 1024;
    lines.push(
      `  ${flavour}: full sync ${(full.ms / 1000).toFixed(2)} s → ${Math.round(rate).toLocaleString('en-US')} issues/s (target ≥ ${TARGET_RATE.toLocaleString('en-US')}); ${full.run.requests} requests, ${full.run.pages} pages, ${entries.toLocaleString('en-US')} changelog entries, created ${full.run.created}`,
      `  ${flavour}: incremental sync with ${CHANGED} changed issues ${(incremental.ms / 1000).toFixed(2)} s (target ≤ ${TARGET_INCREMENTAL_MS / 1000} s); ${incremental.run.requests} requests, updated ${incremental.run.updated}`,
      `  ${flavour}: peak RSS so far ${Math.round(rssMb)} MB (target ≤ ${TARGET_RSS_MB})`,
    );
    if (full.run.status !== 'succeeded' || full.run.created !== ISSUES) {
      missed.push(`${flavour} full sync ${full.run.status} (${full.run.error ?? 'wrong count'})`);
    }
    if (incremental.run.status !== 'succeeded' || incremental.run.updated !== CHANGED) {
      missed.push(
        `${flavour} incremental sync ${incremental.run.status}, updated ${incremental.run.updated}`,
      );
    }
    if (rate < TARGET_RATE) missed.push(`${flavour} issues/s`);
    if (incremental.ms > TARGET_INCREMENTAL_MS) missed.push(`${flavour} incremental time`);
    if (rssMb > TARGET_RSS_MB) missed.push('peak RSS');
    await jira.close();
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  if (missed.length > 0) {
    process.stdout.write(`  MISSED: ${missed.join(', ')}\n`);
    process.exitCode = 1;
  }
} finally {
  for (const jira of fakes) await jira.close();
  if (app) await app.close();
  await stop();
}

/** "Sync now" through the engine, timed from queued to finished (the queue's worker runs it). */
async function timedSync(dataSource, workspace, team) {
  const source = await app.get(sources.TeamSourceService).get(workspace.id, team.id);
  const started = performance.now();
  const engine = app.get(sync.JiraSyncService);
  const sourceRow = await dataSource.query(`SELECT * FROM team_source WHERE id = $1`, [source.id]);
  const queued = await engine.request(toSource(sourceRow[0]), 'manual');
  for (;;) {
    const run = await runs.runById(dataSource.manager, workspace.id, queued.id);
    if (run && run.status !== 'queued' && run.status !== 'running') {
      return { ms: performance.now() - started, run };
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function toSource(row) {
  return { id: row.id, workspaceId: row.workspace_id, teamId: row.team_id };
}

async function setUp(dataSource) {
  const user = await insertUser(dataSource.manager, {
    email: 'bench@example.com',
    displayName: 'Bench',
    passwordHash: 'not-a-usable-hash',
  });
  const actor = { userId: user.id, tokenId: null, requestId: null };
  const workspace = await dataSource.transaction((manager) =>
    insertWorkspaceWithAdmin(manager, { slug: 'bench', name: 'Bench' }, actor),
  );
  return { workspace, actor };
}

function newTeam(dataSource, workspace, flavour) {
  return dataSource.getRepository(teams.Team).save({
    workspaceId: workspace.id,
    name: `Bench ${flavour}`,
    slug: `bench-${flavour}`,
    timeZone: 'Europe/Berlin',
    calendar: { nonWorkingWeekdays: [0, 6], holidays: [] },
    workflow: {
      stages: [
        { name: 'Backlog', statuses: ['To Do'] },
        { name: 'In Progress', statuses: ['In Progress'] },
        { name: 'Review', statuses: ['In Review'] },
        { name: 'Done', statuses: ['Done'] },
      ],
      committedStage: 'In Progress',
      doneStage: 'Done',
    },
  });
}
