import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { meResponseSchema, problemSchema } from '@bearing/contracts';
import { browser, createToken, createUser, createWorkspace, signIn } from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('PATCH /api/me: the audience preference', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('starts as executive, is remembered per user and does not touch anyone else', async () => {
    const ana = await createUser(testApp);
    const bo = await createUser(testApp);
    const anaBrowser = await signIn(testApp, ana);
    const boBrowser = await signIn(testApp, bo);

    const before = meResponseSchema.parse((await anaBrowser.get('/api/me').expect(200)).body);
    expect(before.preferences).toEqual({ audience: 'executive' });

    const updated = await anaBrowser.patch('/api/me').send({ audience: 'team' }).expect(200);
    expect(meResponseSchema.parse(updated.body).preferences).toEqual({ audience: 'team' });

    // A new session (another browser) sees the same preference; Bo's is unchanged.
    const again = await signIn(testApp, ana);
    expect((await again.get('/api/auth/session').expect(200)).body.me.preferences).toEqual({
      audience: 'team',
    });
    expect((await boBrowser.get('/api/me').expect(200)).body.preferences).toEqual({
      audience: 'executive',
    });
  });

  it('is a session-only route: no API token may change the preference', async () => {
    const owner = await createUser(testApp);
    const workspace = await createWorkspace(testApp, owner);
    const token = await createToken(testApp, owner, workspace, 'write');
    await browser(testApp)
      .patch('/api/me')
      .set('Authorization', `Bearer ${token.secret}`)
      .send({ audience: 'stakeholder' })
      .expect(403);
    const agent = await signIn(testApp, owner);
    expect((await agent.get('/api/me').expect(200)).body.preferences.audience).toBe('executive');
  });

  it('refuses an unknown audience with a 400 that names the field, and changes nothing', async () => {
    const user = await createUser(testApp);
    const agent = await signIn(testApp, user);
    const response = await agent.patch('/api/me').send({ audience: 'board' }).expect(400);
    const problem = problemSchema.parse(response.body);
    expect(JSON.stringify(problem)).toContain('audience');
    await agent.patch('/api/me').send({ audience: 'team', extra: 1 }).expect(400);
    expect((await agent.get('/api/me').expect(200)).body.preferences.audience).toBe('executive');
  });
});
