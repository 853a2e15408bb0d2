import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createUser, createWorkspace, signIn, type Browser } from './support/factories.js';
import type { TestWorkspace } from './support/factories.js';
import { FakeJira } from './support/fake-jira/fake-jira.js';
import { createTeam } from './support/delivery-factories.js';
import {
  connectFake,
  FAKE_EMAIL,
  FAKE_TOKEN,
  putSource,
} from './support/fake-jira/jira-sync-helpers.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** A token the admin gives for the second site: only it may ever reach that site. */
const OTHER_TOKEN = 'ATATT3xFfGF0-token-for-the-other-site';

describe('Jira connections: where the stored token may go', () => {
  let testApp: TestApp;
  let workspace: TestWorkspace;
  let agent: Browser;
  const fakes: FakeJira[] = [];

  const fake = async (options: Partial<ConstructorParameters<typeof FakeJira>[0]> = {}) => {
    const jira = await FakeJira.start({
      flavour: 'cloud',
      email: FAKE_EMAIL,
      token: FAKE_TOKEN,
      ...options,
    });
    fakes.push(jira);
    return jira;
  };
  const path = (id: string) => `/api/workspaces/${workspace.slug}/jira-connections/${id}`;

  /** The stored row, sealed token and all, and how many updates the audit log recorded. */
  const storedState = async (id: string) => ({
    row: await testApp.dataSource.query<{ name: string; secret_sealed: string }[]>(
      `SELECT name, base_url, flavour, email, secret_sealed, secret_key_id, updated_at
         FROM jira_connection WHERE id = $1`,
      [id],
    ),
    updates: await testApp.dataSource.query<unknown[]>(
      `SELECT id FROM audit_event WHERE action = 'jira-connection.updated' AND target_id = $1`,
      [id],
    ),
  });

  beforeAll(async () => {
    testApp = await createTestApp();
    const admin = await createUser(testApp);
    workspace = await createWorkspace(testApp, admin);
    agent = await signIn(testApp, admin);
  });

  afterEach(async () => {
    await Promise.all(fakes.splice(0).map((jira) => jira.close()));
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('refuses to move a connection to another address, flavour or account without a new token, and changes nothing', async () => {
    const site = await fake();
    const elsewhere = await fake({ token: OTHER_TOKEN });
    const id = await connectFake(agent, workspace, site, 'Acme Jira');
    const before = await storedState(id);

    for (const change of [
      { baseUrl: elsewhere.url },
      { baseUrl: `${elsewhere.url}/`, name: 'Moved' },
      { flavour: 'data-center', email: null },
      { email: 'someone-else@example.com' },
    ]) {
      const refused = await agent.patch(path(id)).send(change).expect(400);
      const problem = refused.body as { errors: { path: string; message: string }[] };
      expect(problem.errors).toEqual([
        { path: 'secret', message: expect.stringMatching(/^is required again when the /) },
      ]);
    }
    expect(await storedState(id)).toEqual(before);

    // The test still calls the site the token was given for, and the other host heard nothing.
    const tested = await agent.post(`${path(id)}/test`).expect(200);
    expect(tested.body).toMatchObject({ ok: true, user: 'Sync Robot' });
    expect(elsewhere.requests).toEqual([]);

    // Sending the stored values again (as the edit form does) is no move: a rename needs no token.
    await agent
      .patch(path(id))
      .send({ name: 'Acme Cloud', baseUrl: site.url, flavour: 'cloud', email: FAKE_EMAIL })
      .expect(200);
    expect((await storedState(id)).row).toEqual([
      expect.objectContaining({ name: 'Acme Cloud', secret_sealed: before.row[0]?.secret_sealed }),
    ]);
  });

  it('moves a connection to another address when the token for it comes along', async () => {
    const site = await fake();
    const elsewhere = await fake({ token: OTHER_TOKEN });
    const id = await connectFake(agent, workspace, site, 'Moving Jira');

    const moved = await agent
      .patch(path(id))
      .send({ baseUrl: elsewhere.url, secret: OTHER_TOKEN })
      .expect(200);
    expect(moved.body).toMatchObject({ baseUrl: elsewhere.url, hasSecret: true });
    const tested = await agent.post(`${path(id)}/test`).expect(200);
    expect(tested.body).toMatchObject({ ok: true, user: 'Sync Robot' });
    expect(site.requests).toEqual([]);
    expect(elsewhere.count(/myself/)).toBe(1);
  });

  it('refuses to delete a connection teams sync from, naming them, until their sources are gone', async () => {
    const jira = await fake();
    const id = await connectFake(agent, workspace, jira);
    const payments = await createTeam(testApp, workspace, { name: 'Payments' });
    const ads = await createTeam(testApp, workspace, { name: 'Ads' });
    for (const team of [payments, ads]) {
      await putSource(agent, workspace, team, { connectionId: id, jql: 'project = PAY' });
    }
    const refused = await agent.delete(path(id)).expect(409);
    expect(refused.body).toMatchObject({
      type: 'https://bearing.dev/problems/connection-in-use',
      detail:
        'Ads and Payments sync from this connection: in their Source tab, pick another connection or stop syncing from Jira, then delete it.',
    });

    await agent.delete(`/api/workspaces/${workspace.slug}/teams/${ads.slug}/source`).expect(204);
    const still = await agent.delete(path(id)).expect(409);
    expect(still.body.detail).toBe(
      'Payments syncs from this connection: in its Source tab, pick another connection or stop syncing from Jira, then delete it.',
    );
    await agent
      .delete(`/api/workspaces/${workspace.slug}/teams/${payments.slug}/source`)
      .expect(204);
    await agent.delete(path(id)).expect(204);
  });
});
