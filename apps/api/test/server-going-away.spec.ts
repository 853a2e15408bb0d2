import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

const CHILD = path.resolve(import.meta.dirname, 'support/going-away-child.mjs');

/** Polls the child's output (state, not time) until `pattern` shows or it exits. */
async function outputMatching(read: () => string, exited: () => boolean, pattern: RegExp) {
  const deadline = Date.now() + 60_000;
  while (!pattern.test(read())) {
    if (exited() || Date.now() > deadline) throw new Error(`never printed ${pattern}: ${read()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return pattern.exec(read()) as RegExpExecArray;
}

/**
 * A server that closes a connection (a restarted or killed PostgreSQL, an administrator's
 * pg_terminate_backend) tells the client with a message `pg` emits as an `'error'` event. The
 * server process's guard keeps a client without a listener from crashing Bearing with it.
 */
describe('a database connection the server closes', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ empty: true });
  }, 120_000);
  afterAll(async () => {
    await database.drop();
  });

  it('does not end the process when its client has no error listener', async () => {
    const child = spawn(process.execPath, [CHILD], {
      env: { PATH: process.env.PATH ?? '', GOING_AWAY_DATABASE_URL: database.url },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const exited = () => child.exitCode !== null;

    const [, pid] = await outputMatching(() => output, exited, /pid (\d+)/);
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    try {
      await admin.query('SELECT pg_terminate_backend($1)', [Number(pid)]);
    } finally {
      await admin.end();
    }
    await outputMatching(() => output, exited, /closed by the server \(.*administrator/);
    child.stdin.write('check\n');
    expect(await exit).toBe(0);
    expect(output).toContain('alive');
  }, 120_000);
});
