import { type Sprint, type Team } from '@bearing/contracts';
import { afterEach, describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  fakeResponse,
  type FakeRoute,
  type FetchMock,
  mockFetch,
  problemResponse,
  sentBody,
} from '../../../test-utils/fake-fetch';
import { validationProblem } from '../../../test-utils/okr-fixtures';
import { renderApp } from '../../../test-utils/render-app';
import { shellRoutes, signedInAs } from '../../../test-utils/session-fixtures';
import { paymentsTeam } from '../../../test-utils/team-fixtures';
import { formatSprintDays } from './sprint-dates';
import { SPRINT_TEAM_ID, sprintOf } from './sprint-fixtures';

const realFetch = globalThis.fetch;
/** The first query of a test waits for the app shell and the lazy team page to load. */
const LOADED = { timeout: 30_000 };
afterEach(() => {
  globalThis.fetch = realFetch;
});

const TEAM: Team = paymentsTeam({ id: SPRINT_TEAM_ID });
const SPRINTS_PATH = `/api/workspaces/demo/teams/${TEAM.id}/sprints`;

const IMPORTED = sprintOf(41, {
  start: '2026-11-02T08:00:00.000Z',
  end: '2026-11-13T16:00:00.000Z',
  state: 'closed',
  completedAt: '2026-11-13T16:30:00.000Z',
  goal: 'Checkout on the new payment provider',
  source: 'jira',
  externalId: '1041',
});
const MADE_HERE = sprintOf(42, {
  start: '2026-11-15T23:00:00.000Z',
  end: '2026-11-27T22:59:59.999Z',
  state: 'active',
  version: 2,
});

interface Server {
  fetch: FetchMock;
  /** The sprints the list answers with now (latest start first, as the API sorts them). */
  sprints: Sprint[];
}

function serve(
  role: 'viewer' | 'editor',
  writes: { post?: FakeRoute; patch?: FakeRoute; remove?: FakeRoute } = {},
): Server {
  const server: Server = { fetch: mockFetch({}), sprints: [MADE_HERE, IMPORTED] };
  server.fetch = mockFetch({
    ...shellRoutes(signedInAs(role)),
    '/api/workspaces/demo/teams/payments': () => fakeResponse(200, TEAM),
    [`GET ${SPRINTS_PATH}`]: () => fakeResponse(200, { items: server.sprints, nextCursor: null }),
    [`POST ${SPRINTS_PATH}`]:
      writes.post ??
      (({ body }) => {
        const created = sprintOf(43, body as Partial<Sprint>);
        server.sprints = [created, ...server.sprints];
        return fakeResponse(201, created);
      }),
    [`PATCH ${SPRINTS_PATH}/${MADE_HERE.id}`]: writes.patch ?? (() => fakeResponse(200, MADE_HERE)),
    [`DELETE ${SPRINTS_PATH}/${IMPORTED.id}`]:
      writes.remove ??
      (() => {
        server.sprints = server.sprints.filter((sprint) => sprint.id !== IMPORTED.id);
        return fakeResponse(204, undefined);
      }),
  });
  return server;
}

function requests(fetch: FetchMock, method: string): string[] {
  return fetch.mock.calls
    .filter(([, init]) => init?.method === method)
    .map(([input]) =>
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
    );
}

async function openNewSprint() {
  fireEvent.click(await screen.findByRole('button', { name: 'New sprint' }, LOADED));
  return screen.findByRole('dialog', { name: 'New sprint' }, LOADED);
}

function fill(dialog: HTMLElement, label: string, value: string) {
  fireEvent.change(within(dialog).getByLabelText(label, { exact: false }), { target: { value } });
}

describe('Sprints tab', () => {
  it('lists each sprint’s dates in the team’s days, its state and where it came from', async () => {
    serve('editor');
    renderApp('/w/demo/teams/payments?tab=sprints');
    const table = await screen.findByRole('table', { name: 'Sprints' }, LOADED);
    const [, first, second] = within(table).getAllByRole('row');
    expect(within(first!).getByText('Sprint 42')).toBeTruthy();
    expect(within(first!).getByText(formatSprintDays(MADE_HERE, 'Europe/Berlin'))).toBeTruthy();
    expect(within(first!).getByText('Active')).toBeTruthy();
    expect(within(first!).getByText('Made here')).toBeTruthy();
    expect(within(second!).getByText('Checkout on the new payment provider')).toBeTruthy();
    expect(within(second!).getByText('Closed')).toBeTruthy();
    expect(within(second!).getByText('Jira import')).toBeTruthy();
    expect(
      screen.getByText(/next import that\s+includes them writes Jira’s values back/),
    ).toBeTruthy();
  });

  it('creates a sprint: posts the team’s days as instants, and the list shows it', async () => {
    const server = serve('editor');
    renderApp('/w/demo/teams/payments?tab=sprints');
    const dialog = await openNewSprint();
    expect(within(dialog).getByLabelText<HTMLInputElement>('Name', { exact: false }).value).toBe(
      'Sprint 43',
    );
    fill(dialog, 'Start date', '2026-12-14');
    fill(dialog, 'End date', '2026-12-25');
    fill(dialog, 'Goal', 'Refunds in the new provider');
    expect(within(dialog).getByText(/12 days, counted in the team’s time zone/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create sprint' }));

    const table = screen.getByRole('table', { name: 'Sprints' });
    expect(await within(table).findByText('Sprint 43', {}, LOADED)).toBeTruthy();
    expect(sentBody(server.fetch, 'POST')).toEqual({
      name: 'Sprint 43',
      start: '2026-12-13T23:00:00.000Z',
      end: '2026-12-25T22:59:59.999Z',
      goal: 'Refunds in the new provider',
      state: 'future',
      completedAt: null,
    });
    expect(screen.getByText('Sprint 43 created').closest('[role="status"]')).toBeTruthy();
    expect(screen.queryByRole('dialog', { name: 'New sprint' })).toBeNull();
  });

  it('names the end date when it comes before the start, without sending anything', async () => {
    const server = serve('editor');
    renderApp('/w/demo/teams/payments?tab=sprints');
    const dialog = await openNewSprint();
    fill(dialog, 'Start date', '2026-12-14');
    fill(dialog, 'End date', '2026-12-10');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create sprint' }));
    const end = within(dialog).getByLabelText('End date', { exact: false });
    await waitFor(() => expect(end.getAttribute('aria-invalid')).toBe('true'), LOADED);
    expect(within(dialog).getByText('Must not be before start')).toBeTruthy();
    expect(
      within(dialog).getByLabelText('Start date', { exact: false }).getAttribute('aria-invalid'),
    ).not.toBe('true');
    expect(requests(server.fetch, 'POST')).toEqual([]);
  });

  it('shows the server’s refusal against the field it names', async () => {
    serve('editor', {
      post: validationProblem([{ path: 'start', message: 'overlaps Sprint 42' }]),
    });
    renderApp('/w/demo/teams/payments?tab=sprints');
    const dialog = await openNewSprint();
    fill(dialog, 'Start date', '2026-11-20');
    fill(dialog, 'End date', '2026-12-03');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create sprint' }));
    expect(await within(dialog).findByText('Overlaps Sprint 42', {}, LOADED)).toBeTruthy();
    expect(
      within(dialog).getByLabelText('Start date', { exact: false }).getAttribute('aria-invalid'),
    ).toBe('true');
    expect(within(dialog).queryByRole('alert')).toBeNull();
  });

  it('says someone else changed the sprint when the edit is refused with 409, and reloads it', async () => {
    const server = serve('editor', {
      patch: () =>
        problemResponse(409, 'Conflict', 'The sprint was changed meanwhile.', {
          kind: 'stale-version',
        }),
    });
    renderApp('/w/demo/teams/payments?tab=sprints');
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Sprint 42' }, LOADED));
    const dialog = await screen.findByRole('dialog', { name: 'Edit sprint' });
    const start = within(dialog).getByLabelText<HTMLInputElement>('Start date', { exact: false });
    expect(start.value).toBe('Nov 16, 2026');
    fill(dialog, 'Name', 'Sprint 42 — checkout');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save sprint' }));

    const alert = await within(dialog).findByRole('alert', {}, LOADED);
    expect(within(alert).getByText(/changed by someone else/)).toBeTruthy();
    expect(sentBody(server.fetch, 'PATCH')).toEqual({ name: 'Sprint 42 — checkout', version: 2 });

    server.sprints = [{ ...MADE_HERE, goal: 'Their goal', version: 3 }, IMPORTED];
    fireEvent.click(within(alert).getByRole('button', { name: 'Reload' }));
    await waitFor(
      () =>
        expect(within(dialog).getByLabelText<HTMLTextAreaElement>('Goal').value).toBe('Their goal'),
      LOADED,
    );
    expect(within(dialog).getByLabelText<HTMLInputElement>('Name', { exact: false }).value).toBe(
      'Sprint 42',
    );
    expect(within(dialog).queryByRole('alert')).toBeNull();
  });

  it('deletes a sprint after asking, saying an imported one comes back with the next import', async () => {
    const server = serve('editor');
    renderApp('/w/demo/teams/payments?tab=sprints');
    fireEvent.click(await screen.findByRole('button', { name: 'Delete Sprint 41' }, LOADED));
    const dialog = await screen.findByRole('dialog', { name: 'Delete sprint' });
    expect(within(dialog).getByText(/next import that includes it brings it back/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete sprint' }));
    const table = screen.getByRole('table', { name: 'Sprints' });
    await waitFor(() => expect(within(table).queryByText('Sprint 41')).toBeNull(), LOADED);
    expect(requests(server.fetch, 'DELETE')).toEqual([`${SPRINTS_PATH}/${IMPORTED.id}`]);
  });

  it('shows a viewer the sprints without any action', async () => {
    serve('viewer');
    renderApp('/w/demo/teams/payments?tab=sprints');
    const table = await screen.findByRole('table', { name: 'Sprints' }, LOADED);
    expect(within(table).getByText('Sprint 41')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'New sprint' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^(Edit|Delete) / })).toBeNull();
    expect(screen.getByText('Only editors can create or change sprints.')).toBeTruthy();
  });
});

describe('Capacity planner without a next sprint', () => {
  it('links to the new-sprint form', async () => {
    serve('editor');
    renderApp('/w/demo/teams/payments');
    expect(await screen.findByText('No future sprint to plan', {}, LOADED)).toBeTruthy();
    fireEvent.click(screen.getByRole('link', { name: 'Create the next sprint' }));
    const dialog = await screen.findByRole('dialog', { name: 'New sprint' }, LOADED);
    expect(screen.getByRole('tab', { name: 'Sprints', selected: true })).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() =>
      expect(screen.getByTestId('location').textContent).toBe('/w/demo/teams/payments?tab=sprints'),
    );
  });

  it('shows a viewer where the sprints are, not a form', async () => {
    serve('viewer');
    renderApp('/w/demo/teams/payments');
    expect(await screen.findByText('No future sprint to plan', {}, LOADED)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Create the next sprint' })).toBeNull();
    fireEvent.click(screen.getByRole('link', { name: 'See the team’s sprints' }));
    expect(await screen.findByRole('table', { name: 'Sprints' }, LOADED)).toBeTruthy();
  });
});
