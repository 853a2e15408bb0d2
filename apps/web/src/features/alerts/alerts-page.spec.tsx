import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeResponse, mockFetch, problemResponse } from '../../test-utils/fake-fetch';
import { renderApp } from '../../test-utils/render-app';
import { shellRoutes, signedInAs } from '../../test-utils/session-fixtures';
import { pinClock } from '../../test-utils/pinned-clock';

const realFetch = globalThis.fetch;
const LOADED = { timeout: 15_000 };
const NOW = '2026-12-07T10:00:00.000Z';

// Only the clock is pinned ("3 h ago"); timers stay real for React Query and Mantine.
beforeEach(() => pinClock(NOW));
afterEach(() => {
  jest.useRealTimers();
  globalThis.fetch = realFetch;
});

const RULE_ID = '00000000-0000-4000-8000-00000000a101';

function alert(
  id: string,
  state: 'firing' | 'acknowledged' | 'resolved',
  group: string,
  extra: Record<string, unknown> = {},
) {
  return {
    id,
    ruleId: RULE_ID,
    ruleName: 'Ageing work items',
    severity: 'high',
    state,
    group,
    firstSeenAt: '2026-12-07T07:00:00.000Z',
    lastSeenAt: '2026-12-07T09:45:00.000Z',
    resolvedAt: state === 'resolved' ? '2026-12-07T09:50:00.000Z' : null,
    // Keys in another order than the columns, as jsonb gives them back.
    rows: [{ ageDays: 41, key: `${group.toUpperCase()}-7`, team: group }],
    columns: [
      { name: 'team', type: 'string' },
      { name: 'key', type: 'string' },
      { name: 'ageDays', type: 'long' },
    ],
    ...extra,
  };
}

const RESOLVED = alert('00000000-0000-4000-8000-0000000000c1', 'resolved', 'payments');
const FIRING = alert('00000000-0000-4000-8000-0000000000c2', 'firing', 'checkout');
const ACKNOWLEDGED = alert('00000000-0000-4000-8000-0000000000c3', 'acknowledged', 'search');

function alertTitles(): string[] {
  const list = screen.getByRole('region', { name: 'Alerts list' });
  return within(list)
    .getAllByRole('article')
    .map((card) => card.getAttribute('aria-label') ?? '');
}

describe('AlertsPage', () => {
  it('lists firing alerts first, each with its severity, group, when it was seen and its rows', async () => {
    mockFetch({
      ...shellRoutes(signedInAs('viewer')),
      // The server's order is not trusted to put firing first: the page sorts by state.
      '/api/workspaces/demo/alerts': () =>
        fakeResponse(200, { items: [RESOLVED, ACKNOWLEDGED, FIRING] }),
    });
    renderApp('/w/demo/alerts');

    await screen.findByRole('region', { name: 'Alerts list' }, LOADED);
    expect(alertTitles()).toEqual([
      'Alert: Ageing work items — checkout',
      'Alert: Ageing work items — search',
      'Alert: Ageing work items — payments',
    ]);
    const firing = screen.getByRole('article', { name: 'Alert: Ageing work items — checkout' });
    expect(within(firing).getByText('Firing')).toBeTruthy();
    expect(within(firing).getByText('High')).toBeTruthy();
    expect(within(firing).getByText(/First seen/).parentElement?.textContent).toMatch(
      /^First seen 3 h ago \(.+\)$/,
    );
    expect(within(firing).getByText(/Last seen/).parentElement?.textContent).toMatch(
      /^Last seen 15 min ago \(.+\)$/,
    );
    const rows = within(firing).getByRole('table', {
      name: 'Rows matched by Ageing work items — checkout',
    });
    expect(within(rows).getByText('CHECKOUT-7')).toBeTruthy();
    expect(within(rows).getByText('41')).toBeTruthy();
    // In the query's order, which the alert keeps beside its rows.
    expect(
      within(rows)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['team', 'key', 'ageDays']);
    expect(
      within(firing).getByRole('link', { name: 'Ageing work items' }).getAttribute('href'),
    ).toBe(`/w/demo/alerts/rules/${RULE_ID}`);
    // A viewer reads alerts but does not acknowledge them.
    expect(screen.queryByRole('button', { name: /^Acknowledge/ })).toBeNull();
  });

  it('acknowledges a firing alert for an editor, and the list shows it acknowledged', async () => {
    let acknowledged = false;
    const fetchMock = mockFetch({
      ...shellRoutes(signedInAs('editor')),
      '/api/workspaces/demo/alerts': () =>
        fakeResponse(200, {
          items: [acknowledged ? { ...FIRING, state: 'acknowledged' } : FIRING, RESOLVED],
        }),
      [`POST /api/workspaces/demo/alerts/${FIRING.id}/acknowledge`]: () => {
        acknowledged = true;
        return fakeResponse(200, { ...FIRING, state: 'acknowledged' });
      },
    });
    renderApp('/w/demo/alerts');

    fireEvent.click(
      await screen.findByRole(
        'button',
        { name: 'Acknowledge Ageing work items — checkout' },
        LOADED,
      ),
    );

    const card = screen.getByRole('article', { name: 'Alert: Ageing work items — checkout' });
    await within(card).findByText('Acknowledged', undefined, LOADED);
    expect(within(card).queryByRole('button', { name: /^Acknowledge/ })).toBeNull();
    expect(
      fetchMock.mock.calls.some(
        ([url, init]) =>
          url === `/api/workspaces/demo/alerts/${FIRING.id}/acknowledge` && init?.method === 'POST',
      ),
    ).toBe(true);
    // A resolved alert is not offered for acknowledging.
    const resolved = screen.getByRole('article', { name: 'Alert: Ageing work items — payments' });
    expect(within(resolved).queryByRole('button')).toBeNull();
  });

  it('explains a 409: the alert resolved before it was acknowledged', async () => {
    let resolved = false;
    mockFetch({
      ...shellRoutes(signedInAs('editor')),
      '/api/workspaces/demo/alerts': () =>
        fakeResponse(200, {
          items: [resolved ? { ...FIRING, state: 'resolved', resolvedAt: NOW } : FIRING],
        }),
      [`POST /api/workspaces/demo/alerts/${FIRING.id}/acknowledge`]: () => {
        resolved = true;
        return problemResponse(
          409,
          'Conflict',
          'This alert is resolved: there is nothing to acknowledge.',
          { kind: 'alert-resolved' },
        );
      },
    });
    renderApp('/w/demo/alerts');

    fireEvent.click(
      await screen.findByRole(
        'button',
        { name: 'Acknowledge Ageing work items — checkout' },
        LOADED,
      ),
    );

    const notice = await screen.findByRole('alert', undefined, LOADED);
    expect(notice.textContent).toContain('Ageing work items was not acknowledged');
    expect(notice.textContent).toContain(
      'This alert is resolved: there is nothing to acknowledge. A later run of its rule no longer matched',
    );
    const card = screen.getByRole('article', { name: 'Alert: Ageing work items — checkout' });
    await waitFor(
      () => expect(card.querySelector('[data-status-badge]')?.textContent).toBe('State: Resolved'),
      LOADED,
    );
  });

  it('filters by state through the URL', async () => {
    const fetchMock = mockFetch({
      ...shellRoutes(signedInAs('viewer')),
      '/api/workspaces/demo/alerts': () => fakeResponse(200, { items: [FIRING, RESOLVED] }),
      '/api/workspaces/demo/alerts?state=resolved': () => fakeResponse(200, { items: [RESOLVED] }),
    });
    renderApp('/w/demo/alerts');
    await screen.findByRole('region', { name: 'Alerts list' }, LOADED);

    fireEvent.click(screen.getByRole('radio', { name: 'Resolved' }));

    await waitFor(
      () => expect(alertTitles()).toEqual(['Alert: Ageing work items — payments']),
      LOADED,
    );
    expect(screen.getByTestId('location').textContent).toBe('/w/demo/alerts?state=resolved');
    expect(fetchMock.mock.calls.map(([url]) => url)).toContain(
      '/api/workspaces/demo/alerts?state=resolved',
    );
  });

  it('explains alerts when there are none, and links to the rules', async () => {
    mockFetch({
      ...shellRoutes(signedInAs('editor')),
      '/api/workspaces/demo/alerts': () => fakeResponse(200, { items: [] }),
      '/api/workspaces/demo/alert-rules': () => fakeResponse(200, { items: [] }),
    });
    renderApp('/w/demo/alerts');

    expect(await screen.findByText('No alerts', undefined, LOADED)).toBeTruthy();
    expect(screen.getByText(/runs a query of the workspace's data on a schedule/)).toBeTruthy();
    fireEvent.click(screen.getByRole('link', { name: 'Set up alert rules' }));
    await screen.findByRole('heading', { level: 1, name: 'Alert rules' }, LOADED);
    expect(screen.getByTestId('location').textContent).toBe('/w/demo/alerts/rules');
  });
});
