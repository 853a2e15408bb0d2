import { afterEach, describe, expect, it } from '@jest/globals';
import { act, screen, waitFor } from '@testing-library/react';
import { fakeResponse, mockFetch } from '../../test-utils/fake-fetch';
import { renderApp } from '../../test-utils/render-app';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

function offering(config: { sso: boolean; passwordSignIn: boolean }) {
  return mockFetch({ '/api/auth/config': () => fakeResponse(200, config) });
}

describe('single sign-on on the sign-in page', () => {
  it('offers "Sign in with SSO", carrying on to the page the user was sent away from', async () => {
    offering({ sso: true, passwordSignIn: true });
    renderApp('/sign-in?next=%2Fw%2Fdemo%2Fprograms');

    const button = await screen.findByRole('link', { name: 'Sign in with SSO' });
    expect(button.getAttribute('href')).toBe('/api/auth/oidc/start?next=%2Fw%2Fdemo%2Fprograms');
    expect(screen.getByLabelText(/^Email/)).toBeTruthy();
  });

  it('never passes on a next that leaves the site', async () => {
    offering({ sso: true, passwordSignIn: true });
    renderApp('/sign-in?next=%2F%2Fevil.example');

    const button = await screen.findByRole('link', { name: 'Sign in with SSO' });
    expect(button.getAttribute('href')).toBe('/api/auth/oidc/start');
  });

  it('says when single sign-on is the only way in', async () => {
    offering({ sso: true, passwordSignIn: false });
    renderApp('/sign-in');

    expect(
      await screen.findByText(/signs in through your organisation’s identity provider only/),
    ).toBeTruthy();
  });

  it('shows no SSO button when the instance has no single sign-on', async () => {
    const fetchMock = offering({ sso: false, passwordSignIn: true });
    renderApp('/sign-in');

    await screen.findByLabelText(/^Email/);
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    // Let the answer arrive and render before looking for what it must not show.
    await act(() => fetchMock.mock.results[0]?.value);
    expect(screen.queryByRole('link', { name: 'Sign in with SSO' })).toBeNull();
  });

  it.each([
    ['domain-not-allowed', 'Accounts of your email domain may not sign in to this Bearing.'],
    ['email-unverified', 'does not confirm your email address'],
    ['link-pending', 'Sign in once with its password to link it to single sign-on'],
    ['state-mismatch', 'did not belong to this sign-in'],
    ['something-new', 'Single sign-on did not work. Start again.'],
  ])('says in words why single sign-on refused (%s)', async (reason, words) => {
    offering({ sso: true, passwordSignIn: true });
    renderApp(`/sign-in?sso-error=${reason}`);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(words);
  });
});
