import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  meResponseSchema,
  problemSchema,
  workspacePageSchema,
  workspaceSchema,
} from '@bearing/contracts';
import {
  type Browser,
  createMember,
  createUser,
  createWorkspace,
  signIn,
  type TestUser,
} from './support/factories.js';
import { writeInstanceSettings } from '../src/instance-settings/instance-settings.repository.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('workspaces', () => {
  let testApp: TestApp;
  let user: TestUser;
  let agent: Browser;

  beforeAll(async () => {
    testApp = await createTestApp();
    user = await createUser(testApp);
    agent = await signIn(testApp, user);
    // Who may create workspaces is tested in admin.spec.ts; here, anyone may.
    await writeInstanceSettings(testApp.dataSource.manager, { workspaceCreation: 'everyone' });
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('creates a workspace with the caller as its admin', async () => {
    const response = await agent
      .post('/api/workspaces')
      .send({ slug: 'payments', name: '  Payments  ' })
      .expect(201);
    const workspace = workspaceSchema.parse(response.body);
    expect(workspace).toMatchObject({ slug: 'payments', name: 'Payments', role: 'admin' });
    const me = meResponseSchema.parse((await agent.get('/api/me').expect(200)).body);
    expect(me.workspaces).toEqual([workspace]);
  });

  it('refuses a taken slug with a 409 problem', async () => {
    await agent.post('/api/workspaces').send({ slug: 'taken', name: 'First' }).expect(201);
    const other = await signIn(testApp, await createUser(testApp));
    const response = await other
      .post('/api/workspaces')
      .send({ slug: 'taken', name: 'Second' })
      .expect(409);
    expect(problemSchema.parse(response.body)).toMatchObject({
      type: 'https://bearing.dev/problems/slug-taken',
      detail: expect.stringContaining('"taken"'),
    });
  });

  it.each(['Upper', '-leading', 'trailing-', 'with space', 'a'.repeat(64), ''])(
    'refuses the slug %p',
    async (slug) => {
      const response = await agent.post('/api/workspaces').send({ slug, name: 'X' }).expect(400);
      expect(problemSchema.parse(response.body).errors?.[0]?.path).toBe('slug');
    },
  );

  it('accepts one-character and 63-character slugs', async () => {
    await agent.post('/api/workspaces').send({ slug: 'x', name: 'X' }).expect(201);
    await agent
      .post('/api/workspaces')
      .send({ slug: 'y'.repeat(63), name: 'Y' })
      .expect(201);
  });

  it('lists only the caller’s workspaces, by slug, page by page', async () => {
    const lister = await createUser(testApp);
    const slugs = ['l-c', 'l-a', 'l-e', 'l-b', 'l-d'];
    for (const slug of slugs) await createWorkspace(testApp, lister, slug);
    await createWorkspace(testApp, user, 'l-not-mine');
    const browser = await signIn(testApp, lister);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, string> = { limit: '2', ...(cursor ? { cursor } : {}) };
      const page = workspacePageSchema.parse(
        (await browser.get('/api/workspaces').query(query).expect(200)).body,
      );
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((workspace) => workspace.slug));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...slugs].sort());
  });

  it('shows each workspace with the caller’s own role', async () => {
    const workspace = await createWorkspace(testApp, await createUser(testApp));
    const viewer = await createMember(testApp, workspace, 'viewer');
    const page = workspacePageSchema.parse(
      (await (await signIn(testApp, viewer)).get('/api/workspaces').expect(200)).body,
    );
    expect(page.items).toEqual([{ ...workspace, role: 'viewer' }]);
  });

  it('validates paging parameters', async () => {
    for (const query of [{ limit: '0' }, { limit: '201' }, { limit: 'many' }, { page: '2' }]) {
      await agent.get('/api/workspaces').query(query).expect(400);
    }
    const forged = await agent.get('/api/workspaces').query({ cursor: 'bm90IGEgY3Vyc29y' });
    expect(forged.status).toBe(400);
    expect(problemSchema.parse(forged.body).errors).toEqual([
      { path: 'cursor', message: 'is not a cursor this list returned' },
    ]);
  });
});
