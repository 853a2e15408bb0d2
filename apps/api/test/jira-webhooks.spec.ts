import { createHmac } from 'node:crypto';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { jiraSourceSchema, syncRunPageSchema, type SyncRun } from '@bearing/contracts';
import express from 'express';
import { pinoHttp, type Options } from 'pino-http';
import { loggingModule } from '../src/common/logging/logging.module.js';
import { JiraSyncService } from '../src/jira-sync/jira-sync.service.js';
import { JiraWebhooksService } from '../src/jira-sync/webhooks/jira-webhooks.service.js';
import { createTeam, type TestTeam } from './support/delivery-factories.js';
import {
  type Browser,
  createMember,
  createUser,
  createWorkspace,
  signIn,
  type TestWorkspace,
} from './support/factories.js';
import { FakeJira } from './support/fake-jira/fake-jira.js';
import {
  connectFake,
  FAKE_EMAIL,
  FAKE_TOKEN,
  putSource,
} from './support/fake-jira/jira-sync-helpers.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** Polls `condition` (state, not time) until it holds. */
async function waitUntil<T>(read: () => Promise<T>, holds: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const value = await read();
    if (holds(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition never held: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const ISSUE_UPDATED = {
  timestamp: 1_767_000_000_000,
  webhookEvent: 'jira:issue_updated',
  issue_event_type_name: 'issue_generic',
  issue: { id: '10001', key: 'PAY-1', fields: { summary: 'Checkout' } },
};

describe('Jira webhooks', () => {
  let testApp: TestApp;
  let workspace: TestWorkspace;
  let agent: Browser;
  let jira: FakeJira;
  let connectionId: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    const admin = await createUser(testApp);
    workspace = await createWorkspace(testApp, admin);
    agent = await signIn(testApp, admin);
    jira = await FakeJira.start({ flavour: 'cloud', email: FAKE_EMAIL, token: FAKE_TOKEN });
    jira.generate({ count: 12 });
    connectionId = await connectFake(agent, workspace, jira);
  });

  afterAll(async () => {
    await jira.close();
    await testApp.close();
  });

  const teamPath = (team: TestTeam) => `/api/workspaces/${workspace.slug}/teams/${team.slug}`;

  /** A team with a source on the fake; answers the path of its webhook address (shown once). */
  async function teamWithSource(body: Record<string, unknown> = {}) {
    const team = await createTeam(testApp, workspace);
    const source = jiraSourceSchema.parse(
      await putSource(agent, workspace, team, { connectionId, jql: 'project = PAY', ...body }),
    );
    expect(source.webhookUrl).toMatch(/^http:\/\/bearing\.test\/api\/hooks\/jira\//);
    const hookPath = new URL(source.webhookUrl ?? '').pathname;
    return { team, source, hookPath };
  }

  /** What Jira does: a POST with JSON, from another server (no Origin, no cookie). */
  const deliver = (path: string, body: unknown = ISSUE_UPDATED, signature?: string) => {
    const call = testApp.http.post(path).set('Content-Type', 'application/json');
    if (signature !== undefined) call.set('X-Hub-Signature', signature);
    return call.send(JSON.stringify(body));
  };

  const runsOf = async (team: TestTeam): Promise<SyncRun[]> =>
    syncRunPageSchema.parse(
      (await agent.get(`${teamPath(team)}/source/runs?limit=200`).expect(200)).body,
    ).items;

  const ended = (run: SyncRun) => run.status === 'succeeded' || run.status === 'failed';

  it('gathers a burst of issue events into one sync of the team, and a later event into another', async () => {
    const { team, hookPath } = await teamWithSource();
    // A first sync (the schedule would start one for a new source): the webhook's come after it.
    await agent.post(`${teamPath(team)}/source/sync`).expect(202);
    await waitUntil(
      () => runsOf(team),
      (runs) => runs.length > 0 && runs.every(ended),
    );
    const webhookRuns = async () => (await runsOf(team)).filter((run) => run.trigger === 'webhook');

    for (let event = 0; event < 3; event++) {
      await deliver(hookPath).expect(202, { queued: true });
    }
    // Events that cannot change what the sync reads are taken and ignored.
    await deliver(hookPath, { ...ISSUE_UPDATED, webhookEvent: 'comment_created' }).expect(202, {
      queued: false,
    });
    const first = await waitUntil(webhookRuns, (runs) => runs.length > 0 && runs.every(ended));
    expect(first.map(({ status }) => status)).toEqual(['succeeded']);
    // Nothing changed in Jira since the first sync: nothing is written again.
    expect(first[0]?.counts).toMatchObject({ created: 0, updated: 0, removed: 0 });

    // The burst closed when its sync was asked for: the next event leads to a sync of its own.
    await deliver(hookPath).expect(202, { queued: true });
    await waitUntil(webhookRuns, (runs) => runs.length === 2 && runs.every(ended));
    const status = await agent.get(`${teamPath(team)}/source/webhook`).expect(200);
    expect(status.body).toEqual({ signed: false, lastReceivedAt: expect.any(String) });
  });

  it('follows a sync that was running when the events came with another, which reads the edits', async () => {
    const { team, source } = await teamWithSource();
    const sync = testApp.app.get(JiraSyncService);
    // The first sync stops after its reconciliation — it has listed its issues — until let go.
    let paused!: () => void;
    const reached = new Promise<void>((resolve) => (paused = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    sync.queuedRunOptions = {
      afterReconcile: async () => {
        sync.queuedRunOptions = {};
        paused();
        await gate;
      },
    };
    try {
      await agent.post(`${teamPath(team)}/source/sync`).expect(202);
      await reached;

      // A developer moves PAY-1 on; Jira's webhook burst asks for a sync while that one runs.
      const moved = jira.issues.get('PAY-1')?.status === 'Done' ? 'In Progress' : 'Done';
      jira.now = new Date(jira.now.getTime() + 3_600_000);
      jira.transition('PAY-1', moved);
      await testApp.app.get(JiraWebhooksService).requestSync(workspace.id, source.id);
      expect((await runsOf(team)).map((run) => run.trigger)).toEqual(['manual']);
    } finally {
      release();
    }

    // Once the running sync ends, a webhook run follows it at once, and reads the edit.
    const [manual] = await waitUntil(
      () => runsOf(team),
      (runs) => runs.some((run) => run.trigger === 'manual' && ended(run)),
    );
    expect(manual).toBeDefined();
    const follow = (await runsOf(team)).filter((run) => run.trigger === 'webhook');
    expect(follow).toHaveLength(1);
    const [done] = await waitUntil(
      async () => (await runsOf(team)).filter((run) => run.trigger === 'webhook'),
      (runs) => runs.every(ended),
    );
    expect(done).toMatchObject({ status: 'succeeded', counts: { updated: 1 } });
    const [item] = await testApp.dataSource.query<{ status: string }[]>(
      `SELECT status FROM work_item WHERE team_id = $1 AND key = 'PAY-1'`,
      [team.id],
    );
    expect(item?.status).toBe(jira.issues.get('PAY-1')?.status);
  });

  it('answers a wrong secret and an unknown source alike with 404, and queues nothing', async () => {
    const { team, source, hookPath } = await teamWithSource();
    const wrongSecret = hookPath.replace(/[^/]+$/, 'not-the-secret');
    const wrong = await deliver(wrongSecret).expect(404);
    await deliver(`/api/hooks/jira/${randomUUID()}/not-the-secret`).expect(404);
    expect(wrong.body.detail).toBe('There is no such webhook.');
    // The problem body does not repeat the secret segment either.
    expect(wrong.body.instance).toBe(`/api/hooks/jira/${source.id}/[redacted]`);
    await deliver('/api/hooks/jira/not-a-uuid/x').expect(400);
    // No webhook run: the scheduler's minute tick may start the new source's first scheduled
    // sync meanwhile, which is not the webhooks' doing.
    expect((await runsOf(team)).filter((run) => run.trigger !== 'schedule')).toEqual([]);
  });

  it('checks X-Hub-Signature once the team set a signing secret, and not after it removed it', async () => {
    const { team, hookPath } = await teamWithSource();
    const secret = 'whsec-shared-with-jira-0123456789';
    const signed = await agent
      .put(`${teamPath(team)}/source/webhook`)
      .send({ signingSecret: secret })
      .expect(200);
    expect(signed.body).toEqual({ signed: true, lastReceivedAt: null });
    expect(JSON.stringify(signed.body)).not.toContain(secret);

    const body = JSON.stringify(ISSUE_UPDATED);
    const hmac = (key: string, text: string) =>
      `sha256=${createHmac('sha256', key).update(text).digest('hex')}`;
    const send = (signature?: string) => {
      const call = testApp.http.post(hookPath).set('Content-Type', 'application/json');
      if (signature !== undefined) call.set('X-Hub-Signature', signature);
      return call.send(body);
    };
    await send().expect(403);
    await send(hmac('another-secret', body)).expect(403);
    await send(hmac(secret, `${body} `)).expect(403);
    await send(hmac(secret, body)).expect(202, { queued: true });

    await agent
      .put(`${teamPath(team)}/source/webhook`)
      .send({ signingSecret: null })
      .expect(200);
    await send().expect(202, { queued: true });
    await waitUntil(
      () => runsOf(team),
      (runs) => runs.length > 0 && runs.every(ended),
    );
  });

  it('gives a new address on rotation, shown once, and the old one stops working', async () => {
    const { team, hookPath } = await teamWithSource({ enabled: false });
    const viewer = await signIn(testApp, await createMember(testApp, workspace, 'viewer'));
    await viewer.post(`${teamPath(team)}/source/webhook/rotate`).expect(403);
    await viewer
      .put(`${teamPath(team)}/source/webhook`)
      .send({ signingSecret: 'x' })
      .expect(403);
    await viewer.get(`${teamPath(team)}/source/webhook`).expect(200);

    const rotated = jiraSourceSchema.parse(
      (await agent.post(`${teamPath(team)}/source/webhook/rotate`).expect(200)).body,
    );
    const newPath = new URL(rotated.webhookUrl ?? '').pathname;
    expect(newPath).not.toBe(hookPath);
    await deliver(hookPath).expect(404);
    // A paused source takes the event but does not sync.
    await deliver(newPath).expect(202, { queued: false });
    const shown = await agent.get(`${teamPath(team)}/source`).expect(200);
    expect(shown.body.webhookUrl).toBeUndefined();
    expect(JSON.stringify(shown.body)).not.toContain(newPath.split('/').pop());
    expect(await runsOf(team)).toEqual([]);
  });

  it('refuses a body that is not a Jira event with a 400 naming it', async () => {
    const { hookPath } = await teamWithSource({ enabled: false });
    const notJson = await testApp.http
      .post(hookPath)
      .set('Content-Type', 'application/json')
      .send('{"webhookEvent": ')
      .expect(400);
    expect(notJson.body.errors).toEqual([{ path: 'body', message: 'is not JSON' }]);
    const noEvent = await deliver(hookPath, { issue: {} }).expect(400);
    expect(noEvent.body.errors[0].path).toBe('webhookEvent');
    const huge = await deliver(hookPath, { ...ISSUE_UPDATED, padding: 'x'.repeat(3_000_000) });
    expect(huge.status).toBe(413);
    expect(huge.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('lists the sync status of every synced team for the portfolio, to viewers too', async () => {
    const { team } = await teamWithSource({ enabled: false });
    const viewer = await signIn(testApp, await createMember(testApp, workspace, 'viewer'));
    const listed = await viewer
      .get(`/api/workspaces/${workspace.slug}/jira-sync-status`)
      .expect(200);
    expect(listed.body.items).toContainEqual({
      teamId: team.id,
      teamName: team.name,
      teamSlug: team.slug,
      state: 'ok',
      enabled: false,
      lastSyncAt: null,
      lastError: null,
      failingSince: null,
    });
  });

  it('writes no webhook secret to the request log', async () => {
    // The request logger exactly as the app configures it, writing to a buffer instead of stdout.
    const options = (
      loggingModule({ logLevel: 'info' }).providers?.find(
        (provider) =>
          typeof provider === 'object' && 'useValue' in provider && provider.useValue?.pinoHttp,
      ) as { useValue: { pinoHttp: Options } }
    ).useValue.pinoHttp;
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const { transport: _pretty, ...plain } = options;
    const app = express();
    app.use(pinoHttp({ ...plain }, sink));
    app.post('/api/hooks/jira/:sourceId/:secret', (_request, response) => {
      response.status(202).json({ queued: true });
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const secret = 'hook-secret-never-logged-5f2a';
      const sourceId = randomUUID();
      const answer = await fetch(`http://127.0.0.1:${port}/api/hooks/jira/${sourceId}/${secret}`, {
        method: 'POST',
        body: '{}',
        headers: { 'content-type': 'application/json' },
      });
      expect(answer.status).toBe(202);
      await waitUntil(
        () => Promise.resolve(lines.join('')),
        (log) => log.includes('request completed'),
      );
      const log = lines.join('');
      expect(log).not.toContain(secret);
      expect(log).toContain(`/api/hooks/jira/${sourceId}/[redacted]`);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
