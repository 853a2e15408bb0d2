import { randomUUID } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { insertImportJob } from '../src/imports/import-job.repository.js';
import { restoreUpload, storeUpload } from '../src/imports/import-upload.repository.js';
import { createTeam, type TestTeam } from './support/delivery-factories.js';
import { createUser, createWorkspace, type TestWorkspace } from './support/factories.js';
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
  const files: string[] = [];
  const tempFile = () => {
    const file = path.join(tmpdir(), `bearing-upload-test-${randomUUID()}`);
    files.push(file);
    return file;
  };

  beforeAll(async () => {
    testApp = await createTestApp();
    const user = await createUser(testApp);
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
});
