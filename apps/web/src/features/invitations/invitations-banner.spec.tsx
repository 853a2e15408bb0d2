import type { MeResponse, MyInvitation } from '@bearing/contracts';
import { afterEach, describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeResponse, mockFetch } from '../../test-utils/fake-fetch';
import { renderApp } from '../../test-utils/render-app';
import { DEMO_WORKSPACE, shellRoutes, signedInAs } from '../../test-utils/session-fixtures';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const INVITATION: MyInvitation = {
  id: '00000000-0000-4000-8000-0000000000f1',
  workspace: { slug: 'payments', name: 'Payments' },
  role: 'editor',
  invitedBy: { displayName: 'Bo Chen' },
  expiresAt: '2026-03-09T09:00:00.000Z',
};

/** Ana with no workspace, who may not create one. */
function withoutWorkspace(): MeResponse {
  return { ...signedInAs('viewer'), workspaces: [], canCreateWorkspaces: false };
}

describe('invitations to an existing account', () => {
  it('are shown to the invited person, who joins by accepting', async () => {
    let accepted = false;
    const payments = {
      id: '00000000-0000-4000-8000-0000000000d3',
      slug: 'payments',
      name: 'Payments',
      role: 'editor' as const,
    };
    mockFetch({
      ...shellRoutes(withoutWorkspace()),
      '/api/auth/session': () =>
        fakeResponse(200, {
          me: accepted ? { ...withoutWorkspace(), workspaces: [payments] } : withoutWorkspace(),
        }),
      '/api/me/invitations': () => fakeResponse(200, { items: accepted ? [] : [INVITATION] }),
      [`POST /api/me/invitations/${INVITATION.id}/accept`]: () => {
        accepted = true;
        return fakeResponse(200, payments);
      },
    });
    renderApp('/welcome');

    expect(await screen.findByText(/Bo Chen invited you to join Payments as editor/)).toBeTruthy();
    // Nobody but instance admins creates workspaces here: no form, a way to get in instead.
    expect(await screen.findByRole('heading', { level: 1, name: 'No workspace yet' })).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: /Name/ })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Accept the invitation to Payments' }));
    await waitFor(() =>
      expect(screen.getByTestId('location').textContent).toMatch(/^\/w\/payments/),
    );
    await waitFor(() => expect(screen.queryByText(/invited you to join Payments/)).toBeNull());
  });

  it('can be declined', async () => {
    const fetchMock = mockFetch({
      ...shellRoutes(signedInAs('admin')),
      '/api/me/invitations': () => fakeResponse(200, { items: [INVITATION] }),
      [`DELETE /api/me/invitations/${INVITATION.id}`]: () => fakeResponse(204, undefined),
    });
    renderApp(`/w/${DEMO_WORKSPACE.slug}/settings/tokens`);

    fireEvent.click(
      await screen.findByRole('button', { name: 'Decline the invitation to Payments' }),
    );
    await waitFor(() =>
      expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'DELETE')).toBe(true),
    );
  });

  it('hide "Create workspace" from someone the instance does not let create one', async () => {
    mockFetch({
      ...shellRoutes({ ...signedInAs('admin'), canCreateWorkspaces: false }),
      '/api/me/tokens': () => fakeResponse(200, { items: [], nextCursor: null }),
    });
    renderApp('/w/demo/settings/tokens');

    fireEvent.click(await screen.findByRole('button', { name: /^Workspace / }));
    expect(await screen.findByRole('menuitem', { name: /Acme/ })).toBeTruthy();
    expect(screen.queryByRole('menuitem', { name: /Create workspace/ })).toBeNull();
  });
});
