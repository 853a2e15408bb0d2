import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { findFreePort } from './support/free-port.js';
import { FakeJira } from './support/fake-jira/fake-jira.js';
import { FAKE_EMAIL, FAKE_TOKEN } from './support/fake-jira/jira-sync-helpers.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

/**
 * Two real Bearing processes (`node dist/main.js`, both serving HTTP and running jobs) on one
 * PostgreSQL, syncing from the fake Jira: "Sync now" sent to both at once, again and again,
 * never makes two syncs of one team run together; and neither the API's answers nor a line of
 * either process's debug log ever holds the token.
 */
const MAIN = path.resolve(import.meta.dirname, '../dist/main.js');
const PASSWORD = 'two processes sync one team';
const SECRET_KEY = Buffer.alloc(32, 9).toString('base64');
const BASIC = Buffer.from(`${FAKE_EMAIL}:${FAKE_TOKEN}`).toString('base64');

/** A JSON answer, read loosely as tests read supertest's bodies. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers of many shapes
type Body = Record<string, any>;

type Process = { child: ChildProcessWithoutNullStreams; output: () => string; origin: string };

function startProcess(database: TestDatabase, port: number): Process {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: database.url,
      BEARING_SECRET_KEY: SECRET_KEY,
      BEARING_ROLE: 'all',
      BEARING_ADMIN_EMAIL: 'admin@jira-sync.test',
      BEARING_ADMIN_PASSWORD: PASSWORD,
      PORT: String(port),
      // Every line a process can write, request logs included.
      LOG_LEVEL: 'debug',
    },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output, origin: `http://127.0.0.1:${port}` };
}

async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, what: string) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const value = await read().catch(() => undefined);
    if (value !== undefined && check(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: gave up; last ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('Jira sync across processes', () => {
  let database: TestDatabase;
  let jira: FakeJira;
  const processes: Process[] = [];
  /** Every response body either process sent, to search for the token. */
  const answers: string[] = [];
  let cookie = '';

  const call = async (process: Process, method: string, route: string, body?: unknown) => {
    const response = await fetch(`${process.origin}${route}`, {
      method,
      headers: {
        origin: process.origin,
        ...(cookie ? { cookie } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    answers.push(text);
    cookie ||= (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as Body };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    jira = await FakeJira.start({
      flavour: 'cloud',
      email: FAKE_EMAIL,
      token: FAKE_TOKEN,
      latencyMs: 20,
    });
    jira.generate({ count: 450, historiesPerIssue: 8 });
    const first = startProcess(database, await findFreePort());
    processes.push(first);
    const ready = (process: Process) =>
      eventually(
        async () => {
          if (process.child.exitCode !== null) throw new Error(process.output());
          return (await fetch(`${process.origin}/api/ready`)).status;
        },
        (status) => status === 200,
        `ready on ${process.origin}`,
      );
    await ready(first);
    const second = startProcess(database, await findFreePort());
    processes.push(second);
    await ready(second);
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
    await jira.close();
    await database.drop();
  }, 60_000);

  it('never syncs one team in two processes at once, and never shows or logs the token', async () => {
    const [one, two] = processes as [Process, Process];
    expect(
      (
        await call(one, 'POST', '/api/auth/sign-in', {
          email: 'admin@jira-sync.test',
          password: PASSWORD,
        })
      ).status,
    ).toBe(200);
    expect(
      (await call(one, 'POST', '/api/workspaces', { slug: 'fleet', name: 'Fleet' })).status,
    ).toBe(201);
    expect(
      (await call(one, 'POST', '/api/workspaces/fleet/teams', { name: 'Ads', slug: 'ads' })).status,
    ).toBe(201);
    const connection = await call(one, 'POST', '/api/workspaces/fleet/jira-connections', {
      name: 'Cloud',
      baseUrl: jira.url,
      flavour: 'cloud',
      email: FAKE_EMAIL,
      secret: FAKE_TOKEN,
    });
    expect(connection.status).toBe(201);
    expect(
      (await call(two, 'POST', `/api/workspaces/fleet/jira-connections/${connection.body.id}/test`))
        .body.ok,
    ).toBe(true);
    const source = await call(two, 'PUT', '/api/workspaces/fleet/teams/ads/source', {
      connectionId: connection.body.id,
      jql: 'project = PAY',
      boardId: 7,
      storyPointsField: 'customfield_10016',
    });
    expect(source.status).toBe(200);

    // "Sync now" on both processes at once, three rounds: one run at a time, whoever asks.
    const runIds = new Set<string>();
    for (let round = 0; round < 3; round++) {
      const answers = await Promise.all([
        call(one, 'POST', '/api/workspaces/fleet/teams/ads/source/sync'),
        call(two, 'POST', '/api/workspaces/fleet/teams/ads/source/sync'),
      ]);
      expect(answers.map((answer) => answer.status)).toEqual([202, 202]);
      expect(answers[0]?.body.id).toBe(answers[1]?.body.id);
      runIds.add(String(answers[0]?.body.id));
      await eventually(
        () => call(one, 'GET', '/api/workspaces/fleet/teams/ads/source/runs'),
        ({ body }) =>
          (body.items as { status: string }[]).every(
            (run) => run.status !== 'queued' && run.status !== 'running',
          ),
        'runs ended',
      );
    }
    const runs = (await call(two, 'GET', '/api/workspaces/fleet/teams/ads/source/runs')).body
      .items as {
      id: string;
      status: string;
      counts: { created: number };
    }[];
    expect(runs).toHaveLength(3);
    expect(new Set(runs.map((run) => run.id))).toEqual(runIds);
    expect(runs.map((run) => run.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    expect(runs.reduce((sum, run) => sum + run.counts.created, 0)).toBe(450);
    // Cloud pages follow one another: one sync has at most one search in flight.
    expect(jira.maxConcurrentSearches).toBe(1);

    // A revoked token: the failure is logged and answered in words, never with the token.
    jira.revokeToken();
    const failed = await call(one, 'POST', '/api/workspaces/fleet/teams/ads/source/sync');
    await eventually(
      () => call(two, 'GET', '/api/workspaces/fleet/teams/ads/source'),
      ({ body }) => body.state === 'broken',
      'source broken',
    );
    expect(failed.status).toBe(202);
    await call(one, 'GET', '/api/workspaces/fleet/audit-events?limit=50');
    await call(two, 'GET', '/api/workspaces/fleet/jira-connections');

    const everything = [...answers, ...processes.map((process) => process.output())].join('\n');
    expect(everything).toContain('Jira source');
    for (const secret of [FAKE_TOKEN, BASIC]) expect(everything).not.toContain(secret);
  });
});
