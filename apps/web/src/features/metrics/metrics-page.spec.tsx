import { afterEach, describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeResponse, mockFetch, sentBody } from '../../test-utils/fake-fetch';
import {
  guardrail,
  metricListItem,
  NO_TREND,
  page,
  requestedUrls,
  validationProblem,
} from '../../test-utils/okr-fixtures';
import { renderApp } from '../../test-utils/render-app';
import { emptyPage, shellRoutes, signedInAs } from '../../test-utils/session-fixtures';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const LATENCY = metricListItem();
const FILL_RATE = metricListItem(
  {
    id: '00000000-0000-4000-8000-000000000501',
    key: 'ad_fill_rate',
    name: 'Ad fill rate',
    unit: '%',
    category: 'business-impact',
    direction: 'increase-is-good',
    latest: null,
  },
  NO_TREND,
);

function routes(role: 'viewer' | 'editor', extra: Parameters<typeof mockFetch>[0] = {}) {
  return mockFetch({
    ...shellRoutes(signedInAs(role)),
    '/api/workspaces/demo/metrics': page([FILL_RATE, LATENCY]),
    '/api/workspaces/demo/guardrails': page([guardrail()]),
    ...extra,
  });
}

describe('MetricsPage', () => {
  it('lists metrics with their trend, latest value and XmR status, read-only for a viewer', async () => {
    const fetchMock = routes('viewer');
    renderApp('/w/demo/metrics');

    const table = await screen.findByRole('table');
    const latencyRow = within(table)
      .getByRole('link', { name: LATENCY.name })
      .closest('tr') as HTMLElement;
    // The status and window the portfolio tile shows too, from the list response alone.
    expect(await within(latencyRow).findByText('Signal: beyond the limits')).toBeTruthy();
    expect(
      within(latencyRow).getByText('Provisional limits from the 4 values from Nov 23 to Nov 26'),
    ).toBeTruthy();
    expect(
      await within(latencyRow).findByRole('img', {
        name: /4 values, latest 262 ms, 1 with a signal/,
      }),
    ).toBeTruthy();
    expect(requestedUrls(fetchMock).some((url) => url.includes('/series'))).toBe(false);
    expect(within(latencyRow).getByText('262 ms')).toBeTruthy();
    const fillRow = within(table)
      .getByRole('link', { name: FILL_RATE.name })
      .closest('tr') as HTMLElement;
    expect(await within(fillRow).findByText('No values yet')).toBeTruthy();

    const card = await screen.findByRole('article', { name: `Guardrail on ${LATENCY.name}` });
    expect(within(card).getByText('Breached')).toBeTruthy();
    expect(within(card).getByText('220 ms')).toBeTruthy();
    expect(within(card).getByText('May rise by at most 10% of its baseline 200 ms.')).toBeTruthy();

    expect(screen.queryByRole('button', { name: 'New metric' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'New guardrail' })).toBeNull();
    expect(within(card).queryByRole('button', { name: /^Edit/ })).toBeNull();
  });

  it('keeps the category filter in the URL', async () => {
    const fetchMock = routes('viewer');
    renderApp('/w/demo/metrics');

    fireEvent.change(await screen.findByLabelText('Category'), {
      target: { value: 'business-impact' },
    });
    await waitFor(() =>
      expect(screen.getByTestId('location').textContent).toBe(
        '/w/demo/metrics?category=business-impact',
      ),
    );
    await waitFor(() =>
      expect(requestedUrls(fetchMock).some((url) => url.includes('category=business-impact'))).toBe(
        true,
      ),
    );
  });

  it('shows the guardrail history on request', async () => {
    routes('viewer');
    renderApp('/w/demo/metrics');

    const card = await screen.findByRole('article', { name: `Guardrail on ${LATENCY.name}` });
    fireEvent.click(within(card).getByRole('button', { name: 'History (1)' }));
    expect(within(card).getByText(/On 262 ms \(value of Nov 26, 2026\) · new values/)).toBeTruthy();
  });

  it('lets an editor create a metric, showing a taken key at its field', async () => {
    const fetchMock = routes('editor', {
      'POST /api/workspaces/demo/metrics': () =>
        fakeResponse(
          409,
          {
            type: 'https://bearing.dev/problems/conflict',
            title: 'Conflict',
            status: 409,
            detail: 'taken',
          },
          'application/problem+json',
        ),
    });
    renderApp('/w/demo/metrics');

    fireEvent.click(await screen.findByRole('button', { name: 'New metric' }));
    const dialog = await screen.findByRole('dialog', { name: 'New metric' });
    fireEvent.change(within(dialog).getByLabelText(/^Key/), { target: { value: 'Ad Fill' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create metric' }));
    expect(await within(dialog).findByText('Enter a name')).toBeTruthy();
    expect(within(dialog).getByText(/^Must be 1–64 lower-case letters/)).toBeTruthy();

    fireEvent.change(within(dialog).getByLabelText(/^Name/), { target: { value: 'Ad fill rate' } });
    fireEvent.change(within(dialog).getByLabelText(/^Key/), { target: { value: 'ad_fill_rate' } });
    fireEvent.change(within(dialog).getByLabelText(/^Direction/), {
      target: { value: 'increase-is-good' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create metric' }));
    expect(
      await within(dialog).findByText('A metric with the key “ad_fill_rate” exists already'),
    ).toBeTruthy();
    expect(sentBody(fetchMock, 'POST')).toMatchObject({
      key: 'ad_fill_rate',
      name: 'Ad fill rate',
      category: 'usage',
    });
  });

  it('maps a guardrail’s 400 at threshold.value onto the threshold field', async () => {
    routes('editor', {
      'POST /api/workspaces/demo/guardrails': validationProblem([
        { path: 'threshold.value', message: 'must be 0 or more' },
      ]),
    });
    renderApp('/w/demo/metrics');

    fireEvent.click(await screen.findByRole('button', { name: 'New guardrail' }));
    const dialog = await screen.findByRole('dialog', { name: 'New guardrail' });
    fireEvent.change(within(dialog).getByLabelText(/^Baseline/), { target: { value: '40' } });
    fireEvent.change(within(dialog).getByLabelText('Threshold'), { target: { value: '5' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create guardrail' }));

    expect(await within(dialog).findByText('Must be 0 % or more')).toBeTruthy();
    expect(within(dialog).queryByRole('alert')).toBeNull();
  });

  it('offers editors a first metric when there is none', async () => {
    routes('editor', {
      '/api/workspaces/demo/metrics': emptyPage,
      '/api/workspaces/demo/guardrails': emptyPage,
    });
    renderApp('/w/demo/metrics');

    expect(await screen.findByText('No metrics yet')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Create a metric' })).toBeTruthy();
    expect(
      await screen.findByText('A guardrail watches a metric: create a metric first.'),
    ).toBeTruthy();
  });

  it('lists the archived metrics on request, keeping the choice in the URL', async () => {
    const RETIRED = metricListItem(
      {
        id: '00000000-0000-4000-8000-000000000502',
        key: 'old_signups',
        name: 'Old sign-ups',
        archived: true,
      },
      NO_TREND,
    );
    const fetchMock = routes('viewer', {
      '/api/workspaces/demo/metrics': ({ url }) =>
        fakeResponse(200, {
          items: url.includes('archived=true') ? [RETIRED] : [FILL_RATE, LATENCY],
          nextCursor: null,
        }),
    });
    renderApp('/w/demo/metrics');

    const kpis = await screen.findByRole('region', { name: 'KPIs' }, { timeout: 15000 });
    expect(
      await within(kpis).findByRole('link', { name: LATENCY.name }, { timeout: 15000 }),
    ).toBeTruthy();
    expect(within(kpis).queryByRole('link', { name: RETIRED.name })).toBeNull();
    fireEvent.click(within(kpis).getByRole('switch', { name: 'Archived metrics' }));

    expect(
      await within(kpis).findByRole('link', { name: RETIRED.name }, { timeout: 15000 }),
    ).toBeTruthy();
    expect(within(kpis).queryByRole('link', { name: LATENCY.name })).toBeNull();
    expect(screen.getByTestId('location').textContent).toBe('/w/demo/metrics?archived=true');
    expect(requestedUrls(fetchMock).some((url) => url.includes('archived=true'))).toBe(true);
  });
});
