import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readBackupSections } from '../../src/database/backup/backup-format.js';
import { type BackupManifest, parseManifest } from '../../src/database/backup/backup-manifest.js';
import { findFreePort } from '../support/free-port.js';
import { createWorkspace, createUser } from '../support/factories.js';
import { createMetric, insertPoints } from '../support/okr-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/**
 * `npm run backup` and `npm run restore` as built (`dist/…-cli.js`, what the root scripts run),
 * as child processes: against DATABASE_URL, into a BEARING_DATA_DIR with no cluster yet, and
 * from that embedded database while Bearing (`dist/main.js`) runs on it. `npm test` builds
 * dist first; run `npm run build -w @bearing/api` before running this file alone.
 */
const DIST = path.resolve(import.meta.dirname, '../../dist');
const BACKUP = path.join(DIST, 'database/backup/backup-cli.js');
const RESTORE = path.join(DIST, 'database/backup/restore-cli.js');
const MAIN = path.join(DIST, 'main.js');

type Finished = { code: number | null; stdout: string; stderr: string };

function run(script: string, args: string[], environment: Record<string, string>, cwd: string) {
  const child = spawn(process.execPath, [script, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...environment },
  });
  return collect(child);
}

function collect(child: ChildProcess): Promise<Finished> & { child: ChildProcess } {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const finished = new Promise<Finished>((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout, stderr })),
  );
  return Object.assign(finished, { child });
}

async function manifestOf(file: string): Promise<BackupManifest> {
  for await (const section of readBackupSections(file)) {
    if (section.kind === 'manifest') return parseManifest(section.json);
    for await (const _ of section.chunks) continue;
  }
  throw new Error(`${file} has no manifest`);
}

/** What identifies a backup's data: each table's name, rows and checksum. */
const contentOf = (manifest: BackupManifest) =>
  manifest.tables.map(({ name, rows, sha256 }) => ({ name, rows, sha256 }));

describe('the backup and restore commands', () => {
  let source: TestApp;
  let target: TestDatabase;
  let workDir: string;

  beforeAll(async () => {
    source = await createTestApp();
    const admin = await createUser(source);
    const workspace = await createWorkspace(source, admin);
    const metric = await createMetric(source, workspace);
    await insertPoints(source, metric, [
      { timestamp: '2026-11-30T00:00:00.000Z', value: 1.5 },
      { timestamp: '2026-12-01T00:00:00.000Z', value: 2.25 },
    ]);
    target = await createTestDatabase({ empty: true });
    workDir = await mkdtemp(path.join(tmpdir(), 'bearing-backup-cli-'));
    // The embedded cluster runs as the postgres user when tests run as root: it must enter.
    await chmod(workDir, 0o711);
  });

  afterAll(async () => {
    await source.close();
    await target.drop();
    await rm(workDir, { recursive: true, force: true });
  });

  it('backs up and restores through DATABASE_URL, one line each, and refuses what it must', async () => {
    const sourceUrl = source.dataSource.options as { url: string };
    const backedUp = await run(BACKUP, ['first.backup'], { DATABASE_URL: sourceUrl.url }, workDir);
    expect(backedUp).toMatchObject({ code: 0, stderr: '' });
    expect(backedUp.stdout).toMatch(
      /^Backed up \d+ tables \(\d+ rows\) to .*first\.backup: [\d.]+ (B|KiB|MiB) in [\d.]+ s\.\n$/,
    );
    const file = path.join(workDir, 'first.backup');

    const again = await run(BACKUP, ['first.backup'], { DATABASE_URL: sourceUrl.url }, workDir);
    expect(again).toMatchObject({ code: 1, stdout: '' });
    expect(again.stderr).toMatch(
      /^Backup failed: .*first\.backup already exists; a backup never overwrites a file\n$/,
    );

    const restored = await run(RESTORE, [file], { DATABASE_URL: target.url }, workDir);
    expect(restored).toMatchObject({ code: 0, stderr: '' });
    expect(restored.stdout).toMatch(
      /^Restored \d+ tables \(\d+ rows\) from .*first\.backup, a backup of \S+ by Bearing \S+, in [\d.]+ s; no newer migration to apply\.\n$/,
    );

    const twice = await run(RESTORE, [file], { DATABASE_URL: target.url }, workDir);
    expect(twice).toMatchObject({ code: 1, stdout: '' });
    expect(twice.stderr).toMatch(
      /^Restore refused: the database is not empty \(.*\); restore only fills an empty database\. Nothing was changed\.\n$/,
    );

    const bytes = await readFile(file);
    await writeFile(path.join(workDir, 'cut.backup'), bytes.subarray(0, bytes.length - 20));
    const cut = await run(RESTORE, ['cut.backup'], { DATABASE_URL: target.url }, workDir);
    expect(cut).toMatchObject({ code: 1, stdout: '' });
    expect(cut.stderr).toMatch(
      /^Restore refused: the backup file is damaged or incomplete \(.+\)\. Nothing was changed\.\n$/,
    );

    // Backed up again, the restored database holds exactly the data of the original.
    const copy = await run(BACKUP, ['copy.backup'], { DATABASE_URL: target.url }, workDir);
    expect(copy.code).toBe(0);
    expect(contentOf(await manifestOf(path.join(workDir, 'copy.backup')))).toEqual(
      contentOf(await manifestOf(file)),
    );
  }, 90_000);

  it('restores into a new embedded database and backs it up while Bearing runs on it', async () => {
    const sourceUrl = source.dataSource.options as { url: string };
    const file = path.join(workDir, 'moving.backup');
    expect((await run(BACKUP, [file], { DATABASE_URL: sourceUrl.url }, workDir)).code).toBe(0);
    const dataDir = path.join(workDir, 'data');

    const restored = await run(RESTORE, [file], { BEARING_DATA_DIR: dataDir }, workDir);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/\nRestored \d+ tables .* no newer migration to apply\.\n$/);

    const port = await findFreePort();
    const bearing = collect(
      spawn(process.execPath, [MAIN], {
        env: {
          PATH: process.env.PATH ?? '',
          LOG_LEVEL: 'warn',
          PORT: String(port),
          BEARING_DATA_DIR: dataDir,
          BEARING_DEMO: '0',
        },
      }),
    );
    try {
      await waitUntilReady(port, bearing.child);
      const running = await run(BACKUP, ['running.backup'], { BEARING_DATA_DIR: dataDir }, workDir);
      expect(running).toMatchObject({ code: 0, stderr: '' });
      expect(running.stdout).toMatch(/^Backed up \d+ tables/);
      expect(contentOf(await manifestOf(path.join(workDir, 'running.backup')))).toEqual(
        contentOf(await manifestOf(file)),
      );
      // Bearing kept running beside the backup.
      expect((await fetch(`http://127.0.0.1:${port}/api/ready`)).status).toBe(200);
    } finally {
      bearing.child.kill('SIGINT');
      expect((await bearing).code).toBe(0);
    }
  }, 120_000);
});

async function waitUntilReady(port: number, child: ChildProcess): Promise<void> {
  const began = Date.now();
  while (Date.now() - began < 60_000) {
    if (child.exitCode !== null) throw new Error('Bearing exited before it was ready');
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/ready`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('Bearing was not ready within 60 s');
}
