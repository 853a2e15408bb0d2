import type { Team } from '@bearing/contracts';
import { afterEach, describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeResponse, mockFetch, problemResponse, sentBody } from '../../test-utils/fake-fetch';
import { page, validationProblem } from '../../test-utils/okr-fixtures';
import { renderApp } from '../../test-utils/render-app';
import { shellRoutes, signedInAs } from '../../test-utils/session-fixtures';
import { paymentsTeam } from '../../test-utils/team-fixtures';

const realFetch = globalThis.fetch;
/** The first query of a test waits for the whole app shell to load: slow on a busy machine. */
const LOADED = { timeout: 15_000 };
afterEach(() => {
  globalThis.fetch = realFetch;
});

const TEAM: Team = paymentsTeam();

const MEMBER = {
  id: '00000000-0000-4000-8000-000000000711',
  displayName: 'Ana Lima',
  allocation: 0.5,
  version: 1,
};

const TEAM_PATH = `/api/workspaces/demo/teams/${TEAM.id}`;

function routes(
  role: 'viewer' | 'editor' | 'admin',
  patch: Parameters<typeof mockFetch>[0][string] = () => fakeResponse(200, TEAM),
) {
  return mockFetch({
    ...shellRoutes(signedInAs(role)),
    '/api/workspaces/demo/teams': page([TEAM]),
    '/api/workspaces/demo/teams/payments': () => fakeResponse(200, TEAM),
    [`${TEAM_PATH}/members`]: page([MEMBER]),
    [`PATCH ${TEAM_PATH}`]: patch,
    [`DELETE ${TEAM_PATH}`]: () => fakeResponse(204, null),
  });
}

describe('Teams list', () => {
  it('lists teams without a points comparison; a viewer gets no New team button', async () => {
    routes('viewer');
    renderApp('/w/demo/teams');
    const table = await screen.findByRole('table', {}, LOADED);
    expect(within(table).getByRole('link', { name: 'Payments' })).toBeTruthy();
    expect(within(table).getByText('Europe/Berlin')).toBeTruthy();
    expect(within(table).queryByText(/velocity|points/i)).toBeNull();
    expect(screen.queryByRole('button', { name: 'New team' })).toBeNull();
  });
});

describe('Team settings', () => {
  it('shows members as capacity with their allocation as a percentage', async () => {
    routes('editor');
    renderApp('/w/demo/teams/payments?tab=settings');
    const members = await screen.findByRole('table', { name: 'Members' }, LOADED);
    expect(within(members).getByText('Ana Lima')).toBeTruthy();
    expect(within(members).getByText('50%')).toBeTruthy();
    expect(screen.getByText(/never\s+subjects of performance/)).toBeTruthy();
  });

  it('saves the edited workflow and calendar with the version it started from', async () => {
    const fetchMock = routes('editor');
    renderApp('/w/demo/teams/payments?tab=settings');
    const nameInput = await screen.findByLabelText('Stage 3 name', {}, LOADED);
    fireEvent.change(nameInput, { target: { value: 'Code review' } });
    fireEvent.click(screen.getByRole('button', { name: 'Move Code review up' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Friday' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await screen.findByText('✓ Saved')).toBeTruthy();
    const body = sentBody(fetchMock, 'PATCH') as {
      version: number;
      calendar: Team['calendar'];
      workflow: Team['workflow'];
    };
    expect(body.version).toBe(3);
    expect(body.calendar.nonWorkingWeekdays).toEqual([0, 5, 6]);
    expect(body.workflow.stages.map((stage) => stage.name)).toEqual([
      'Backlog',
      'Code review',
      'In Progress',
      'Done',
    ]);
    expect(body.workflow.committedStage).toBe('In Progress');
  });

  it('refuses a committed stage after the done stage before sending, against the field', async () => {
    const fetchMock = routes('editor');
    renderApp('/w/demo/teams/payments?tab=settings');
    fireEvent.click(await screen.findByRole('button', { name: 'Move Done up' }, LOADED));
    fireEvent.click(screen.getByRole('button', { name: 'Move Done up' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    const committed = screen.getByLabelText('Committed stage');
    await waitFor(() => expect(committed.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Must not come after the done stage')).toBeTruthy();
    expect(sentBody(fetchMock, 'PATCH')).toBeUndefined();
  });

  it('shows a server validation error against the stage it names', async () => {
    routes(
      'editor',
      validationProblem([{ path: 'workflow.stages.1.name', message: 'is reserved' }]),
    );
    renderApp('/w/demo/teams/payments?tab=settings');
    fireEvent.click(await screen.findByRole('button', { name: 'Save settings' }, LOADED));
    await screen.findByText('Is reserved');
    expect(screen.getByLabelText('Stage 2 name').getAttribute('aria-invalid')).toBe('true');
  });

  it('says someone else changed the team when the save is refused with 409', async () => {
    routes('editor', () =>
      problemResponse(409, 'Conflict', 'The team was changed meanwhile.', {
        kind: 'stale-version',
      }),
    );
    renderApp('/w/demo/teams/payments?tab=settings');
    fireEvent.click(await screen.findByRole('button', { name: 'Save settings' }, LOADED));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(/changed by someone else/)).toBeTruthy();
    expect(within(alert).getByRole('button', { name: 'Reload' })).toBeTruthy();
  });

  it('is read-only for a viewer', async () => {
    routes('viewer');
    renderApp('/w/demo/teams/payments?tab=settings');
    const stageName = await screen.findByLabelText<HTMLInputElement>('Stage 1 name', {}, LOADED);
    expect(stageName.disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Save settings' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add member' })).toBeNull();
  });
});

describe('Deleting a team', () => {
  it('is offered to an admin, says what goes with the team, and leaves for the teams list', async () => {
    const fetchMock = routes('admin');
    renderApp('/w/demo/teams/payments?tab=settings');
    fireEvent.click(await screen.findByRole('button', { name: 'Delete team' }, LOADED));
    const dialog = await screen.findByRole('dialog', { name: `Delete ${TEAM.name}?` }, LOADED);
    expect(within(dialog).getByText(/work items with their whole history/)).toBeTruthy();
    expect(within(dialog).getByText(/Jira source/)).toBeTruthy();
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'DELETE')).toBe(false);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete team' }));
    await waitFor(
      () =>
        expect(
          fetchMock.mock.calls.some(
            ([url, init]) => init?.method === 'DELETE' && url === TEAM_PATH,
          ),
        ).toBe(true),
      LOADED,
    );
    // The teams list (the team page's tabs are gone).
    await waitFor(() => expect(screen.queryByRole('tab', { name: /Settings/ })).toBeNull(), LOADED);
    expect(await screen.findByRole('table', {}, LOADED)).toBeTruthy();
  });

  it('says why the team was kept when an open program dependency names it', async () => {
    mockFetch({
      ...shellRoutes(signedInAs('admin')),
      '/api/workspaces/demo/teams': page([TEAM]),
      '/api/workspaces/demo/teams/payments': () => fakeResponse(200, TEAM),
      [`${TEAM_PATH}/members`]: page([MEMBER]),
      [`DELETE ${TEAM_PATH}`]: () =>
        problemResponse(
          409,
          'Conflict',
          'Checkout rebuild: "Payments API v2" (by 2026-12-01) names this team.',
          { kind: 'team-has-dependencies' },
        ),
    });
    renderApp('/w/demo/teams/payments?tab=settings');
    fireEvent.click(await screen.findByRole('button', { name: 'Delete team' }, LOADED));
    const dialog = await screen.findByRole('dialog', { name: `Delete ${TEAM.name}?` }, LOADED);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete team' }));
    expect(await within(dialog).findByText(/Payments API v2/, {}, LOADED)).toBeTruthy();
    expect(within(dialog).getByText('Team not deleted')).toBeTruthy();
  });

  it('is not offered to an editor', async () => {
    routes('editor');
    renderApp('/w/demo/teams/payments?tab=settings');
    await screen.findByRole('button', { name: 'Save settings' }, LOADED);
    expect(screen.queryByRole('button', { name: 'Delete team' })).toBeNull();
    expect(screen.queryByText('Danger zone')).toBeNull();
  });
});
