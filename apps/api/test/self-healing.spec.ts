import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findFreePort } from './support/free-port.js';
import {
  type BearingProcess,
  postJson,
  postmasterPid,
  signInAdmin,
  startBearing,
  waitForOutput,
} from './support/bearing-process.js';

/**
 * `kill -9` of the embedded PostgreSQL under a flow of requests (`node dist/main.js`, as
 * `npm start` runs it): Bearing answers 503 with Retry-After meanwhile — never 500 — restarts
 * the database on its own, and serves the data written before once it is back. When the
 * database cannot be restarted, Bearing gives up with one line and exit code 1.
 */
const PASSWORD = 'self-healing-password';
const RECOVERY_DEADLINE_MS = 15_000;
const LOAD_WORKERS = 4;

type Answer = { route: string; status: number; contentType: string; retryAfter: string | null };

describe('a killed embedded PostgreSQL', () => {
  let workDir: string;
  let dataDir: string;
  let bearing: BearingProcess;
  let origin: string;
  let cookie: string;

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'bearing-self-healing-'));
    // mkdtemp makes it private; the embedded cluster's postgres user must be able to enter it.
    await chmod(workDir, 0o711);
    dataDir = path.join(workDir, 'data');
    const port = await findFreePort();
    origin = `http://127.0.0.1:${port}`;
    bearing = startBearing({
      PORT: String(port),
      BEARING_DATA_DIR: dataDir,
      BEARING_DEMO: '0',
      BEARING_ADMIN_PASSWORD: PASSWORD,
    });
    await waitForOutput(bearing, /Bearing is running at/);
    cookie = await signInAdmin(origin, PASSWORD);
    const workspace = { slug: 'acme', name: 'Acme' };
    expect((await postJson(origin, cookie, '/api/workspaces', workspace)).status).toBe(201);
    const team = { slug: 'payments', name: 'Payments' };
    expect((await postJson(origin, cookie, '/api/workspaces/acme/teams', team)).status).toBe(201);
  }, 120_000);

  afterAll(async () => {
    if (bearing.child.exitCode === null) {
      bearing.child.kill('SIGTERM');
      await bearing.exit;
    }
    await rm(workDir, { recursive: true, force: true });
  });

  const get = async (route: string): Promise<Answer> => {
    const response = await fetch(`${origin}${route}`, { headers: { cookie } }).catch(
      (error: unknown) => {
        throw new Error(
          `GET ${route} failed (${String(error)}); Bearing said:\n${bearing.output()}`,
        );
      },
    );
    await response.arrayBuffer();
    return {
      route,
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      retryAfter: response.headers.get('retry-after'),
    };
  };

  it('is restarted while requests get 200 or 503 (never 500), and the data is still there', async () => {
    const bearingPid = bearing.child.pid;
    const killedPid = await postmasterPid(dataDir);

    const answers: Answer[] = [];
    let loading = true;
    const load = async (worker: number) => {
      while (loading) {
        answers.push(await get(worker % 2 ? '/api/ready' : '/api/workspaces/acme/teams'));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const workers = Array.from({ length: LOAD_WORKERS }, (_, worker) => load(worker));
    await new Promise((resolve) => setTimeout(resolve, 300));

    process.kill(killedPid, 'SIGKILL');
    const killedAt = Date.now();
    let recoveredAfterMs: number | undefined;
    while (recoveredAfterMs === undefined && Date.now() - killedAt < RECOVERY_DEADLINE_MS) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const restartedPid = await postmasterPid(dataDir).catch(() => killedPid);
      if (restartedPid === killedPid) continue;
      const answer = await get('/api/workspaces/acme/teams');
      if (answer.status === 200) recoveredAfterMs = Date.now() - killedAt;
    }
    loading = false;
    await Promise.all(workers);

    expect(recoveredAfterMs).toBeDefined();
    process.stdout.write(
      `Requests succeeded again ${recoveredAfterMs} ms after the kill; ${answers.length} requests ` +
        `during the test, ${answers.filter((answer) => answer.status === 503).length} answered 503.\n`,
    );
    expect(answers.filter((answer) => ![200, 503].includes(answer.status))).toEqual([]);
    const refusals = answers.filter((answer) => answer.status === 503);
    expect(refusals.some((answer) => answer.route === '/api/ready')).toBe(true);
    for (const refusal of refusals) {
      expect(refusal.contentType).toMatch(/^application\/problem\+json/);
      if (refusal.route !== '/api/ready') expect(refusal.retryAfter).toMatch(/^\d+$/);
    }

    const teams = await fetch(`${origin}/api/workspaces/acme/teams`, { headers: { cookie } });
    expect(teams.status).toBe(200);
    const { items } = (await teams.json()) as { items: { slug: string }[] };
    expect(items.map((team) => team.slug)).toEqual(['payments']);
    expect((await get('/api/ready')).status).toBe(200);

    expect(bearing.child.pid).toBe(bearingPid);
    expect(bearing.child.exitCode).toBeNull();
    expect(bearing.output().match(/Bearing is running at/g)).toHaveLength(1);
    expect(bearing.output()).toMatch(
      new RegExp(`Embedded PostgreSQL \\(pid ${killedPid}\\) was killed by SIGKILL`),
    );
    expect(bearing.output()).toMatch(/Embedded PostgreSQL restarted \(pid \d+\)/);
    const { password } = JSON.parse(
      await readFile(path.join(dataDir, 'credentials.json'), 'utf8'),
    ) as { password: string };
    expect(bearing.output()).not.toContain(password);
  }, 60_000);

  it('gives up with one line and exit code 1 when the database cannot be restarted', async () => {
    // PostgreSQL refuses a data directory others may write to: every restart fails.
    await chmod(path.join(dataDir, 'postgres'), 0o777);
    process.kill(await postmasterPid(dataDir), 'SIGKILL');
    expect(await bearing.exit).toBe(1);
    expect(bearing.output()).toMatch(/Embedded PostgreSQL did not restart \(.*permissions/);
    const stderr = bearing.stderr().trim().split('\n');
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toMatch(/gives up and exits for its supervisor to restart it/);
  }, 60_000);
});
