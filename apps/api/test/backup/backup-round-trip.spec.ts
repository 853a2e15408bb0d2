import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import supertest from 'supertest';
import { DataSource } from 'typeorm';
import { bootstrapAccounts } from '../../src/bootstrap-accounts.js';
import { ClockService } from '../../src/common/clock/clock.service.js';
import { createApp } from '../../src/create-app.js';
import { restoreBackup } from '../../src/database/backup/restore-backup.js';
import { verifyBackup } from '../../src/database/backup/verify-backup.js';
import { writeBackup } from '../../src/database/backup/write-backup.js';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import { ensureDemoSeeded } from '../../src/demo/demo-workspace.js';
import { TEST_PASSWORD } from '../support/factories.js';
import { pinToday } from '../support/okr-factories.js';
import { createTestApp, type TestApp, testConfig } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { alterOneDataByte, rowCounts, withManifest } from './backup-files.js';

/**
 * The seeded demo workspace backed up, restored into an empty database and read back through
 * the API: every read answers the same JSON as the original. Then the refusals — a damaged
 * file, a non-empty database, a newer schema — each leaving its target as it was.
 */
const TODAY = '2026-12-09';
const ADMIN = { email: 'admin@demo.test', password: TEST_PASSWORD };
const BASE = '/api/workspaces/demo';

type Target = { dataSource: DataSource; database: TestDatabase };

/** An empty database (no table, no migration) with a data source open on it. */
async function emptyDatabase(): Promise<Target> {
  const database = await createTestDatabase({ empty: true });
  const dataSource = new DataSource(dataSourceOptions(database.url));
  await dataSource.initialize();
  return { dataSource, database };
}

async function dropDatabase({ dataSource, database }: Target): Promise<void> {
  await dataSource.destroy();
  await database.drop();
}

const urlOf = (dataSource: DataSource) => (dataSource.options as { url: string }).url;

/** What `npm run restore` does: the whole file checked first, then restored. */
async function restoreFile(dataSource: DataSource, file: string) {
  return restoreBackup(dataSource, await verifyBackup(file));
}

describe('backup and restore of the seeded demo', () => {
  let source: TestApp;
  let restored: { app: NestExpressApplication; target: Target };
  let workDir: string;
  let file: string;
  let sessionCookie: string;

  beforeAll(async () => {
    source = await createTestApp();
    pinToday(source, TODAY);
    await bootstrapAccounts(source.dataSource, {
      adminEmail: ADMIN.email,
      adminPassword: ADMIN.password,
      demo: true,
    });
    expect(await ensureDemoSeeded(source.app, source.dataSource, { today: TODAY })).toBe('seeded');
    // Signed in before the backup: the session is part of what is restored.
    const signIn = await supertest(source.app.getHttpServer())
      .post('/api/auth/sign-in')
      .set('Origin', 'http://127.0.0.1')
      .set('Host', '127.0.0.1')
      .send(ADMIN)
      .expect(200);
    sessionCookie = String(signIn.headers['set-cookie']?.[0]?.split(';')[0]);

    workDir = await mkdtemp(path.join(tmpdir(), 'bearing-backup-'));
    file = path.join(workDir, 'demo.backup');
    let began = performance.now();
    const { manifest, bytes } = await writeBackup(urlOf(source.dataSource), file, {
      secretKeyId: null,
    });
    const backupMs = performance.now() - began;

    const target = await emptyDatabase();
    began = performance.now();
    const { rows } = await restoreFile(target.dataSource, file);
    const restoreMs = performance.now() - began;
    const app = await createApp(testConfig, target.dataSource);
    jest.spyOn(app.get(ClockService), 'now').mockReturnValue(new Date(`${TODAY}T12:00:00.000Z`));
    restored = { app, target };
    process.stdout.write(
      `demo backup: ${manifest.tables.length} tables, ${rows} rows, ${bytes} bytes; ` +
        `backup ${Math.round(backupMs)} ms, verify + restore ${Math.round(restoreMs)} ms\n`,
    );
  }, 180_000);

  afterAll(async () => {
    await restored?.app.close();
    await restored?.target.database.drop();
    await source?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  /** GET on one app with the admin's session; the status and body as they came. */
  const read = async (app: NestExpressApplication, url: string) => {
    const response = await supertest(app.getHttpServer()).get(url).set('Cookie', sessionCookie);
    return { status: response.status, body: response.body as unknown };
  };

  /** GET on both apps: the restored one must answer exactly what the original does. */
  const same = async (url: string): Promise<unknown> => {
    const original = await read(source.app, url);
    expect(original.status).toBe(200);
    expect({ url, ...(await read(restored.app, url)) }).toEqual({ url, ...original });
    return original.body;
  };

  /** Every page of a list, following `nextCursor`, compared page by page. */
  const sameAllPages = async (url: string): Promise<{ id: string }[]> => {
    const items: { id: string }[] = [];
    let cursor: string | null = null;
    do {
      const separator = url.includes('?') ? '&' : '?';
      const page = (await same(
        `${url}${separator}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      )) as { items: { id: string }[]; nextCursor: string | null };
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  };

  it('restores a database whose every API read matches the original', async () => {
    await same(`${BASE}/portfolio`);
    for (const { id } of await sameAllPages(`${BASE}/programs`)) {
      const program = `${BASE}/programs/${id}`;
      await same(program);
      await same(`${program}/health-timeline`);
      await sameAllPages(`${program}/milestones`);
      await sameAllPages(`${program}/raid`);
      await sameAllPages(`${program}/dependencies`);
      const reports = await sameAllPages(`${program}/reports`);
      expect(reports.length).toBeGreaterThan(0);
      for (const report of reports) await same(`${program}/reports/${report.id}`);
    }
    for (const period of await sameAllPages(`${BASE}/periods`)) {
      await sameAllPages(`${BASE}/objectives?period=${period.id}`);
      await sameAllPages(`${BASE}/key-results?period=${period.id}`);
    }
    const metrics = (await sameAllPages(`${BASE}/metrics`)) as unknown as { key: string }[];
    expect(metrics.length).toBeGreaterThanOrEqual(12);
    for (const { key } of metrics.slice(0, 3)) await same(`${BASE}/metrics/${key}/series`);
    for (const { id } of await sameAllPages(`${BASE}/guardrails`)) {
      await sameAllPages(`${BASE}/guardrails/${id}/history`);
    }
    const teams = (await sameAllPages(`${BASE}/teams`)) as unknown as { slug: string }[];
    expect(teams).toHaveLength(5);
    for (const { slug } of teams) {
      const team = `${BASE}/teams/${slug}`;
      await same(team);
      await same(`${team}/velocity`);
      await same(`${team}/flow/cycle-times`);
      const sprints = (await sameAllPages(`${team}/sprints`)) as unknown as {
        id: string;
        state: string;
      }[];
      const active = sprints.find((sprint) => sprint.state === 'active');
      await same(`${team}/sprints/${active?.id}/burndown`);
    }
    const audit = await sameAllPages(`${BASE}/audit-events`);
    expect(audit.length).toBeGreaterThan(100);
  });

  it('refuses a truncated file and leaves the empty target empty', async () => {
    const truncated = path.join(workDir, 'truncated.backup');
    const bytes = await readFile(file);
    await writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const target = await emptyDatabase();
    try {
      await expect(restoreFile(target.dataSource, truncated)).rejects.toThrow(
        /^the backup file is damaged or incomplete \(it does not decompress: unexpected end of file\)$/,
      );
      expect(await rowCounts(target.dataSource)).toEqual({});
    } finally {
      await dropDatabase(target);
    }
  });

  it('refuses a file with one byte altered, in the compressed file or in its data', async () => {
    const altered = path.join(workDir, 'altered.backup');
    const bytes = Buffer.from(await readFile(file));
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] ?? 0) ^ 0x01;
    await writeFile(altered, bytes);
    await expect(verifyBackup(altered)).rejects.toThrow(
      /^the backup file is damaged or incomplete/,
    );

    // The same change made before compressing gets past gzip's check, not past the checksums.
    const recompressed = path.join(workDir, 'recompressed.backup');
    await alterOneDataByte(file, recompressed);
    await expect(verifyBackup(recompressed)).rejects.toThrow(
      /^the backup file is damaged or incomplete \(the data of table \w+ does not match its checksum\)$/,
    );
  });

  it('refuses to restore into a database that is not empty, changing nothing', async () => {
    const before = await rowCounts(source.dataSource);
    await expect(restoreFile(source.dataSource, file)).rejects.toThrow(
      /^the database is not empty \(it has \d+ Bearing tables, .*\); restore only fills an empty database$/,
    );
    expect(await rowCounts(source.dataSource)).toEqual(before);
  });

  it('refuses a backup from a newer schema', async () => {
    const newer = path.join(workDir, 'newer.backup');
    await withManifest(file, newer, (manifest) => ({
      ...manifest,
      lastMigration: 'AddTimeTravel1999999999999',
      migrations: [...manifest.migrations, 'AddTimeTravel1999999999999'],
    }));
    await expect(verifyBackup(newer)).rejects.toThrow(
      /^the backup comes from a newer schema: its migration AddTimeTravel1999999999999 is unknown to this Bearing \(.+\); restore it with Bearing .+ or newer$/,
    );
    // Unchanged apart from its manifest, the copy is accepted: the refusal is about the schema.
    const same = path.join(workDir, 'same.backup');
    await withManifest(file, same, (manifest) => manifest);
    await expect(verifyBackup(same)).resolves.toMatchObject({ file: same });
  });
});
