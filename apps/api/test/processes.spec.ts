import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_TEAMS } from '../src/demo/demo-plan.js';
import { generateJiraHistory } from '../src/demo/jira-history.js';
import { Prng } from '../src/demo/prng.js';
import { findFreePort } from './support/free-port.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

/**
 * Bearing as a server install runs it: two `web` processes and `worker` processes on one
 * PostgreSQL, each the real `node dist/main.js`. A session made on one web process works on the
 * other, rate limits are shared, the minute cron fires once per minute however many workers
 * run, an import sent to one web process is run by a worker and seen from both, and a worker
 * killed in the middle of an import has it retried by another — nothing stored twice.
 */
const MAIN = path.resolve(import.meta.dirname, '../dist/main.js');
const PASSWORD = 'several processes share one database';
const SECRET_KEY = Buffer.alloc(32, 5).toString('base64');

type Process = { child: ChildProcessWithoutNullStreams; output: () => string; origin: string };

function startProcess(database: TestDatabase, role: 'web' | 'worker', port: number): Process {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: database.url,
      BEARING_SECRET_KEY: SECRET_KEY,
      BEARING_ROLE: role,
      BEARING_ADMIN_EMAIL: 'admin@processes.test',
      BEARING_ADMIN_PASSWORD: PASSWORD,
      PORT: String(port),
      LOG_LEVEL: 'warn',
    },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output, origin: `http://127.0.0.1:${port}` };
}

/** Polls until `check` holds (work on the queue runs on its own schedule). */
async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  what: string,
  timeoutMs = 120_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read().catch(() => undefined);
    if (value !== undefined && check(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: gave up; last ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function ready(process: Process): Promise<void> {
  await eventually(
    async () => {
      if (process.child.exitCode !== null) throw new Error(process.output());
      return (await fetch(`${process.origin}/api/ready`)).status;
    },
    (status) => status === 200,
    `ready on ${process.origin}`,
  );
}

async function printed(process: Process, pattern: RegExp): Promise<void> {
  await eventually(
    () => Promise.resolve(process.output()),
    (output) => pattern.test(output),
    `output ${String(pattern)}`,
  );
}

/** A browser session on one process: same-origin writes with its cookie. */
function session(origin: string, cookie = '') {
  const headers = () => ({ origin, ...(cookie ? { cookie } : {}) });
  return {
    cookie: () => cookie,
    signIn: async (email: string, password: string) => {
      const response = await fetch(`${origin}/api/auth/sign-in`, {
        method: 'POST',
        headers: { ...headers(), 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      if (response.status === 200) {
        cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      }
      return response.status;
    },
    get: async (route: string) => {
      const response = await fetch(`${origin}${route}`, { headers: headers() });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
    post: async (route: string, body: unknown) => {
      const response = await fetch(`${origin}${route}`, {
        method: 'POST',
        headers: { ...headers(), 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
    upload: async (route: string, file: string) => {
      const form = new FormData();
      form.set('format', 'jira-json');
      form.set('mapping', JSON.stringify({ storyPointsField: 'Story Points' }));
      form.set('file', new Blob([file], { type: 'application/json' }), 'export.json');
      const response = await fetch(`${origin}${route}`, {
        method: 'POST',
        headers: headers(),
        body: form,
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
  };
}

/** Three teams' generated histories in one export: a few thousand issues, a few seconds' work. */
function bigExport(): { text: string; issues: number } {
  const pages = DEMO_TEAMS.slice(0, 3).flatMap(
    (team, index) => generateJiraHistory(team, index, '2026-12-09', new Prng(index + 1)).pages,
  ) as { issues: unknown[]; isLast?: boolean }[];
  const issues = pages.reduce((sum, page) => sum + page.issues.length, 0);
  const merged = pages.map((page, index) => ({ ...page, isLast: index === pages.length - 1 }));
  return { text: JSON.stringify(merged), issues };
}

describe('several processes on one database', () => {
  let database: TestDatabase;
  const processes: Process[] = [];
  let web1: Process;
  let web2: Process;

  beforeAll(async () => {
    database = await createTestDatabase();
    // The first web process creates the administrator; the others start once it has.
    web1 = startProcess(database, 'web', await findFreePort());
    processes.push(web1);
    await ready(web1);
    web2 = startProcess(database, 'web', await findFreePort());
    const workers = [
      startProcess(database, 'worker', await findFreePort()),
      startProcess(database, 'worker', await findFreePort()),
    ];
    processes.push(web2, ...workers);
    await ready(web2);
    for (const worker of workers) await printed(worker, /Bearing worker is running jobs/);
  }, 180_000);

  afterAll(async () => {
    for (const { child } of processes) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    }
    await Promise.all(
      processes.map(
        ({ child }) =>
          new Promise((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) resolve(undefined);
            else child.on('exit', resolve);
          }),
      ),
    );
    await database.drop();
  }, 60_000);

  it('shares sessions: signed in on one web process, known on the other', async () => {
    const first = session(web1.origin);
    expect(await first.signIn('admin@processes.test', PASSWORD)).toBe(200);
    const second = session(web2.origin, first.cookie());
    const me = await second.get('/api/auth/session');
    expect(me.body).toMatchObject({ me: { user: { email: 'admin@processes.test' } } });
  });

  it('runs an import sent to one web process on a worker, seen from both; a killed worker’s import is retried once', async () => {
    const admin = session(web1.origin);
    await admin.signIn('admin@processes.test', PASSWORD);
    expect((await admin.post('/api/workspaces', { slug: 'fleet', name: 'Fleet' })).status).toBe(
      201,
    );
    const team = await admin.post('/api/workspaces/fleet/teams', { name: 'Ads', slug: 'ads' });
    expect(team.status).toBe(201);
    const file = bigExport();
    const started = await admin.upload('/api/workspaces/fleet/teams/ads/imports', file.text);
    expect(started.status).toBe(202);
    const id = String(started.body.id);
    const other = session(web2.origin, admin.cookie());
    const job = () => other.get(`/api/workspaces/fleet/imports/${id}`);

    // Kill every worker while the import runs: its transaction dies with them.
    await eventually(job, ({ body }) => body.status === 'running', 'import running');
    for (const worker of processes.filter((process) => process !== web1 && process !== web2)) {
      worker.child.kill('SIGKILL');
    }
    const replacement = startProcess(database, 'worker', await findFreePort());
    processes.push(replacement);

    const done = await eventually(
      job,
      ({ body }) => body.status === 'completed' || body.status === 'failed',
      'import ended',
    );
    expect(done.body).toMatchObject({ status: 'completed' });
    expect((done.body.result as { created: number }).created).toBe(file.issues);
    const items = await admin.get('/api/workspaces/fleet/teams/ads/work-items?limit=1');
    expect(items.status).toBe(200);
    const stored: { count: number }[] = await queryCount(
      database,
      `SELECT count(*)::int AS count FROM work_item`,
    );
    expect(stored[0]?.count).toBe(file.issues);
    const jobs = await admin.get('/api/workspaces/fleet/jobs?kind=jira.import');
    expect((jobs.body.items as { attempts: number; state: string }[])[0]).toMatchObject({
      state: 'completed',
      attempts: 2,
    });
  }, 240_000);

  it('fires the minute cron once per minute, however many workers run', async () => {
    // Counted per minute the cron names (the slot pg-boss files each occurrence under), not per
    // minute of sending: a pass delayed past its window (a loaded machine) catches up, sending the
    // missed minute's occurrence and the current one together — each once, in one minute.
    const ticks = () =>
      queryCount(
        database,
        `SELECT singleton_on AS minute, count(*)::int AS count
           FROM pgboss.job
          WHERE name = '__pgboss__send-it' AND data->>'name' = 'housekeeping'
          GROUP BY 1`,
      );
    const minutes = await eventually(ticks, (rows) => rows.length >= 1, 'a housekeeping tick');
    expect(minutes.every((row) => row.count === 1)).toBe(true);
    // And each occurrence became a housekeeping job.
    await eventually(
      () =>
        queryCount(
          database,
          `SELECT count(*)::int AS count FROM pgboss.job WHERE name = 'housekeeping'`,
        ),
      (rows) => (rows[0]?.count ?? 0) >= minutes.length,
      'the housekeeping jobs',
    );
  }, 150_000);

  it('shares rate limits: failed sign-ins on both web processes count together', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt++) {
      const origin = attempt % 2 === 0 ? web1.origin : web2.origin;
      statuses.push(await session(origin).signIn('nobody@processes.test', 'not the password'));
    }
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});

async function queryCount(
  database: TestDatabase,
  sql: string,
): Promise<{ count: number; minute?: string }[]> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query<{ count: number; minute?: string }>(sql)).rows;
  } finally {
    await client.end();
  }
}
