import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';
import { getConstructionPlans, PgBoss } from 'pg-boss';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import { migrations } from '../../src/database/migrations/index.js';
import { runMigrationsWithLock } from '../../src/database/run-migrations.js';
import { JOB_SCHEMA } from '../../src/jobs/job-queue.service.js';

const SERVER_URL_VARIABLE = 'BEARING_TEST_SERVER_URL';
const TEMPLATE_LOCK_KEY = 7_366_504_712;

/**
 * The template's name carries a hash of the migration list and of the job queue's schema, so a
 * changed migration set (or queue version) gets a fresh template instead of a stale one left by
 * an earlier run against the same server.
 */
const templateDatabase = `bearing_template_${createHash('sha256')
  .update(migrations.map((migration) => migration.name).join(','))
  .update(getConstructionPlans(JOB_SCHEMA))
  .digest('hex')
  .slice(0, 12)}`;

export type TestDatabase = { url: string; drop(): Promise<void> };

/**
 * A fresh database for one test file, cloned from the migrated template in milliseconds —
 * or, with `empty`, one without any table (no migration run), as a restore needs.
 */
export async function createTestDatabase({ empty = false } = {}): Promise<TestDatabase> {
  const serverUrl = testServerUrl();
  if (!empty) await ensureTemplate(serverUrl);
  const name = `bearing_test_${randomUUID().replaceAll('-', '')}`;
  await withAdmin(serverUrl, (admin) =>
    admin.query(`CREATE DATABASE ${name} TEMPLATE ${empty ? 'template0' : templateDatabase}`),
  );
  return {
    url: databaseUrl(serverUrl, name),
    drop: async () => {
      await withAdmin(serverUrl, (admin) =>
        admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      );
    },
  };
}

function testServerUrl(): string {
  const url = process.env[SERVER_URL_VARIABLE];
  if (!url) throw new Error(`${SERVER_URL_VARIABLE} is not set: the Jest globalSetup did not run`);
  return url;
}

function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * Test files start in parallel workers; an advisory lock lets the first one build the template
 * while the others wait, then all of them find it ready.
 */
async function ensureTemplate(serverUrl: string): Promise<void> {
  await withAdmin(serverUrl, async (admin) => {
    await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK_KEY]);
    try {
      const existing = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [
        templateDatabase,
      ]);
      if (existing.rowCount) return;
      const building = `${templateDatabase}_building`;
      await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${building}`);
      const dataSource = new DataSource(dataSourceOptions(databaseUrl(serverUrl, building)));
      await dataSource.initialize();
      try {
        await runMigrationsWithLock(dataSource);
      } finally {
        await dataSource.destroy();
      }
      await installJobQueue(databaseUrl(serverUrl, building));
      // Renamed only once complete, so a crash mid-build never leaves a half-migrated template.
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${templateDatabase}`);
    } finally {
      await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK_KEY]);
    }
  });
}

/** The job queue installs its own schema on start; done once here, every clone has it. */
async function installJobQueue(url: string): Promise<void> {
  const boss = new PgBoss({
    connectionString: url,
    schema: JOB_SCHEMA,
    supervise: false,
    schedule: false,
  });
  boss.on('error', () => undefined);
  await boss.start();
  await boss.stop({ graceful: false });
}

async function withAdmin<T>(serverUrl: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}
