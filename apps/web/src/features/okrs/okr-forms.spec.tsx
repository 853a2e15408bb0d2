import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeResponse, mockFetch, sentBody } from '../../test-utils/fake-fetch';
import {
  keyResult,
  MEMBERS,
  metricListItem,
  objective,
  page,
  period,
  validationProblem,
} from '../../test-utils/okr-fixtures';
import { pinClock } from '../../test-utils/pinned-clock';
import { renderApp } from '../../test-utils/render-app';
import { emptyPage, shellRoutes, signedInAs } from '../../test-utils/session-fixtures';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
  jest.useRealTimers();
});

const Q4 = period();
const GROW = objective();
const LISTENERS = keyResult();

function editorRoutes(extra: Parameters<typeof mockFetch>[0] = {}) {
  return mockFetch({
    ...shellRoutes(signedInAs('editor')),
    '/api/workspaces/demo/members': page(MEMBERS),
    '/api/workspaces/demo/metrics': emptyPage,
    '/api/workspaces/demo/periods': page([Q4]),
    '/api/workspaces/demo/objectives': page([GROW]),
    '/api/workspaces/demo/key-results': page([LISTENERS]),
    ...extra,
  });
}

const posts = (fetchMock: ReturnType<typeof mockFetch>) =>
  fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST');

describe('OKR forms', () => {
  it('checks a key result inline with the API’s rules before sending anything', async () => {
    const fetchMock = editorRoutes();
    renderApp(`/w/demo/okrs?period=${Q4.id}`);

    fireEvent.click(await screen.findByRole('button', { name: 'Add key result' }));
    const dialog = await screen.findByRole('dialog', { name: 'New key result' });
    fireEvent.change(within(dialog).getByLabelText(/^Title/), {
      target: { value: 'Ad fill rate' },
    });
    fireEvent.change(within(dialog).getByLabelText(/^Baseline/), { target: { value: '40' } });
    fireEvent.change(within(dialog).getByLabelText(/^Target/), { target: { value: '40' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create key result' }));

    expect(await within(dialog).findByText('Must differ from the baseline')).toBeTruthy();
    expect(
      within(dialog)
        .getByLabelText(/^Target/)
        .getAttribute('aria-invalid'),
    ).toBe('true');
    expect(posts(fetchMock)).toHaveLength(0);
  });

  it('takes the unit of the metric a key result follows, read-only, and sends it', async () => {
    const latency = metricListItem();
    const fetchMock = editorRoutes({
      '/api/workspaces/demo/metrics': page([latency]),
      'POST /api/workspaces/demo/key-results': () =>
        fakeResponse(201, keyResult({ unit: 'ms', metricKey: latency.key })),
    });
    renderApp(`/w/demo/okrs?period=${Q4.id}`);

    fireEvent.click(await screen.findByRole('button', { name: 'Add key result' }));
    const dialog = await screen.findByRole('dialog', { name: 'New key result' });
    const unit = () => within(dialog).getByRole<HTMLInputElement>('textbox', { name: 'Unit' });
    fireEvent.change(within(dialog).getByLabelText(/^Title/), {
      target: { value: 'Faster playback start' },
    });
    fireEvent.change(within(dialog).getByLabelText(/^Kind/), { target: { value: 'decrease' } });
    fireEvent.change(unit(), { target: { value: 'seconds' } });
    fireEvent.change(within(dialog).getByLabelText(/^Baseline/), { target: { value: '300' } });
    fireEvent.change(within(dialog).getByLabelText(/^Target/), { target: { value: '200' } });
    const follows = within(dialog).getByRole<HTMLSelectElement>('combobox', {
      name: /^Follows metric/,
    });
    await waitFor(() => expect(follows.disabled).toBe(false), { timeout: 15000 });

    fireEvent.change(follows, { target: { value: latency.key } });
    expect(unit().value).toBe('ms');
    expect(unit().readOnly).toBe(true);
    expect(within(dialog).getByText(`From the metric ${latency.name}.`)).toBeTruthy();

    // Following none again gives the unit back to type.
    fireEvent.change(follows, { target: { value: '' } });
    expect(unit().readOnly).toBe(false);
    expect(unit().value).toBe('ms');
    fireEvent.change(follows, { target: { value: latency.key } });

    fireEvent.click(within(dialog).getByRole('button', { name: 'Create key result' }));
    await waitFor(() => expect(posts(fetchMock)).toHaveLength(1), { timeout: 15000 });
    expect(sentBody(fetchMock, 'POST')).toMatchObject({ unit: 'ms', metricKey: latency.key });
  });

  it('puts the API’s 400 errors next to the fields they name', async () => {
    editorRoutes({
      'POST /api/workspaces/demo/key-results': validationProblem([
        { path: 'weight', message: 'must be greater than 0' },
        { path: 'objectiveId', message: 'is not an objective of this workspace' },
      ]),
    });
    renderApp(`/w/demo/okrs?period=${Q4.id}`);

    fireEvent.click(await screen.findByRole('button', { name: 'Add key result' }));
    const dialog = await screen.findByRole('dialog', { name: 'New key result' });
    fireEvent.change(within(dialog).getByLabelText(/^Title/), {
      target: { value: 'Ad fill rate' },
    });
    fireEvent.change(within(dialog).getByLabelText(/^Baseline/), { target: { value: '40' } });
    fireEvent.change(within(dialog).getByLabelText(/^Target/), { target: { value: '70' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create key result' }));

    expect(await within(dialog).findByText('Is not an objective of this workspace')).toBeTruthy();
    expect(within(dialog).getByText('Must be greater than 0')).toBeTruthy();
    expect(
      within(dialog)
        .getByLabelText(/^Weight/)
        .getAttribute('aria-invalid'),
    ).toBe('true');
    // Every error found a field: no alert repeats them.
    expect(within(dialog).queryByRole('alert')).toBeNull();
  });

  it('says why a check-in was refused when the reason is not a field of the form', async () => {
    editorRoutes({
      [`POST /api/workspaces/demo/key-results/${LISTENERS.id}/check-ins`]: validationProblem([
        {
          path: 'objective.status',
          message: 'is closed: only key results of active objectives take check-ins',
        },
        { path: 'date', message: 'must not be after today (2026-11-26)' },
      ]),
    });
    renderApp(`/w/demo/okrs?period=${Q4.id}`);

    fireEvent.click(await screen.findByRole('button', { name: `Check in on ${LISTENERS.title}` }));
    const dialog = await screen.findByRole('dialog', { name: 'Check in' });
    fireEvent.change(within(dialog).getByLabelText(/^Value/), { target: { value: '150' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save check-in' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('Objective status');
    expect(alert.textContent).toContain('only key results of active objectives take check-ins');
    expect(within(dialog).getByText('Must not be after today (2026-11-26)')).toBeTruthy();
  });

  it('creates a period and shows it', async () => {
    const created = period({
      id: '00000000-0000-4000-8000-000000000109',
      name: '2027 Q1',
      start: '2027-01-01',
      end: '2027-03-31',
    });
    let periods = [Q4];
    const fetchMock = editorRoutes({
      'GET /api/workspaces/demo/periods': () =>
        fakeResponse(200, { items: periods, nextCursor: null }),
      'POST /api/workspaces/demo/periods': () => {
        periods = [created, Q4];
        return fakeResponse(201, created);
      },
    });
    renderApp(`/w/demo/okrs?period=${Q4.id}`);

    fireEvent.click(await screen.findByRole('button', { name: 'New period' }));
    const dialog = await screen.findByRole('dialog', { name: 'New period' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create period' }));
    expect(await within(dialog).findByText('Enter a name')).toBeTruthy();

    fireEvent.change(within(dialog).getByLabelText(/^Name/), { target: { value: '2027 Q1' } });
    fireEvent.change(within(dialog).getByLabelText(/^First day/), {
      target: { value: '2027-03-31' },
    });
    fireEvent.change(within(dialog).getByLabelText(/^Last day/), {
      target: { value: '2027-01-01' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create period' }));
    expect(await within(dialog).findByText('Must not be before start')).toBeTruthy();
    expect(posts(fetchMock)).toHaveLength(0);

    fireEvent.change(within(dialog).getByLabelText(/^First day/), {
      target: { value: '2027-01-01' },
    });
    fireEvent.change(within(dialog).getByLabelText(/^Last day/), {
      target: { value: '2027-03-31' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create period' }));

    await waitFor(() =>
      expect(screen.getByTestId('location').textContent).toBe(`/w/demo/okrs?period=${created.id}`),
    );
    expect(screen.getByLabelText<HTMLSelectElement>('Period').value).toBe(created.id);
  });

  describe('the check-in date', () => {
    const Q3 = period({
      id: '00000000-0000-4000-8000-000000000103',
      name: '2026 Q3',
      start: '2026-07-01',
      end: '2026-09-30',
    });
    const SHIP = objective({ id: '00000000-0000-4000-8000-000000000203', periodId: Q3.id });
    const SHIPPED = keyResult({
      id: '00000000-0000-4000-8000-000000000303',
      objectiveId: SHIP.id,
      title: 'Episodes shipped',
    });

    async function openCheckIn(
      shown: typeof Q3,
      keyResultShown: typeof SHIPPED,
      me = signedInAs('editor'),
    ) {
      const fetchMock = mockFetch({
        ...shellRoutes(me),
        '/api/workspaces/demo/members': page(MEMBERS),
        '/api/workspaces/demo/metrics': emptyPage,
        '/api/workspaces/demo/periods': page([Q4, Q3]),
        '/api/workspaces/demo/objectives': page(shown.id === Q3.id ? [SHIP] : [GROW]),
        '/api/workspaces/demo/key-results': page([keyResultShown]),
        [`POST /api/workspaces/demo/key-results/${keyResultShown.id}/check-ins`]: ({ body }) =>
          fakeResponse(201, { ...keyResultShown.lastCheckIn, ...(body as object) }),
      });
      renderApp(`/w/demo/okrs?period=${shown.id}`);
      fireEvent.click(
        await screen.findByRole(
          'button',
          { name: `Check in on ${keyResultShown.title}` },
          { timeout: 15000 },
        ),
      );
      const dialog = await screen.findByRole('dialog', { name: 'Check in' }, { timeout: 15000 });
      return { fetchMock, dialog };
    }

    it('defaults to the last day of a period that is over, and says when a later date will not count', async () => {
      pinClock('2026-10-03T12:00:00Z');
      const { fetchMock, dialog } = await openCheckIn(Q3, SHIPPED);
      const date = within(dialog).getByLabelText<HTMLInputElement>(/^Date/);
      expect(date.value).toBe('Sep 30, 2026');
      expect(
        within(dialog).getByText(
          'The last day of 2026 Q3, which is over, unless recording an earlier reading.',
        ),
      ).toBeTruthy();

      fireEvent.focus(date);
      fireEvent.change(date, { target: { value: 'Oct 2, 2026' } });
      fireEvent.blur(date);
      expect(
        await within(dialog).findByText(
          'After 2026 Q3 ended on Sep 30, 2026: this check-in will not count in 2026 Q3.',
          {},
          { timeout: 15000 },
        ),
      ).toBeTruthy();

      fireEvent.focus(date);
      fireEvent.change(date, { target: { value: 'Sep 30, 2026' } });
      fireEvent.blur(date);
      await waitFor(() => expect(date.value).toBe('Sep 30, 2026'), { timeout: 15000 });
      fireEvent.change(within(dialog).getByLabelText(/^Value/), { target: { value: '150' } });
      fireEvent.click(within(dialog).getByRole('button', { name: 'Save check-in' }));
      await waitFor(() => expect(posts(fetchMock)).toHaveLength(1), { timeout: 15000 });
      expect(sentBody(fetchMock, 'POST')).toMatchObject({ value: 150, date: '2026-09-30' });
    });

    it("defaults to today in the user's time zone, not in UTC", async () => {
      // 17:00 on Dec 7 in Los Angeles is already Dec 8 in UTC.
      pinClock('2026-12-08T01:00:00Z');
      const me = signedInAs('editor');
      me.preferences.timeZone = 'America/Los_Angeles';
      const { dialog } = await openCheckIn(Q4, LISTENERS, me);
      expect(within(dialog).getByLabelText<HTMLInputElement>(/^Date/).value).toBe('Dec 7, 2026');
      expect(within(dialog).getByText('Today, unless recording an earlier reading.')).toBeTruthy();
    });
  });
});
