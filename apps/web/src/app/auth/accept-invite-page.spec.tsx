import { afterEach, describe, expect, it } from '@jest/globals';
import { fireEvent, screen } from '@testing-library/react';
import { fakeResponse, mockFetch, sentBody, problemResponse } from '../../test-utils/fake-fetch';
import { renderApp } from '../../test-utils/render-app';
import { shellRoutes, signedInAs } from '../../test-utils/session-fixtures';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

// The page's code loads on first visit (a lazy route): wait for its form.
async function fillIn(name: string, password: string, repeated = password) {
  fireEvent.change(await screen.findByLabelText(/^Your name/), { target: { value: name } });
  fireEvent.change(screen.getByLabelText(/^Password/), { target: { value: password } });
  fireEvent.change(screen.getByLabelText(/^Repeat password/), { target: { value: repeated } });
  fireEvent.click(screen.getByRole('button', { name: 'Create account and join' }));
}

describe('AcceptInvitePage', () => {
  it('creates the account and goes into the workspace', async () => {
    const me = { ...signedInAs('editor'), workspaces: [signedInAs('editor').workspaces[1]!] };
    const fetchMock = mockFetch({
      ...shellRoutes(null),
      'POST /api/auth/accept-invite': () => fakeResponse(200, me),
    });
    renderApp('/invite/tok3n');

    await fillIn('Ana Lima', 'a long enough passphrase');

    expect(await screen.findByRole('heading', { level: 1, name: 'Portfolio' })).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/w/demo/portfolio');
    expect(sentBody(fetchMock, 'POST')).toEqual({
      token: 'tok3n',
      displayName: 'Ana Lima',
      password: 'a long enough passphrase',
    });
  });

  it('asks for a long enough password, typed the same twice', async () => {
    const fetchMock = mockFetch({});
    renderApp('/invite/tok3n');

    await fillIn('Ana', 'short', 'shorter');

    expect(await screen.findByText('Must be at least 12 characters')).toBeTruthy();
    expect(screen.getByText('The two passwords differ.')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('says when the link cannot be used', async () => {
    mockFetch({
      'POST /api/auth/accept-invite': () =>
        problemResponse(404, 'Not Found', 'This invite link is unknown, used already or expired.'),
    });
    renderApp('/invite/used');

    await fillIn('Ana Lima', 'a long enough passphrase');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This invite link cannot be used');
    expect(alert.textContent).toContain('used already or expired');
  });
});
