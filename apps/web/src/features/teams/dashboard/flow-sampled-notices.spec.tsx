import { type FlowSpanResponse, type Team } from '@bearing/contracts';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { screen } from '@testing-library/react';
import { fakeResponse, mockFetch } from '../../../test-utils/fake-fetch';
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

const SPAN: FlowSpanResponse = {
  timeZone: 'UTC',
  today: '2026-12-07',
  items: 23_412,
  itemsWithHistory: 23_412,
  first: '2024-01-02',
  last: '2026-12-06',
};

const none = { p50: null, p85: null, p95: null };

/** A large team: the API sent an even sample of the finished items and the oldest in progress. */
function routes({ sampled }: { sampled: boolean }) {
  const points = Array.from({ length: 40 }, (_, index) => [
    `PAY-${index + 1}`,
    `2026-11-${String(1 + (index % 28)).padStart(2, '0')}`,
    index % 9,
    (index % 9) + 3,
  ]);
  const agingItems = Array.from({ length: 30 }, (_, index) => ({
    key: `PAY-${100 + index}`,
    title: `Item ${index}`,
    stage: 'In Progress',
    ageDays: 60 - index,
  }));
  mockFetch({
    ...shellRoutes(signedInAs('editor')),
    '/api/workspaces/demo/teams': page([TEAM]),
    '/api/workspaces/demo/teams/payments': () => fakeResponse(200, TEAM),
    [`${TEAM_PATH}/sprints`]: emptyPage,
    [`${TEAM_PATH}/flow/span`]: () => fakeResponse(200, SPAN),
    [`${TEAM_PATH}/flow/cycle-times`]: () =>
      fakeResponse(200, {
        from: '2026-09-09',
        to: '2026-12-07',
        timeZone: 'UTC',
        total: sampled ? 23_412 : 40,
        sampled,
        withoutCycleTime: sampled ? 0 : 2,
        points,
        percentiles: { p50: 4, p85: 7, p95: 8 },
        leadTimePercentiles: none,
      }),
    [`${TEAM_PATH}/flow/throughput`]: () =>
      fakeResponse(200, { from: '2026-09-09', to: '2026-12-07', interval: 'week', buckets: [] }),
    [`${TEAM_PATH}/flow/cfd`]: () =>
      fakeResponse(200, { from: '2026-09-09', to: '2026-12-07', stages: ['Backlog'], days: [] }),
    [`${TEAM_PATH}/flow/aging`]: () =>
      fakeResponse(200, {
        asOf: '2026-12-07',
        stages: ['Backlog', 'In Progress', 'Done'],
        total: sampled ? 1_204 : 30,
        items: agingItems,
      }),
  });
}

describe('the flow charts of a large team', () => {
  it('say when the scatter is a sample and aging lists only the oldest items', async () => {
    routes({ sampled: true });
    renderApp('/w/demo/teams/payments');

    const scatterNote = await screen.findByTestId('cycle-time-sampled', {}, LOADED);
    expect(scatterNote.textContent).toBe(
      'Showing 40 of 23,412 items, evenly spaced by done day (percentiles use all).',
    );
    const agingNote = await screen.findByTestId('aging-sampled', {}, LOADED);
    expect(agingNote.textContent).toBe('Showing the 30 oldest of 1,204 items in progress.');
  });

  it('say nothing of the kind when everything was sent', async () => {
    routes({ sampled: false });
    renderApp('/w/demo/teams/payments');

    // The cycle-time answer has arrived when its count of items without a cycle time shows.
    await screen.findByText(/^2 finished items have no cycle time/, {}, LOADED);
    expect(screen.queryByTestId('cycle-time-sampled')).toBeNull();
    expect(screen.queryByTestId('aging-sampled')).toBeNull();
  });
});
