import { randomUUID } from 'node:crypto';
import { open, readdir } from 'node:fs/promises';
import { type ClientRequest, request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { WORKER_THREADS, WorkerPool } from '../src/common/worker-pool/worker-pool.js';
import { MAX_READS_WHILE_RECEIVING } from '../src/imports/read-ahead.js';
import {
  countDeliveryRows,
  createTeam,
  type TestTeam,
  uploadImport,
} from './support/delivery-factories.js';
import {
  browser,
  createToken,
  createUser,
  createWorkspace,
  TEST_HOST,
  type TestWorkspace,
} from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * A Jira JSON upload is read on the worker pool while it arrives. A client that breaks off
 * mid-upload must not leave that reading waiting for bytes that never come: the thread is
 * freed and nothing is stored.
 */
describe('reading a Jira upload while it arrives', () => {
  let testApp: TestApp;
  let workspace: TestWorkspace;
  let team: TestTeam;
  let token: string;
  let baseUrl: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    baseUrl = await testApp.listen();
    const user = await createUser(testApp);
    workspace = await createWorkspace(testApp, user);
    team = await createTeam(testApp, workspace);
    token = (await createToken(testApp, user, workspace, 'write')).secret;
  });
  afterAll(async () => {
    await testApp.close();
  });

  /**
   * An upload that sends its fields and about 1 MB of issues, then waits, promising 10 MB; its
   * first issue's key is `marker`.
   */
  function startSlowUpload(marker = 'CUT-0'): ClientRequest {
    const boundary = 'read-ahead-boundary';
    const head = Buffer.from(
      [
        `--${boundary}`,
        'Content-Disposition: form-data; name="format"',
        '',
        'jira-json',
        `--${boundary}`,
        'Content-Disposition: form-data; name="file"; filename="search.json"',
        'Content-Type: application/json',
        '',
        `[{"issues": [${issue(marker)},`,
      ].join('\r\n'),
    );
    const next = `${issue('CUT-1')},`;
    const upload = request(
      `${baseUrl}/api/workspaces/${workspace.slug}/teams/${team.slug}/imports`,
      {
        method: 'POST',
        headers: {
          Host: TEST_HOST,
          Authorization: `Bearer ${token}`,
          'Content-Type': `multipart/form-data; boundary=${boundary}`,
          'Content-Length': String(10 * 1024 * 1024),
        },
      },
    );
    upload.on('error', () => undefined);
    upload.write(head);
    for (let written = 0; written < 1024 * 1024; written += next.length) upload.write(next);
    return upload;
  }

  /** An issue the reader takes (a refused one would end the reading before the upload does). */
  function issue(key: string): string {
    return JSON.stringify({
      key,
      fields: {
        summary: 'x'.repeat(1000),
        status: { name: 'To Do' },
        issuetype: { name: 'Story' },
        created: '2026-11-02T09:00:00.000+0000',
      },
    });
  }

  async function waitUntil(done: () => boolean, deadline: number): Promise<void> {
    while (!done() && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  it('frees the reading thread and stores nothing when the client breaks off mid-upload', async () => {
    const pool = testApp.app.get(WorkerPool);
    const deadline = Date.now() + 60_000;
    // The reader's thread loads its modules at start-up: only the upload's reading counts below.
    await waitUntil(() => pool.tasksInFlight === 0, deadline);
    const before = await countDeliveryRows(testApp);
    // About 1 MB of issues, then the connection drops while the reading is under way.
    const upload = startSlowUpload();
    await waitUntil(() => pool.tasksInFlight > 0, deadline);
    expect(pool.tasksInFlight).toBeGreaterThan(0);
    upload.destroy();

    await waitUntil(() => pool.tasksInFlight === 0, deadline);
    expect(pool.tasksInFlight).toBe(0);
    expect(await countDeliveryRows(testApp)).toEqual(before);
    // The pool still reads the next upload.
    const next = await uploadImport(
      browser(testApp).set('Authorization', `Bearer ${token}`),
      workspace,
      team,
      { file: Buffer.from('{"issues": []}'), dryRun: true },
    );
    expect(next.status).toBe(200);
  });

  it('keeps a pool thread free for other work however many slow uploads arrive', async () => {
    const pool = testApp.app.get(WorkerPool);
    const deadline = Date.now() + 60_000;
    await waitUntil(() => pool.tasksInFlight === 0, deadline);
    // As many slow uploads as the pool has threads: only some are read while they arrive.
    const markers = Array.from({ length: WORKER_THREADS }, () => `SLOW-${randomUUID()}`);
    const uploads = markers.map((marker) => startSlowUpload(marker));
    try {
      // Once the server is storing every one of them (their temporary files hold their first
      // bytes), the readings that started are all there are.
      let receiving = 0;
      while (receiving < markers.length && Date.now() < deadline) {
        receiving = (await uploadsBeginningWith(markers)).length;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(receiving).toBe(markers.length);
      await waitUntil(() => pool.tasksInFlight >= MAX_READS_WHILE_RECEIVING, deadline);
      expect(pool.tasksInFlight).toBe(MAX_READS_WHILE_RECEIVING);
      expect(MAX_READS_WHILE_RECEIVING).toBeLessThan(WORKER_THREADS);
      // Another upload is read by a free thread meanwhile, not after the slow ones.
      const next = await uploadImport(
        browser(testApp).set('Authorization', `Bearer ${token}`),
        workspace,
        team,
        { file: Buffer.from('{"issues": []}'), dryRun: true },
      );
      expect(next.status).toBe(200);
    } finally {
      for (const upload of uploads) upload.destroy();
    }
    await waitUntil(() => pool.tasksInFlight === 0, deadline);
    expect(pool.tasksInFlight).toBe(0);
  });
});

/** Which of `markers` the temporary upload files (`bearing-import-*`) begin with. */
async function uploadsBeginningWith(markers: string[]): Promise<string[]> {
  const names = (await readdir(tmpdir())).filter((name) => name.startsWith('bearing-import-'));
  const found = await Promise.all(
    names.map(async (name) => {
      // Read only the start: another suite's file may be large, or removed meanwhile.
      const handle = await open(path.join(tmpdir(), name)).catch(() => undefined);
      if (!handle) return [];
      try {
        const read = await handle.read(Buffer.alloc(256), 0, 256, 0).catch(() => undefined);
        const start = read ? read.buffer.subarray(0, read.bytesRead).toString('utf8') : '';
        return markers.filter((marker) => start.includes(marker));
      } finally {
        await handle.close();
      }
    }),
  );
  return found.flat();
}
