import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import { formatDateTime } from '../../../components/format';
import { fakeResponse, mockFetch } from '../../../test-utils/fake-fetch';
import { renderApp } from '../../../test-utils/render-app';
import { shellRoutes, signedInAs } from '../../../test-utils/session-fixtures';
import { pinClock } from '../../../test-utils/pinned-clock';

const realFetch = globalThis.fetch;
const LOADED = { timeout: 15_000 };

// Only the clock is pinned ("synced 4 min ago"); timers stay real for React Query and Mantine.
beforeEach(() => pinClock('2026-12-07T10:00:00Z'));
afterEach(() => {
  jest.useRealTimers();
  globalThis.fetch = realFetch;
});

const EMPTY_PORTFOLIO = {
  asOf: '2026-12-07',
  programs: [],
  topRisks: [],
  guardrails: [],
  kpis: [],
};

describe('the portfolio’s Data from Jira', () => {
  it('names the teams whose sync fails, since when and why, and how fresh the others are', async () => {
    mockFetch({
      ...shellRoutes(signedInAs('viewer')),
      '/api/workspaces/demo/portfolio': () => fakeResponse(200, EMPTY_PORTFOLIO),
      '/api/workspaces/demo/jira-sync-status': () =>
        fakeResponse(200, {
          items: [
            {
              teamId: '00000000-0000-4000-8000-000000000702',
              teamName: 'Search',
              teamSlug: 'search',
              state: 'ok',
              enabled: true,
              lastSyncAt: '2026-12-07T06:30:00.000Z',
              lastError: 'Jira answered 503 three times.',
              failingSince: '2026-12-07T07:00:00.000Z',
            },
            {
              teamId: '00000000-0000-4000-8000-000000000701',
              teamName: 'Payments',
              teamSlug: 'payments',
              state: 'ok',
              enabled: true,
              lastSyncAt: '2026-12-07T09:56:00.000Z',
              lastError: null,
              failingSince: null,
            },
          ],
        }),
    });
    renderApp('/w/demo/portfolio');

    const section = await screen.findByRole('region', { name: 'Data from Jira' }, LOADED);
    expect(
      within(section).getByText(`Sync failing since ${formatDateTime('2026-12-07T07:00:00.000Z')}`),
    ).toBeTruthy();
    expect(within(section).getByText('— Jira answered 503 three times.')).toBeTruthy();
    expect(within(section).getByText('Synced 4 min ago')).toBeTruthy();
    expect(within(section).getByRole('link', { name: 'Payments' }).getAttribute('href')).toBe(
      '/w/demo/teams/payments?tab=source',
    );
  });

  it('shows nothing when no team syncs from Jira', async () => {
    mockFetch({
      ...shellRoutes(signedInAs('viewer')),
      '/api/workspaces/demo/portfolio': () => fakeResponse(200, EMPTY_PORTFOLIO),
      '/api/workspaces/demo/jira-sync-status': () => fakeResponse(200, { items: [] }),
    });
    renderApp('/w/demo/portfolio');
    expect(await screen.findByText('No program yet', {}, LOADED)).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Data from Jira' })).toBeNull();
  });
});
