import { afterEach, describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { formatDay, todayUtc } from '../../../components/format';
import { type FetchMock, fakeResponse, mockFetch, sentBody } from '../../../test-utils/fake-fetch';
import {
  guardrail,
  metric,
  page,
  requestedUrls,
  series,
  validationProblem,
} from '../../../test-utils/okr-fixtures';
import { renderApp } from '../../../test-utils/render-app';
import { shellRoutes, signedInAs } from '../../../test-utils/session-fixtures';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const LATENCY = metric();
const PATH = `/api/workspaces/demo/metrics/${LATENCY.key}`;
const WAIT = { timeout: 30_000 };

function routes(role: 'viewer' | 'editor', extra: Parameters<typeof mockFetch>[0] = {}) {
  return mockFetch({
    ...shellRoutes(signedInAs(role)),
    [PATH]: () => fakeResponse(200, LATENCY),
    [`${PATH}/series`]: () => fakeResponse(200, series()),
    '/api/workspaces/demo/guardrails': page([guardrail()]),
    ...extra,
  });
}

function seriesRequests(fetchMock: FetchMock): number {
  return requestedUrls(fetchMock).filter((url) => url.startsWith(`${PATH}/series`)).length;
}

async function openDialog(button: string, title: string): Promise<HTMLElement> {
  fireEvent.click(await screen.findByRole('button', { name: button }, WAIT));
  const dialog = await screen.findByRole('dialog', { name: `${title} · ${LATENCY.name}` }, WAIT);
  // The upload's code loads when its dialog first opens.
  await waitFor(
    () =>
      expect(within(dialog).queryByRole('progressbar', { name: 'Loading the form' })).toBeNull(),
    WAIT,
  );
  return dialog;
}

function chooseFile(dialog: HTMLElement, file: File): void {
  const input = dialog.querySelector('input[type="file"]');
  if (!input) throw new Error('no file input');
  fireEvent.change(input, { target: { files: [file] } });
}

function readBlob(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.readAsText(blob);
  });
}

/** Twelve good lines, Nov 1–12. */
const GOOD_CSV = `timestamp,value\n${Array.from(
  { length: 12 },
  (_, index) => `2026-11-${String(index + 1).padStart(2, '0')},${200 + index}`,
).join('\n')}\n`;

describe('Adding a value on the metric page', () => {
  it('posts the value for the day chosen, then the latest value and chart refresh', async () => {
    let latest = LATENCY.latest;
    const fetchMock = routes('editor', {
      [PATH]: () => fakeResponse(200, { ...LATENCY, latest }),
      [`POST ${PATH}/points`]: () => {
        latest = { timestamp: '2026-11-27T00:00:00.000Z', value: 250 };
        return fakeResponse(200, { points: 1, created: 1, updated: 0, unchanged: 0 });
      },
    });
    renderApp(`/w/demo/metrics/${LATENCY.key}`);
    await screen.findByRole('region', { name: 'Individuals (X) chart' }, WAIT);
    const seriesBefore = seriesRequests(fetchMock);

    const dialog = await openDialog('Add a value', 'Add a value');
    expect(within(dialog).getByText('ms')).toBeTruthy();
    const date = within(dialog).getByLabelText<HTMLInputElement>(/^Date/);
    // Shown as the app writes days; the request below carries the ISO day.
    expect(date.value).toBe(formatDay(todayUtc()));
    fireEvent.change(within(dialog).getByLabelText(/^Value/), { target: { value: '250' } });
    fireEvent.change(date, { target: { value: '2026-11-27' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add value' }));

    expect((await within(dialog).findByRole('status', {}, WAIT)).textContent).toBe(
      'Saved 250 ms for Nov 27, 2026.',
    );
    expect(sentBody(fetchMock, 'POST')).toEqual([{ timestamp: '2026-11-27', value: 250 }]);
    expect(await screen.findByText('250 ms', { selector: 'strong' }, WAIT)).toBeTruthy();
    await waitFor(() => expect(seriesRequests(fetchMock)).toBeGreaterThan(seriesBefore), WAIT);
    expect(within(dialog).getByLabelText<HTMLInputElement>(/^Value/).value).toBe('');
  });

  it('puts a 400 on the field it names', async () => {
    routes('editor', {
      [`POST ${PATH}/points`]: validationProblem([
        {
          path: '0.timestamp',
          message:
            'must be an ISO-8601 timestamp with an offset (2026-01-05T09:30:00Z) or a date YYYY-MM-DD',
        },
      ]),
    });
    renderApp(`/w/demo/metrics/${LATENCY.key}`);

    const dialog = await openDialog('Add a value', 'Add a value');
    fireEvent.change(within(dialog).getByLabelText(/^Value/), { target: { value: '1.5' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add value' }));

    expect(
      await within(dialog).findByText(/^Must be an ISO-8601 timestamp with an offset/, {}, WAIT),
    ).toBeTruthy();
    expect(within(dialog).getByLabelText(/^Date/).getAttribute('aria-invalid')).toBe('true');
    expect(
      within(dialog)
        .getByLabelText(/^Value/)
        .getAttribute('aria-invalid'),
    ).not.toBe('true');
    expect(within(dialog).queryByRole('alert')).toBeNull();
  });

  it('checks the value before sending it', async () => {
    const fetchMock = routes('editor');
    renderApp(`/w/demo/metrics/${LATENCY.key}`);

    const dialog = await openDialog('Add a value', 'Add a value');
    fireEvent.change(within(dialog).getByLabelText(/^Value/), { target: { value: '1,5' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add value' }));

    expect(await within(dialog).findByText('Enter a number, such as 41.5 or -0.25')).toBeTruthy();
    expect(sentBody(fetchMock, 'POST')).toBeUndefined();
  });
});

describe('Uploading values on the metric page', () => {
  it('previews the file, then imports it and says what was stored', async () => {
    const fetchMock = routes('editor', {
      [`POST ${PATH}/points`]: () =>
        fakeResponse(200, { points: 12, created: 10, updated: 2, unchanged: 0 }),
    });
    renderApp(`/w/demo/metrics/${LATENCY.key}`);

    const dialog = await openDialog('Upload values', 'Upload values');
    expect(within(dialog).getAllByText('timestamp,value').length).toBeGreaterThan(0);
    const example = within(dialog).getByRole('link', { name: 'Download an example CSV' });
    expect(example.getAttribute('download')).toBe(`${LATENCY.key}-values.csv`);
    expect(decodeURIComponent(example.getAttribute('href') ?? '')).toMatch(
      /^data:text\/csv;charset=utf-8,timestamp,value\n2026-11-02,41.5\n/,
    );
    expect(within(dialog).getByRole('button', { name: 'Import' })).toHaveProperty('disabled', true);

    chooseFile(dialog, new File([GOOD_CSV], 'latency.csv', { type: 'application/vnd.ms-excel' }));

    const preview = await within(dialog).findByRole('region', { name: 'Preview' }, WAIT);
    expect(preview.textContent).toContain('latency.csv holds 12 rows; the first 10:');
    const rows = within(within(preview).getByRole('table')).getAllByRole('row');
    expect(rows).toHaveLength(11);
    expect(rows[1]?.textContent).toBe('22026-11-01200');
    expect(within(preview).queryByRole('alert')).toBeNull();
    expect(sentBody(fetchMock, 'POST')).toBeUndefined();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Import 12 values' }));

    const outcome = await within(dialog).findByRole('status', {}, WAIT);
    expect(outcome.textContent).toContain('Imported 12 values');
    expect(outcome.textContent).toContain('10 new, 2 changed, 0 unchanged.');
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST')?.[1];
    const body = post?.body;
    if (!(body instanceof Blob)) throw new Error('the file was not sent as it is');
    expect(body.type).toBe('text/csv');
    expect(await readBlob(body)).toBe(GOOD_CSV);
    expect(within(dialog).getByRole('button', { name: 'Upload another file' })).toBeTruthy();
  });

  it('lists the problems of a file before sending anything, and offers no import', async () => {
    const fetchMock = routes('editor');
    renderApp(`/w/demo/metrics/${LATENCY.key}`);

    const dialog = await openDialog('Upload values', 'Upload values');
    chooseFile(
      dialog,
      new File(['timestamp,value\n2026-11-02,41.5\n02/11/2026,1 000\n'], 'bad.csv'),
    );

    const problems = await within(dialog).findByRole(
      'list',
      { name: 'Problems in the file' },
      WAIT,
    );
    const items = within(problems).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Line 3, timestamp is not an ISO-8601 timestamp with an offset or a date YYYY-MM-DD: "02/11/2026"',
      'Line 3, value is not a number: "1 000"',
    ]);
    expect(within(dialog).getByRole('button', { name: 'Import' })).toHaveProperty('disabled', true);
    expect(sentBody(fetchMock, 'POST')).toBeUndefined();
  });

  it('shows the problems the server found, by line, and that the list was cut', async () => {
    routes('editor', {
      [`POST ${PATH}/points`]: () =>
        fakeResponse(
          400,
          {
            type: 'https://bearing.dev/problems/validation',
            title: 'Invalid request',
            status: 400,
            detail:
              'Reading stopped at problem 101, so only the first 100 are listed; nothing was stored.',
            errors: [
              { path: 'line.3.value', message: 'is not a number: "x"' },
              { path: 'line.9', message: 'has 3 fields; expected 2 (timestamp,value)' },
            ],
            truncated: true,
          },
          'application/problem+json',
        ),
    });
    renderApp(`/w/demo/metrics/${LATENCY.key}`);

    const dialog = await openDialog('Upload values', 'Upload values');
    chooseFile(dialog, new File([GOOD_CSV], 'latency.csv', { type: 'text/csv' }));
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Import 12 values' }, WAIT));

    const refusal = await within(dialog).findByRole('alert', {}, WAIT);
    expect(within(refusal).getByText('Nothing was imported')).toBeTruthy();
    expect(refusal.textContent).toContain('only the first 100 are listed; nothing was stored.');
    const items = within(
      within(refusal).getByRole('list', { name: 'Problems the server found' }),
    ).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Line 3, value is not a number: "x"',
      'Line 9 has 3 fields; expected 2 (timestamp,value)',
    ]);
    expect(refusal.textContent).toContain('Reading stopped after the first 2 problems');
  });
});

describe('A viewer on the metric page', () => {
  it('sees no way to add or upload values', async () => {
    routes('viewer');
    renderApp(`/w/demo/metrics/${LATENCY.key}`);

    expect(await screen.findByRole('heading', { level: 1, name: LATENCY.name }, WAIT)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add a value' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Upload values' })).toBeNull();
  });
});
