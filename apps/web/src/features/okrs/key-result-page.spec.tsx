import { afterEach, describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeResponse, mockFetch } from '../../test-utils/fake-fetch';
import { checkIn, keyResult, objective, page, period, uuid } from '../../test-utils/okr-fixtures';
import { renderApp } from '../../test-utils/render-app';
import { shellRoutes, signedInAs } from '../../test-utils/session-fixtures';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const Q4 = period();
const GROW = objective();
const LISTENERS = keyResult({ current: 160, progress: 0.6, pace: 'on-track', score: 0.6 });
const CHECK_INS = [
  checkIn({
    id: uuid(402),
    value: 160,
    confidence: 'on-track',
    note: 'Recommendations shipped.',
    date: '2026-11-26',
  }),
  checkIn(),
];

function routes(
  role: 'viewer' | 'editor',
  objectiveStatus: 'active' | 'closed' = 'active',
  extra: Parameters<typeof mockFetch>[0] = {},
) {
  return mockFetch({
    ...shellRoutes(signedInAs(role)),
    [`/api/workspaces/demo/key-results/${LISTENERS.id}`]: () => fakeResponse(200, LISTENERS),
    [`/api/workspaces/demo/key-results/${LISTENERS.id}/check-ins`]: page(CHECK_INS),
    [`/api/workspaces/demo/objectives/${GROW.id}`]: () =>
      fakeResponse(200, { ...GROW, status: objectiveStatus }),
    '/api/workspaces/demo/periods': page([Q4]),
    ...extra,
  });
}

describe('KeyResultPage', () => {
  it('shows where a key result stands, its check-ins as a chart or table, and its confidence trail', async () => {
    routes('viewer');
    renderApp(`/w/demo/okrs/key-results/${LISTENERS.id}`);

    expect(await screen.findByRole('heading', { level: 1, name: LISTENERS.title })).toBeTruthy();
    expect(screen.getByText('From 100 k to 200 k')).toBeTruthy();
    expect(
      screen
        .getByRole('progressbar', { name: `Progress of ${LISTENERS.title}` })
        .getAttribute('aria-valuenow'),
    ).toBe('60');
    const chart = await screen.findByRole('region', { name: 'Check-ins over the period' });
    expect(
      await within(chart).findByRole('figure', { name: `Check-ins of ${LISTENERS.title}` }),
    ).toBeTruthy();
    fireEvent.click(within(chart).getByRole('radio', { name: 'Table' }));
    const rows = within(within(chart).getByRole('table')).getAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual([
      'DateValueConfidenceBy',
      'Nov 26, 2026160 kOn trackAna Lima',
      'Nov 19, 2026140 kAt riskAna Lima',
    ]);

    const trail = screen.getByRole('region', { name: 'Confidence trail' });
    expect(within(trail).getByText('Recommendations shipped.')).toBeTruthy();
    expect(within(trail).getByText('At risk')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'OKRs · 2026 Q4' }).getAttribute('href')).toBe(
      `/w/demo/okrs?period=${Q4.id}`,
    );

    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit key result' })).toBeNull();
  });

  it('gives an editor the check-in form while the objective is active, and says why not once it is closed', async () => {
    routes('editor');
    const { unmount } = renderApp(`/w/demo/okrs/key-results/${LISTENERS.id}`);
    expect(
      await screen.findByRole('form', { name: `Check in on ${LISTENERS.title}` }),
    ).toBeTruthy();
    unmount();

    routes('editor', 'closed');
    renderApp(`/w/demo/okrs/key-results/${LISTENERS.id}`);
    expect(
      await screen.findByText('Its objective is closed, so it takes no more check-ins.'),
    ).toBeTruthy();
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('says when there is no such key result', async () => {
    mockFetch(shellRoutes(signedInAs('viewer')));
    renderApp(`/w/demo/okrs/key-results/${uuid(399)}`);
    expect(await screen.findByText(/This key result does not exist in/)).toBeTruthy();
  });

  it('lets an editor delete the key result after asking, then shows its period’s OKRs', async () => {
    const fetchMock = routes('editor', 'active', {
      [`DELETE /api/workspaces/demo/key-results/${LISTENERS.id}`]: () => fakeResponse(204, null),
    });
    renderApp(`/w/demo/okrs/key-results/${LISTENERS.id}`);

    fireEvent.click(await screen.findByRole('button', { name: 'Delete' }, { timeout: 15000 }));
    const dialog = await screen.findByRole(
      'dialog',
      { name: 'Delete key result' },
      { timeout: 15000 },
    );
    expect(within(dialog).getByText(/Its check-ins go with it/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete key result' }));

    await waitFor(
      () => expect(screen.getByTestId('location').textContent).toBe(`/w/demo/okrs?period=${Q4.id}`),
      { timeout: 15000 },
    );
    const deletes = fetchMock.mock.calls.filter(([, init]) => init?.method === 'DELETE');
    expect(deletes.map(([input]) => input)).toEqual([
      `/api/workspaces/demo/key-results/${LISTENERS.id}`,
    ]);
  });

  it('offers no delete while its objective is closed, nor to a viewer', async () => {
    routes('editor', 'closed');
    const { unmount } = renderApp(`/w/demo/okrs/key-results/${LISTENERS.id}`);
    expect(
      await screen.findByRole('button', { name: 'Edit key result' }, { timeout: 15000 }),
    ).toBeTruthy();
    await screen.findByText(
      'Its objective is closed, so it takes no more check-ins.',
      {},
      {
        timeout: 15000,
      },
    );
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
    unmount();

    routes('viewer');
    renderApp(`/w/demo/okrs/key-results/${LISTENERS.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: LISTENERS.title })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
  });
});
