// API benchmark against the demo workspace: the portfolio and the team page's endpoints, each
// under a closed loop of 10 concurrent clients (keep-alive HTTP, like a browser tab per user,
// sent from a worker thread so the load generator does not share the server's event loop),
// against the BUILT app in ../dist on an embedded PostgreSQL started here and seeded with the
// demo exactly as a first `npm start` seeds it (through the application's services).
//
// Reported per endpoint: p50 and p95 latency, requests/s, and the ratio of the API's p50 to the
// p50 of a bare SQL read of the same rows (the queries the endpoint's read model needs, sent
// straight through `pg` with the same concurrency, in the same run). The ratio is what the API
// adds — parsing, access checks, computing the metrics, serialising — over just reading. The
// flow endpoints' bare read is of their read model's rows (the team with its stamp, then the
// stored per-day counts or per-item rows of the default 90 days), as the endpoints read them.
// A third column, the HTTP floor, is what merely answering those rows over HTTP costs: a bare
// `node:http` server in this process runs the same bare read for each request and sends its rows
// as JSON (no framework, no access check, no computing), driven by the same worker-thread
// client. It shows the share of the ratio that is HTTP itself (both sides of it run on the same
// two cores as the database), so "API ÷ HTTP floor" is what the application adds.
// Targets: ratio ≤ 1.5 for the small reads (sprint burndown, portfolio), ≤ 2 for a metric's
// series with its XmR analysis, ≤ 3 for the rest. Capacity and velocity are measured once more
// under 50 concurrent clients (p50 reported, more clients than the API's 10 pooled connections).
import { AsyncLocalStorage } from 'node:async_hooks';
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { load, startBenchDatabase } from './support/built-app.mjs';

const CONCURRENCY = 10;
const MANY_CLIENTS = 50;
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 4_000);
// `BENCH_ONLY=portfolio,burndown` measures only the cases whose name contains one of those words;
// BENCH_DIST names another build's dist/ (e.g. an earlier commit's) to compare.
const ONLY = process.env.BENCH_ONLY?.split(',').filter(Boolean) ?? [];
const WARM_UP_MS = 500;
const TARGET_RATIO = 3;
const XMR_ANALYSIS_POINTS = 500;
const DAY_MS = 86_400_000;

/** The rows the bare reads of the current HTTP floor request fetched, to answer them as JSON. */
const rowsRead = new AsyncLocalStorage();

const [
  { createApp },
  { bootstrapAccounts },
  { ensureDemoSeeded },
  { hashSecret, newSecret },
  { ApiToken },
] = await Promise.all([
  load('create-app.js'),
  load('bootstrap-accounts.js'),
  load('demo/demo-workspace.js'),
  load('common/secrets/secret-token.js'),
  load('tokens/api-token.entity.js'),
]);
const pg = (await import('pg')).default;
const { addDays, dayToEpochDay, epochMsToDay } = await import('@bearing/metrics');

const { work, databaseUrl, dataSource, stop } = await startBenchDatabase('api');
let app;
let pool;
try {
  const config = {
    port: 0,
    databaseUrl: undefined,
    dataDir: work,
    adminEmail: 'bench@example.com',
    adminPassword: 'quiet harbour lantern meadow',
    demo: true,
    logLevel: 'silent',
    // One process on the embedded database: jobs run here, the secrets key is a file in `work`.
    role: 'all',
    publicUrl: 'http://localhost',
    secretKey: undefined,
    trustProxy: ['loopback'],
  };
  await bootstrapAccounts(dataSource, config);
  app = await createApp(config, dataSource);
  const seeding = performance.now();
  const outcome = await ensureDemoSeeded(app, dataSource);
  if (outcome !== 'seeded') throw new Error(`the demo was not seeded: ${outcome}`);
  const seedMs = performance.now() - seeding;
  await app.listen(0, '127.0.0.1');
  const origin = `http://127.0.0.1:${app.getHttpServer().address().port}`;

  const { workspaceId, token } = await readToken(dataSource);
  const team = await busiestTeam(dataSource, workspaceId);
  const base = `${origin}/api/workspaces/demo`;
  const teamBase = `${base}/teams/${team.slug}`;
  pool = new pg.Pool({ connectionString: databaseUrl, max: CONCURRENCY });
  const metric = await longestMetric(dataSource, workspaceId);
  const sql = bareReads(pool, workspaceId, team, metric);

  const cases = [
    { name: 'portfolio', url: `${base}/portfolio`, bare: sql.portfolio, target: 1.5 },
    {
      name: 'team: sprint burndown',
      url: `${teamBase}/sprints/${team.lastSprintId}/burndown`,
      bare: sql.sprint,
      target: 1.5,
    },
    {
      name: `metric: series + XmR (${metric.points})`,
      url: `${base}/metrics/${metric.key}/series`,
      bare: sql.series,
      target: 2,
    },
    {
      name: 'team: velocity (6 sprints)',
      url: `${teamBase}/velocity?window=6`,
      bare: sql.velocity,
      manyClients: true,
    },
    {
      name: 'team: capacity (6 sprints)',
      url: `${teamBase}/capacity?sprint=${team.lastSprintId}&history=6`,
      bare: sql.capacity,
      manyClients: true,
    },
    { name: 'team: cycle times', url: `${teamBase}/flow/cycle-times`, bare: sql.cycleTimes },
    { name: 'team: cumulative flow', url: `${teamBase}/flow/cfd`, bare: sql.flowDays },
    { name: 'team: aging WIP', url: `${teamBase}/flow/aging`, bare: sql.aging },
  ];

  const selected = cases.filter(
    ({ name }) => ONLY.length === 0 || ONLY.some((word) => name.includes(word)),
  );
  const lines = [
    `API benchmark — demo workspace seeded in ${(seedMs / 1000).toFixed(1)} s; team "${team.slug}" (${team.items.toLocaleString('en-US')} work items); ${CONCURRENCY} concurrent clients, ${DURATION_MS / 1000} s per measurement`,
    `  ${'endpoint'.padEnd(32)} ${'API p50'.padStart(9)} ${'API p95'.padStart(9)} ${'req/s'.padStart(7)}   ${'SQL p50'.padStart(9)} ${'SQL p95'.padStart(9)}   ratio p50  target   ${'HTTP p50'.padStart(9)}  API ÷ HTTP`,
  ];
  const missed = [];
  for (const entry of selected) {
    const response = await fetch(entry.url, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`${entry.name}: ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
    const api = await httpClosedLoop(entry.url, token, CONCURRENCY);
    const bare = await closedLoop(entry.bare);
    const http = await httpFloor(entry.bare, token);
    const ratio = api.p50 / bare.p50;
    const target = entry.target ?? TARGET_RATIO;
    if (ratio > target) missed.push(entry.name);
    lines.push(
      `  ${entry.name.padEnd(32)} ${ms(api.p50)} ${ms(api.p95)} ${String(Math.round(api.rate)).padStart(7)}   ${ms(bare.p50)} ${ms(bare.p95)}   ${ratio.toFixed(2).padStart(6)}   ≤ ${String(target).padEnd(4)} ${ms(http.p50)}  ${(api.p50 / http.p50).toFixed(2).padStart(6)}`,
    );
  }
  lines.push(`  ${MANY_CLIENTS} concurrent clients (the API pools ${CONCURRENCY} connections):`);
  for (const entry of selected.filter(({ manyClients }) => manyClients)) {
    const api = await httpClosedLoop(entry.url, token, MANY_CLIENTS);
    lines.push(
      `  ${entry.name.padEnd(32)} ${ms(api.p50)} ${ms(api.p95)} ${String(Math.round(api.rate)).padStart(7)}`,
    );
  }
  if (missed.length > 0) {
    lines.push(`  MISSED: ${missed.join(', ')}`);
    process.exitCode = 1;
  }
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  await pool?.end();
  if (app) await app.close();
  await stop();
}

function ms(value) {
  return `${value.toFixed(1)} ms`.padStart(9);
}

/**
 * `httpClosedLoop` against a bare `node:http` server that runs `task` (a bare read) for each
 * request and answers the rows it read as JSON: what HTTP alone adds to reading.
 */
async function httpFloor(task, token) {
  const server = createServer((request, response) => {
    const rows = [];
    rowsRead
      .run(rows, task)
      .then(() => {
        response.setHeader('content-type', 'application/json; charset=utf-8');
        response.end(JSON.stringify(rows));
      })
      .catch((error) => {
        response.statusCode = 500;
        response.end(String(error));
      });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await httpClosedLoop(`http://127.0.0.1:${server.address().port}/`, token, CONCURRENCY);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

/** `CONCURRENCY` workers call `task` back to back for `DURATION_MS` (after a warm-up). */
async function closedLoop(task) {
  const warmUpEnd = performance.now() + WARM_UP_MS;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < warmUpEnd) await task();
    }),
  );
  const latencies = [];
  const start = performance.now();
  const end = start + DURATION_MS;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        const began = performance.now();
        await task();
        latencies.push(performance.now() - began);
      }
    }),
  );
  return summarise(latencies, performance.now() - start);
}

/**
 * `closedLoop` over HTTP GETs of `url`, driven from a worker thread — like autocannon, the load
 * generator must not share the server's event loop, or the API's latency would include the
 * client's own work (building requests, parsing responses) and the ratio would overstate what
 * the API adds.
 */
function httpClosedLoop(url, token, concurrency) {
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    const { performance } = require('node:perf_hooks');
    const { url, token, concurrency, durationMs, warmUpMs } = workerData;
    const task = async () => {
      const answer = await fetch(url, { headers: { authorization: 'Bearer ' + token } });
      if (!answer.ok) throw new Error(url + ': ' + answer.status);
      await answer.arrayBuffer();
    };
    (async () => {
      const warmUpEnd = performance.now() + warmUpMs;
      await Promise.all(Array.from({ length: concurrency }, async () => {
        while (performance.now() < warmUpEnd) await task();
      }));
      const latencies = [];
      const start = performance.now();
      const end = start + durationMs;
      await Promise.all(Array.from({ length: concurrency }, async () => {
        while (performance.now() < end) {
          const began = performance.now();
          await task();
          latencies.push(performance.now() - began);
        }
      }));
      parentPort.postMessage({ latencies, elapsed: performance.now() - start });
    })(); // a failure rejects unhandled, which ends the worker with an 'error' event
  `;
  return new Promise((resolve, reject) => {
    const worker = new Worker(source, {
      eval: true,
      workerData: {
        url,
        token,
        concurrency,
        durationMs: DURATION_MS,
        warmUpMs: WARM_UP_MS,
      },
    });
    worker.once('message', ({ latencies, elapsed }) => {
      resolve(summarise(latencies, elapsed));
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

/** p50, p95 and requests per second of `latencies` measured over `elapsed` ms. */
function summarise(latencies, elapsed) {
  latencies.sort((a, b) => a - b);
  const at = (share) =>
    latencies[Math.min(latencies.length - 1, Math.floor(share * latencies.length))];
  return { p50: at(0.5), p95: at(0.95), rate: latencies.length / (elapsed / 1000) };
}

/** A read token for the demo workspace, owned by its admin (as a dashboard integration would). */
async function readToken(dataSource) {
  const [{ workspace_id: workspaceId, user_id: userId }] = await dataSource.query(
    `SELECT m.workspace_id, m.user_id FROM membership m
       JOIN workspace w ON w.id = m.workspace_id
      WHERE w.slug = 'demo' AND m.role = 'admin' LIMIT 1`,
  );
  const secret = newSecret('brg_');
  await dataSource.getRepository(ApiToken).save({
    userId,
    workspaceId,
    name: 'bench',
    scope: 'read',
    tokenHash: hashSecret(secret),
    tokenPrefix: secret.slice(0, 10),
    expiresAt: new Date(Date.now() + DAY_MS),
    lastUsedAt: null,
    revokedAt: null,
  });
  return { workspaceId, token: secret };
}

/** The demo team with the most work items, and its last closed sprint. */
async function busiestTeam(dataSource, workspaceId) {
  const [team] = await dataSource.query(
    `SELECT t.id, t.slug, t.time_zone, count(i.id)::int AS items
       FROM team t LEFT JOIN work_item i ON i.team_id = t.id
      WHERE t.workspace_id = $1
      GROUP BY t.id ORDER BY count(i.id) DESC, t.slug LIMIT 1`,
    [workspaceId],
  );
  const sprints = await dataSource.query(
    `SELECT id FROM sprint WHERE team_id = $1 AND state = 'closed' ORDER BY ends_at DESC LIMIT 7`,
    [team.id],
  );
  const ids = sprints.map(({ id }) => id);
  // Velocity's window is the last 6; capacity for the last sprint looks at the 6 before it.
  return {
    ...team,
    lastSprintId: ids[0],
    windowSprintIds: ids.slice(0, 6),
    historySprintIds: ids.slice(1),
  };
}

/** The demo metric with the most points: the series endpoint reads all of them. */
async function longestMetric(dataSource, workspaceId) {
  const [metric] = await dataSource.query(
    `SELECT m.id, m.key, count(p.metric_id)::int AS points
       FROM metric m LEFT JOIN metric_point p ON p.metric_id = m.id
      WHERE m.workspace_id = $1
      GROUP BY m.id ORDER BY count(p.metric_id) DESC, m.key LIMIT 1`,
    [workspaceId],
  );
  return metric;
}

/**
 * The rows each endpoint's read model reads, read with plain SQL and nothing else: no HTTP, no
 * access check, no computing, no JSON.
 */
function bareReads(pool, workspaceId, team, metric) {
  const query = async (text, values) => {
    const result = await pool.query(text, values);
    rowsRead.getStore()?.push(result.rows);
    return result;
  };
  const flowTeam = () =>
    query(
      `SELECT team.id, team.time_zone, team.workflow, team.calendar, model.stamp
         FROM team LEFT JOIN team_flow_model model ON model.team_id = team.id
        WHERE team.workspace_id = $1 AND team.slug = $2`,
      [workspaceId, team.slug],
    );
  const flowRange = () => {
    const today = epochMsToDay(Date.now(), team.time_zone);
    return { from: dayToEpochDay(addDays(today, -89)), to: dayToEpochDay(today) };
  };
  const sprintRows = async (sprintId) => {
    const { rows } = await query(
      `SELECT item.id, item.created_at, item.initial_status, item.status, item.initial_points
         FROM work_item item
        WHERE item.has_history
          AND item.id IN (SELECT work_item_id FROM work_item_sprint_change WHERE sprint_id = $1)`,
      [sprintId],
    );
    const ids = rows.map(({ id }) => id);
    await Promise.all([
      query(
        `SELECT work_item_id, at, change FROM work_item_sprint_change
          WHERE work_item_id = ANY($1::uuid[]) AND sprint_id = $2 ORDER BY work_item_id, seq`,
        [ids, sprintId],
      ),
      query(
        `SELECT work_item_id, at, points FROM work_item_estimate_change
          WHERE work_item_id = ANY($1::uuid[]) ORDER BY work_item_id, seq`,
        [ids],
      ),
      query(
        `SELECT work_item_id, at, to_status FROM work_item_status_change
          WHERE work_item_id = ANY($1::uuid[]) ORDER BY work_item_id, seq`,
        [ids],
      ),
    ]);
  };
  return {
    sprint: async () => {
      await query(`SELECT * FROM team WHERE id = $1`, [team.id]);
      await query(`SELECT * FROM sprint WHERE id = $1`, [team.lastSprintId]);
      await sprintRows(team.lastSprintId);
    },
    series: async () => {
      await query(`SELECT * FROM metric WHERE workspace_id = $1 AND key = $2`, [
        workspaceId,
        metric.key,
      ]);
      await Promise.all([
        query(`SELECT timestamp, value FROM metric_point WHERE metric_id = $1 ORDER BY timestamp`, [
          metric.id,
        ]),
        query(
          `SELECT timestamp, value FROM metric_point WHERE metric_id = $1
            ORDER BY timestamp DESC LIMIT $2`,
          [metric.id, XMR_ANALYSIS_POINTS],
        ),
      ]);
    },
    capacity: async () => {
      await query(`SELECT * FROM team WHERE id = $1`, [team.id]);
      await query(`SELECT * FROM sprint WHERE id = $1`, [team.lastSprintId]);
      await query(`SELECT * FROM team_member WHERE team_id = $1`, [team.id]);
      await query(`SELECT * FROM sprint_availability WHERE sprint_id = ANY($1::uuid[])`, [
        team.windowSprintIds,
      ]);
      await query(`SELECT * FROM sprint WHERE team_id = $1 AND state = 'closed' ORDER BY ends_at`, [
        team.id,
      ]);
      for (const sprintId of team.historySprintIds) await sprintRows(sprintId);
    },
    velocity: async () => {
      await query(`SELECT * FROM team WHERE id = $1`, [team.id]);
      await query(`SELECT * FROM sprint WHERE team_id = $1 AND state = 'closed' ORDER BY ends_at`, [
        team.id,
      ]);
      for (const sprintId of team.windowSprintIds) await sprintRows(sprintId);
    },
    // The flow endpoints read the team's flow read model (stored rows, see
    // delivery/flow-read-model): the team with its read model's stamp, then the rows of the
    // default range — the 90 days up to today in the team's time zone.
    cycleTimes: async () => {
      await flowTeam();
      const { from, to } = flowRange();
      const { rows } = await query(
        `(SELECT 'before' AS which, done_through, cycle_counts_through, lead_counts_through
            FROM team_flow_day WHERE team_id = $1 AND day <= $2 ORDER BY day DESC LIMIT 1)
         UNION ALL
         (SELECT 'upTo', done_through, cycle_counts_through, lead_counts_through
            FROM team_flow_day WHERE team_id = $1 AND day <= $3 ORDER BY day DESC LIMIT 1)`,
        [team.id, from - 1, to],
      );
      const through = (which) => rows.find((row) => row.which === which)?.done_through ?? 0;
      const first = through('before');
      const total = through('upTo') - first;
      if (total === 0) return;
      const sampled = total > 5000;
      await query(
        `SELECT key, done_day, cycle_time, lead_time FROM work_item_flow
          WHERE team_id = $1 AND ${sampled ? 'done_rank = ANY($2::int[])' : 'done_rank BETWEEN $2 AND $3'}
          ORDER BY done_rank`,
        sampled
          ? [
              team.id,
              Array.from({ length: 5000 }, (_, i) => first + Math.floor((i * total) / 5000)),
            ]
          : [team.id, first, first + total - 1],
      );
    },
    flowDays: async () => {
      await flowTeam();
      const { from, to } = flowRange();
      await query(
        `(SELECT $2::int - 1 AS day, array_agg(total ORDER BY stage) AS entered
            FROM (SELECT entry.stage, sum(entry.count)::int AS total
                    FROM team_flow_day flow_day,
                         unnest(flow_day.entered) WITH ORDINALITY AS entry(count, stage)
                   WHERE flow_day.team_id = $1 AND flow_day.day < $2
                   GROUP BY entry.stage) sums
          HAVING count(*) > 0)
         UNION ALL
         (SELECT day, entered FROM team_flow_day
           WHERE team_id = $1 AND day BETWEEN $2 AND $3 ORDER BY day)`,
        [team.id, from, to],
      );
    },
    aging: async () => {
      await flowTeam();
      const { to } = flowRange();
      await Promise.all([
        query(
          `WITH in_progress AS (
             SELECT work_item_id AS id, key, title, committed_day, stage FROM work_item_flow
              WHERE team_id = $1 AND has_history AND done_day IS NULL AND committed_day IS NOT NULL
                AND last_day <= $2),
           cutoff AS (SELECT committed_day FROM in_progress ORDER BY committed_day OFFSET $3 LIMIT 1)
           SELECT (SELECT count(*)::int FROM in_progress) AS total, in_progress.*
             FROM (SELECT 1) one
             LEFT JOIN in_progress
               ON in_progress.committed_day <= COALESCE((SELECT committed_day FROM cutoff),
                                                        in_progress.committed_day)`,
          [team.id, to, 999],
        ),
        query(
          `SELECT work_item_id AS id FROM work_item_flow
            WHERE team_id = $1 AND has_history AND last_day > $2 AND created_day <= $2`,
          [team.id, to],
        ),
      ]);
    },
    portfolio: async () => {
      const programs = await query(`SELECT * FROM program WHERE workspace_id = $1 ORDER BY name`, [
        workspaceId,
      ]);
      const ids = programs.rows.map(({ id }) => id);
      await query(`SELECT * FROM program_team WHERE program_id = ANY($1::uuid[])`, [ids]);
      await query(`SELECT * FROM program_objective WHERE program_id = ANY($1::uuid[])`, [ids]);
      await query(`SELECT * FROM program_guardrail WHERE program_id = ANY($1::uuid[])`, [ids]);
      await query(
        `SELECT * FROM status_report WHERE workspace_id = $1 AND program_id = ANY($2::uuid[])
            AND state = 'published' AND week >= current_date - 56 ORDER BY week`,
        [workspaceId, ids],
      );
      await query(
        `SELECT * FROM milestone WHERE workspace_id = $1 AND program_id = ANY($2::uuid[])
            AND completed_at IS NULL`,
        [workspaceId, ids],
      );
      await query(
        `SELECT * FROM raid_item WHERE workspace_id = $1 AND program_id = ANY($2::uuid[])
            AND status = 'open'`,
        [workspaceId, ids],
      );
      await query(
        `SELECT * FROM program_dependency WHERE workspace_id = $1 AND program_id = ANY($2::uuid[])`,
        [workspaceId, ids],
      );
      const objectives = await query(
        `SELECT o.*, p.* FROM objective o JOIN period p ON p.id = o.period_id
          WHERE o.workspace_id = $1
            AND o.id IN (SELECT objective_id FROM program_objective WHERE program_id = ANY($2::uuid[]))`,
        [workspaceId, ids],
      );
      await query(`SELECT k.* FROM key_result k WHERE k.objective_id = ANY($1::uuid[])`, [
        objectives.rows.map(({ id }) => id),
      ]);
      await query(
        `SELECT g.*, m.* FROM guardrail g JOIN metric m ON m.id = g.metric_id
          WHERE g.workspace_id = $1 AND g.status IN ('breached', 'warning')`,
        [workspaceId],
      );
      // A KPI tile shows its metric's XmR status, the analysis of its latest
      // XMR_ANALYSIS_POINTS values (the metric page and list show the same one).
      await query(
        `SELECT m.key, p.timestamp, p.value FROM metric m
           LEFT JOIN LATERAL (SELECT timestamp, value FROM metric_point
                               WHERE metric_id = m.id ORDER BY timestamp DESC LIMIT $2) p ON true
          WHERE m.workspace_id = $1`,
        [workspaceId, XMR_ANALYSIS_POINTS],
      );
    },
  };
}
