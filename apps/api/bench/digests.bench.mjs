// Benchmark of the weekly digest: 10,000 members of one workspace — executives, stakeholders and
// team readers in five time zones, following programs and teams — whose digests are all due at
// one scheduler tick. Measured: the time `WeeklyDigests.send` takes to read the workspace's
// figures (the portfolio, the followed teams' sprint and flow), render every member's digest for
// their audience and queue it (one outbox event each, `digest.weekly`), and this process's peak
// resident memory (VmHWM, the whole BUILT application on an embedded PostgreSQL included). A
// second tick at once must find nothing new to send.
// Targets: ≤ 60 s and ≤ 512 MB.
//
// Knobs: BENCH_RECIPIENTS (default 10000).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { load, startBenchDatabase } from './support/built-app.mjs';

const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 10_000);
const PROGRAMS = 40;
const TEAMS = 12;
const TARGET_SECONDS = 60;
const TARGET_RSS_MB = 512;
/** A Monday (the default review weekday), 13:00 UTC: past 07:00 in every zone below. */
const NOW = new Date('2026-01-05T13:00:00Z');
const TIME_ZONES = ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Tokyo', null];

const [{ loadConfig }, { createApp }, { ClockService }, { WeeklyDigests }] = await Promise.all([
  load('config/config.js'),
  load('create-app.js'),
  load('common/clock/clock.service.js'),
  load('digests/weekly-digests.service.js'),
]);

const { databaseUrl, dataSource, stop } = await startBenchDatabase('digests');
let app;
try {
  const seeding = performance.now();
  const workspaceId = await seed(dataSource);
  await dataSource.query('VACUUM ANALYZE');
  const seededMs = performance.now() - seeding;

  // The whole application, as `npm start` builds it; `web` runs no queue workers, so nothing
  // else (no delivery job, no minute tick) competes with the measured work.
  const config = {
    ...loadConfig({ DATABASE_URL: databaseUrl, BEARING_ROLE: 'web' }),
    logLevel: 'silent',
    secretKey: Buffer.alloc(32, 7),
  };
  app = await createApp(config, dataSource);
  await app.init();
  app.get(ClockService).now = () => new Date(NOW);
  const digests = app.get(WeeklyDigests);

  const began = performance.now();
  const sent = await digests.send(new Date(NOW));
  const seconds = (performance.now() - began) / 1000;
  const againBegan = performance.now();
  const again = await digests.send(new Date(NOW));
  const againMs = performance.now() - againBegan;
  const [{ queued }] = await dataSource.query(
    `SELECT count(*)::int AS queued FROM notification_event
      WHERE workspace_id = $1 AND event = 'digest.weekly'`,
    [workspaceId],
  );
  const [{ bytes }] = await dataSource.query(
    `SELECT COALESCE(avg(octet_length(body)), 0)::int AS bytes FROM notification_event
      WHERE workspace_id = $1 AND event = 'digest.weekly'`,
    [workspaceId],
  );
  const rssMb = peakRssBytes() / 1024 / 1024;

  const missed = [];
  if (sent !== RECIPIENTS || queued !== RECIPIENTS) {
    missed.push(`sent ${sent} and queued ${queued} digests for ${RECIPIENTS} recipients`);
  }
  if (again !== 0) missed.push(`a second tick sent ${again} more`);
  if (seconds > TARGET_SECONDS) missed.push(`${seconds.toFixed(1)} s`);
  if (rssMb > TARGET_RSS_MB) missed.push(`peak RSS ${rssMb.toFixed(0)} MB`);
  const lines = [
    `Weekly digests benchmark — ${RECIPIENTS.toLocaleString('en-US')} recipients (executive / stakeholder / team, ${TIME_ZONES.length} time zones), ${PROGRAMS} programs, ${TEAMS} teams; seeded in ${(seededMs / 1000).toFixed(1)} s`,
    `  rendered and queued: ${sent.toLocaleString('en-US')} digests in ${seconds.toFixed(2)} s (${((seconds * 1000) / Math.max(sent, 1)).toFixed(2)} ms each, ${bytes} bytes of text on average) (target ≤ ${TARGET_SECONDS} s)`,
    `  a second tick at once: ${again} new, ${againMs.toFixed(0)} ms`,
    `  peak RSS of the process (application included): ${rssMb.toFixed(0)} MB (target ≤ ${TARGET_RSS_MB} MB)`,
  ];
  if (missed.length > 0) {
    lines.push(`  MISSED: ${missed.join('; ')}`);
    process.exitCode = 1;
  }
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  if (app) await app.close();
  await stop();
}

/**
 * One workspace: `RECIPIENTS` members (a third of each audience, time zones in turn), programs
 * with owners, health, milestones and risks, guardrails on metrics with points (some breached),
 * teams without history; stakeholders follow three programs, team readers two teams.
 */
async function seed(dataSource) {
  const [workspace] = await dataSource.query(
    `INSERT INTO workspace (slug, name, version) VALUES ('bench', 'Bench', 1) RETURNING id`,
  );
  const users = await dataSource.query(
    `INSERT INTO "user" (email, display_name, password_hash, audience, time_zone)
     SELECT 'member-' || i || '@bench.test', 'Member ' || i, 'not a password hash',
            (ARRAY['executive', 'stakeholder', 'team'])[1 + i % 3],
            (ARRAY[${TIME_ZONES.map((zone) => (zone ? `'${zone}'` : 'NULL')).join(', ')}]::varchar[])[1 + i % ${TIME_ZONES.length}]
       FROM generate_series(1, $1::int) AS i
     RETURNING id`,
    [RECIPIENTS],
  );
  await dataSource.query(
    `INSERT INTO membership (workspace_id, user_id, role, version)
     SELECT $1, id, 'viewer', 1 FROM unnest($2::uuid[]) AS id`,
    [workspace.id, users.map(({ id }) => id)],
  );
  const owners = users.slice(0, PROGRAMS).map(({ id }) => id);
  const programs = await dataSource.query(
    `INSERT INTO program (workspace_id, name, description, owner_user_id, start, health, version)
     SELECT $1, 'Program ' || i, '', ($2::uuid[])[i],  DATE '2025-06-02',
            (ARRAY['on-track', 'at-risk', 'off-track'])[1 + i % 3], 1
       FROM generate_series(1, $3::int) AS i
     RETURNING id`,
    [workspace.id, owners, PROGRAMS],
  );
  const programIds = programs.map(({ id }) => id);
  await dataSource.query(
    `INSERT INTO milestone (workspace_id, program_id, name, baseline_date, "current_date", version)
     SELECT $1, p, 'Milestone', DATE '2026-01-12', DATE '2026-02-02', 1 FROM unnest($2::uuid[]) AS p`,
    [workspace.id, programIds],
  );
  await dataSource.query(
    `INSERT INTO raid_item (workspace_id, program_id, kind, title, probability, impact, mitigation, status, created_at, version)
     SELECT $1, p, 'risk', 'Risk ' || n, 1 + n % 5, 1 + (n * 3) % 5, '', 'open', TIMESTAMPTZ '2025-12-01', 1
       FROM unnest($2::uuid[]) AS p CROSS JOIN generate_series(1, 5) AS n`,
    [workspace.id, programIds],
  );
  const metrics = await dataSource.query(
    `INSERT INTO metric (workspace_id, key, name, unit, category, direction, description, version)
     SELECT $1, 'metric-' || i, 'Metric ' || i, 'ms', 'technical-health', 'decrease-is-good', '', 1
       FROM generate_series(1, 20) AS i
     RETURNING id`,
    [workspace.id],
  );
  await dataSource.query(
    `INSERT INTO metric_point (metric_id, timestamp, value)
     SELECT m, TIMESTAMPTZ '2025-10-01' + d * INTERVAL '1 day', 100 + d % 17
       FROM unnest($1::uuid[]) AS m CROSS JOIN generate_series(0, 90) AS d`,
    [metrics.map(({ id }) => id)],
  );
  await dataSource.query(
    `INSERT INTO guardrail (workspace_id, metric_id, baseline, threshold_type, threshold_value, status, version)
     SELECT $1, m, 100, 'absolute', 10, (ARRAY['ok', 'warning', 'breached'])[1 + n % 3], 1
       FROM unnest($2::uuid[]) WITH ORDINALITY AS t(m, n)`,
    [workspace.id, metrics.map(({ id }) => id)],
  );
  const teams = await dataSource.query(
    `INSERT INTO team (workspace_id, name, slug, time_zone, calendar, workflow, version)
     SELECT $1, 'Team ' || i, 'team-' || i, 'UTC', $2::jsonb, $3::jsonb, 1
       FROM generate_series(1, $4::int) AS i
     RETURNING id`,
    [
      workspace.id,
      JSON.stringify({ nonWorkingWeekdays: [0, 6], holidays: [] }),
      JSON.stringify({
        stages: [
          { name: 'Backlog', statuses: ['To Do'] },
          { name: 'In Progress', statuses: ['In Progress'] },
          { name: 'Done', statuses: ['Done'] },
        ],
        committedStage: 'In Progress',
        doneStage: 'Done',
      }),
      TEAMS,
    ],
  );
  const teamIds = teams.map(({ id }) => id);
  // Stakeholders follow three programs each, team readers two teams each.
  await dataSource.query(
    `INSERT INTO follow (workspace_id, subject_type, subject_id, user_id)
     SELECT $1, 'program', ($2::uuid[])[1 + (reader.n + k) % cardinality($2::uuid[])], reader.id
       FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM "user"
              WHERE audience = 'stakeholder') AS reader
      CROSS JOIN generate_series(0, 2) AS k`,
    [workspace.id, programIds],
  );
  await dataSource.query(
    `INSERT INTO follow (workspace_id, subject_type, subject_id, user_id)
     SELECT $1, 'team', ($2::uuid[])[1 + (reader.n + k) % cardinality($2::uuid[])], reader.id
       FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM "user"
              WHERE audience = 'team') AS reader
      CROSS JOIN generate_series(0, 1) AS k`,
    [workspace.id, teamIds],
  );
  return workspace.id;
}

/** This process's peak resident set so far (VmHWM), in bytes. */
function peakRssBytes() {
  const status = readFileSync('/proc/self/status', 'utf8');
  return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1]) * 1024;
}
