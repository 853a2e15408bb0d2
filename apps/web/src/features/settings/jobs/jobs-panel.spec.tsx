import type { Job } from '@bearing/contracts';
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { formatDateTime } from '../../../components/format';
import {
  fakeResponse,
  type FetchMock,
  mockFetch,
  problemResponse,
} from '../../../test-utils/fake-fetch';
import { renderApp } from '../../../test-utils/render-app';
import { emptyPage, shellRoutes, signedInAs } from '../../../test-utils/session-fixtures';

const realFetch = globalThis.fetch;
afterEach(() => {
  jest.useRealTimers();
  globalThis.fetch = realFetch;
});

// CI machines are small and shared: wait generously for anything that follows a request.
const SLOW = { timeout: 30_000 };

const JOBS_PATH = '/api/workspaces/demo/jobs';

const failedImport: Job = {
  id: '00000000-0000-4000-8000-0000000000e1',
  kind: 'jira.import',
  state: 'failed',
  attempts: 3,
  error: 'Jira answered 401 Unauthorized: the API token was revoked',
  createdAt: '2026-12-07T10:00:00.000Z',
  startedAt: '2026-12-07T10:00:01.000Z',
  finishedAt: '2026-12-07T10:00:02.200Z',
  durationMs: 1_200,
};
const runningHousekeeping: Job = {
  id: '00000000-0000-4000-8000-0000000000e2',
  kind: 'housekeeping',
  state: 'running',
  attempts: 1,
  error: null,
  createdAt: '2026-12-07T09:00:00.000Z',
  startedAt: '2026-12-07T09:00:00.500Z',
  finishedAt: null,
  durationMs: null,
};
const completedTick: Job = {
  id: '00000000-0000-4000-8000-0000000000e3',
  kind: 'scheduler.tick',
  state: 'completed',
  attempts: 1,
  error: null,
  createdAt: '2026-12-07T08:00:00.000Z',
  startedAt: '2026-12-07T08:00:00.000Z',
  finishedAt: '2026-12-07T08:03:00.000Z',
  durationMs: 180_000,
};
const queuedReport: Job = {
  id: '00000000-0000-4000-8000-0000000000e4',
  kind: 'reports.weekly',
  state: 'queued',
  attempts: 0,
  error: null,
  createdAt: '2026-12-07T07:00:00.000Z',
  startedAt: null,
  finishedAt: null,
  durationMs: null,
};

const page = (items: Job[], nextCursor: string | null = null) =>
  fakeResponse(200, { items, nextCursor });

/** The URLs of the `GET …/jobs` requests made so far. */
function jobRequests(fetchMock: FetchMock): string[] {
  return (
    fetchMock.mock.calls
      // The API client always passes the path as a string.
      .map(([input, init]) => ({ url: input as string, method: init?.method ?? 'GET' }))
      .filter(({ url, method }) => method === 'GET' && url.split('?')[0] === JOBS_PATH)
      .map(({ url }) => url)
  );
}

const retryName = (job: Job) => `Retry Jira import of ${formatDateTime(job.createdAt)}`;

describe('JobsPanel', () => {
  it('lists the jobs with their kind, state, attempts, duration and the error of failures', async () => {
    mockFetch({
      ...shellRoutes(signedInAs('admin')),
      [JOBS_PATH]: () => page([failedImport, runningHousekeeping, completedTick, queuedReport]),
    });
    renderApp('/w/demo/settings/jobs');

    const table = await screen.findByRole('table', { name: /Background jobs/ }, SLOW);
    expect(screen.getByRole('heading', { name: 'Jobs' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Jobs', selected: true })).toBeTruthy();
    const rows = within(table).getAllByRole('row').slice(1);
    const cells = (row: HTMLElement) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent);
    expect(cells(rows[0] as HTMLElement)).toEqual([
      'Jira importjira.import',
      'Failed',
      '3',
      formatDateTime(failedImport.createdAt),
      '1.2 s',
      'Jira answered 401 Unauthorized: the API token was revoked',
      'Retry',
    ]);
    expect(cells(rows[1] as HTMLElement).slice(0, 5)).toEqual([
      'Housekeeping',
      'Running',
      '1',
      formatDateTime(runningHousekeeping.createdAt),
      '—',
    ]);
    expect(cells(rows[2] as HTMLElement).slice(0, 5)).toEqual([
      'Schedulerscheduler.tick',
      'Completed',
      '1',
      formatDateTime(completedTick.createdAt),
      '3 min',
    ]);
    // A kind the page has no words for is shown as it is.
    expect(cells(rows[3] as HTMLElement).slice(0, 2)).toEqual(['reports.weekly', 'Queued']);
    // Only the failed job can be retried, and its button says which job it is.
    expect(
      within(table)
        .getAllByRole('button')
        .map((button) => button.ariaLabel),
    ).toEqual([retryName(failedImport)]);
    expect(screen.getByText(/Updating every few seconds/)).toBeTruthy();
  });

  it('shows a cancelled job as cancelled, without the retry the API would refuse', async () => {
    const cancelledImport: Job = {
      ...failedImport,
      id: '00000000-0000-4000-8000-0000000000e5',
      state: 'cancelled',
      attempts: 0,
      error: null,
      startedAt: null,
      durationMs: null,
    };
    mockFetch({
      ...shellRoutes(signedInAs('admin')),
      [JOBS_PATH]: () => page([cancelledImport, failedImport]),
    });
    renderApp('/w/demo/settings/jobs');

    const table = await screen.findByRole('table', { name: /Background jobs/ }, SLOW);
    const [cancelledRow, failedRow] = within(table).getAllByRole('row').slice(1);
    expect(within(cancelledRow as HTMLElement).getAllByRole('cell')[1]?.textContent).toBe(
      'Cancelled',
    );
    expect(within(cancelledRow as HTMLElement).queryByRole('button')).toBeNull();
    expect(within(failedRow as HTMLElement).getAllByRole('cell')[1]?.textContent).toBe('Failed');
    expect(
      within(table)
        .getAllByRole('button')
        .map((button) => button.ariaLabel),
    ).toEqual([retryName(failedImport)]);
    // Cancelled jobs have a filter of their own.
    expect(
      within(screen.getByRole('radiogroup', { name: 'State' })).getByRole('radio', {
        name: 'Cancelled',
      }),
    ).toBeTruthy();
  });

  it('keeps the filters in the URL and sends them to the API', async () => {
    const fetchMock = mockFetch({
      ...shellRoutes(signedInAs('admin')),
      [JOBS_PATH]: ({ url }) => page(url.includes('state=failed') ? [failedImport] : []),
    });
    renderApp('/w/demo/settings/jobs?kind=jira.import');

    expect(await screen.findByText('No jobs match these filters.', undefined, SLOW)).toBeTruthy();
    expect(jobRequests(fetchMock)).toEqual([`${JOBS_PATH}?kind=jira.import&limit=50`]);
    const kind = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Kind' });
    expect(kind.value).toBe('jira.import');

    fireEvent.click(
      within(screen.getByRole('radiogroup', { name: 'State' })).getByRole('radio', {
        name: 'Failed',
      }),
    );

    expect(await screen.findByRole('button', { name: retryName(failedImport) }, SLOW)).toBeTruthy();
    expect(jobRequests(fetchMock)).toContain(`${JOBS_PATH}?state=failed&kind=jira.import&limit=50`);
    expect(screen.getByTestId('location').textContent).toBe(
      '/w/demo/settings/jobs?kind=jira.import&state=failed',
    );

    fireEvent.change(kind, { target: { value: '' } });
    await waitFor(
      () =>
        expect(screen.getByTestId('location').textContent).toBe(
          '/w/demo/settings/jobs?state=failed',
        ),
      SLOW,
    );
    await waitFor(
      () => expect(jobRequests(fetchMock)).toContain(`${JOBS_PATH}?state=failed&limit=50`),
      SLOW,
    );
  });

  it('follows the cursor with "Load more"', async () => {
    const fetchMock = mockFetch({
      ...shellRoutes(signedInAs('admin')),
      [JOBS_PATH]: ({ url }) =>
        url.includes('cursor=page-2') ? page([completedTick]) : page([failedImport], 'page-2'),
    });
    renderApp('/w/demo/settings/jobs');

    fireEvent.click(await screen.findByRole('button', { name: 'Load more' }, SLOW));

    expect(await screen.findByText('Scheduler', undefined, SLOW)).toBeTruthy();
    expect(jobRequests(fetchMock)).toContain(`${JOBS_PATH}?limit=50&cursor=page-2`);
  });

  it('retries a failed job, says so and shows the list again from the server', async () => {
    let retried = false;
    const fetchMock = mockFetch({
      ...shellRoutes(signedInAs('admin')),
      [JOBS_PATH]: () =>
        page([retried ? { ...failedImport, state: 'queued', error: null } : failedImport]),
      [`POST ${JOBS_PATH}/${failedImport.id}/retry`]: () => {
        retried = true;
        return fakeResponse(202, { ...failedImport, state: 'queued', error: null });
      },
    });
    renderApp('/w/demo/settings/jobs');

    fireEvent.click(await screen.findByRole('button', { name: retryName(failedImport) }, SLOW));

    const status = await screen.findByRole('status', { name: 'Retry queued' }, SLOW);
    expect(status.textContent).toContain(
      `Jira import of ${formatDateTime(failedImport.createdAt)} is back in the queue`,
    );
    const table = screen.getByRole('table', { name: /Background jobs/ });
    expect(await within(table).findByText('Queued', undefined, SLOW)).toBeTruthy();
    expect(within(table).queryByRole('button', { name: /^Retry/ })).toBeNull();
    expect(
      fetchMock.mock.calls.filter(
        ([path, init]) =>
          init?.method === 'POST' && path === `${JOBS_PATH}/${failedImport.id}/retry`,
      ),
    ).toHaveLength(1);
    expect(jobRequests(fetchMock).length).toBeGreaterThanOrEqual(2);
  });

  it("shows the server's reason when the job is no longer failed", async () => {
    const detail = 'Only a failed job can be retried; this one is running.';
    mockFetch({
      ...shellRoutes(signedInAs('admin')),
      [JOBS_PATH]: () => page([failedImport]),
      [`POST ${JOBS_PATH}/${failedImport.id}/retry`]: () =>
        problemResponse(409, 'Conflict', detail, { kind: 'job-not-failed' }),
    });
    renderApp('/w/demo/settings/jobs');

    fireEvent.click(await screen.findByRole('button', { name: retryName(failedImport) }, SLOW));

    const alert = await screen.findByRole(
      'alert',
      { name: `Could not retry Jira import of ${formatDateTime(failedImport.createdAt)}` },
      SLOW,
    );
    expect(alert.textContent).toContain(detail);
    fireEvent.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull(), SLOW);
  });

  it('says what jobs are when there are none yet', async () => {
    mockFetch({ ...shellRoutes(signedInAs('admin')), [JOBS_PATH]: emptyPage });
    renderApp('/w/demo/settings/jobs');

    expect(
      await screen.findByText(/Background work such as Jira imports appears here/, undefined, SLOW),
    ).toBeTruthy();
    expect(screen.queryByText(/Updating every few seconds/)).toBeNull();
  });

  it('asks again every 5 seconds while a job is unfinished, and stops once all have ended', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate'] });
    let answers = 0;
    const fetchMock = mockFetch({
      ...shellRoutes(signedInAs('admin')),
      [JOBS_PATH]: () => {
        answers += 1;
        return page([
          answers < 2 ? runningHousekeeping : { ...runningHousekeeping, state: 'completed' },
        ]);
      },
    });
    renderApp('/w/demo/settings/jobs');
    expect(await screen.findByText('Running', undefined, SLOW)).toBeTruthy();
    expect(jobRequests(fetchMock)).toHaveLength(1);

    await act(() => jest.advanceTimersByTimeAsync(5_000));
    expect(await screen.findByText('Completed', undefined, SLOW)).toBeTruthy();
    expect(jobRequests(fetchMock)).toHaveLength(2);

    await act(() => jest.advanceTimersByTimeAsync(30_000));
    expect(jobRequests(fetchMock)).toHaveLength(2);
  });

  it('is for admins only: an editor sees neither the tab nor any job', async () => {
    const fetchMock = mockFetch({
      ...shellRoutes(signedInAs('editor')),
      [JOBS_PATH]: () => page([failedImport]),
    });
    renderApp('/w/demo/settings/jobs');

    expect(
      await screen.findByText(
        'Only the admins of Demo Streaming Co. can see its background jobs.',
        undefined,
        SLOW,
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('tab', { name: 'Jobs' })).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
    expect(jobRequests(fetchMock)).toEqual([]);
  });
});
