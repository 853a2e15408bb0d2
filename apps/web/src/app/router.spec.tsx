import { afterEach, describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import { emptyPage, shellRoutes, signedInAs } from '../test-utils/session-fixtures';
import { mockFetch } from '../test-utils/fake-fetch';
import { renderApp } from '../test-utils/render-app';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const location = () => screen.getByTestId('location').textContent;

describe('routes for a signed-in user', () => {
  const signedIn = () =>
    mockFetch({
      ...shellRoutes(signedInAs('admin')),
      '/api/workspaces/demo/members': emptyPage,
    });

  it("sends / to the user's first workspace", async () => {
    signedIn();
    renderApp('/');

    expect(await screen.findByRole('heading', { level: 1, name: 'Portfolio' })).toBeTruthy();
    expect(location()).toBe('/w/acme/portfolio');
    expect(document.title).toBe('Portfolio · Bearing');
  });

  it('sends / to "create your first workspace" when the user has none', async () => {
    mockFetch(shellRoutes({ ...signedInAs('admin'), workspaces: [] }));
    renderApp('/');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Create your first workspace' }),
    ).toBeTruthy();
    expect(screen.getByLabelText(/^Slug/)).toBeTruthy();
  });

  it.each([
    ['/w/demo/programs', 'Programs'],
    ['/w/demo/programs/p-1', 'Program'],
    ['/w/demo/teams', 'Teams'],
    ['/w/demo/teams/t-1', 'Team'],
    ['/w/demo/okrs', 'OKRs'],
    ['/w/demo/metrics', 'Metrics'],
    ['/w/demo/metrics/m-1', 'Metric'],
    ['/w/demo/reviews', 'Reviews'],
  ])('shows %s as the %s page inside the app shell', async (route, title) => {
    signedIn();
    renderApp(route);

    expect(await screen.findByRole('heading', { level: 1, name: title })).toBeTruthy();
    expect(document.title).toBe(`${title} · Bearing`);
    expect(screen.getByRole('banner').textContent).toContain('Bearing');
    expect(screen.getByRole('navigation')).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
  });

  it('opens settings on the Members tab', async () => {
    signedIn();
    renderApp('/w/demo/settings');

    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 2, name: 'Members' })).toBeTruthy();
    expect(location()).toBe('/w/demo/settings/members');
    expect(screen.getByRole('tab', { name: 'Members', selected: true })).toBeTruthy();
    expect(document.title).toBe('Members · Settings · Bearing');
  });

  it('shows the header with the version, readiness and the signed-in user', async () => {
    signedIn();
    renderApp('/w/demo');

    const header = await screen.findByRole('banner');
    expect(header.textContent).toContain('v0.1.0');
    expect(header.textContent).toContain('Demo Streaming Co.');
    expect(screen.getByRole('button', { name: 'Account: Ana Lima' })).toBeTruthy();
    expect(await screen.findByText('Ready')).toBeTruthy();
    expect(await screen.findByText(/server v0\.1\.0/)).toBeTruthy();
  });

  it('says so for a workspace the user is not a member of', async () => {
    signedIn();
    renderApp('/w/elsewhere/programs');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Workspace not found' }),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Demo Streaming Co.' }).getAttribute('href')).toBe(
      '/w/demo',
    );
    expect(screen.queryByRole('navigation')).toBeNull();
  });

  it.each(['/nowhere', '/w/demo/nowhere'])('shows a not-found page for %s', async (route) => {
    signedIn();
    renderApp(route);

    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
    expect(screen.getByText(route, { selector: 'code' })).toBeTruthy();
  });
});

describe('routes for a visitor who is not signed in', () => {
  it.each([
    ['/w/demo/settings/tokens', '/sign-in?next=%2Fw%2Fdemo%2Fsettings%2Ftokens'],
    ['/', '/sign-in'],
  ])('sends %s to the sign-in page, remembering where they were going', async (route, target) => {
    mockFetch(shellRoutes(null));
    renderApp(route);

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    expect(location()).toBe(target);
  });

  it('shows the invite page without asking for a session', async () => {
    const fetchMock = mockFetch(shellRoutes(null));
    renderApp('/invite/abc');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Join your team on Bearing' }),
    ).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
