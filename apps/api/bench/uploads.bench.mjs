// Benchmark of heavy uploads against the BUILT server (`node dist/main.js`, a child process on an
// embedded PostgreSQL started here): a 1,000,000-line points CSV where every line is bad, and a
// real import of 20,000 Jira issues (the export of import.bench.mjs, ~8 changelog entries an
// issue), both sent at once with curl — separate processes, as real clients are.
//
// Measured meanwhile: the latency of `GET /api/health`, asked back to back from a worker thread
// (so the prober never waits on this script's own work), and the server's resident memory
// (VmRSS sampled from /proc, and its high-water mark VmHWM at the end, start-up included).
// Reported: health p50/p99/max while the uploads run (and idle, before them, for reference),
// how long until the bad CSV is refused, the import's phases, and the server's peak RSS.
// Targets: health p99 ≤ 100 ms, peak RSS ≤ 600 MB, bad CSV refused within 5 s.
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import { dist, freePort, load, serverNodeFlags, startBenchDatabase } from './support/built-app.mjs';

const execFileAsync = promisify(execFile);

const BAD_CSV_LINES = 1_000_000;
const JIRA_ISSUES = 20_000; // what import.bench.mjs generates
const IDLE_PROBE_MS = 2_000;
/** One health request every 10 ms at most: 100 a second. */
const PROBE_EVERY_MS = 10;
const TARGET_P99_MS = 100;
const TARGET_RSS_MB = 600;
const TARGET_REFUSAL_S = 5;
const DAY_MS = 86_400_000;

const [
  { insertUser },
  { insertWorkspaceWithAdmin },
  { hashSecret, newSecret },
  tokens,
  { ApiToken },
  { Team },
  { Metric },
] = await Promise.all([
  load('accounts/user.repository.js'),
  load('workspaces/workspaces.service.js'),
  load('common/secrets/secret-token.js'),
  load('access/credentials.js'),
  load('tokens/api-token.entity.js'),
  load('teams/team.entity.js'),
  load('metrics/metric.entity.js'),
]);

const { work, databaseUrl, dataSource, stop } = await startBenchDatabase('uploads');
let server;
try {
  const { workspace, team, metric, token } = await setUp(dataSource);
  await dataSource.destroy();

  const badCsv = path.join(work, 'bad-points.csv');
  await writeBadCsv(badCsv);
  const jiraExport = path.join(work, 'search.json');
  await execFileAsync(
    process.execPath,
    [fileURLToPath(new URL('import.bench.mjs', import.meta.url))],
    {
      env: { ...process.env, BENCH_EXPORT_ONLY: jiraExport },
    },
  );

  server = await startServer();
  const origin = `http://127.0.0.1:${server.port}`;
  const base = `${origin}/api/workspaces/${workspace.slug}`;
  const idle = await probeHealth(`${origin}/api/health`, () => sleep(IDLE_PROBE_MS));

  const rss = sampleRss(server.child.pid);
  let csvRefusal;
  let jira;
  const loaded = await probeHealth(`${origin}/api/health`, async () => {
    const began = performance.now();
    const csv = post(`${base}/metrics/${metric.key}/points`, token, [
      '--header',
      'Content-Type: text/csv',
      '--data-binary',
      `@${badCsv}`,
    ]).then((answer) => ({ ...answer, seconds: (performance.now() - began) / 1000 }));
    const importing = timedImport(base, team, token, jiraExport, began);
    [csvRefusal, jira] = await Promise.all([csv, importing]);
  });
  const sampledPeakMb = rss.stop();
  const highWaterMb = await highWaterMark(server.child.pid);

  const refused = JSON.parse(csvRefusal.body);
  if (csvRefusal.status !== 400) {
    throw new Error(`the bad CSV answered ${csvRefusal.status}: ${csvRefusal.body}`);
  }
  const peakMb = Math.max(sampledPeakMb, highWaterMb ?? 0);
  const sizes = {
    csv: (await stat(badCsv)).size / 1024 / 1024,
    jira: (await stat(jiraExport)).size / 1024 / 1024,
  };
  const lines = [
    `Heavy uploads benchmark — a ${BAD_CSV_LINES.toLocaleString('en-US')}-line points CSV, every line bad (${sizes.csv.toFixed(1)} MB), and a ${JIRA_ISSUES.toLocaleString('en-US')}-issue Jira import (${sizes.jira.toFixed(1)} MB JSON), sent together to node dist/main.js`,
    `  ${'GET /api/health'.padEnd(30)} ${'p50'.padStart(9)} ${'p99'.padStart(9)} ${'max'.padStart(9)} ${'requests'.padStart(9)}`,
    `  ${'idle, before the uploads'.padEnd(30)} ${ms(idle.p50)} ${ms(idle.p99)} ${ms(idle.max)} ${String(idle.count).padStart(9)}`,
    `  ${'while they run'.padEnd(30)} ${ms(loaded.p50)} ${ms(loaded.p99)} ${ms(loaded.max)} ${String(loaded.count).padStart(9)}   target p99 ≤ ${TARGET_P99_MS} ms`,
    `  bad CSV refused after ${csvRefusal.seconds.toFixed(2)} s: ${csvRefusal.status}, ${refused.errors?.length ?? 0} problems listed, truncated: ${refused.truncated === true}   target ≤ ${TARGET_REFUSAL_S} s`,
    `  Jira import: accepted (upload + read) after ${jira.acceptedSeconds.toFixed(2)} s, completed after ${jira.completedSeconds.toFixed(2)} s, ${jira.result.created.toLocaleString('en-US')} items created`,
    `  server peak RSS: ${Math.round(peakMb)} MB (sampled during the uploads ${Math.round(sampledPeakMb)} MB, VmHWM ${highWaterMb === undefined ? 'n/a' : `${Math.round(highWaterMb)} MB`})   target ≤ ${TARGET_RSS_MB} MB`,
  ];
  const missed = [
    loaded.p99 > TARGET_P99_MS && 'health p99',
    peakMb > TARGET_RSS_MB && 'peak RSS',
    csvRefusal.seconds > TARGET_REFUSAL_S && 'bad CSV refusal',
  ].filter(Boolean);
  if (missed.length > 0) {
    lines.push(`  MISSED: ${missed.join(', ')}`);
    process.exitCode = 1;
  }
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  await server?.stop();
  await stop();
}

function ms(value) {
  return `${value.toFixed(1)} ms`.padStart(9);
}

function sleep(milliseconds) {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
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
  const team = await dataSource.getRepository(Team).save({
    workspaceId: workspace.id,
    name: 'Bench team',
    slug: 'bench-team',
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
  const metric = await dataSource.getRepository(Metric).save({
    workspaceId: workspace.id,
    key: 'bench-metric',
    name: 'Bench metric',
    unit: '',
    category: 'usage',
    direction: 'increase-is-good',
    description: '',
  });
  const secret = newSecret(tokens.TOKEN_PREFIX);
  await dataSource.getRepository(ApiToken).save({
    userId: user.id,
    workspaceId: workspace.id,
    name: 'bench',
    scope: 'write',
    tokenHash: hashSecret(secret),
    tokenPrefix: secret.slice(0, 10),
    expiresAt: new Date(Date.now() + DAY_MS),
    lastUsedAt: null,
    revokedAt: null,
  });
  return { workspace, team, metric, token: secret };
}

/** `timestamp,value` and a million lines whose timestamp is not one (4 bytes a line). */
async function writeBadCsv(file) {
  const out = createWriteStream(file);
  out.write('timestamp,value\n');
  const block = 'x,1\n'.repeat(10_000);
  for (let written = 0; written < BAD_CSV_LINES; written += 10_000) {
    if (!out.write(block)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** `node dist/main.js` on the cluster, as an operator would run it with `DATABASE_URL`. */
async function startServer() {
  const port = await freePort();
  // With the production start-up's Node flags (the heap budget), as `npm start` runs it.
  const flags = await serverNodeFlags();
  const child = spawn(process.execPath, [...flags, fileURLToPath(new URL('main.js', dist))], {
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: databaseUrl,
      BEARING_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
      BEARING_DATA_DIR: path.join(work, 'data'),
      BEARING_DEMO: '0',
      PORT: String(port),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = once(child, 'exit');
  for (let tries = 0; ; tries++) {
    if (child.exitCode !== null) throw new Error(`the server stopped:\n${output}`);
    const ready = await fetch(`http://127.0.0.1:${port}/api/ready`).catch(() => undefined);
    if (ready?.ok) break;
    if (tries > 600) throw new Error(`the server did not become ready:\n${output}`);
    await sleep(100);
  }
  return {
    port,
    child,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** POSTs with curl; resolves with the status and the body. */
async function post(url, token, args) {
  const { stdout } = await execFileAsync(
    'curl',
    [
      '--silent',
      '--show-error',
      '--header',
      `Authorization: Bearer ${token}`,
      ...args,
      '--write-out',
      '\n%{http_code}',
      url,
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  const end = stdout.lastIndexOf('\n');
  return { body: stdout.slice(0, end), status: Number(stdout.slice(end + 1)) };
}

/** A real import: the upload (202 once read and checked), then the job polled to its end. */
async function timedImport(base, team, token, file, began) {
  const started = await post(`${base}/teams/${team.slug}/imports`, token, [
    '--form',
    'format=jira-json',
    '--form',
    `file=@${file};type=application/json`,
  ]);
  if (started.status !== 202) throw new Error(`import answered ${started.status}: ${started.body}`);
  const acceptedSeconds = (performance.now() - began) / 1000;
  const { id } = JSON.parse(started.body);
  for (;;) {
    const job = await (
      await fetch(`${base}/imports/${id}`, { headers: { Authorization: `Bearer ${token}` } })
    ).json();
    if (job.status === 'failed') throw new Error(`import failed: ${JSON.stringify(job.result)}`);
    if (job.status === 'completed') {
      return {
        acceptedSeconds,
        completedSeconds: (performance.now() - began) / 1000,
        result: job.result,
      };
    }
    await sleep(50);
  }
}

/**
 * Asks `url` every `PROBE_EVERY_MS` (or as soon as the last answer came, when slower) from a worker thread until `during()` settles; p50, p99 and max of the
 * latencies. The worker has its own event loop, so a busy main thread here never delays a probe.
 */
async function probeHealth(url, during) {
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    const { performance } = require('node:perf_hooks');
    let stopping = false;
    parentPort.on('message', () => { stopping = true; });
    (async () => {
      const latencies = [];
      while (!stopping) {
        const began = performance.now();
        const answer = await fetch(workerData.url);
        await answer.arrayBuffer();
        if (!answer.ok) throw new Error(workerData.url + ': ' + answer.status);
        const latency = performance.now() - began;
        latencies.push(latency);
        // Paced like a steady stream of other users' requests, not a flood of them.
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, workerData.everyMs - latency)));
      }
      parentPort.postMessage(latencies);
    })();
  `;
  const worker = new Worker(source, { eval: true, workerData: { url, everyMs: PROBE_EVERY_MS } });
  const failed = once(worker, 'error').then(([error]) => {
    throw error;
  });
  const latencies = once(worker, 'message').then(([message]) => message);
  try {
    await Promise.race([during(), failed]);
  } finally {
    worker.postMessage('stop');
  }
  const sorted = (await Promise.race([latencies, failed])).sort((a, b) => a - b);
  await worker.terminate();
  const at = (share) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))];
  return { p50: at(0.5), p99: at(0.99), max: sorted.at(-1), count: sorted.length };
}

/** VmRSS of `pid` every 50 ms (Linux /proc; `ps` elsewhere); `stop()` gives the peak in MB. */
function sampleRss(pid) {
  let peakKb = 0;
  const sample = async () => {
    const kb = await residentKb(pid, 'VmRSS');
    if (kb !== undefined) peakKb = Math.max(peakKb, kb);
  };
  const timer = setInterval(() => void sample(), 50);
  return {
    stop() {
      clearInterval(timer);
      return peakKb / 1024;
    },
  };
}

async function highWaterMark(pid) {
  const kb = await residentKb(pid, 'VmHWM');
  return kb === undefined ? undefined : kb / 1024;
}

async function residentKb(pid, field) {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) : undefined;
  } catch {
    if (field !== 'VmRSS') return undefined;
    const { stdout } = await execFileAsync('ps', ['-o', 'rss=', '-p', String(pid)]).catch(() => ({
      stdout: '',
    }));
    return Number(stdout.trim()) || undefined;
  }
}
