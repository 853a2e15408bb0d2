import { type FlowSpanResponse, type Team } from '@bearing/contracts';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { type FakeRequest, fakeResponse, mockFetch } from '../../../test-utils/fake-fetch';
import { page } from '../../../test-utils/okr-fixtures';
import { renderApp } from '../../../test-utils/render-app';
import { emptyPage, shellRoutes, signedInAs } from '../../../test-utils/session-fixtures';
import { pinClock } from '../../../test-utils/pinned-clock';
import { paymentsTeam } from '../../../test-utils/team-fixtures';

const realFetch = globalThis.fetch;
/** The first query of a test waits for the whole app shell to load: slow on a busy machine. */
const LOADED = { timeout: 15_000 };

// Only the clock is pinned (the team's "today"); timers stay real for React Query and Mantine.
beforeEach(() => pinClock('2026-12-07T10:00:00Z'));
afterEach(() => {
  jest.useRealTimers();
  globalThis.fetch = realFetch;
});

const TEAM: Team = paymentsTeam({ timeZone: 'UTC', version: 1 });
const TEAM_PATH = `/api/workspaces/demo/teams/${TEAM.id}`;

/** A Jira export of last winter, imported on 2026-12-07. */
const LAST_WINTER: FlowSpanResponse = {
  timeZone: 'UTC',
  today: '2026-12-07',
  items: 12,
  itemsWithHistory: 12,
  first: '2025-01-05',
  last: '2025-03-30',
};

function nothingIn(request: FakeRequest) {
  const query = new URL(request.url, 'http://bearing.test').searchParams;
  const range = { from: query.get('from') ?? '', to: query.get('to') ?? '' };
  if (request.url.includes('/flow/cycle-times')) {
    const none = { p50: null, p85: null, p95: null };
    return {
      ...range,
      timeZone: 'UTC',
      total: 0,
      sampled: false,
      withoutCycleTime: 0,
      points: [],
      percentiles: none,
      leadTimePercentiles: none,
    };
  }
  if (request.url.includes('/flow/throughput')) return { ...range, interval: 'week', buckets: [] };
  return { ...range, stages: ['Backlog', 'Done'], days: [] };
}

function routes(span: FlowSpanResponse) {
  const flowRequests: string[] = [];
  const flow = (request: FakeRequest) => {
    flowRequests.push(request.url);
    return fakeResponse(200, nothingIn(request));
  };
  mockFetch({
    ...shellRoutes(signedInAs('editor')),
    '/api/workspaces/demo/teams': page([TEAM]),
    '/api/workspaces/demo/teams/payments': () => fakeResponse(200, TEAM),
    [`${TEAM_PATH}/sprints`]: emptyPage,
    [`${TEAM_PATH}/flow/span`]: () => fakeResponse(200, span),
    [`${TEAM_PATH}/flow/cycle-times`]: flow,
    [`${TEAM_PATH}/flow/throughput`]: flow,
    [`${TEAM_PATH}/flow/cfd`]: flow,
    [`${TEAM_PATH}/flow/aging`]: () =>
      fakeResponse(200, { asOf: '2026-12-07', stages: ['Backlog', 'Done'], total: 0, items: [] }),
  });
  return flowRequests;
}

const section = (title: string) =>
  screen.getByRole('heading', { name: title }).closest('section') as HTMLElement;

describe('the flow charts’ range and empty states', () => {
  it('open on the data’s last 90 days when the last 90 days before today hold none', async () => {
    const requests = routes(LAST_WINTER);
    renderApp('/w/demo/teams/payments');

    const note = await screen.findByTestId('flow-range-note', {}, LOADED);
    expect(note.textContent).toMatch(/showing the team’s latest data, Jan 5, 2025 – Mar 30, 2025/);
    await waitFor(() => expect(requests.length).toBeGreaterThanOrEqual(3));
    for (const url of requests) expect(url).toContain('from=2025-01-05&to=2025-03-30');
    // Never the 90 days before today, which would have shown nothing.
    expect(requests.some((url) => url.includes('to=2026-12-07'))).toBe(false);
  });

  it('say which days are empty, where the team’s items are, and offer to show them', async () => {
    routes(LAST_WINTER);
    renderApp('/w/demo/teams/payments?from=2026-09-01&to=2026-11-30');

    await screen.findAllByText('No item finished between Sep 1, 2026 and Nov 30, 2026', {}, LOADED);
    const cycleTime = section('Cycle time');
    expect(
      within(cycleTime).getByText('The team’s items run from Jan 5, 2025 to Mar 30, 2025.'),
    ).toBeTruthy();
    expect(within(cycleTime).queryByText(/import the team’s items/i)).toBeNull();
    fireEvent.click(
      within(cycleTime).getByRole('button', { name: 'Show Jan 5, 2025 – Mar 30, 2025' }),
    );
    await waitFor(() =>
      expect(screen.getByTestId('location').textContent).toContain('from=2025-01-05&to=2025-03-30'),
    );
  });

  it('say “no items imported yet”, with the way to import, for a team without items', async () => {
    routes({ ...LAST_WINTER, items: 0, itemsWithHistory: 0, first: null, last: null });
    renderApp('/w/demo/teams/payments');

    const titles = await screen.findAllByText('No items imported yet', {}, LOADED);
    expect(titles).toHaveLength(4);
    const link = within(section('Cycle time')).getByRole('link', {
      name: 'Import the team’s items',
    });
    expect(link.getAttribute('href')).toContain('tab=import');
    expect(screen.queryByTestId('flow-range-note')).toBeNull();
  });

  it('say the history is missing when the items came from a CSV export', async () => {
    routes({ ...LAST_WINTER, itemsWithHistory: 0 });
    renderApp('/w/demo/teams/payments');

    await screen.findAllByText('No status history', {}, LOADED);
    expect(
      within(section('Cumulative flow')).getByText(/12 items came from a CSV export/),
    ).toBeTruthy();
    // Throughput needs no history: it says where the items are instead.
    expect(within(section('Weekly throughput')).queryByText('No status history')).toBeNull();
  });
});
