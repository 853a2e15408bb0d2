import { type Team, type WorkItem, type WorkItemDetail } from '@bearing/contracts';
import { afterEach, describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeResponse, type FetchMock, mockFetch } from '../../../test-utils/fake-fetch';
import { page, requestedUrls } from '../../../test-utils/okr-fixtures';
import { renderApp } from '../../../test-utils/render-app';
import { shellRoutes, signedInAs } from '../../../test-utils/session-fixtures';
import { paymentsTeam } from '../../../test-utils/team-fixtures';

const realFetch = globalThis.fetch;
/** The first query of a test waits for the whole app shell to load: slow on a busy machine. */
const LOADED = { timeout: 15_000 };
afterEach(() => {
  globalThis.fetch = realFetch;
});

const TEAM: Team = paymentsTeam({ timeZone: 'UTC', version: 1 });
const ITEMS_PATH = `/api/workspaces/demo/teams/${TEAM.id}/work-items`;

const ITEM: WorkItem = {
  id: '00000000-0000-4000-8000-000000000801',
  key: 'PAY-12',
  source: 'jira',
  type: 'Story',
  title: 'Refund flow',
  points: 1,
  createdAt: '2026-11-02T09:00:00.000Z',
  status: 'In Progress',
  resolvedAt: null,
  parentKey: null,
  hasHistory: true,
  sprintIds: [],
  url: 'https://acme.atlassian.net/browse/PAY-12',
};
const DETAIL: WorkItemDetail = {
  ...ITEM,
  initialStatus: 'To Do',
  initialPoints: 1,
  statusChanges: [],
  sprintChanges: [],
  estimateChanges: [{ at: '2026-11-03T09:00:00.000Z', points: 2 }],
};

function serve(detail: WorkItemDetail = DETAIL): FetchMock {
  return mockFetch({
    ...shellRoutes(signedInAs('viewer')),
    '/api/workspaces/demo/teams/payments': () => fakeResponse(200, TEAM),
    [`/api/workspaces/demo/teams/${TEAM.id}/sprints`]: page([]),
    [ITEMS_PATH]: page([{ ...detail, ...ITEM, url: detail.url }]),
    [`${ITEMS_PATH}/types`]: () => fakeResponse(200, { types: ['Bug', 'Story', 'Task'] }),
    [`${ITEMS_PATH}/${ITEM.id}`]: () => fakeResponse(200, detail),
  });
}

const listRequests = (mock: FetchMock) =>
  requestedUrls(mock)
    .filter((url) => url.split('?')[0] === ITEMS_PATH)
    .map((url) => new URLSearchParams(url.split('?')[1]));

describe('Work items tab', () => {
  it('offers the team’s types, searches by key or summary and sorts, all kept in the URL', async () => {
    const fetchMock = serve();
    renderApp('/w/demo/teams/payments?tab=work-items&q=pay&sort=key&order=desc');
    await screen.findByRole('table', { name: 'Work items' }, LOADED);
    const search = screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search' });
    expect(search.value).toBe('pay');
    const sortBy = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Sort by' });
    expect(sortBy.value).toBe('key:desc');
    expect(listRequests(fetchMock)[0]?.toString()).toBe('q=pay&sort=key&order=desc&limit=50');

    const type = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Type' });
    await waitFor(
      () =>
        expect([...type.options].map((option) => option.textContent)).toEqual([
          'Any type',
          'Bug',
          'Story',
          'Task',
        ]),
      LOADED,
    );
    fireEvent.change(type, { target: { value: 'Bug' } });
    fireEvent.change(search, { target: { value: 'Refund' } });
    fireEvent.keyDown(search, { key: 'Enter' });
    fireEvent.change(sortBy, { target: { value: 'estimate:desc' } });
    await waitFor(() => {
      const last = listRequests(fetchMock).at(-1);
      expect(Object.fromEntries(last ?? [])).toEqual({
        type: 'Bug',
        q: 'Refund',
        sort: 'estimate',
        order: 'desc',
        limit: '50',
      });
    }, LOADED);

    fireEvent.change(sortBy, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => {
      expect(Object.fromEntries(listRequests(fetchMock).at(-1) ?? [])).toEqual({ limit: '50' });
    }, LOADED);
    expect(search.value).toBe('');
  });

  it('says "1 point", and links the drawer to the issue in Jira when the site is known', async () => {
    serve();
    renderApp(`/w/demo/teams/payments?tab=work-items&item=${ITEM.id}`);
    const drawer = await screen.findByRole('dialog', { name: /PAY-12/ }, LOADED);
    await within(drawer).findByText('Created in To Do, 1 point.', undefined, LOADED);
    expect(within(drawer).getByText('1 point → 2 points')).toBeTruthy();
    const link = within(drawer).getByRole('link', { name: /Open PAY-12 in Jira/ });
    expect(link.getAttribute('href')).toBe('https://acme.atlassian.net/browse/PAY-12');
    expect(link.getAttribute('target')).toBe('_blank');
  });

  it('has no Jira link for an item whose site is unknown (a CSV import)', async () => {
    serve({ ...DETAIL, url: null, hasHistory: false });
    renderApp(`/w/demo/teams/payments?tab=work-items&item=${ITEM.id}`);
    const drawer = await screen.findByRole('dialog', { name: /PAY-12/ }, LOADED);
    await within(drawer).findByText(/carries no change history/, undefined, LOADED);
    expect(within(drawer).queryByRole('link')).toBeNull();
  });
});
