// Benchmark of a team's flow endpoints (cycle times, throughput, CFD, WIP, aging WIP and both
// forecasts) on generated teams of 2,000 / 20,000 / 100,000 work items with ~3 years of realistic
// changelogs, each endpoint asked for the team's whole history (first item … today), through
// HTTP against the BUILT server (../dist/main.js, a process of its own so its peak RSS is its
// own) on a fresh embedded PostgreSQL.
//
// Reported per endpoint and team size: p50 / p95 with 1 client and with 10 concurrent clients
// (closed loops over keep-alive HTTP), the response size (uncompressed JSON), and the ratios the
// targets bind: p50(100k) ÷ p50(2k) ≤ 2 (cost flat with history) and p50(10 clients) ÷
// p50(1 client) ≤ 3 (on two cores); with the absolute targets: 100k team, 10 clients, p95 ≤
// 300 ms; 20k team, 1 client, p50 ≤ 50 ms; largest response at 100k ≤ 200 kB; server peak RSS
// (VmHWM) ≤ 600 MB.
//
// Why 10 ÷ 1 clients cannot be ≤ 3 on two cores: in a closed loop (each client sends its next
// request as soon as the last one answers) the p50 with N clients is about N ÷ throughput, and
// two cores serve at most 2 ÷ c requests a second when a request needs c of CPU in all (server,
// database and this client together). So p50(10) ≥ 10 × c ÷ 2 = 5c, while p50(1) ≈ c when nothing
// waits on anything but a CPU — the least possible ratio is about 5, whatever the server does.
// The benchmark measures c for each endpoint (the CPU time the server, the PostgreSQL processes
// and this process spent during the 1-client loop, per request) and prints that least possible
// ratio beside the measured one, so how far an endpoint is from the best it could do on this
// machine shows, and a server that degrades under concurrency (locks, pool waits, GC) stands out:
// the check is 10 ÷ 1 ≤ 3 where the least allows it, else ≤ 1.5 × the least.
//
// Knobs: BENCH_SIZES=2000,20000 (default 2000,20000,100000), BENCH_DURATION_MS (per loop,
// default 2000), BENCH_DIST (another build's dist/, e.g. an older commit's, to compare).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  dist,
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
} from './support/team-history.mjs';

const SIZES = (process.env.BENCH_SIZES ?? '2000,20000,100000').split(',').map(Number);
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 2_000);
const WARM_UP_MS = 300;
const CLIENTS = 10;
const YEARS = 3;
const TIME_ZONE = 'America/New_York';
const CORES = availableParallelism();
/** The unit of /proc/<pid>/stat's CPU times. */
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
const TARGETS = {
  flatRatio: 2,
  clientsRatio: 3,
  contention: 1.5,
  p95At100kMs: 300,
  p50At20kMs: 50,
  largestBytes: 200 * 1024,
  rssBytes: 600 * 1024 * 1024,
};

const { hashSecret, newSecret } = await load('common/secrets/secret-token.js');
const readModel = existsSync(new URL('delivery/flow-read-model/flow-read-model.service.js', dist))
  ? await load('delivery/flow-read-model/flow-read-model.service.js')
  : null;

const { work, databaseUrl, dataSource, stop } = await startBenchDatabase('flow');
let server;
try {
  const now = Date.now();
  const { workspaceId, token } = await createBenchWorkspace(dataSource, { hashSecret, newSecret });
  const teams = [];
  for (const size of SIZES) {
    const began = performance.now();
    const team = { slug: `team-${size}` };
    team.id = await createBenchTeam(dataSource, {
      workspaceId,
      name: `Team of ${size}`,
      slug: team.slug,
      timeZone: TIME_ZONE,
    });
    const { changes, firstCreated } = await generateTeamHistory(dataSource, {
      workspaceId,
      teamId: team.id,
      size,
      now,
      years: YEARS,
      seed: size,
      reopenShare: 0.05,
      keyPrefix: `T${size}`,
      teamName: 'a busy team',
    });
    const firstDay = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(firstCreated);
    const generatedMs = performance.now() - began;
    let buildMs = null;
    if (readModel) {
      const building = performance.now();
      await dataSource.transaction((manager) =>
        readModel.refreshTeamFlow(manager, workspaceId, team.id),
      );
      buildMs = performance.now() - building;
    }
    teams.push({ ...team, size, changes, firstDay, generatedMs, buildMs });
  }
  await dataSource.query('VACUUM ANALYZE');
  // The server has a pool of its own: this one's connections would only sit idle meanwhile.
  await dataSource.destroy();

  const port = await freePort();
  server = await startBuiltServer({ port, databaseUrl, dataDir: path.join(work, 'data') });
  const origin = `http://127.0.0.1:${port}`;
  const today = new Date(now).toISOString().slice(0, 10);

  const lines = [
    `Flow endpoints benchmark — teams of ${SIZES.map((size) => size.toLocaleString('en-US')).join(' / ')} items over ${YEARS} years (${TIME_ZONE}), whole history per request, 1 and ${CLIENTS} clients, ${DURATION_MS / 1000} s per loop, ${CORES} cores; "least" is the least ${CLIENTS}÷1 possible here (see the top of this file)`,
  ];
  for (const team of teams) {
    lines.push(
      `  ${team.size.toLocaleString('en-US').padStart(7)} items: ${team.changes.toLocaleString('en-US')} status changes, generated in ${(team.generatedMs / 1000).toFixed(1)} s` +
        (team.buildMs === null
          ? ''
          : `, read model built in ${(team.buildMs / 1000).toFixed(2)} s`),
    );
  }
  const results = new Map();
  for (const team of teams) {
    const base = `${origin}/api/workspaces/bench/teams/${team.slug}`;
    const range = `from=${team.firstDay}&to=${today}`;
    const sample = `sampleFrom=${team.firstDay}&sampleTo=${today}`;
    const endpoints = [
      ['cycle times', `${base}/flow/cycle-times?${range}`],
      ['throughput (weekly)', `${base}/flow/throughput?${range}&interval=week`],
      ['cumulative flow', `${base}/flow/cfd?${range}`],
      ['WIP', `${base}/flow/wip?${range}`],
      ['aging WIP', `${base}/flow/aging`],
      ['forecast: when (50 items)', `${base}/forecast/when?remaining=50&${sample}`],
      ['forecast: how many (30 days)', `${base}/forecast/how-many?days=30&${sample}`],
    ];
    for (const [name, url] of endpoints) {
      const bytes = await responseSize(url, token);
      const one = await closedLoop(url, token, 1);
      const many = await closedLoop(url, token, CLIENTS);
      results.set(`${team.size}|${name}`, { bytes, one, many });
    }
  }
  const rss = peakRss(server.pid);

  const names = [...new Set([...results.keys()].map((key) => key.split('|')[1]))];
  const smallest = Math.min(...SIZES);
  const largest = Math.max(...SIZES);
  const missed = [];
  lines.push(
    `  ${'endpoint'.padEnd(29)} ${'items'.padStart(7)} ${'1: min'.padStart(9)} ${'1: p50'.padStart(9)} ${'1: p95'.padStart(9)} ${`${CLIENTS}: p50`.padStart(10)} ${`${CLIENTS}: p95`.padStart(10)} ${`${CLIENTS}÷1`.padStart(6)} ${'least'.padStart(6)} ${'size'.padStart(9)}`,
  );
  for (const name of names) {
    for (const size of SIZES) {
      const { bytes, one, many } = results.get(`${size}|${name}`);
      const clientsRatio = many.p50 / one.p50;
      // The least 10 ÷ 1 ratio possible here: 10 requests' CPU shared by the cores, over p50(1).
      const least = Math.max(1, (CLIENTS * one.cpuMs) / CORES / one.p50);
      const failed = one.failures + many.failures;
      if (failed > 0) missed.push(`${name} @${size}: ${failed} requests failed`);
      lines.push(
        `  ${name.padEnd(29)} ${String(size).padStart(7)} ${ms(one.min)} ${ms(one.p50)} ${ms(one.p95)} ${ms(many.p50, 10)} ${ms(many.p95, 10)} ${clientsRatio.toFixed(2).padStart(6)} ${least.toFixed(2).padStart(6)} ${kB(bytes)}`,
      );
      // ≤ 3 where this machine allows it; where even the least possible is above 3, no more
      // than 1.5 × that least (the server adds no contention of its own under concurrency).
      if (clientsRatio > Math.max(TARGETS.clientsRatio, least * TARGETS.contention)) {
        missed.push(
          `${name} @${size}: ${CLIENTS}÷1 clients ${clientsRatio.toFixed(2)} (least ${least.toFixed(2)})`,
        );
      }
      if (size === 100_000 && many.p95 > TARGETS.p95At100kMs) {
        missed.push(`${name} @100k: p95 ${many.p95.toFixed(0)} ms with ${CLIENTS} clients`);
      }
      if (size === 20_000 && one.p50 > TARGETS.p50At20kMs) {
        missed.push(`${name} @20k: p50 ${one.p50.toFixed(0)} ms with 1 client`);
      }
      if (size === 100_000 && bytes > TARGETS.largestBytes) {
        missed.push(`${name} @100k: ${kB(bytes).trim()}`);
      }
    }
  }
  if (smallest !== largest) {
    lines.push(
      `  p50 ${largest.toLocaleString('en-US')} ÷ ${smallest.toLocaleString('en-US')} items (1 client / ${CLIENTS} clients), target ≤ ${TARGETS.flatRatio}:`,
    );
    for (const name of names) {
      const big = results.get(`${largest}|${name}`);
      const small = results.get(`${smallest}|${name}`);
      const ratioOne = big.one.p50 / small.one.p50;
      const ratioMany = big.many.p50 / small.many.p50;
      lines.push(
        `  ${name.padEnd(29)} ${ratioOne.toFixed(2).padStart(6)} / ${ratioMany.toFixed(2)}`,
      );
      if (ratioOne > TARGETS.flatRatio) {
        missed.push(`${name}: p50 ${largest}÷${smallest} ${ratioOne.toFixed(2)}`);
      }
    }
  }
  const largestResponse = Math.max(
    ...[...results.entries()]
      .filter(([key]) => key.startsWith(`${largest}|`))
      .map(([, { bytes }]) => bytes),
  );
  lines.push(
    `  largest response at ${largest.toLocaleString('en-US')} items: ${kB(largestResponse).trim()} (target ≤ ${TARGETS.largestBytes / 1024} kB); server peak RSS ${(rss / 1024 / 1024).toFixed(0)} MB (target ≤ ${TARGETS.rssBytes / 1024 / 1024} MB)`,
  );
  if (rss > TARGETS.rssBytes) missed.push(`server peak RSS ${(rss / 1024 / 1024).toFixed(0)} MB`);
  if (missed.length > 0) {
    lines.push(`  MISSED: ${missed.join('; ')}`);
    process.exitCode = 1;
  }
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  if (server) await stopBuiltServer(server);
  await stop();
}

function ms(value, width = 9) {
  return `${value.toFixed(1)} ms`.padStart(width);
}

function kB(bytes) {
  return `${(bytes / 1024).toFixed(1)} kB`.padStart(9);
}

/** The peak resident set of process `pid` so far (VmHWM), in bytes. */
function peakRss(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kilobytes = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1]);
  return kilobytes * 1024;
}

async function get(url, token) {
  const answer = await fetch(url, {
    headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'identity' },
  });
  if (!answer.ok) throw new Error(`${url}: ${answer.status} ${await answer.text()}`);
  return answer.arrayBuffer();
}

/** The body's size, uncompressed. */
async function responseSize(url, token) {
  return (await get(url, token)).byteLength;
}

/** `clients` loops requesting `url` back to back for `DURATION_MS`, after a warm-up. */
async function closedLoop(url, token, clients) {
  const warmUpEnd = performance.now() + WARM_UP_MS;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < warmUpEnd) await get(url, token).catch(() => null);
    }),
  );
  const latencies = [];
  let failures = 0;
  const cpuBefore = cpuSecondsAll();
  const end = performance.now() + DURATION_MS;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const began = performance.now();
        try {
          await get(url, token);
          latencies.push(performance.now() - began);
        } catch {
          // A refused or failed request (e.g. 503 when the pool ran dry) counts, not its time.
          failures++;
        }
      }
    }),
  );
  if (latencies.length === 0) throw new Error(`${url}: every request failed`);
  // CPU milliseconds per request, all processes together (see the comment at the top).
  const cpuMs = ((cpuSecondsAll() - cpuBefore) * 1000) / (latencies.length + failures);
  latencies.sort((a, b) => a - b);
  const at = (p) => latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)];
  return {
    min: latencies[0],
    p50: at(0.5),
    p95: at(0.95),
    count: latencies.length,
    failures,
    cpuMs,
  };
}

/** CPU seconds (user + system) process `pid` has used so far; 0 when it has ended. */
function cpuSecondsOf(pid) {
  try {
    // Fields after the command name (which may hold spaces): state is the 3rd, utime the 14th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

/** The postmaster's pid and its children's (the backends serving the server's pool). */
function postgresPids() {
  const postmaster = Number(
    readFileSync(path.join(work, 'cluster', 'postmaster.pid'), 'utf8').split('\n')[0],
  );
  const children = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster;
      } catch {
        return false;
      }
    })
    .map(Number);
  return [postmaster, ...children];
}

/** CPU seconds the server, the database and this process have used so far, together. */
function cpuSecondsAll() {
  const own = process.cpuUsage();
  return (
    cpuSecondsOf(server.pid) +
    postgresPids().reduce((sum, pid) => sum + cpuSecondsOf(pid), 0) +
    (own.user + own.system) / 1e6
  );
}
