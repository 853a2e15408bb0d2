import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { insertImportJob } from '../src/imports/import-job.repository.js';
import { restoreUpload, storeUpload } from '../src/imports/import-upload.repository.js';
import { removeStaleUploads } from '../src/imports/upload-storage.js';
import { createTeam, type TestTeam } from './support/delivery-factories.js';
import { createUser, createWorkspace, signIn, type TestWorkspace } from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * A queued import's upload is kept in PostgreSQL compressed with zstd — about a twelfth of a
 * Jira export's bytes to write and log — and comes back byte for byte; uploads stored before
 * that (gzipped, or as they were) still come back as they were.
 */
describe('stored import uploads', () => {
  let testApp: TestApp;
  let workspace: TestWorkspace;
  let team: TestTeam;
  let userId: string;
  let user: Awaited<ReturnType<typeof createUser>>;
  const files: string[] = [];
  const tempFile = () => {
    const file = path.join(tmpdir(), `bearing-upload-test-${randomUUID()}`);
    files.push(file);
    return file;
  };

  beforeAll(async () => {
    testApp = await createTestApp();
    user = await createUser(testApp);
    userId = user.id;
    workspace = await createWorkspace(testApp, user);
    team = await createTeam(testApp, workspace);
  });
  afterAll(async () => {
    await Promise.all(files.map((file) => rm(file, { force: true })));
    await testApp.close();
  });

  const newJob = () =>
    insertImportJob(testApp.dataSource.manager, {
      workspaceId: workspace.id,
      teamId: team.id,
      createdByUserId: userId,
      format: 'jira-json',
      fileName: 'search.json',
      fileSize: 0,
      status: 'queued',
      progress: 0,
      result: null,
      finishedAt: null,
    });

  it('stores the upload compressed with zstd and restores it byte for byte', async () => {
    // A page of issues with text in several scripts, as an export repeats its field names.
    const issues = Array.from({ length: 3000 }, (_, index) => ({
      key: `GZ-${index}`,
      fields: { summary: `Überweisung ${index} — 支払い 🚀 "quoted" \\ tab\t`, status: 'Done' },
    }));
    const content = Buffer.from(JSON.stringify({ issues, isLast: true }));
    const upload = tempFile();
    await writeFile(upload, content);
    const job = await newJob();
    await testApp.dataSource.transaction((manager) => storeUpload(manager, job.id, upload));

    const [stored]: { size: number; head: Buffer }[] = await testApp.dataSource.query(
      `SELECT octet_length(content)::int AS size, substring(content FROM 1 FOR 4) AS head
         FROM import_upload WHERE import_job_id = $1`,
      [job.id],
    );
    // The zstd frame's magic number (RFC 8878).
    expect(stored?.head).toEqual(Buffer.from([0x28, 0xb5, 0x2f, 0xfd]));
    expect(stored?.size).toBeLessThan(content.length / 4);

    const restored = tempFile();
    expect(await restoreUpload(testApp.dataSource, job.id, restored)).toBe(true);
    expect((await readFile(restored)).equals(content)).toBe(true);
  });

  it('restores an upload stored as it was, before uploads were gzipped', async () => {
    const content = Buffer.from('Issue key,Summary,Status\nOLD-1,"Stored, as it was",Done\n');
    const job = await newJob();
    await testApp.dataSource.query(
      `INSERT INTO import_upload (import_job_id, content) VALUES ($1, $2)`,
      [job.id, content],
    );
    const restored = tempFile();
    expect(await restoreUpload(testApp.dataSource, job.id, restored)).toBe(true);
    expect((await readFile(restored)).equals(content)).toBe(true);
  });

  it('restores an upload stored gzipped, as uploads were stored before zstd', async () => {
    const content = Buffer.from(JSON.stringify({ issues: [{ key: 'GZ-1' }], isLast: true }));
    const job = await newJob();
    await testApp.dataSource.query(
      `INSERT INTO import_upload (import_job_id, content) VALUES ($1, $2)`,
      [job.id, gzipSync(content)],
    );
    const restored = tempFile();
    expect(await restoreUpload(testApp.dataSource, job.id, restored)).toBe(true);
    expect((await readFile(restored)).equals(content)).toBe(true);
  });

  it('answers false for an import without an upload', async () => {
    const job = await newJob();
    expect(await restoreUpload(testApp.dataSource, job.id, tempFile())).toBe(false);
  });

  it('removes the temporary file of an upload refused before the import saw it', async () => {
    const admin = await signIn(testApp, user);
    // The upload carries a marker, so its temporary file is told from other suites' uploads.
    const marker = randomUUID();
    const upload = Buffer.from(JSON.stringify([{ issues: [], marker }]));
    // A malformed team in the path is refused by the route's pipes, after multer wrote the file
    // and before the service (which removes it when done) saw it: Nest's multer removes it.
    const response = await admin
      .post(`/api/workspaces/${workspace.slug}/teams/Not_A_Team!/imports`)
      .field('format', 'jira-json')
      .attach('file', upload, 'export.json');
    expect(response.status).toBe(400);
    // Removed once the request ended: wait for it, on state.
    const deadline = Date.now() + 30_000;
    let left = await uploadsHolding(marker, upload.length);
    while (left.length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      left = await uploadsHolding(marker, upload.length);
    }
    expect(left).toEqual([]);
  });
  it('removes upload files a killed server left behind, and no upload in progress', async () => {
    const directory = await mkdtemp(path.join(tmpdir(), 'bearing-stale-uploads-'));
    try {
      const now = Date.UTC(2026, 11, 7, 12);
      const hours = (count: number) => (now - count * 3_600_000) / 1000;
      const write = async (name: string, ageHours: number) => {
        await writeFile(path.join(directory, name), 'x');
        await utimes(path.join(directory, name), hours(ageHours), hours(ageHours));
      };
      await write('bearing-import-left-by-a-crash', 7);
      await write('bearing-import-being-received', 1);
      await write('someone-elses-file', 30);
      expect(await removeStaleUploads(directory, now)).toBe(1);
      expect((await readdir(directory)).sort()).toEqual([
        'bearing-import-being-received',
        'someone-elses-file',
      ]);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});

/**
 * Temporary upload files (`bearing-import-*`, see upload-storage.ts) of `bytes` bytes that hold
 * `marker`.
 */
async function uploadsHolding(marker: string, bytes: number): Promise<string[]> {
  const names = (await readdir(tmpdir())).filter((name) => name.startsWith('bearing-import-'));
  const holding = await Promise.all(
    names.map(async (name) => {
      // Another suite's upload may be removed while this looks: not this one's, then.
      const file = path.join(tmpdir(), name);
      if ((await stat(file).catch(() => undefined))?.size !== bytes) return [];
      const text = await readFile(file, 'utf8').catch(() => '');
      return text.includes(marker) ? [name] : [];
    }),
  );
  return holding.flat();
}
