import { afterEach, describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import { fakeResponse, mockFetch } from '../../../test-utils/fake-fetch';
import { renderWithProviders } from '../../../test-utils/render';
import { ForecastHowMany } from './forecast-how-many';
import { ForecastWhen } from './forecast-when';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const TEAM = '/api/workspaces/acme/teams/payments';
const NOTHING_FINISHED = {
  insufficientHistory: true,
  sampleFrom: '2026-09-01',
  sampleTo: '2026-11-29',
  reason: 'No item was finished from 2026-09-01 to 2026-11-29.',
};
const SAMPLE = { sampleFrom: undefined, sampleTo: undefined };
// Generous: the answer comes after a debounce, and CI machines are loaded.
const WAIT = { timeout: 30_000 };

describe('forecasts of a team with too little history', () => {
  it('"when" shows a neutral notice naming the window, with no error and no retry', async () => {
    mockFetch({ [`${TEAM}/forecast/when`]: () => fakeResponse(200, NOTHING_FINISHED) });
    renderWithProviders(
      <ForecastWhen workspace="acme" teamId="payments" sample={SAMPLE} enabled />,
    );

    expect(await screen.findByText('Not enough history to forecast', {}, WAIT)).toBeTruthy();
    expect(screen.getByText(/No item was finished from Sep 1, 2026 to Nov 29, 2026/)).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('button', { name: /try again/i })).toBeNull();
  });

  it('"how many" shows the same notice instead of counts', async () => {
    mockFetch({ [`${TEAM}/forecast/how-many`]: () => fakeResponse(200, NOTHING_FINISHED) });
    renderWithProviders(
      <ForecastHowMany
        workspace="acme"
        teamId="payments"
        sample={SAMPLE}
        today="2026-11-30"
        enabled
      />,
    );

    expect((await screen.findByRole('status', {}, WAIT)).textContent).toContain(
      'Not enough history to forecast',
    );
    expect(screen.queryByTestId('forecast-how-many-counts')).toBeNull();
    expect(screen.queryByRole('button', { name: /try again/i })).toBeNull();
  });
});
