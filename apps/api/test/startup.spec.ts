import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ChildProcessWithoutNullStreams, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findFreePort } from './support/free-port.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

/**
 * The real entry point (`node dist/main.js`, what `npm start` runs) as a child process: start-up
 * errors, an external DATABASE_URL, the embedded database's life cycle and clean shutdown.
 * `npm test` builds dist first (scripts/ensure-ready.mjs).
 */
const MAIN = path.resolve(import.meta.dirname, '../dist/main.js');

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

async function waitUntilReady(port: number, started: Started, timeoutMs = 60000): Promise<number> {
  const begin = Date.now();
  while (Date.now() - begin < timeoutMs) {
    if (started.child.exitCode !== null) throw new Error(`exited early:\n${started.output()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/ready`);
      if (response.status === 200) return Date.now() - begin;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`not ready within ${timeoutMs} ms:\n${started.output()}`);
}

function postgresProcessesFor(dataDir: string): string[] {
  const listing = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  return listing.split('\n').filter((line) => line.includes('postgres') && line.includes(dataDir));
}

describe('starting and stopping the server', () => {
  let workDir: string;

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'bearing-start-'));
    // mkdtemp makes it private; the embedded cluster's postgres user must be able to enter it.
    await chmod(workDir, 0o711);
  });
  afterAll(async () => {
    await rm(workDir, { recursive: true, force: true });
  });

  it('stops on a bad PORT with one line naming it and a non-zero exit code', async () => {
    const started = start({ PORT: 'abc', BEARING_DATA_DIR: path.join(workDir, 'unused') });
    expect(await started.exit).toBe(1);
    const lines = started.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/PORT: must be a whole number/);
    expect(existsSync(path.join(workDir, 'unused'))).toBe(false);
  });

  it('stops on an unreachable DATABASE_URL naming it, without a stack trace or the password', async () => {
    const port = await findFreePort();
    const started = start({
      DATABASE_URL: `postgres://bearing:s3cret-pw@127.0.0.1:${port}/bearing`,
    });
    expect(await started.exit).toBe(1);
    const output = started.output().trim();
    expect(output.split('\n')).toHaveLength(1);
    expect(output).toMatch(/DATABASE_URL: cannot connect to PostgreSQL at 127\.0\.0\.1/);
    expect(output).not.toContain('s3cret-pw');
    expect(output).not.toMatch(/\n\s+at /);
  });

  describe('with DATABASE_URL', () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase();
    });
    afterAll(async () => {
      await database.drop();
    });

    it('refuses it without a shared secrets key, naming BEARING_SECRET_KEY', async () => {
      const started = start({ DATABASE_URL: database.url, PORT: String(await findFreePort()) });
      expect(await started.exit).toBe(1);
      expect(started.output()).toMatch(
        /Configuration error — BEARING_SECRET_KEY: is required with DATABASE_URL/,
      );
    });

    it('uses that Postgres, starts nothing embedded, and exits 0 on SIGTERM', async () => {
      const port = await findFreePort();
      const dataDir = path.join(workDir, 'external');
      const started = start({
        DATABASE_URL: database.url,
        // With an external database every process must share the secrets key from the environment.
        BEARING_SECRET_KEY: Buffer.alloc(32, 3).toString('base64'),
        PORT: String(port),
        BEARING_DATA_DIR: dataDir,
      });
      await waitUntilReady(port, started);
      expect(existsSync(dataDir)).toBe(false);
      started.child.kill('SIGTERM');
      expect(await started.exit).toBe(0);
    });
  });

  it('runs on the embedded Postgres, exits 0 on SIGINT leaving no Postgres, and finds its data again', async () => {
    const dataDir = path.join(workDir, 'embedded');
    const first = start({
      PORT: String(await findFreePort()),
      BEARING_DATA_DIR: dataDir,
      BEARING_DEMO: '0',
    });
    const firstPort = Number(/localhost:(\d+)/.exec(await outputOnceRunning(first))?.[1]);
    await waitUntilReady(firstPort, first);
    expect(postgresProcessesFor(dataDir).length).toBeGreaterThan(0);
    first.child.kill('SIGINT');
    expect(await first.exit).toBe(0);
    expect(postgresProcessesFor(dataDir)).toEqual([]);

    const second = start({
      PORT: String(await findFreePort()),
      BEARING_DATA_DIR: dataDir,
      BEARING_DEMO: '0',
    });
    const secondPort = Number(/localhost:(\d+)/.exec(await outputOnceRunning(second))?.[1]);
    await waitUntilReady(secondPort, second);
    expect(second.output()).not.toMatch(/first start only/);
    expect(second.output()).not.toMatch(/Applied \d+ migration/);
    second.child.kill('SIGINT');
    expect(await second.exit).toBe(0);
    expect(postgresProcessesFor(dataDir)).toEqual([]);
  }, 120000);
});

async function outputOnceRunning(started: Started, timeoutMs = 60000): Promise<string> {
  const begin = Date.now();
  while (!/Bearing is running at/.test(started.output())) {
    if (started.child.exitCode !== null || Date.now() - begin > timeoutMs) {
      throw new Error(`did not start:\n${started.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return started.output();
}
