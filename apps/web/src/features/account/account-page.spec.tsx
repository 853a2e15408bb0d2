import { afterEach, describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { AccountSession } from '@bearing/contracts';
import { fakeResponse, type FakeRoute, mockFetch, sentBody } from '../../test-utils/fake-fetch';
import { renderApp } from '../../test-utils/render-app';
import { shellRoutes, signedInAs } from '../../test-utils/session-fixtures';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const THIS_BROWSER: AccountSession = {
  id: '00000000-0000-4000-8000-00000000e001',
  device: 'Firefox on Linux',
  ip: '198.51.100.7',
  createdAt: '2026-03-02T09:00:00.000Z',
  lastSeenAt: '2026-03-02T10:00:00.000Z',
  current: true,
};
const PHONE: AccountSession = {
  id: '00000000-0000-4000-8000-00000000e002',
  device: 'Safari on iOS',
  ip: '203.0.113.9',
  createdAt: '2026-03-01T08:00:00.000Z',
  lastSeenAt: '2026-03-01T20:00:00.000Z',
  current: false,
};

function accountRoutes(sessions: AccountSession[], extra: Record<string, FakeRoute> = {}) {
  return mockFetch({
    ...shellRoutes(signedInAs('editor')),
    '/api/me/sessions': () => fakeResponse(200, { items: sessions }),
    ...extra,
  });
}

function changePassword(current: string, next: string, repeated = next) {
  fireEvent.change(screen.getByLabelText(/^Current password/), { target: { value: current } });
  fireEvent.change(screen.getByLabelText(/^New password/), { target: { value: next } });
  fireEvent.change(screen.getByLabelText(/^Repeat new password/), {
    target: { value: repeated },
  });
  fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
}

describe('AccountPage', () => {
  it('opens from the account menu in the header', async () => {
    accountRoutes([THIS_BROWSER]);
    renderApp('/w/demo/programs');

    fireEvent.click(await screen.findByRole('button', { name: 'Account: Ana Lima' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Password and sessions' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Your account' })).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/account');
  });

  it('lists the sessions, marking this browser', async () => {
    accountRoutes([THIS_BROWSER, PHONE]);
    renderApp('/account');

    expect(await screen.findByRole('heading', { level: 1, name: 'Your account' })).toBeTruthy();
    const phoneRow = (await screen.findByText('Safari on iOS')).closest('tr');
    if (!phoneRow) throw new Error('no row for the phone');
    expect(within(phoneRow).getByText('203.0.113.9')).toBeTruthy();
    const thisRow = screen.getByText('Firefox on Linux').closest('tr');
    if (!thisRow) throw new Error('no row for this browser');
    expect(within(thisRow).getByText('This browser')).toBeTruthy();
    expect(within(thisRow).queryByRole('button', { name: /End/ })).toBeNull();
    expect(document.title).toBe('Your account · Bearing');
  });

  it("shows the policy's message on the new password field", async () => {
    accountRoutes([THIS_BROWSER], {
      'POST /api/me/password': () =>
        fakeResponse(
          400,
          {
            type: 'https://bearing.dev/problems/validation',
            title: 'Invalid request',
            status: 400,
            detail: 'The new password is one of the most common passwords, or too close to one.',
            errors: [
              {
                path: 'newPassword',
                message: 'is one of the most common passwords, or too close to one',
              },
            ],
          },
          'application/problem+json',
        ),
    });
    renderApp('/account');
    await screen.findByText('Firefox on Linux');

    changePassword('my current passphrase', 'password1234');

    expect(
      await screen.findByText('Is one of the most common passwords, or too close to one'),
    ).toBeTruthy();
    expect(screen.queryByText(/Your password was changed/)).toBeNull();
  });

  it('checks the repeated password before asking the server', async () => {
    const fetchMock = accountRoutes([THIS_BROWSER]);
    renderApp('/account');
    await screen.findByText('Firefox on Linux');

    changePassword('my current passphrase', 'quokka fjord lantern', 'quokka fjord lanter');

    expect(await screen.findByText('The two new passwords differ.')).toBeTruthy();
    expect(sentBody(fetchMock, 'POST')).toBeUndefined();
  });

  it('changes the password and says the other sessions ended', async () => {
    let sessions = [THIS_BROWSER, PHONE];
    const fetchMock = accountRoutes([], {
      '/api/me/sessions': () => fakeResponse(200, { items: sessions }),
      'POST /api/me/password': () => {
        sessions = [THIS_BROWSER];
        return fakeResponse(204, undefined);
      },
    });
    renderApp('/account');
    await screen.findByText('Safari on iOS');

    changePassword('my current passphrase', 'quokka fjord lantern 1897');

    expect(
      await screen.findByText('Your password was changed. Your other sessions have ended.'),
    ).toBeTruthy();
    expect(sentBody(fetchMock, 'POST')).toEqual({
      currentPassword: 'my current passphrase',
      newPassword: 'quokka fjord lantern 1897',
    });
    await screen.findByText('Firefox on Linux');
    expect(screen.queryByText('Safari on iOS')).toBeNull();
  });

  it('signs out everywhere else', async () => {
    let sessions = [THIS_BROWSER, PHONE];
    accountRoutes([], {
      '/api/me/sessions': () => fakeResponse(200, { items: sessions }),
      'POST /api/me/sessions/revoke-others': () => {
        sessions = [THIS_BROWSER];
        return fakeResponse(200, { revoked: 1 });
      },
    });
    renderApp('/account');
    await screen.findByText('Safari on iOS');

    fireEvent.click(screen.getByRole('button', { name: 'Sign out everywhere else' }));

    expect(await screen.findByText('Ended 1 other session.')).toBeTruthy();
    expect(screen.queryByText('Safari on iOS')).toBeNull();
  });

  it('signs out everywhere, this browser too, after asking, and leaves for the sign-in page', async () => {
    const fetchMock = accountRoutes([THIS_BROWSER, PHONE], {
      'POST /api/me/sessions/revoke-all': () => fakeResponse(200, { revoked: 2 }),
    });
    renderApp('/account');
    await screen.findByText('Safari on iOS');

    fireEvent.click(screen.getByRole('button', { name: 'Sign out everywhere' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sign out everywhere?' });
    expect(dialog.textContent).toContain('this browser’s included');
    const revokeAllSent = () =>
      fetchMock.mock.calls.some(
        ([url, init]) => init?.method === 'POST' && url === '/api/me/sessions/revoke-all',
      );
    expect(revokeAllSent()).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Sign out everywhere' }));

    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/sign-in'));
    expect(revokeAllSent()).toBe(true);
  });

  it('ends one session after asking', async () => {
    let sessions = [THIS_BROWSER, PHONE];
    const fetchMock = accountRoutes([], {
      '/api/me/sessions': () => fakeResponse(200, { items: sessions }),
      [`DELETE /api/me/sessions/${PHONE.id}`]: () => {
        sessions = [THIS_BROWSER];
        return fakeResponse(204, undefined);
      },
    });
    renderApp('/account');

    fireEvent.click(
      await screen.findByRole('button', { name: 'End the session on Safari on iOS' }),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'End session' }));

    await screen.findByText('Firefox on Linux');
    expect(
      fetchMock.mock.calls.some(
        ([url, init]) =>
          init?.method === 'DELETE' && typeof url === 'string' && url.endsWith(PHONE.id),
      ),
    ).toBe(true);
  });
});
