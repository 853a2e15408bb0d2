import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { WorkerPool } from '../src/common/worker-pool/worker-pool.js';
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

  it('frees the reading thread and stores nothing when the client breaks off mid-upload', async () => {
    const pool = testApp.app.get(WorkerPool);
    const deadline = Date.now() + 60_000;
    // The reader's thread loads its modules at start-up: only the upload's reading counts below.
    while (pool.tasksInFlight > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const before = await countDeliveryRows(testApp);
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
        '[{"issues": [',
      ].join('\r\n'),
    );
    const issue = `{"key": "CUT-1", "fields": {"summary": "${'x'.repeat(1000)}"}},`;
    const upload = request(
      `${baseUrl}/api/workspaces/${workspace.slug}/teams/${team.slug}/imports`,
      {
        method: 'POST',
        headers: {
          Host: TEST_HOST,
          Authorization: `Bearer ${token}`,
          'Content-Type': `multipart/form-data; boundary=${boundary}`,
          // Promises much more than is sent.
          'Content-Length': String(10 * 1024 * 1024),
        },
      },
    );
    upload.on('error', () => undefined);
    upload.write(head);
    // About 1 MB of issues, then the connection drops while the reading is under way.
    for (let written = 0; written < 1024 * 1024; written += issue.length) upload.write(issue);
    while (pool.tasksInFlight === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(pool.tasksInFlight).toBeGreaterThan(0);
    upload.destroy();

    while (pool.tasksInFlight > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
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
});
