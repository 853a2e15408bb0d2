import type { MeResponse, Workspace, WorkspaceRole } from '@bearing/contracts';
import { fakeResponse, type FakeRoute } from './fake-fetch';

export const USER_ID = '00000000-0000-4000-8000-0000000000a1';

export const DEMO_WORKSPACE: Workspace = {
  id: '00000000-0000-4000-8000-0000000000d1',
  slug: 'demo',
  name: 'Demo Streaming Co.',
  role: 'admin',
};

export const OTHER_WORKSPACE: Workspace = {
  id: '00000000-0000-4000-8000-0000000000d2',
  slug: 'acme',
  name: 'Acme',
  role: 'viewer',
};

/** Ana, signed in, with `role` in the demo workspace (and viewer in Acme). */
export function signedInAs(role: WorkspaceRole): MeResponse {
  return {
    user: {
      id: USER_ID,
      email: 'ana@example.com',
      displayName: 'Ana Lima',
      mustChangePassword: false,
      instanceAdmin: false,
      mfaEnabled: false,
      mfaEnrolmentRequired: false,
    },
    preferences: { audience: 'executive' },
    workspaces: [{ ...OTHER_WORKSPACE }, { ...DEMO_WORKSPACE, role }],
    canCreateWorkspaces: true,
  };
}

/** The fetch routes every signed-in page asks: the session, health and readiness. */
export function shellRoutes(me: MeResponse | null): Record<string, FakeRoute> {
  return {
    '/api/auth/session': () => fakeResponse(200, { me }),
    // No open invitations unless a test says otherwise (the app layout's banner asks).
    '/api/me/invitations': () => fakeResponse(200, { items: [] }),
    // An empty inbox unless a test says otherwise (the header's bell asks).
    '/api/me/notifications': () =>
      fakeResponse(200, { items: [], nextCursor: null, unreadCount: 0 }),
    '/api/health': () => fakeResponse(200, { status: 'ok', version: '0.1.0' }),
    '/api/ready': () =>
      fakeResponse(200, {
        status: 'ready',
        database: 'up',
        migrations: { applied: 1, pending: 0 },
      }),
  };
}

/** An empty page of a list route. */
export const emptyPage = () => fakeResponse(200, { items: [], nextCursor: null });
