import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import { useRoutes } from 'react-router';
import { fakeResponse, mockFetch } from '../test-utils/fake-fetch';
import { renderWithProviders } from '../test-utils/render';
import { routes } from './router';

// The app's route table under an in-memory router: jsdom has no fetch `Request`, which the
// data router behind createBrowserRouter needs, and the table is what these tests are about.
function AppRoutes() {
  return useRoutes(routes);
}

const realFetch = globalThis.fetch;
beforeEach(() => {
  mockFetch({
    '/api/health': () => fakeResponse(200, { status: 'ok', version: '0.1.0' }),
    '/api/ready': () =>
      fakeResponse(200, {
        status: 'ready',
        database: 'up',
        migrations: { applied: 1, pending: 0 },
      }),
  });
});
afterEach(() => {
  globalThis.fetch = realFetch;
});

describe('routes', () => {
  it('sends / to the demo workspace portfolio', async () => {
    renderWithProviders(<AppRoutes />, { route: '/' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Portfolio' })).toBeTruthy();
    expect(document.title).toBe('Portfolio · Bearing');
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
    ['/w/demo/settings', 'Settings'],
  ])('shows %s as the %s page inside the app shell', async (route, title) => {
    renderWithProviders(<AppRoutes />, { route });

    expect(await screen.findByRole('heading', { level: 1, name: title })).toBeTruthy();
    expect(document.title).toBe(`${title} · Bearing`);
    expect(screen.getByRole('banner').textContent).toContain('Bearing');
    expect(screen.getByRole('navigation')).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
  });

  it('shows the header with the version and readiness', async () => {
    renderWithProviders(<AppRoutes />, { route: '/w/demo' });

    const header = screen.getByRole('banner');
    expect(header.textContent).toContain('v0.1.0');
    expect(await screen.findByText('Ready')).toBeTruthy();
    expect(await screen.findByText(/server v0\.1\.0/)).toBeTruthy();
  });

  it.each(['/nowhere', '/w/demo/nowhere'])('shows a not-found page for %s', async (route) => {
    renderWithProviders(<AppRoutes />, { route });

    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
    expect(screen.getByText(route)).toBeTruthy();
  });
});
