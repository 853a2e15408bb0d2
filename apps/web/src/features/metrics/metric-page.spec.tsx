import { afterEach, describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeResponse, mockFetch, problemResponse, sentBody } from '../../test-utils/fake-fetch';
import { formatDateTime } from '../../components/format';
import {
  guardrail,
  metric,
  NO_TREND,
  page,
  requestedUrls,
  series,
  shiftedSeries,
} from '../../test-utils/okr-fixtures';
import { renderApp } from '../../test-utils/render-app';
import { emptyPage, shellRoutes, signedInAs } from '../../test-utils/session-fixtures';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const LATENCY = metric();
const PATH = `/api/workspaces/demo/metrics/${LATENCY.key}`;

function routes(role: 'viewer' | 'editor', extra: Parameters<typeof mockFetch>[0] = {}) {
  return mockFetch({
    ...shellRoutes(signedInAs(role)),
    [PATH]: () => fakeResponse(200, LATENCY),
    [`${PATH}/series`]: () => fakeResponse(200, series()),
    '/api/workspaces/demo/guardrails': page([guardrail()]),
    ...extra,
  });
}

describe('MetricPage', () => {
  it('draws the X and mR charts with their table fallback, signals and guardrail limit', async () => {
    routes('viewer');
    renderApp(`/w/demo/metrics/${LATENCY.key}`);

    expect(await screen.findByRole('heading', { level: 1, name: LATENCY.name })).toBeTruthy();
    const xChart = await screen.findByRole('region', { name: 'Individuals (X) chart' });
    // The status its list row and portfolio tile show, with the window of its limits.
    expect(screen.getByText('Signal: beyond the limits')).toBeTruthy();
    expect(
      screen.getAllByText('Provisional limits from the 4 values from Nov 23 to Nov 26'),
    ).toHaveLength(1);
    expect(
      await within(xChart).findByRole('figure', { name: `X chart of ${LATENCY.name}` }),
    ).toBeTruthy();
    expect(within(xChart).getByText('Guardrail limit 220 ms')).toBeTruthy();
    expect(within(xChart).getByText('Limits 152.16 ms – 279.84 ms')).toBeTruthy();

    fireEvent.click(within(xChart).getByRole('radio', { name: 'Table' }));
    const table = within(xChart).getByRole('table');
    const rows = within(table).getAllByRole('row');
    expect(rows[1]?.textContent).toContain('262 ms');
    expect(rows[1]?.textContent).toContain('beyond the limits; jump beyond the range limit');
    expect(within(table).getByText(/guardrail limit 220 ms/)).toBeTruthy();

    const signals = screen.getByRole('region', { name: 'Signals' });
    expect(within(signals).getByText(/262 ms: beyond the limits/)).toBeTruthy();
    expect(document.title).toBe(`${LATENCY.name} · Metrics · Bearing`);
  });

  it('draws new limits after a shift, and says where they begin and why', async () => {
    routes('viewer', { [`${PATH}/series`]: () => fakeResponse(200, shiftedSeries()) });
    renderApp(`/w/demo/metrics/${LATENCY.key}`);

    const xChart = await screen.findByRole('region', { name: 'Individuals (X) chart' });
    expect(screen.getByText('Signal: 8 in a row on one side')).toBeTruthy();
    expect(
      screen.getByText(
        'Provisional limits from the 12 values from Nov 15 to Nov 26, after a shift up',
      ),
    ).toBeTruthy();
    expect(within(xChart).getByText('Current limits 229.36 ms – 250.64 ms')).toBeTruthy();

    fireEvent.click(within(xChart).getByRole('radio', { name: 'Table' }));
    const table = within(xChart).getByRole('table');
    const caption = table.querySelector('caption')?.textContent;
    expect(caption).toContain(
      'Provisional limits from the 12 values from Nov 3 to Nov 14: mean 200 ms',
    );
    expect(caption).toContain(
      '; Provisional limits from the 12 values from Nov 15 to Nov 26, after a shift up: mean 240 ms',
    );
    const rows = within(table).getAllByRole('row');
    expect(rows[1]?.textContent).toContain('229.36 ms – 250.64 ms');
    expect(rows[rows.length - 1]?.textContent).toContain('189.36 ms – 210.64 ms');

    const signals = screen.getByRole('region', { name: 'Signals' });
    expect(
      within(signals).getByText(/8 in a row on one side — a shift up: new limits from Nov 15/),
    ).toBeTruthy();
  });

  it('says when the chart of an old range is not the metric’s own analysis', async () => {
    const old = series();
    routes('viewer', {
      [`${PATH}/series`]: () => fakeResponse(200, { ...old, xmr: { ...old.xmr!, basis: 'range' } }),
    });
    renderApp(`/w/demo/metrics/${LATENCY.key}?from=2024-01-01&to=2024-01-31`);

    expect(
      await screen.findByText(
        /reaches back before the metric’s latest 500 values, which its status/,
      ),
    ).toBeTruthy();
    expect(screen.getByText('Signal: beyond the limits')).toBeTruthy();
  });

  it('keeps the date range in the URL and asks the API for it', async () => {
    const fetchMock = routes('viewer');
    renderApp(`/w/demo/metrics/${LATENCY.key}?from=2026-11-01&to=2026-11-30`);

    await screen.findByRole('region', { name: 'Individuals (X) chart' });
    expect(requestedUrls(fetchMock)).toContain(`${PATH}/series?from=2026-11-01&to=2026-11-30`);
    fireEvent.click(screen.getByRole('radio', { name: 'All' }));
    await waitFor(() =>
      expect(screen.getByTestId('location').textContent).toBe(`/w/demo/metrics/${LATENCY.key}`),
    );
  });

  it('tells an editor how values get in when there are none', async () => {
    routes('editor', {
      [PATH]: () => fakeResponse(200, { ...LATENCY, latest: null }),
      [`${PATH}/series`]: () =>
        fakeResponse(200, { bucket: 'none', points: [], xmr: null, status: NO_TREND.status }),
      '/api/workspaces/demo/guardrails': emptyPage,
    });
    renderApp(`/w/demo/metrics/${LATENCY.key}`);

    expect(await screen.findByRole('heading', { level: 2, name: 'No values yet' })).toBeTruthy();
    expect(
      screen.getByText(/curl -X POST .*\/metrics\/playback\.start_latency_p95\/points/),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'New guardrail' })).toBeTruthy();
  });

  it('says when the workspace has no such metric', async () => {
    mockFetch(shellRoutes(signedInAs('viewer')));
    renderApp('/w/demo/metrics/nope');

    expect(await screen.findByText(/has no metric with the key/)).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Metric' })).toBeTruthy();
  });

  it('lets an editor correct the metric’s direction, sending only what changed', async () => {
    let stored = LATENCY;
    const fetchMock = routes('editor', {
      [PATH]: () => fakeResponse(200, stored),
      [`PATCH ${PATH}`]: ({ body }) => {
        stored = { ...stored, ...(body as object), version: stored.version + 1 };
        return fakeResponse(200, stored);
      },
    });
    renderApp(`/w/demo/metrics/${LATENCY.key}`);

    fireEvent.click(await screen.findByRole('button', { name: 'Edit metric' }, { timeout: 15000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit metric' }, { timeout: 15000 });
    expect(within(dialog).getByLabelText<HTMLInputElement>(/^Name/).value).toBe(LATENCY.name);
    const key = within(dialog).getByLabelText<HTMLInputElement>(/^Key/);
    expect(key.value).toBe(LATENCY.key);
    expect(key.readOnly).toBe(true);
    const direction = within(dialog).getByLabelText<HTMLSelectElement>(/^Direction/);
    expect(direction.value).toBe('decrease-is-good');
    fireEvent.change(direction, { target: { value: 'increase-is-good' } });
    expect(within(dialog).getByText(/guardrails are evaluated again/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save metric' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), { timeout: 15000 });
    expect(sentBody(fetchMock, 'PATCH')).toEqual({ direction: 'increase-is-good', version: 1 });
    expect(await screen.findByText('Higher is better', {}, { timeout: 15000 })).toBeTruthy();
    expect(screen.queryByText('Lower is better')).toBeNull();
  });

  it('says when someone else saved the metric first', async () => {
    routes('editor', {
      [`PATCH ${PATH}`]: () =>
        problemResponse(409, 'Conflict', 'The metric changed.', { kind: 'stale-version' }),
    });
    renderApp(`/w/demo/metrics/${LATENCY.key}`);

    fireEvent.click(await screen.findByRole('button', { name: 'Edit metric' }, { timeout: 15000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit metric' }, { timeout: 15000 });
    fireEvent.change(within(dialog).getByLabelText(/^Unit/), { target: { value: 's' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save metric' }));

    expect(
      await within(dialog).findByText(
        'Not saved: the metric changed meanwhile',
        {},
        {
          timeout: 15000,
        },
      ),
    ).toBeTruthy();
  });

  it('offers a viewer no edit', async () => {
    routes('viewer');
    renderApp(`/w/demo/metrics/${LATENCY.key}`);

    expect(await screen.findByRole('heading', { level: 1, name: LATENCY.name })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Edit metric' })).toBeNull();
  });

  it('archives a metric after asking, and unarchives it from the notice', async () => {
    let stored = LATENCY;
    const fetchMock = routes('editor', {
      [PATH]: () => fakeResponse(200, stored),
      [`PATCH ${PATH}`]: ({ body }) => {
        stored = { ...stored, ...(body as object), version: stored.version + 1 };
        return fakeResponse(200, stored);
      },
    });
    renderApp(`/w/demo/metrics/${LATENCY.key}`);

    expect(
      await screen.findByRole('button', { name: 'Add a value' }, { timeout: 15000 }),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Archive' }));
    const dialog = await screen.findByRole(
      'dialog',
      { name: 'Archive metric' },
      { timeout: 15000 },
    );
    expect(within(dialog).getByText(/leaves the metrics list and the portfolio/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Archive metric' }));

    const notice = await screen.findByRole('status', { name: 'Archived' }, { timeout: 15000 });
    expect(sentBody(fetchMock, 'PATCH')).toEqual({ archived: true, version: 1 });
    // It takes no values while archived: nothing offers to send any.
    expect(screen.queryByRole('button', { name: 'Add a value' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Archive' })).toBeNull();

    fireEvent.click(within(notice).getByRole('button', { name: 'Unarchive' }));
    expect(
      await screen.findByRole('button', { name: 'Add a value' }, { timeout: 15000 }),
    ).toBeTruthy();
    expect(screen.queryByRole('status', { name: 'Archived' })).toBeNull();
    const patches = fetchMock.mock.calls.filter(([, init]) => init?.method === 'PATCH');
    expect(
      patches.map(([, init]) =>
        typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
      ),
    ).toEqual([
      { archived: true, version: 1 },
      { archived: false, version: 2 },
    ]);
  });

  it('deletes a guardrail after asking', async () => {
    let guardrails = [guardrail()];
    const fetchMock = routes('editor', {
      '/api/workspaces/demo/guardrails': () =>
        fakeResponse(200, { items: guardrails, nextCursor: null }),
      [`DELETE /api/workspaces/demo/guardrails/${guardrail().id}`]: () => {
        guardrails = [];
        return fakeResponse(204, null);
      },
    });
    renderApp(`/w/demo/metrics/${LATENCY.key}`);

    fireEvent.click(
      await screen.findByRole(
        'button',
        { name: `Delete the guardrail on ${LATENCY.name}` },
        { timeout: 15000 },
      ),
    );
    const dialog = await screen.findByRole(
      'dialog',
      { name: 'Delete guardrail' },
      { timeout: 15000 },
    );
    expect(within(dialog).getByText(/leaves the portfolio/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete guardrail' }));

    expect(
      await screen.findByText('No guardrail watches this metric', {}, { timeout: 15000 }),
    ).toBeTruthy();
    expect(
      fetchMock.mock.calls.filter(([, init]) => init?.method === 'DELETE').map(([input]) => input),
    ).toEqual([`/api/workspaces/demo/guardrails/${guardrail().id}`]);
  });

  it('lets an editor remove one recorded value after a confirmation naming it, then refreshes', async () => {
    const recorded = series();
    let points = recorded.points;
    const wrong = points[3]!;
    const fetchMock = routes('editor', {
      [`${PATH}/series`]: () => fakeResponse(200, { ...recorded, points }),
      [`DELETE ${PATH}/points`]: ({ url }) => {
        const timestamp = new URL(url, 'http://bearing.test').searchParams.get('timestamp');
        points = points.filter((point) => point.timestamp !== timestamp);
        return fakeResponse(200, { deleted: 1 });
      },
    });
    renderApp(`/w/demo/metrics/${LATENCY.key}`);

    const section = await screen.findByRole(
      'region',
      { name: 'Recorded values' },
      { timeout: 15000 },
    );
    const name = `Remove value 262 ms at ${formatDateTime(wrong.timestamp)}`;
    // Newest first, one "Remove" per value, each naming its value and time.
    expect(
      within(section)
        .getAllByRole('button')
        .map((button) => button.getAttribute('aria-label')),
    ).toEqual(
      [...points]
        .reverse()
        .map((point) => `Remove value ${point.value} ms at ${formatDateTime(point.timestamp)}`),
    );
    const button = within(section).getByRole('button', { name });
    expect(button.textContent).toBe('Remove');
    fireEvent.click(button);

    const dialog = await screen.findByRole(
      'dialog',
      { name: 'Remove this value?' },
      { timeout: 15000 },
    );
    expect(dialog.textContent).toContain(`262 ms at ${formatDateTime(wrong.timestamp)}`);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove value' }));

    await waitFor(() => expect(within(section).queryByRole('button', { name })).toBeNull(), {
      timeout: 15000,
    });
    expect(within(section).getAllByRole('button')).toHaveLength(3);
    expect(screen.queryByRole('dialog', { name: 'Remove this value?' })).toBeNull();
    expect(
      fetchMock.mock.calls.filter(([, init]) => init?.method === 'DELETE').map(([input]) => input),
    ).toEqual([`${PATH}/points?timestamp=${encodeURIComponent(wrong.timestamp)}`]);
    // The series (the charts' too) was asked again after the removal.
    expect(
      requestedUrls(fetchMock).filter((url) => url === `${PATH}/series`).length,
    ).toBeGreaterThan(1);
  });

  it('offers a viewer no way to remove a value', async () => {
    routes('viewer');
    renderApp(`/w/demo/metrics/${LATENCY.key}`);

    await screen.findByRole('region', { name: 'Individuals (X) chart' }, { timeout: 15000 });
    expect(screen.queryByRole('region', { name: 'Recorded values' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Remove/ })).toBeNull();
  });

  it('offers a viewer no archive or delete', async () => {
    routes('viewer');
    renderApp(`/w/demo/metrics/${LATENCY.key}`);

    expect(
      await screen.findByRole(
        'article',
        { name: `Guardrail on ${LATENCY.name}` },
        { timeout: 15000 },
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Archive' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Delete/ })).toBeNull();
  });
});
