import { afterEach, describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { type FakeRoute, fakeResponse, mockFetch, sentBody } from '../../test-utils/fake-fetch';
import {
  BO,
  BO_ID,
  checkIn,
  keyResult,
  MEMBERS,
  objective,
  page,
  period,
  uuid,
  requestedUrls,
} from '../../test-utils/okr-fixtures';
import { renderApp } from '../../test-utils/render-app';
import { emptyPage, shellRoutes, signedInAs } from '../../test-utils/session-fixtures';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const location = () => screen.getByTestId('location').textContent;

const Q3 = period({ id: uuid(101), name: '2026 Q3', start: '2026-07-01', end: '2026-09-30' });
const Q4 = period();
const COMPANY = objective({
  id: uuid(201),
  title: 'Make podcasts a business',
  progress: 0.55,
  pace: 'on-track',
  score: 0.6,
});
const ADS = objective({
  id: uuid(202),
  title: 'Fill podcast ad slots',
  parentId: COMPANY.id,
  ownerId: BO_ID,
  owner: BO,
  progress: null,
  pace: null,
  score: null,
});
const LISTENERS = keyResult({ objectiveId: COMPANY.id, checkInDue: 'overdue' });

function okrRoutes(role: 'viewer' | 'editor', extra: Record<string, FakeRoute> = {}) {
  return {
    ...shellRoutes(signedInAs(role)),
    '/api/workspaces/demo/members': page(MEMBERS),
    '/api/workspaces/demo/metrics': emptyPage,
    '/api/workspaces/demo/periods': page([Q4, Q3]),
    '/api/workspaces/demo/objectives': page([COMPANY, ADS]),
    '/api/workspaces/demo/key-results': page([LISTENERS]),
    ...extra,
  };
}

describe('OkrsPage', () => {
  it('shows a viewer the alignment tree with progress and pace, and no edit controls', async () => {
    mockFetch(okrRoutes('viewer'));
    renderApp(`/w/demo/okrs?period=${Q4.id}`);

    const company = await screen.findByRole('article', { name: COMPANY.title });
    const bar = within(company).getAllByRole('progressbar', {
      name: `Progress of ${COMPANY.title}`,
    })[0];
    expect(bar?.getAttribute('aria-valuenow')).toBe('55');
    expect(bar?.getAttribute('aria-valuetext')).toBe('55% done; expected 62% by today');
    expect(within(company).getByText('On track')).toBeTruthy();

    // The aligned objective sits in a list under its parent, not measured yet.
    const aligned = screen.getByRole('list', { name: `Aligned to ${COMPANY.title}` });
    const ads = within(aligned).getByRole('article', { name: ADS.title });
    expect(within(ads).getByRole('progressbar').getAttribute('aria-valuenow')).toBeNull();
    expect(within(ads).getByText('Not measured')).toBeTruthy();

    // An overdue check-in is called out in words, not only in colour.
    const row = within(company).getByRole('link', { name: LISTENERS.title }).closest('li');
    expect(row?.getAttribute('data-due')).toBe('overdue');
    expect(within(row as HTMLElement).getByText('Check-in overdue')).toBeTruthy();

    for (const name of ['New period', 'New objective', 'Add key result', 'Edit period']) {
      expect(screen.queryByRole('button', { name })).toBeNull();
    }
    expect(screen.queryByRole('button', { name: /^Check in on/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Edit / })).toBeNull();
  });

  it('shows a parent rolled up from its aligned objectives, and each row’s pace beside the last confidence', async () => {
    const parent = objective({
      id: uuid(210),
      title: 'Become the place people listen',
      progress: 0.45,
      rolledUpFrom: { keyResults: 0, objectives: 3 },
      pace: 'at-risk',
      score: 0.5,
    });
    const children = [211, 212, 213].map((n) =>
      objective({ id: uuid(n), title: `Aligned ${n}`, parentId: parent.id }),
    );
    const lapsed = keyResult({
      id: uuid(310),
      objectiveId: uuid(211),
      title: 'Daily listeners',
      pace: 'off-track',
      checkInDue: 'overdue',
      lastCheckIn: checkIn({ keyResultId: uuid(310), date: '2026-11-30', confidence: 'at-risk' }),
    });
    const fresh = keyResult({
      id: uuid(311),
      objectiveId: uuid(212),
      title: 'Shows launched',
      pace: 'on-track',
      lastCheckIn: null,
    });
    mockFetch(
      okrRoutes('viewer', {
        '/api/workspaces/demo/objectives': page([parent, ...children]),
        '/api/workspaces/demo/key-results': page([lapsed, fresh]),
      }),
    );
    renderApp(`/w/demo/okrs?period=${Q4.id}`);

    const card = await screen.findByRole('article', { name: parent.title });
    const bar = within(card).getAllByRole('progressbar', {
      name: `Progress of ${parent.title}`,
    })[0];
    expect(bar?.getAttribute('aria-valuenow')).toBe('45');
    expect(within(card).getByText('Rolled up from 3 aligned objectives')).toBeTruthy();
    expect(
      within(card).getByText(
        'No key results of its own: its progress comes from its aligned objectives.',
      ),
    ).toBeTruthy();

    // The computed pace and the owner's own confidence, side by side, with the day and whether
    // a check-in is overdue.
    const row = screen.getByRole('link', { name: lapsed.title }).closest('li') as HTMLElement;
    expect(within(row).getByText('Pace: Off track')).toBeTruthy();
    expect(within(row).getByText('Confidence: At risk')).toBeTruthy();
    expect(within(row).getByText('Checked in Nov 30, 2026')).toBeTruthy();
    expect(within(row).getByText('Check-in overdue')).toBeTruthy();
    const freshRow = screen.getByRole('link', { name: fresh.title }).closest('li') as HTMLElement;
    expect(within(freshRow).getByText('Pace: On track')).toBeTruthy();
    expect(within(freshRow).queryByText(/^Confidence:/)).toBeNull();
    expect(within(freshRow).getByText('No check-in yet')).toBeTruthy();
    expect(within(freshRow).queryByText(/^Check-in (due|overdue)$/)).toBeNull();
  });

  it('opens the period running today when the URL names none, and keeps it in the URL', async () => {
    mockFetch(
      okrRoutes('viewer', {
        '/api/workspaces/demo/periods': page([
          period({ start: '2000-01-01', end: '2999-12-31' }),
          Q3,
        ]),
      }),
    );
    renderApp('/w/demo/okrs');

    await screen.findByRole('article', { name: COMPANY.title });
    expect(location()).toBe(`/w/demo/okrs?period=${Q4.id}`);
  });

  it('filters by owner through the URL and the API', async () => {
    const fetchMock = mockFetch(
      okrRoutes('viewer', {
        '/api/workspaces/demo/objectives': ({ url }) =>
          fakeResponse(200, {
            items: url.includes(`owner=${BO_ID}`) ? [ADS] : [COMPANY, ADS],
            nextCursor: null,
          }),
        [`/api/workspaces/demo/objectives/${COMPANY.id}`]: () => fakeResponse(200, COMPANY),
      }),
    );
    renderApp(`/w/demo/okrs?period=${Q4.id}`);

    await screen.findByRole('article', { name: COMPANY.title });
    fireEvent.change(screen.getByLabelText('Owner'), { target: { value: BO_ID } });

    await waitFor(() => expect(screen.queryByRole('article', { name: COMPANY.title })).toBeNull());
    expect(location()).toBe(`/w/demo/okrs?period=${Q4.id}&owner=${BO_ID}`);
    expect(requestedUrls(fetchMock).some((url) => url.includes(`owner=${BO_ID}`))).toBe(true);
    // Its parent is filtered out, so it says where it aligns to.
    expect(await screen.findByText(COMPANY.title)).toBeTruthy();
    expect(screen.getByText(/Aligned to/).textContent).toContain(COMPANY.title);
  });

  it('says so plainly when there are no periods, and offers editors to create one', async () => {
    mockFetch(okrRoutes('editor', { '/api/workspaces/demo/periods': emptyPage }));
    renderApp('/w/demo/okrs');

    expect(await screen.findByText('No periods yet')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Create a period' }));
    expect(await screen.findByRole('dialog', { name: 'New period' })).toBeTruthy();
  });

  it('lets an editor check in, sending what the form says', async () => {
    const fetchMock = mockFetch(
      okrRoutes('editor', {
        [`POST /api/workspaces/demo/key-results/${LISTENERS.id}/check-ins`]: ({ body }) =>
          fakeResponse(201, { ...LISTENERS.lastCheckIn, ...(body as object), id: uuid(401) }),
      }),
    );
    renderApp(`/w/demo/okrs?period=${Q4.id}`);

    fireEvent.click(await screen.findByRole('button', { name: `Check in on ${LISTENERS.title}` }));
    const dialog = await screen.findByRole('dialog', { name: 'Check in' });
    fireEvent.change(within(dialog).getByLabelText(/^Value/), { target: { value: '150' } });
    fireEvent.change(within(dialog).getByLabelText(/^Date/), { target: { value: '2026-11-20' } });
    fireEvent.click(within(dialog).getByRole('radio', { name: 'On track' }));
    fireEvent.change(within(dialog).getByLabelText(/^Note/), {
      target: { value: 'Back on plan.' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save check-in' }));

    await waitFor(() => expect(sentBody(fetchMock, 'POST')).toBeDefined());
    expect(sentBody(fetchMock, 'POST')).toEqual({
      value: 150,
      confidence: 'on-track',
      note: 'Back on plan.',
      date: '2026-11-20',
    });
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Check in' })).toBeNull());
  });

  it('lets an editor delete a key result of an active objective after asking', async () => {
    let keyResults = [LISTENERS];
    const fetchMock = mockFetch(
      okrRoutes('editor', {
        '/api/workspaces/demo/key-results': () =>
          fakeResponse(200, { items: keyResults, nextCursor: null }),
        [`DELETE /api/workspaces/demo/key-results/${LISTENERS.id}`]: () => {
          keyResults = [];
          return fakeResponse(204, null);
        },
      }),
    );
    renderApp(`/w/demo/okrs?period=${Q4.id}`);

    fireEvent.click(
      await screen.findByRole('button', { name: `Delete ${LISTENERS.title}` }, { timeout: 15000 }),
    );
    const dialog = await screen.findByRole(
      'dialog',
      { name: 'Delete key result' },
      { timeout: 15000 },
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete key result' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), { timeout: 15000 });
    await waitFor(() => expect(screen.queryByRole('link', { name: LISTENERS.title })).toBeNull(), {
      timeout: 15000,
    });
    expect(
      fetchMock.mock.calls.filter(([, init]) => init?.method === 'DELETE').map(([input]) => input),
    ).toEqual([`/api/workspaces/demo/key-results/${LISTENERS.id}`]);
  });
});
