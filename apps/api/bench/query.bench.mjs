// Benchmark of the query language: the BUILT app in ../dist (`npx tsc -p tsconfig.build.json`
// first) on a fresh embedded PostgreSQL holding one workspace with 1,000,000 metric points
// (10 metrics, a value every ~5 minutes for a year, written by COPY) and 100,000 work items in
// 10 teams over two years with Jira-like status histories, their flow read model built by the
// read model's own code (what an import runs).
//
// Two questions of the issue's, each asked 15 times after 3 warm-up runs (the four ways below
// taking turns, so a busy machine slows them alike), p50 reported:
//   1. MetricPoints | where timestamp > ago(90d) | summarize avg(value) by bin(timestamp, 1d)
//   2. WorkItems | summarize percentile(cycleTime, 85) by team
// four ways: the hand-written SQL of the same result and the compiled statement, both run as a
// query is (read-only transaction with the statement timeout); the service (parse, check,
// compile, run, shape the answer); and `POST /api/workspaces/bench/queries/run` over HTTP to
// the built server (a process of its own). Every way must give the same rows as the hand SQL.
// Target: service ÷ hand SQL ≤ 1.5 (the compiled statement's ratio and the HTTP overhead are
// printed beside it).
//
// Knobs: BENCH_POINTS (default 1000000), BENCH_ITEMS (default 100000), BENCH_RUNS (default 15),
// BENCH_EXPLAIN=1 (print both statements' plans).
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  freePort,
  load,
  startBenchDatabase,
  startBuiltServer,
  stopBuiltServer,
} from './support/built-app.mjs';
import {
  createBenchTeam,
  createBenchWorkspace,
  generateTeamHistory,
  random,
} from './support/team-history.mjs';

const POINTS = Number(process.env.BENCH_POINTS ?? 1_000_000);
const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const WARM_UPS = 3;
const METRICS = 10;
const TEAMS = 10;
const TARGET_RATIO = 1.5;
const DAY_MS = 86_400_000;
const TIME_ZONE = 'Europe/Berlin';
const QUESTIONS = [
  {
    name: 'avg(value) by bin(timestamp, 1d), 90 days',
    query: 'MetricPoints | where timestamp > ago(90d) | summarize avg(value) by bin(timestamp, 1d)',
    // What a developer would write for the same rows: the day's midnight UTC and the mean.
    hand: `SELECT date_bin('1 day', p.timestamp, timestamptz '1970-01-01 00:00:00+00') AS "timestamp",
                  avg(p.value) AS "avg_value"
             FROM metric_point p JOIN metric m ON m.id = p.metric_id
            WHERE m.workspace_id = $1 AND p.timestamp > now() - interval '90 days'
            GROUP BY 1`,
    key: (row) => row.timestamp,
  },
  {
    name: 'p85 cycle time by team',
    query: 'WorkItems | summarize percentile(cycleTime, 85) by team',
    hand: `SELECT t.slug AS "team",
                  percentile_disc(0.85) WITHIN GROUP (ORDER BY f.cycle_time) AS "percentile_cycleTime_85"
             FROM work_item w JOIN team t ON t.id = w.team_id
             JOIN work_item_flow f ON f.work_item_id = w.id
            WHERE w.workspace_id = $1 AND w.removed_at IS NULL
            GROUP BY 1`,
    key: (row) => row.team,
  },
];

const [
  { hashSecret, newSecret },
  { refreshTeamFlow },
  { QueriesService },
  { createApp },
  { runReadOnlyQuery },
  { QUERY_TABLES },
  { parseQuery },
  { compileQuery },
] = await Promise.all([
  load('common/secrets/secret-token.js'),
  load('delivery/flow-read-model/flow-read-model.service.js'),
  load('queries/queries.service.js'),
  load('create-app.js'),
  load('queries/query-runner.repository.js'),
  load('queries/catalog/query-catalog.js'),
  load('queries/language/parse-query.js'),
  load('queries/language/compile-query.js'),
]);
const { QUERY_ROW_CAP, QUERY_TIMEOUT_MS } = await import('@bearing/contracts');
const { default: pg } = await import('pg');
const { from: copyFrom } = await import('pg-copy-streams');

const { work, databaseUrl, dataSource, stop } = await startBenchDatabase('query');
let server;
let app;
try {
  const now = Date.now();
  const { workspaceId, token } = await createBenchWorkspace(dataSource, { hashSecret, newSecret });

  let began = performance.now();
  await copyPoints(dataSource, workspaceId, now);
  const pointsMs = performance.now() - began;
  began = performance.now();
  let changes = 0;
  for (let team = 0; team < TEAMS; team++) {
    const size = Math.floor(ITEMS / TEAMS) + (team < ITEMS % TEAMS ? 1 : 0);
    const teamId = await createBenchTeam(dataSource, {
      workspaceId,
      name: `Team ${team + 1}`,
      slug: `team-${team + 1}`,
      timeZone: TIME_ZONE,
    });
    const history = await generateTeamHistory(dataSource, {
      workspaceId,
      teamId,
      size,
      now,
      years: 2,
      seed: 1000 + team,
      // Each team works at its own pace, so the teams' p85s differ.
      pace: 1 + team * 0.15,
      keyPrefix: `T${team + 1}`,
      teamName: `team ${team + 1}`,
    });
    changes += history.changes;
    await dataSource.transaction((manager) => refreshTeamFlow(manager, workspaceId, teamId));
  }
  const itemsMs = performance.now() - began;
  await dataSource.query('VACUUM ANALYZE');

  const lines = [
    `Query language benchmark — ${POINTS.toLocaleString('en-US')} metric points (${METRICS} metrics, COPY in ${(pointsMs / 1000).toFixed(1)} s), ` +
      `${ITEMS.toLocaleString('en-US')} work items in ${TEAMS} teams with ${changes.toLocaleString('en-US')} status changes (written and read model built in ${(itemsMs / 1000).toFixed(1)} s); ` +
      `p50 of ${RUNS} runs after ${WARM_UPS} warm-ups; load average ${loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')}`,
  ];

  // The service as the API wires it (never listening: HTTP goes to the server process below).
  app = await createApp(
    {
      port: 0,
      databaseUrl,
      dataDir: path.join(work, 'app'),
      adminEmail: undefined,
      adminPassword: undefined,
      demo: false,
      logLevel: 'silent',
      role: 'web',
      publicUrl: 'http://localhost',
      secretKey: randomBytes(32),
      trustProxy: ['loopback'],
    },
    dataSource,
  );
  await app.init();
  const service = app.get(QueriesService);
  const port = await freePort();
  server = await startBuiltServer({
    port,
    databaseUrl,
    dataDir: path.join(work, 'data'),
    // Serves HTTP only: no job queue worker competing with the measured queries.
    env: { BEARING_ROLE: 'web' },
  });
  const origin = `http://127.0.0.1:${port}`;
  const missed = [];
  lines.push(
    `  ${'question'.padEnd(44)} ${'hand SQL'.padStart(10)} ${'compiled'.padStart(10)} ${'service'.padStart(10)} ${'HTTP'.padStart(10)} ${'compiled÷hand'.padStart(14)} ${'service÷hand'.padStart(13)} ${'HTTP−service'.padStart(13)}`,
  );
  for (const question of QUESTIONS) {
    const compiled = compile(question.query, workspaceId);
    const ways = {
      hand: () => runReadOnlyQuery(dataSource, question.hand, [workspaceId], QUERY_TIMEOUT_MS),
      compiled: () => {
        const statement = compiled(new Date());
        return runReadOnlyQuery(dataSource, statement.sql, statement.parameters, QUERY_TIMEOUT_MS);
      },
      service: async () => (await service.run(workspaceId, question.query)).rows,
      http: () => runOverHttp(origin, token, question.query),
    };
    if (process.env.BENCH_EXPLAIN) {
      const statement = compiled(new Date());
      for (const [way, sql, parameters] of [
        ['hand SQL', question.hand, [workspaceId]],
        ['compiled', statement.sql, statement.parameters],
      ]) {
        const plan = await dataSource.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, parameters);
        lines.push(`  ${question.name}, ${way}:`, `    ${sql.replace(/\s+/g, ' ')}`);
        lines.push(...plan.map((row) => `    ${row['QUERY PLAN']}`));
      }
    }
    const expected = normalise(await ways.hand(), question.key);
    for (const [way, run] of Object.entries(ways)) {
      const difference = differs(expected, normalise(await run(), question.key));
      if (difference) missed.push(`${question.name}: ${way} answered otherwise (${difference})`);
    }
    const times = await p50s(ways);
    const compiledRatio = times.compiled / times.hand;
    const serviceRatio = times.service / times.hand;
    lines.push(
      `  ${question.name.padEnd(44)} ${ms(times.hand)} ${ms(times.compiled)} ${ms(times.service)} ${ms(times.http)} ${compiledRatio.toFixed(2).padStart(14)} ${serviceRatio.toFixed(2).padStart(13)} ${ms(times.http - times.service, 13)}`,
    );
    lines.push(`    rows: ${expected.length}`);
    if (serviceRatio > TARGET_RATIO) {
      missed.push(`${question.name}: service ÷ hand SQL ${serviceRatio.toFixed(2)}`);
    }
  }
  lines.push(`  target: service ÷ hand SQL ≤ ${TARGET_RATIO}`);
  if (missed.length > 0) {
    lines.push(`  MISSED: ${missed.join('; ')}`);
    process.exitCode = 1;
  }
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  if (server) await stopBuiltServer(server);
  if (app) await app.close();
  await stop();
}

/** The query compiled as the service compiles it, at a given "now". */
function compile(text, workspaceId) {
  const parsed = parseQuery(text);
  if (!parsed.ok) throw new Error(`${text}: ${JSON.stringify(parsed.errors)}`);
  return (now) =>
    compileQuery(parsed.query, { workspaceId, now, tables: QUERY_TABLES, rowCap: QUERY_ROW_CAP });
}

async function runOverHttp(origin, token, query) {
  const answer = await fetch(`${origin}/api/workspaces/bench/queries/run`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  if (!answer.ok) throw new Error(`queries/run: ${answer.status} ${await answer.text()}`);
  return (await answer.json()).rows;
}

/** Rows as comparable values (datetimes as epoch ms, numbers as numbers), sorted by key. */
function normalise(rows, key) {
  return rows
    .map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([name, value]) => [
          name,
          value instanceof Date
            ? value.getTime()
            : typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value)
              ? Date.parse(value)
              : typeof value === 'string' && value !== '' && !Number.isNaN(Number(value))
                ? Number(value)
                : value,
        ]),
      ),
    )
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Where two answers differ (numbers within 1e-9 relative), or null. */
function differs(expected, actual) {
  if (expected.length !== actual.length) return `${actual.length} rows, not ${expected.length}`;
  for (let index = 0; index < expected.length; index++) {
    for (const [name, value] of Object.entries(expected[index])) {
      const other = actual[index][name];
      const same =
        typeof value === 'number' && typeof other === 'number'
          ? Math.abs(value - other) <= 1e-9 * Math.max(1, Math.abs(value))
          : value === other;
      if (!same) return `row ${index} ${name}: ${String(other)}, not ${String(value)}`;
    }
  }
  return null;
}

/**
 * The p50 of each way, measured in rounds that run every way once (in turn, starting with a
 * different one each round), so a busy machine slows all of them alike.
 */
async function p50s(ways) {
  const entries = Object.entries(ways);
  for (let warm = 0; warm < WARM_UPS; warm++) for (const [, run] of entries) await run();
  const times = Object.fromEntries(entries.map(([way]) => [way, []]));
  for (let round = 0; round < RUNS; round++) {
    for (let turn = 0; turn < entries.length; turn++) {
      const [way, run] = entries[(round + turn) % entries.length];
      const start = performance.now();
      await run();
      times[way].push(performance.now() - start);
    }
  }
  return Object.fromEntries(
    Object.entries(times).map(([way, list]) => {
      list.sort((a, b) => a - b);
      return [way, list[Math.floor((list.length - 1) / 2)]];
    }),
  );
}

function ms(value, width = 10) {
  return `${value.toFixed(1)} ms`.padStart(width);
}

/**
 * `METRICS` metrics, each a value every ~5 minutes over the last year (a service's latency or
 * error rate as a monitoring export uploads it): a daily cycle plus noise. One COPY.
 */
async function copyPoints(dataSource, workspaceId, now) {
  const metricIds = [];
  for (let index = 0; index < METRICS; index++) {
    const [metric] = await dataSource.query(
      `INSERT INTO metric (workspace_id, key, name, unit, category, direction, version)
       VALUES ($1, $2, $3, 'ms', 'technical-health', 'decrease-is-good', 1) RETURNING id`,
      [workspaceId, `latency-${index + 1}`, `Latency of service ${index + 1}`],
    );
    metricIds.push(metric.id);
  }
  const perMetric = Math.ceil(POINTS / METRICS);
  const step = Math.floor((365 * DAY_MS) / perMetric);
  // The export has a day's gap around 90 days ago, so "ago(90d)" cuts no series in the middle
  // whenever during the run it is evaluated: every way of asking sees the same points.
  const gap = [now - 90.5 * DAY_MS, now - 89.5 * DAY_MS];
  const start = now - perMetric * step - DAY_MS;
  const next = random(7);
  function* lines() {
    let written = 0;
    for (const [index, id] of metricIds.entries()) {
      let chunk = '';
      let count = 0;
      for (let at = start; count < perMetric && written < POINTS; at += step) {
        if (at > gap[0] && at < gap[1]) continue;
        const daily = Math.sin(((at % DAY_MS) / DAY_MS) * 2 * Math.PI);
        const value = 100 + index * 10 + 30 * daily + 20 * next();
        chunk += `${id}\t${new Date(at).toISOString()}\t${value.toFixed(3)}\n`;
        count++;
        written++;
        if (chunk.length > 1 << 16) {
          yield chunk;
          chunk = '';
        }
      }
      if (chunk) yield chunk;
    }
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await pipeline(
      Readable.from(lines()),
      client.query(copyFrom(`COPY metric_point (metric_id, "timestamp", value) FROM STDIN`)),
    );
  } finally {
    await client.end();
  }
}
