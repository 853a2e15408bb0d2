import type { Member, WorkspaceInvitation } from '@bearing/contracts';
import { afterEach, describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeResponse, mockFetch, sentBody, problemResponse } from '../../../test-utils/fake-fetch';
import { renderApp } from '../../../test-utils/render-app';
import { emptyPage, shellRoutes, signedInAs, USER_ID } from '../../../test-utils/session-fixtures';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const MEMBERS: Member[] = [
  {
    userId: USER_ID,
    email: 'ana@example.com',
    displayName: 'Ana Lima',
    role: 'admin',
    version: 1,
    joinedAt: '2025-01-06T09:00:00.000Z',
    active: true,
  },
  {
    userId: '00000000-0000-4000-8000-0000000000b2',
    email: 'bo@example.com',
    displayName: 'Bo Chen',
    role: 'viewer',
    version: 3,
    joinedAt: '2025-02-10T09:00:00.000Z',
    active: true,
  },
];

const membersPage = () => fakeResponse(200, { items: MEMBERS, nextCursor: null });
/** The client fetches by path. */
const urlOf = (input: unknown) => (typeof input === 'string' ? input : '');
const noInvitations = () => fakeResponse(200, { items: [] });

const INVITATION: WorkspaceInvitation = {
  id: '00000000-0000-4000-8000-0000000000c1',
  email: 'cy@example.com',
  role: 'editor',
  invitedBy: { userId: USER_ID, displayName: 'Ana Lima' },
  createdAt: '2025-03-01T09:00:00.000Z',
  expiresAt: '2025-03-08T09:00:00.000Z',
};

describe('MembersPanel', () => {
  it('shows a viewer the members and their roles, and no edit controls at all', async () => {
    const me = signedInAs('viewer');
    mockFetch({ ...shellRoutes(me), '/api/workspaces/demo/members': membersPage });
    renderApp('/w/demo/settings/members');

    const table = await screen.findByRole('table');
    expect(within(table).getByText('Bo Chen')).toBeTruthy();
    expect(within(table).getByText('Admin')).toBeTruthy();
    expect(within(table).getByText('Viewer')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add member' })).toBeNull();
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.queryByRole('button', { name: /Remove/ })).toBeNull();
    expect(screen.queryByRole('tab', { name: 'Audit log' })).toBeNull();
  });

  it('offers a viewer read tokens only, and no other members’ tokens', async () => {
    mockFetch({ ...shellRoutes(signedInAs('viewer')), '/api/me/tokens': emptyPage });
    renderApp('/w/demo/settings/tokens');

    const scope = await screen.findByRole('combobox', { name: /Scope/ });
    expect(
      within(scope)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Read: acts as a viewer']);
    expect(screen.queryByRole('heading', { name: 'All tokens in this workspace' })).toBeNull();
  });

  it('shows an editor no admin controls', async () => {
    mockFetch({
      ...shellRoutes(signedInAs('editor')),
      '/api/workspaces/demo/members': membersPage,
    });
    renderApp('/w/demo/settings/members');

    await screen.findByRole('table');
    expect(screen.queryByRole('button', { name: 'Add member' })).toBeNull();
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.queryByRole('button', { name: /Remove/ })).toBeNull();
    expect(screen.queryByRole('tab', { name: 'Audit log' })).toBeNull();
  });

  it('gives an admin the controls, and sends the version seen with a role change', async () => {
    const fetchMock = mockFetch({
      ...shellRoutes(signedInAs('admin')),
      '/api/workspaces/demo/members': membersPage,
      '/api/workspaces/demo/invitations': noInvitations,
      [`PATCH /api/workspaces/demo/members/${MEMBERS[1]?.userId}`]: ({ body }) =>
        fakeResponse(200, { ...MEMBERS[1], ...(body as object), version: 4 }),
    });
    renderApp('/w/demo/settings/members');

    expect(await screen.findByRole('button', { name: 'Add member' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Audit log' })).toBeTruthy();
    fireEvent.change(await screen.findByRole('combobox', { name: 'Role of Bo Chen' }), {
      target: { value: 'editor' },
    });

    await waitFor(() =>
      expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'PATCH')).toBe(true),
    );
    expect(sentBody(fetchMock, 'PATCH')).toEqual({ role: 'editor', version: 3 });
  });

  it('says when someone else changed the member first, and offers a reload', async () => {
    mockFetch({
      ...shellRoutes(signedInAs('admin')),
      '/api/workspaces/demo/members': membersPage,
      '/api/workspaces/demo/invitations': noInvitations,
      [`PATCH /api/workspaces/demo/members/${MEMBERS[1]?.userId}`]: () =>
        problemResponse(409, 'Conflict', 'This member changed since you loaded it.', {
          kind: 'stale-version',
        }),
    });
    renderApp('/w/demo/settings/members');

    fireEvent.change(await screen.findByRole('combobox', { name: 'Role of Bo Chen' }), {
      target: { value: 'admin' },
    });

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Changed by someone else');
    expect(within(alert).getByRole('button', { name: 'Reload members' })).toBeTruthy();
  });

  it("shows the server's reason when the last admin would be removed", async () => {
    const detail =
      "This is the workspace's last admin, who cannot be removed: make another member an admin first.";
    mockFetch({
      ...shellRoutes(signedInAs('admin')),
      '/api/workspaces/demo/members': membersPage,
      '/api/workspaces/demo/invitations': noInvitations,
      [`DELETE /api/workspaces/demo/members/${USER_ID}`]: () =>
        problemResponse(409, 'Conflict', detail, { kind: 'last-admin' }),
    });
    renderApp('/w/demo/settings/members');

    fireEvent.click(await screen.findByRole('button', { name: 'Remove Ana Lima' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Remove member' }));

    expect((await screen.findByRole('alert')).textContent).toContain(detail);
  });

  it('shows an admin the pending invitations, and revokes one after asking', async () => {
    const fetchMock = mockFetch({
      ...shellRoutes(signedInAs('admin')),
      '/api/workspaces/demo/members': membersPage,
      '/api/workspaces/demo/invitations': () => fakeResponse(200, { items: [INVITATION] }),
      [`DELETE /api/workspaces/demo/invitations/${INVITATION.id}`]: () =>
        fakeResponse(204, undefined),
    });
    renderApp('/w/demo/settings/members');

    const pending = await screen.findByRole(
      'table',
      { name: 'Pending invitations' },
      {
        timeout: 15000,
      },
    );
    expect(within(pending).getByText('cy@example.com')).toBeTruthy();
    expect(within(pending).getByText('Editor')).toBeTruthy();
    expect(within(pending).getByText('Ana Lima')).toBeTruthy();
    expect(
      within(pending).getByRole('button', { name: 'Invite again: cy@example.com' }),
    ).toBeTruthy();
    fireEvent.click(within(pending).getByRole('button', { name: 'Revoke: cy@example.com' }));
    const dialog = await screen.findByRole(
      'dialog',
      { name: 'Revoke invitation' },
      {
        timeout: 15000,
      },
    );
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'DELETE')).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Revoke invitation' }));
    await waitFor(
      () =>
        expect(
          fetchMock.mock.calls.some(
            ([input, init]) =>
              init?.method === 'DELETE' &&
              urlOf(input).endsWith(`/api/workspaces/demo/invitations/${INVITATION.id}`),
          ),
        ).toBe(true),
      { timeout: 15000 },
    );
  });

  it('shows no pending invitations to a viewer, and asks for none', async () => {
    const fetchMock = mockFetch({
      ...shellRoutes(signedInAs('viewer')),
      '/api/workspaces/demo/members': membersPage,
    });
    renderApp('/w/demo/settings/members');

    await screen.findByRole('table', {}, { timeout: 15000 });
    expect(screen.queryByText('Pending invitations')).toBeNull();
    expect(
      fetchMock.mock.calls.some(([input]) =>
        urlOf(input).includes('/api/workspaces/demo/invitations'),
      ),
    ).toBe(false);
  });

  it('lets a member leave the workspace after asking, then goes home', async () => {
    const fetchMock = mockFetch({
      ...shellRoutes(signedInAs('viewer')),
      '/api/workspaces/demo/members': membersPage,
      'DELETE /api/workspaces/demo/members/me': () => fakeResponse(204, undefined),
    });
    renderApp('/w/demo/settings/members');

    fireEvent.click(
      await screen.findByRole('button', { name: 'Leave workspace' }, { timeout: 15000 }),
    );
    const dialog = await screen.findByRole(
      'dialog',
      { name: 'Leave workspace' },
      {
        timeout: 15000,
      },
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Leave workspace' }));
    await waitFor(
      () =>
        expect(
          fetchMock.mock.calls.some(
            ([input, init]) =>
              init?.method === 'DELETE' && urlOf(input).endsWith('/api/workspaces/demo/members/me'),
          ),
        ).toBe(true),
      { timeout: 15000 },
    );
    await waitFor(
      () => expect(screen.getByTestId('location').textContent).not.toContain('/settings/members'),
      { timeout: 15000 },
    );
  });

  it('keeps the last admin in, saying why', async () => {
    const detail =
      "This is the workspace's last admin with an active account, who cannot leave: make another member an admin first.";
    mockFetch({
      ...shellRoutes(signedInAs('admin')),
      '/api/workspaces/demo/members': membersPage,
      '/api/workspaces/demo/invitations': noInvitations,
      'DELETE /api/workspaces/demo/members/me': () =>
        problemResponse(409, 'Conflict', detail, { kind: 'last-admin' }),
    });
    renderApp('/w/demo/settings/members');

    fireEvent.click(
      await screen.findByRole('button', { name: 'Leave workspace' }, { timeout: 15000 }),
    );
    const dialog = await screen.findByRole(
      'dialog',
      { name: 'Leave workspace' },
      {
        timeout: 15000,
      },
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Leave workspace' }));
    expect(
      (await within(dialog).findByRole('alert', {}, { timeout: 15000 })).textContent,
    ).toContain(detail);
  });
});
