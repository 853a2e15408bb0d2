import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The real entry point (`node dist/main.js`, what `npm start` runs) as a child process, for
 * tests of the process's life: crashes of its database, signals, exit codes.
 */
const MAIN = path.resolve(import.meta.dirname, '../../dist/main.js');

export type BearingProcess = {
  child: ChildProcessWithoutNullStreams;
  /** Standard output and error together, in arrival order. */
  output: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
};

export function startBearing(environment: Record<string, string>): BearingProcess {
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...environment },
  });
  let output = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    stderr += chunk.toString();
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, stderr: () => stderr, exit };
}

export async function waitForOutput(
  bearing: BearingProcess,
  pattern: RegExp,
  timeoutMs = 90_000,
): Promise<void> {
  const begin = Date.now();
  while (!pattern.test(bearing.output())) {
    if (bearing.child.exitCode !== null || Date.now() - begin > timeoutMs) {
      throw new Error(`never printed ${String(pattern)}:\n${bearing.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Signs the bootstrap admin in; returns the session cookie for later requests. */
export async function signInAdmin(origin: string, password: string): Promise<string> {
  const response = await fetch(`${origin}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email: 'admin@bearing.local', password }),
  });
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** A write through the API as a browser session makes it (same-origin, with the cookie). */
export async function postJson(
  origin: string,
  cookie: string,
  route: string,
  body: unknown,
): Promise<Response> {
  return fetch(`${origin}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin, cookie },
    body: JSON.stringify(body),
  });
}

/** The embedded cluster's postmaster: the first line of `postmaster.pid` in its directory. */
export async function postmasterPid(dataDir: string): Promise<number> {
  const file = path.join(dataDir, 'postgres', 'postmaster.pid');
  return Number((await readFile(file, 'utf8')).split('\n')[0]);
}
