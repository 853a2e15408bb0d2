import { afterEach, describe, expect, it } from '@jest/globals';
import { fireEvent, screen } from '@testing-library/react';
import { fakeResponse, mockFetch, sentBody, problemResponse } from '../../test-utils/fake-fetch';
import { renderApp } from '../../test-utils/render-app';
import { emptyPage, shellRoutes, signedInAs } from '../../test-utils/session-fixtures';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

// The page's code loads on first visit (a lazy route): wait for its form.
async function fillIn(email: string, password: string) {
  fireEvent.change(await screen.findByLabelText(/^Email/), { target: { value: email } });
  fireEvent.change(screen.getByLabelText(/^Password/), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('SignInPage', () => {
  it("shows the server's message when the email or password is wrong", async () => {
    mockFetch({
      'POST /api/auth/sign-in': () =>
        problemResponse(401, 'Unauthorized', 'The email or password is not correct.', {
          kind: 'unauthorized',
        }),
    });
    renderApp('/sign-in');

    await fillIn('ana@example.com', 'not my password');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The email or password is not correct.');
    expect(screen.getByTestId('location').textContent).toBe('/sign-in');
  });

  it('offers only single sign-on when the instance turned password sign-in off', async () => {
    mockFetch({
      'GET /api/auth/config': () => fakeResponse(200, { sso: true, passwordSignIn: false }),
    });
    renderApp('/sign-in');

    expect(await screen.findByRole('link', { name: 'Sign in with SSO' })).toBeTruthy();
    expect(await screen.findByText(/identity provider only/)).toBeTruthy();
    expect(screen.queryByLabelText(/^Password/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sign in' })).toBeNull();
  });

  it('says how long to wait after too many attempts', async () => {
    mockFetch({
      'POST /api/auth/sign-in': () =>
        problemResponse(429, 'Too Many Requests', 'Too many sign-in attempts; try again later.', {
          kind: 'rate-limited',
          headers: { 'Retry-After': '42' },
        }),
    });
    renderApp('/sign-in');

    await fillIn('ana@example.com', 'whatever it is');

    expect((await screen.findByRole('alert')).textContent).toContain(
      'Too many sign-in attempts. Wait 42 seconds, then try again.',
    );
  });

  it('checks the fields before asking the server', async () => {
    const fetchMock = mockFetch({});
    renderApp('/sign-in');

    await fillIn('not an email', '');

    expect(
      await screen.findByText('Enter your email address, like name@example.com.'),
    ).toBeTruthy();
    expect(screen.getByText('Enter your password.')).toBeTruthy();
    // Only the question which ways of signing in exist (for "Sign in with SSO"); no sign-in.
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual(['/api/auth/config']);
  });

  it('signs in and goes on to the page the user was sent away from', async () => {
    const me = signedInAs('editor');
    const fetchMock = mockFetch({
      ...shellRoutes(null),
      'POST /api/auth/sign-in': () => fakeResponse(200, me),
      '/api/workspaces/demo/members': emptyPage,
    });
    renderApp('/sign-in?next=%2Fw%2Fdemo%2Fsettings%2Fmembers');

    await fillIn('  Ana@Example.com ', 'correct horse battery staple');

    expect(await screen.findByRole('heading', { level: 2, name: 'Members' })).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/w/demo/settings/members');
    const signIn = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(sentBody(fetchMock, 'POST')).toEqual({
      email: 'ana@example.com',
      password: 'correct horse battery staple',
    });
    expect(signIn?.[1]?.credentials).toBe('same-origin');
    // The answer of the sign-in is the session: it is not asked for again.
    expect(fetchMock.mock.calls.some(([path]) => path === '/api/auth/session')).toBe(false);
  });

  it('ignores a `next` that leads off the site', async () => {
    mockFetch({
      ...shellRoutes(null),
      'POST /api/auth/sign-in': () => fakeResponse(200, signedInAs('viewer')),
    });
    renderApp('/sign-in?next=%2F%2Fevil.example');

    await fillIn('ana@example.com', 'correct horse battery staple');

    expect(await screen.findByRole('heading', { level: 1, name: 'Portfolio' })).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/w/acme/portfolio');
  });
});
