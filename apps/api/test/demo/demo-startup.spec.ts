import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findFreePort } from '../support/free-port.js';

/**
 * The newcomer's path, on the real entry point (`node dist/main.js`, what `npm start` runs)
 * with the embedded database, where the demo is on by default: a Ctrl-C in the middle of the
 * first seeding exits 0, the next start finishes the job, and signing in shows the populated
 * demo workspace.
 */
const MAIN = path.resolve(import.meta.dirname, '../../dist/main.js');
const PASSWORD = 'demo-start-password';

type Started = {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exit: Promise<number | null>;
};

function start(environment: Record<string, string>): Started {
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...environment },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exit };
}

async function waitForOutput(started: Started, pattern: RegExp, timeoutMs: number) {
  const begin = Date.now();
  while (!pattern.test(started.output())) {
    if (started.child.exitCode !== null || Date.now() - begin > timeoutMs) {
      throw new Error(`never printed ${String(pattern)}:\n${started.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the demo on first start', () => {
  let workDir: string;

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'bearing-demo-start-'));
    // mkdtemp makes it private; the embedded cluster's postgres user must be able to enter it.
    await chmod(workDir, 0o711);
  });
  afterAll(async () => {
    await rm(workDir, { recursive: true, force: true });
  });

  it('survives a Ctrl-C mid-seed, finishes on the next start and greets the admin with the demo', async () => {
    const dataDir = path.join(workDir, 'data');
    const environment = { BEARING_DATA_DIR: dataDir, BEARING_ADMIN_PASSWORD: PASSWORD };

    const first = start({ ...environment, PORT: String(await findFreePort()) });
    await waitForOutput(first, /Seeding the demo workspace/, 90_000);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    first.child.kill('SIGINT');
    expect(await first.exit).toBe(0);
    expect(first.output()).toMatch(/Demo seeding interrupted/);
    expect(first.output()).not.toMatch(/Bearing is running/);

    const port = await findFreePort();
    const second = start({ ...environment, PORT: String(port) });
    await waitForOutput(second, /Bearing is running at/, 120_000);
    expect(second.output()).toMatch(/Seeded the demo workspace in \d+ ms/);

    const origin = `http://localhost:${port}`;
    const signIn = await fetch(`${origin}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ email: 'admin@bearing.local', password: PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const read = async (route: string) => {
      const response = await fetch(`${origin}/api/workspaces/demo${route}`, {
        headers: { cookie },
      });
      expect(response.status).toBe(200);
      return (await response.json()) as { items: unknown[] };
    };
    expect((await read('/programs')).items).toHaveLength(3);
    expect((await read('/teams')).items).toHaveLength(5);

    second.child.kill('SIGINT');
    expect(await second.exit).toBe(0);
  }, 300_000);
});
