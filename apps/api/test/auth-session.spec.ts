import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sessionResponseSchema } from '@bearing/contracts';
import {
  browser,
  createToken,
  createUser,
  createWorkspace,
  signIn,
  type TestUser,
  type TestWorkspace,
} from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('GET /api/auth/session', () => {
  let testApp: TestApp;
  let user: TestUser;
  let workspace: TestWorkspace;

  beforeAll(async () => {
    testApp = await createTestApp();
    user = await createUser(testApp);
    workspace = await createWorkspace(testApp, user);
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('answers 200 with me: null, uncached, for a browser without a session', async () => {
    const response = await browser(testApp).get('/api/auth/session').expect(200);
    expect(sessionResponseSchema.parse(response.body)).toEqual({ me: null });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('answers me: null for an unknown session cookie', async () => {
    const response = await browser(testApp)
      .get('/api/auth/session')
      .set('Cookie', 'bearing_session=forged')
      .expect(200);
    expect(response.body).toEqual({ me: null });
  });

  it('answers the user and their workspaces for a signed-in browser, and me: null after sign-out', async () => {
    const agent = await signIn(testApp, user);
    const signedIn = await agent.get('/api/auth/session').expect(200);
    expect(sessionResponseSchema.parse(signedIn.body)).toEqual({
      me: {
        user: {
          id: user.id,
          email: user.email,
          displayName: user.displayName,
          instanceAdmin: false,
          mustChangePassword: false,
          mfaEnabled: false,
          mfaEnrolmentRequired: false,
        },
        preferences: { audience: 'executive' },
        canCreateWorkspaces: false,
        workspaces: [
          { id: workspace.id, slug: workspace.slug, name: workspace.name, role: 'admin' },
        ],
      },
    });

    await agent.post('/api/auth/sign-out').expect(204);
    const signedOut = await agent.get('/api/auth/session').expect(200);
    expect(signedOut.body).toEqual({ me: null });
  });

  it('does not treat an API token as a browser session', async () => {
    const token = await createToken(testApp, user, workspace, 'read');
    const response = await browser(testApp)
      .get('/api/auth/session')
      .set('Authorization', `Bearer ${token.secret}`)
      .expect(200);
    expect(response.body).toEqual({ me: null });
  });
});
