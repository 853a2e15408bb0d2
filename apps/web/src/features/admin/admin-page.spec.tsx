import type { AdminUser, AuditEvent, MeResponse } from '@bearing/contracts';
import { afterEach, describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeResponse, mockFetch, sentBody } from '../../test-utils/fake-fetch';
import { renderApp } from '../../test-utils/render-app';
import { shellRoutes, signedInAs, USER_ID } from '../../test-utils/session-fixtures';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

function instanceAdmin(): MeResponse {
  const me = signedInAs('admin');
  return { ...me, user: { ...me.user, instanceAdmin: true } };
}

const BO: AdminUser = {
  id: '00000000-0000-4000-8000-0000000000b2',
  email: 'bo@example.com',
  displayName: 'Bo Chen',
  instanceAdmin: false,
  mfaEnabled: true,
  active: true,
  deactivatedAt: null,
  createdAt: '2025-02-10T09:00:00.000Z',
};
const ANA: AdminUser = {
  id: USER_ID,
  email: 'ana@example.com',
  displayName: 'Ana Lima',
  instanceAdmin: true,
  mfaEnabled: false,
  active: true,
  deactivatedAt: null,
  createdAt: '2025-01-06T09:00:00.000Z',
};

const usersPage = (items: AdminUser[]) => () => fakeResponse(200, { items, nextCursor: null });

describe('the admin area', () => {
  it('is linked and shown only to instance admins', async () => {
    mockFetch({ ...shellRoutes(signedInAs('admin')) });
    renderApp('/admin');
    expect(await screen.findByText('Only instance administrators can see this page.')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Administration' })).toBeNull();
  });

  it('lists users, searches them, and deactivates one after confirming', async () => {
    const fetchMock = mockFetch({
      ...shellRoutes(instanceAdmin()),
      '/api/admin/users?limit=50': usersPage([ANA, BO]),
      '/api/admin/users?search=bo&limit=50': usersPage([BO]),
      [`PATCH /api/admin/users/${BO.id}`]: () =>
        fakeResponse(200, { ...BO, active: false, deactivatedAt: '2026-03-02T09:00:00.000Z' }),
    });
    renderApp('/admin');

    expect(await screen.findByRole('link', { name: 'Administration' })).toBeTruthy();
    const table = await screen.findByRole('table');
    expect(within(table).getByText('Ana Lima')).toBeTruthy();
    expect(within(table).getByText('Instance admin')).toBeTruthy();
    // Nobody deactivates themselves: no button on one's own row.
    expect(screen.queryByRole('button', { name: 'Deactivate Ana Lima' })).toBeNull();

    fireEvent.change(screen.getByRole('textbox', { name: /Search/ }), { target: { value: 'bo' } });
    await waitFor(() =>
      expect(within(screen.getByRole('table')).queryByText('Ana Lima')).toBeNull(),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Deactivate Bo Chen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Deactivate account' });
    expect(dialog.textContent).toContain('signed out everywhere');
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'PATCH')).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Deactivate' }));

    await waitFor(() => expect(sentBody(fetchMock, 'PATCH')).toEqual({ active: false }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it("resets a user's two-factor authentication after confirming", async () => {
    const fetchMock = mockFetch({
      ...shellRoutes(instanceAdmin()),
      '/api/admin/users?limit=50': usersPage([ANA, BO]),
      [`DELETE /api/admin/users/${BO.id}/mfa`]: () => fakeResponse(204, undefined),
    });
    renderApp('/admin');

    const table = await screen.findByRole('table');
    expect(within(table).getByText('Two-factor')).toBeTruthy();
    fireEvent.click(
      screen.getByRole('button', { name: 'Reset two-factor authentication of Bo Chen' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Reset two-factor authentication' });
    expect(dialog.textContent).toContain('password alone');
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'DELETE')).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reset' }));

    await waitFor(() =>
      expect(
        fetchMock.mock.calls.some(
          ([url, init]) => init?.method === 'DELETE' && url === `/api/admin/users/${BO.id}/mfa`,
        ),
      ).toBe(true),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('makes a user an instance administrator after confirming', async () => {
    const fetchMock = mockFetch({
      ...shellRoutes(instanceAdmin()),
      '/api/admin/users?limit=50': usersPage([ANA, BO]),
      [`PATCH /api/admin/users/${BO.id}`]: () => fakeResponse(200, { ...BO, instanceAdmin: true }),
    });
    renderApp('/admin');

    fireEvent.click(await screen.findByRole('button', { name: 'More for Bo Chen' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Make instance administrator' }));
    const dialog = await screen.findByRole('dialog', { name: 'Make instance administrator' });
    expect(dialog.textContent).toContain('does not open any workspace');
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'PATCH')).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Make administrator' }));

    await waitFor(() => expect(sentBody(fetchMock, 'PATCH')).toEqual({ instanceAdmin: true }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('signs a user out everywhere and says how many sessions ended', async () => {
    const fetchMock = mockFetch({
      ...shellRoutes(instanceAdmin()),
      '/api/admin/users?limit=50': usersPage([ANA, BO]),
      [`DELETE /api/admin/users/${BO.id}/sessions`]: () => fakeResponse(200, { revoked: 3 }),
    });
    renderApp('/admin');

    fireEvent.click(await screen.findByRole('button', { name: 'More for Bo Chen' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Sign out everywhere' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sign out everywhere' });
    expect(dialog.textContent).toContain('API tokens keep working');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Sign out' }));

    expect(await screen.findByText('Signed Bo Chen out of 3 sessions.')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(
      fetchMock.mock.calls.some(
        ([url, init]) => init?.method === 'DELETE' && url === `/api/admin/users/${BO.id}/sessions`,
      ),
    ).toBe(true);
  });

  it('links a waiting single sign-on identity after confirming', async () => {
    let waiting = [
      {
        userId: BO.id,
        email: BO.email,
        displayName: BO.displayName,
        issuer: 'https://id.example.com',
        subject: 'bo-4711',
        requestedAt: '2026-03-02T09:00:00.000Z',
      },
    ];
    const fetchMock = mockFetch({
      ...shellRoutes(instanceAdmin()),
      '/api/admin/users?limit=50': usersPage([ANA, BO]),
      '/api/admin/sso-links': () => fakeResponse(200, { items: waiting }),
      [`POST /api/admin/sso-links/${BO.id}/confirm`]: () => {
        waiting = [];
        return fakeResponse(204, undefined);
      },
    });
    renderApp('/admin');

    fireEvent.click(await screen.findByRole('tab', { name: 'SSO links' }));
    fireEvent.click(
      await screen.findByRole('button', {
        name: 'Link the single sign-on identity of bo@example.com',
      }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Link single sign-on' });
    expect(dialog.textContent).toContain('https://id.example.com');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Link' }));

    expect(await screen.findByText('No single sign-on link is waiting.')).toBeTruthy();
    expect(
      fetchMock.mock.calls.some(
        ([url, init]) => init?.method === 'POST' && url === `/api/admin/sso-links/${BO.id}/confirm`,
      ),
    ).toBe(true);
  });

  it('changes who may create workspaces', async () => {
    const fetchMock = mockFetch({
      ...shellRoutes(instanceAdmin()),
      '/api/admin/users?limit=50': usersPage([ANA]),
      'GET /api/admin/settings': () => fakeResponse(200, { workspaceCreation: 'instance-admins' }),
      'PATCH /api/admin/settings': ({ body }) => fakeResponse(200, body),
    });
    renderApp('/admin');

    fireEvent.click(await screen.findByRole('tab', { name: 'Settings' }));
    const onlyAdmins = await screen.findByRole('radio', { name: /Instance administrators only/ });
    expect((onlyAdmins as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: /Everyone who can sign in/ }));

    await waitFor(() =>
      expect(sentBody(fetchMock, 'PATCH')).toEqual({ workspaceCreation: 'everyone' }),
    );
  });

  it('shows the instance audit log', async () => {
    const event: AuditEvent = {
      id: '00000000-0000-4000-8000-0000000000e1',
      action: 'account.deactivated',
      targetType: 'account',
      targetId: BO.id,
      targetLabel: 'Account · bo@example.com',
      actor: { userId: USER_ID, email: 'ana@example.com', displayName: 'Ana Lima' },
      actorTokenId: null,
      requestId: 'req-1',
      createdAt: '2026-03-02T09:00:00.000Z',
      details: { email: 'bo@example.com', sessionsRevoked: 1, tokensRevoked: 0 },
    };
    mockFetch({
      ...shellRoutes(instanceAdmin()),
      '/api/admin/users?limit=50': usersPage([ANA]),
      '/api/admin/audit-events': () => fakeResponse(200, { items: [event], nextCursor: null }),
    });
    renderApp('/admin');

    fireEvent.click(await screen.findByRole('tab', { name: 'Audit log' }));
    const table = await screen.findByRole('table');
    expect(within(table).getByText('Deactivated an account')).toBeTruthy();
    expect(within(table).getByText('Account · bo@example.com')).toBeTruthy();
  });

  it('shows the jobs of no workspace, without retry', async () => {
    mockFetch({
      ...shellRoutes(instanceAdmin()),
      '/api/admin/users?limit=50': usersPage([ANA]),
      '/api/admin/jobs': () =>
        fakeResponse(200, {
          items: [
            {
              id: '00000000-0000-4000-8000-0000000000c1',
              kind: 'housekeeping',
              state: 'failed',
              attempts: 1,
              error: 'disk full',
              createdAt: '2026-03-02T03:00:00.000Z',
              startedAt: '2026-03-02T03:00:01.000Z',
              finishedAt: '2026-03-02T03:00:02.000Z',
              durationMs: 1000,
            },
          ],
          nextCursor: null,
        }),
    });
    renderApp('/admin');

    fireEvent.click(await screen.findByRole('tab', { name: 'Jobs' }));
    const table = await screen.findByRole('table', { name: /Background jobs/ });
    expect(within(table).getByText('disk full')).toBeTruthy();
    expect(within(table).queryByRole('button', { name: /Retry/ })).toBeNull();
  });
});
