// Benchmark of the Jira import on a realistic volume: 20 000 generated issues with ~8 changelog
// entries each (status moves, sprint moves, re-estimates), as pages of /rest/api/3/search/jql
// with expand=changelog, uploaded through the real HTTP route to the BUILT app in ../dist
// (`npx tsc -p tsconfig.build.json` first), against an embedded PostgreSQL started here. The
// upload goes through curl, a separate process like a real client.
//
// Reported: issues per second from the start of the upload to the job's completion, peak RSS
// of this process (which runs the API: upload, parsing and writing all happen here) after the
// import and through a re-import of the same file right after it (which must write nothing; the
// target holds for both), the time of that re-import, and the ratio to a floor measured in
// the same run on the same server: a real COPY (binary format, pg-copy-streams) of the very rows
// the import wrote — its sprints, items and their status/sprint/estimate changes and sprint
// memberships — into the same tables, with their keys, indexes and constraints, in one
// transaction. The rows are copied out first and the team's rows deleted (and the tables
// vacuumed), so the floor writes into the tables as the import found them; the COPY data is
// prepared before the clock starts, so the floor is the database's share alone.
// Targets: ≥ 8 000 issues/s, peak RSS ≤ 512 MB, import ÷ COPY floor ≤ 2.
import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { once } from 'node:events';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { load, runUnderServerFlags, startBenchDatabase } from './support/built-app.mjs';

const execFileAsync = promisify(execFile);

const ISSUES = 20_000;
const PAGE_SIZE = 100;
const TARGET_RATE = 8_000;
const TARGET_RSS_MB = 512;
const TARGET_RATIO = 2;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

// The API runs in this process, so it gets the heap budget every production start-up gives Node
// (config/heap-budget.ts), as the servers the other benchmarks start do: without it V8 sizes its
// heap from the host's memory and leaves garbage that counts in the peak RSS.
await runUnderServerFlags(import.meta.url);
const { createApp } = await load('create-app.js');
const [{ insertUser }, { insertWorkspaceWithAdmin }, { hashSecret, newSecret }, tokens, teams] =
  await Promise.all([
    load('accounts/user.repository.js'),
    load('workspaces/workspaces.service.js'),
    load('common/secrets/secret-token.js'),
    load('access/credentials.js'),
    load('teams/team.entity.js'),
  ]);
const { ApiToken } = await load('tokens/api-token.entity.js');
const { from: copyFrom, to: copyTo } = await import('pg-copy-streams');
const { seededRandom } = await import('@bearing/metrics');

// `BENCH_EXPORT_ONLY=<file>` writes the generated export there, prints its changelog count and
// stops: the benchmark generates its export that way, in a child process, so the garbage of
// generating 55 MB of JSON is not counted in the peak RSS of the process that runs the API.
if (process.env.BENCH_EXPORT_ONLY) {
  const { changes } = await generateExport(process.env.BENCH_EXPORT_ONLY);
  process.stdout.write(`${JSON.stringify({ changes })}\n`);
  process.exit(0);
}

const { work, dataSource, stop } = await startBenchDatabase('import');
let app;
try {
  const { workspace, team, token } = await setUp(dataSource);
  app = await createApp(
    {
      port: 0,
      databaseUrl: undefined,
      dataDir: work,
      adminEmail: undefined,
      adminPassword: undefined,
      demo: false,
      logLevel: 'silent',
      // One process on the embedded database: jobs run here, the secrets key is a file in `work`.
      role: 'all',
      publicUrl: 'http://localhost',
      secretKey: undefined,
      trustProxy: ['loopback'],
    },
    dataSource,
  );
  await app.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${app.getHttpServer().address().port}/api/workspaces/${workspace.slug}`;

  const file = path.join(work, 'search.json');
  const generated = JSON.parse(
    (
      await execFileAsync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
        env: { ...process.env, BENCH_EXPORT_ONLY: file },
      })
    ).stdout,
  );
  const size = (await stat(file)).size;
  globalThis.gc?.();

  const run = await timedImport(baseUrl, team, token, file);
  const rssMb = process.resourceUsage().maxRSS / 1024;
  // Straight after, as a user re-importing the file would: memory the first import left for
  // V8 to give back later counts too.
  const again = await timedImport(baseUrl, team, token, file);
  const rssAgainMb = process.resourceUsage().maxRSS / 1024;
  const floor = await floorCopy(dataSource, team.id);
  const rate = ISSUES / (run.totalMs / 1000);
  const ratio = run.totalMs / floor.ms;

  const lines = [
    `Jira import benchmark — ${ISSUES.toLocaleString('en-US')} issues, ${generated.changes.toLocaleString('en-US')} changelog entries (${(generated.changes / ISSUES).toFixed(1)} per issue), ${(size / 1024 / 1024).toFixed(1)} MB JSON in ${Math.ceil(ISSUES / PAGE_SIZE)} pages`,
    `  import: ${(run.totalMs / 1000).toFixed(2)} s = upload, check and store ${(run.readMs / 1000).toFixed(2)} s + queued job (read, plan, write) ${(run.writeMs / 1000).toFixed(2)} s → ${Math.round(rate).toLocaleString('en-US')} issues/s (target ≥ ${TARGET_RATE.toLocaleString('en-US')})`,
    `  rows written: ${floor.rows.toLocaleString('en-US')} (${run.result.created} items created)`,
    `  peak RSS: ${Math.round(rssMb)} MB; through the re-import right after it: ${Math.round(rssAgainMb)} MB (target ≤ ${TARGET_RSS_MB})`,
    `  floor (binary COPY of the same rows into the same tables, keys and indexes included, one transaction): ${(floor.ms / 1000).toFixed(2)} s`,
    `  ratio import / floor: ${ratio.toFixed(2)} (target ≤ ${TARGET_RATIO}); queued job alone / floor: ${(run.writeMs / floor.ms).toFixed(2)}`,
    `  re-import of the same file: ${(again.totalMs / 1000).toFixed(2)} s, created ${again.result.created}, updated ${again.result.updated}, unchanged ${again.result.unchanged}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const missed = [
    rate < TARGET_RATE && 'issues/s',
    rssAgainMb > TARGET_RSS_MB && 'peak RSS',
    ratio > TARGET_RATIO && 'ratio',
    (again.result.created !== 0 || again.result.updated !== 0) && 're-import wrote rows',
  ].filter(Boolean);
  if (missed.length > 0) {
    process.stdout.write(`  MISSED: ${missed.join(', ')}\n`);
    process.exitCode = 1;
  }
} finally {
  if (app) await app.close();
  await stop();
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
  const team = await dataSource.getRepository(teams.Team).save({
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
  return { workspace, team, token: secret };
}

/**
 * Uploads the file with curl — a separate process, as a browser would be, streaming it from
 * disk — and polls the job; times both phases.
 */
async function timedImport(baseUrl, team, token, file) {
  const began = performance.now();
  const { stdout } = await execFileAsync('curl', [
    '--silent',
    '--show-error',
    '--header',
    `Authorization: Bearer ${token}`,
    '--form',
    'format=jira-json',
    '--form',
    `file=@${file};type=application/json`,
    '--write-out',
    '\n%{http_code}',
    `${baseUrl}/teams/${team.slug}/imports`,
  ]);
  const [body, status] = stdout.split('\n');
  if (status !== '202') throw new Error(`upload answered ${status}: ${body}`);
  const started = JSON.parse(body);
  const readMs = performance.now() - began;
  for (;;) {
    const job = await (
      await fetch(`${baseUrl}/imports/${started.id}`, {
        headers: { Authorization: `Bearer ${token}` },
      })
    ).json();
    if (job.status === 'failed')
      throw new Error(`import failed: ${JSON.stringify(job.result.problems)}`);
    if (job.status === 'completed') {
      const totalMs = performance.now() - began;
      return { totalMs, readMs, writeMs: totalMs - readMs, result: job.result };
    }
    // Every 50 ms: fine enough for the clock (the web app polls every 500 ms), without the
    // server spending the import's CPU on answering polls.
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The floor: the rows the import stored, copied out in binary, the team's rows deleted, then
 * the same rows COPYed back into the same tables in one transaction — the least any importer
 * must do to store them.
 */
async function floorCopy(dataSource, teamId) {
  const team = uuidLiteral(teamId);
  const ofItems = (table) =>
    `SELECT c.* FROM ${table} c JOIN work_item w ON w.id = c.work_item_id WHERE w.team_id = ${team}`;
  const tables = [
    ['sprint', `SELECT * FROM sprint WHERE team_id = ${team}`],
    ['work_item', `SELECT * FROM work_item WHERE team_id = ${team} ORDER BY created_at`],
    ['work_item_status_change', ofItems('work_item_status_change')],
    ['work_item_sprint_change', ofItems('work_item_sprint_change')],
    ['work_item_estimate_change', ofItems('work_item_estimate_change')],
    ['work_item_sprint', ofItems('work_item_sprint')],
  ];
  const runner = dataSource.createQueryRunner();
  const client = await runner.connect();
  try {
    const copied = [];
    let rows = 0;
    for (const [table, select] of tables) {
      const chunks = [];
      await pipeline(
        client.query(copyTo(`COPY (${select}) TO STDOUT WITH (FORMAT binary)`)),
        new Writable({
          write(chunk, _encoding, done) {
            chunks.push(chunk);
            done();
          },
        }),
      );
      copied.push([table, chunks]);
      rows += (await client.query(`SELECT count(*)::int AS n FROM (${select}) s`)).rows[0].n;
    }
    // Histories and memberships go with their items and sprints.
    await client.query(`DELETE FROM work_item WHERE team_id = ${team}`);
    await client.query(`DELETE FROM sprint WHERE team_id = ${team}`);
    await client.query(`VACUUM ANALYZE ${tables.map(([table]) => table).join(', ')}`);
    const began = performance.now();
    await client.query('BEGIN');
    for (const [table, chunks] of copied) {
      await pipeline(
        Readable.from(chunks),
        client.query(copyFrom(`COPY ${table} FROM STDIN WITH (FORMAT binary)`)),
      );
    }
    await client.query('COMMIT');
    const ms = performance.now() - began;
    return { ms, rows };
  } finally {
    await runner.release();
  }
}

function uuidLiteral(id) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new Error(`not a uuid: ${id}`);
  return `'${id}'::uuid`;
}

/**
 * Writes ISSUES issues as a JSON array of search pages, streaming (the file is never in memory).
 * Two years of two-week sprints; each issue: created, added to a sprint (sometimes moved to the
 * next), estimated and re-estimated, To Do → In Progress → In Review (sometimes back) → Done.
 */
async function generateExport(file) {
  const random = seededRandom(20_000);
  const out = createWriteStream(file);
  const write = async (text) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const start = Date.parse('2023-01-02T08:00:00Z');
  const sprintCount = 52;
  const sprintOf = (index) => ({
    id: 100 + index,
    name: `BEN Sprint ${index + 1}`,
    state: 'closed',
    boardId: 7,
    goal: `Goal ${index + 1}`,
    startDate: new Date(start + index * 14 * DAY_MS).toISOString(),
    endDate: new Date(start + (index * 14 + 11) * DAY_MS + 9 * HOUR_MS).toISOString(),
    completeDate: new Date(start + (index * 14 + 11) * DAY_MS + 8 * HOUR_MS).toISOString(),
  });
  const jira = (ms) => new Date(ms - HOUR_MS).toISOString().replace('Z', '-0100');
  const words =
    'payments refund card checkout ledger retry webhook invoice tax export search index'.split(' ');
  const text = (count) =>
    Array.from({ length: count }, () => words[Math.floor(random() * words.length)]).join(' ');
  let changes = 0;
  await write('[');
  for (let page = 0; page * PAGE_SIZE < ISSUES; page++) {
    const issues = [];
    for (let index = page * PAGE_SIZE; index < Math.min(ISSUES, (page + 1) * PAGE_SIZE); index++) {
      const sprint = Math.floor((index / ISSUES) * (sprintCount - 1));
      const moved = random() < 0.2 && sprint + 1 < sprintCount;
      const created = start + sprint * 14 * DAY_MS - Math.floor(random() * 10 * DAY_MS);
      let at = created;
      const histories = [];
      const step = (items, maxHours) => {
        at += Math.floor(HOUR_MS + random() * maxHours * HOUR_MS);
        histories.push({
          id: String(histories.length + index * 20),
          author: { accountId: `acc-${index % 40}` },
          created: jira(at),
          items,
        });
      };
      const status = (from, to) => ({
        field: 'status',
        fieldtype: 'jira',
        fieldId: 'status',
        fromString: from,
        toString: to,
      });
      const sprintMove = (from, to) => ({
        field: 'Sprint',
        fieldtype: 'custom',
        fieldId: 'customfield_10020',
        from: from.map((s) => 100 + s).join(', '),
        fromString: from.map((s) => `BEN Sprint ${s + 1}`).join(', '),
        to: to.map((s) => 100 + s).join(', '),
        toString: to.map((s) => `BEN Sprint ${s + 1}`).join(', '),
      });
      const firstPoints = [1, 2, 3, 5, 8][Math.floor(random() * 5)];
      const points = [1, 2, 3, 5, 8, 13][Math.floor(random() * 6)];
      const estimate = (from, to) => ({
        field: 'Story point estimate',
        fieldtype: 'custom',
        fieldId: 'customfield_10016',
        fromString: String(from),
        toString: String(to),
      });
      step([sprintMove([], [sprint])], 24);
      step(
        [
          {
            field: 'Rank',
            fieldtype: 'custom',
            fieldId: 'customfield_10019',
            fromString: '',
            toString: 'Ranked higher',
          },
        ],
        12,
      );
      step([estimate(firstPoints, points)], 24);
      step(
        [
          {
            field: 'assignee',
            fieldtype: 'jira',
            fieldId: 'assignee',
            from: null,
            fromString: null,
            to: `acc-${index % 40}`,
            toString: `Person ${index % 40}`,
          },
        ],
        12,
      );
      step([status('To Do', 'In Progress')], 48);
      if (random() < 0.5) step([estimate(points, points)], 12);
      step([status('In Progress', 'In Review')], 72);
      if (random() < 0.5) {
        step([status('In Review', 'In Progress')], 24);
        step([status('In Progress', 'In Review')], 24);
      }
      if (moved) step([sprintMove([sprint], [sprint, sprint + 1])], 24);
      const done = random() < 0.9;
      if (done) step([status('In Review', 'Done')], 48);
      changes += histories.length;
      const sprints = moved ? [sprint, sprint + 1] : [sprint];
      issues.push({
        expand:
          'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
        id: String(100000 + index),
        self: `https://bench.atlassian.net/rest/api/3/issue/${100000 + index}`,
        key: `BEN-${index + 1}`,
        changelog: { startAt: 0, maxResults: histories.length, total: histories.length, histories },
        fields: {
          summary: `${text(6)} (${index + 1})`,
          issuetype: { id: '10001', name: random() < 0.8 ? 'Story' : 'Bug', subtask: false },
          status: { name: done ? 'Done' : 'In Review', id: done ? '10001' : '10002' },
          created: jira(created),
          updated: jira(at),
          resolutiondate: done ? jira(at) : null,
          assignee: { accountId: `acc-${index % 40}`, displayName: `Person ${index % 40}` },
          reporter: {
            accountId: `acc-${(index + 7) % 40}`,
            displayName: `Person ${(index + 7) % 40}`,
          },
          labels: [words[index % words.length]],
          description: text(12),
          customfield_10016: points,
          customfield_10020: sprints.map(sprintOf),
        },
      });
    }
    await write(
      `${page === 0 ? '' : ','}${JSON.stringify({ issues, nextPageToken: `page-${page + 1}`, isLast: (page + 1) * PAGE_SIZE >= ISSUES })}`,
    );
  }
  await write(']');
  out.end();
  await once(out, 'finish');
  return { changes };
}
