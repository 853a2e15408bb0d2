import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import http from 'node:http';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findFreePort } from './support/free-port.js';
import {
  type BearingProcess,
  postJson,
  signInAdmin,
  startBearing,
  waitForOutput,
} from './support/bearing-process.js';

/**
 * SIGTERM while 20 keep-alive clients fire requests (`node dist/main.js` on the embedded
 * database): every request either gets its response or is refused at connect once Bearing has
 * stopped accepting — none is reset or left hanging — and the process exits 0.
 */
const PASSWORD = 'graceful-shutdown-password';
const CLIENTS = 20;
const LOAD_BEFORE_SIGNAL_MS = 1000;

type Tally = {
  served: number;
  servedAfterSignal: number;
  notOk: number;
  closeHeaders: number;
  reusedSockets: number;
  refused: number;
  failures: string[];
};

type Outcome =
  | { kind: 'response'; status: number; connectionClose: boolean; reused: boolean }
  | { kind: 'refused' }
  | { kind: 'failed'; reason: string };

function request(agent: http.Agent, url: URL, cookie: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const outgoing = http.get(url, { agent, headers: { cookie } }, (response) => {
      response.resume();
      response.once('end', () =>
        resolve({
          kind: 'response',
          status: response.statusCode ?? 0,
          connectionClose: response.headers.connection === 'close',
          reused: outgoing.reusedSocket,
        }),
      );
      response.once('error', (error) => resolve({ kind: 'failed', reason: String(error) }));
      response.once('close', () => {
        if (!response.complete) resolve({ kind: 'failed', reason: 'response cut short' });
      });
    });
    outgoing.once('error', (error: NodeJS.ErrnoException) =>
      resolve(
        error.code === 'ECONNREFUSED'
          ? { kind: 'refused' }
          : { kind: 'failed', reason: `${error.code ?? ''} ${error.message}` },
      ),
    );
  });
}

describe('shutdown under load', () => {
  let workDir: string;
  let bearing: BearingProcess;
  let origin: string;
  let cookie: string;

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'bearing-shutdown-'));
    // mkdtemp makes it private; the embedded cluster's postgres user must be able to enter it.
    await chmod(workDir, 0o711);
    const port = await findFreePort();
    origin = `http://127.0.0.1:${port}`;
    bearing = startBearing({
      PORT: String(port),
      BEARING_DATA_DIR: path.join(workDir, 'data'),
      BEARING_DEMO: '0',
      BEARING_ADMIN_PASSWORD: PASSWORD,
    });
    await waitForOutput(bearing, /Bearing is running at/);
    cookie = await signInAdmin(origin, PASSWORD);
    expect(
      (await postJson(origin, cookie, '/api/workspaces', { slug: 'acme', name: 'Acme' })).status,
    ).toBe(201);
  }, 120_000);

  afterAll(async () => {
    if (bearing.child.exitCode === null) {
      bearing.child.kill('SIGKILL');
      await bearing.exit;
    }
    await rm(workDir, { recursive: true, force: true });
  });

  it('answers or refuses every request on SIGTERM, and exits 0', async () => {
    const tally: Tally = {
      served: 0,
      servedAfterSignal: 0,
      notOk: 0,
      closeHeaders: 0,
      reusedSockets: 0,
      refused: 0,
      failures: [],
    };
    let signalled = false;
    const routes = [new URL('/api/health', origin), new URL('/api/workspaces', origin)];
    const client = async (index: number) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      for (let sent = index; ; sent++) {
        const outcome = await request(agent, routes[sent % routes.length] as URL, cookie);
        if (outcome.kind === 'refused') {
          tally.refused++;
          break;
        }
        if (outcome.kind === 'failed') {
          tally.failures.push(outcome.reason);
          break;
        }
        tally.served++;
        if (signalled) tally.servedAfterSignal++;
        if (outcome.status !== 200) tally.notOk++;
        if (outcome.connectionClose) tally.closeHeaders++;
        if (outcome.reused) tally.reusedSockets++;
      }
      agent.destroy();
    };
    const clients = Array.from({ length: CLIENTS }, (_, index) => client(index));

    await new Promise((resolve) => setTimeout(resolve, LOAD_BEFORE_SIGNAL_MS));
    const signalledAt = Date.now();
    signalled = true;
    bearing.child.kill('SIGTERM');
    const exitCode = await bearing.exit;
    const exitedAfterMs = Date.now() - signalledAt;
    await Promise.all(clients);

    process.stdout.write(
      `SIGTERM under load: ${tally.served} requests served (${tally.servedAfterSignal} after ` +
        `the signal, ${tally.closeHeaders} with Connection: close), ${tally.failures.length} ` +
        `failed, ${tally.refused} refused at connect; exit code ${exitCode} after ${exitedAfterMs} ms.\n`,
    );
    expect(tally.failures).toEqual([]);
    expect(exitCode).toBe(0);
    expect(tally.notOk).toBe(0);
    expect(tally.refused).toBe(CLIENTS);
    expect(tally.reusedSockets).toBeGreaterThan(0);
    expect(tally.closeHeaders).toBeGreaterThan(0);
    expect(bearing.output()).toMatch(/Bearing stopped\./);
  }, 60_000);
});
