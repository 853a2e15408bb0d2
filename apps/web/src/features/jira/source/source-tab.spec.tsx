import { type JiraConnection, type JiraSource, type SyncRun, type Team } from '@bearing/contracts';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeResponse, mockFetch, problemResponse, sentBody } from '../../../test-utils/fake-fetch';
import { renderApp } from '../../../test-utils/render-app';
import { shellRoutes, signedInAs } from '../../../test-utils/session-fixtures';
import { pinClock } from '../../../test-utils/pinned-clock';
import { paymentsTeam } from '../../../test-utils/team-fixtures';

const realFetch = globalThis.fetch;
/** The first query of a test waits for the app shell and the lazy tab: slow on a busy machine. */
const LOADED = { timeout: 15_000 };

// Only the clock is pinned ("synced 4 min ago"); timers stay real for React Query and Mantine.
beforeEach(() => pinClock('2026-12-07T10:00:00Z'));
afterEach(() => {
  jest.useRealTimers();
  globalThis.fetch = realFetch;
});

const TEAM: Team = paymentsTeam();
const TEAM_PATH = `/api/workspaces/demo/teams/${TEAM.id}`;

const CONNECTION: JiraConnection = {
  id: '00000000-0000-4000-8000-0000000000e1',
  name: 'Acme Jira',
  baseUrl: 'https://acme.atlassian.net',
  flavour: 'cloud',
  email: 'sync@acme.example',
  hasSecret: true,
  createdAt: '2026-11-02T10:00:00.000Z',
};

const SOURCE: JiraSource = {
  id: '00000000-0000-4000-8000-0000000000f1',
  teamId: TEAM.id,
  connectionId: CONNECTION.id,
  jql: 'project = PAY',
  storyPointsField: 'customfield_10016',
  statuses: {},
  intervalMinutes: 30,
  enabled: true,
  state: 'ok',
  lastSyncAt: '2026-12-07T09:56:00.000Z',
  lastError: null,
  failingSince: null,
  retryAt: null,
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  version: 1,
};

const RUN: SyncRun = {
  id: '00000000-0000-4000-8000-0000000000a9',
  trigger: 'schedule',
  status: 'succeeded',
  createdAt: '2026-12-07T09:55:00.000Z',
  startedAt: '2026-12-07T09:55:01.000Z',
  finishedAt: '2026-12-07T09:56:00.000Z',
  mode: 'incremental',
  pages: 1,
  counts: { created: 3, updated: 17, unchanged: 80, removed: 2 },
  requests: 6,
  retries: 1,
  error: null,
};

/** The team as the workspace's sync-status list names it once it has a source. */
const LISTED = {
  teamId: TEAM.id,
  teamName: TEAM.name,
  teamSlug: TEAM.slug,
  state: 'ok',
  enabled: true,
  lastSyncAt: null,
  lastError: null,
  failingSince: null,
};

const HOOK_URL = `http://bearing.test/api/hooks/jira/${SOURCE.id}/s3cr3t-hook-address`;

function routes(role: 'viewer' | 'editor', extra: Parameters<typeof mockFetch>[0] = {}) {
  return mockFetch({
    ...shellRoutes(signedInAs(role)),
    [`GET /api/workspaces/demo/teams/payments`]: () => fakeResponse(200, TEAM),
    [`GET ${TEAM_PATH}`]: () => fakeResponse(200, TEAM),
    'GET /api/workspaces/demo/jira-connections': () =>
      fakeResponse(200, { items: [CONNECTION], nextCursor: null }),
    [`GET /api/workspaces/demo/jira-connections/${CONNECTION.id}/fields`]: () =>
      fakeResponse(200, {
        items: [
          { id: 'summary', name: 'Summary', custom: false, type: 'string' },
          { id: 'customfield_10016', name: 'Story Points', custom: true, type: 'number' },
          { id: 'customfield_10026', name: 'Story point estimate', custom: true, type: 'number' },
        ],
      }),
    [`GET ${TEAM_PATH}/source/webhook`]: () =>
      fakeResponse(200, { signed: false, lastReceivedAt: null }),
    [`GET ${TEAM_PATH}/source/runs`]: () => fakeResponse(200, { items: [RUN], nextCursor: null }),
    'GET /api/workspaces/demo/jira-sync-status': () => fakeResponse(200, { items: [LISTED] }),
    ...extra,
  });
}

describe('a team’s Source tab', () => {
  it('connects a team: JQL, story points from Jira’s fields, an unknown status mapped, then shows the webhook address once', async () => {
    let saved: JiraSource | null = null;
    const fetchMock = routes('editor', {
      'GET /api/workspaces/demo/jira-sync-status': () =>
        fakeResponse(200, { items: saved ? [LISTED] : [] }),
      [`GET ${TEAM_PATH}/source`]: () =>
        saved ? fakeResponse(200, saved) : problemResponse(404, 'Not Found', 'No source.'),
      [`PUT ${TEAM_PATH}/source`]: () => {
        saved = { ...SOURCE, lastSyncAt: null, updatedAt: '2026-12-07T10:00:00.000Z' };
        return fakeResponse(200, { ...saved, webhookUrl: HOOK_URL });
      },
    });
    renderApp('/w/demo/teams/payments?tab=source');

    const jql = await screen.findByLabelText('JQL', {}, LOADED);
    fireEvent.change(jql, { target: { value: 'project = PAY' } });
    // Story points are chosen from the fields Jira lists.
    const points = await screen.findByRole('combobox', { name: 'Story points field' }, LOADED);
    fireEvent.click(points);
    fireEvent.click(
      await screen.findByRole('option', { name: 'Story Points (customfield_10016)' }, LOADED),
    );
    // A status the workflow does not know is added by name, flagged, and given a stage.
    fireEvent.change(screen.getByLabelText(/^Another Jira status/), {
      target: { value: 'Blocked' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add status' }));
    expect(await screen.findByText('1 status(es) without a stage', {}, LOADED)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Stage for Blocked'), {
      target: { value: 'In Progress' },
    });
    await waitFor(
      () => expect(screen.queryByText('1 status(es) without a stage')).toBeNull(),
      LOADED,
    );
    fireEvent.change(screen.getByLabelText('Sync every'), { target: { value: '60' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect to Jira' }));

    expect(await screen.findByDisplayValue(HOOK_URL, {}, LOADED)).toBeTruthy();
    expect(screen.getByText(/This is the only time Bearing\s+shows it/)).toBeTruthy();
    const body = sentBody(fetchMock, 'PUT') as Record<string, unknown>;
    expect(body).toMatchObject({
      connectionId: CONNECTION.id,
      jql: 'project = PAY',
      storyPointsField: 'customfield_10016',
      intervalMinutes: 60,
      enabled: true,
    });
    expect(body.statuses).toMatchObject({ Blocked: 'In Progress', 'In Progress': 'In Progress' });
    expect(body).not.toHaveProperty('boardId');

    fireEvent.click(screen.getByRole('button', { name: 'I have copied it' }));
    expect(screen.queryByDisplayValue(HOOK_URL)).toBeNull();
    expect((await screen.findAllByText('Not synced yet', {}, LOADED)).length).toBeGreaterThan(0);
  });

  it('shows how fresh the data is, syncs now, and lists each sync with its counts', async () => {
    let syncing = false;
    const fetchMock = routes('editor', {
      [`GET ${TEAM_PATH}/source`]: () =>
        fakeResponse(200, syncing ? { ...SOURCE, state: 'syncing' } : SOURCE),
      [`POST ${TEAM_PATH}/source/sync`]: () => {
        syncing = true;
        return fakeResponse(202, { ...RUN, id: RUN.id.replace('a9', 'b9'), status: 'queued' });
      },
    });
    renderApp('/w/demo/teams/payments?tab=source');

    // On the page header and in the tab alike.
    expect((await screen.findAllByText('Synced 4 min ago', {}, LOADED)).length).toBeGreaterThan(0);
    const history = await screen.findByRole('table', { name: 'Syncs, newest first' }, LOADED);
    const cells = within(history)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells).toEqual(
      expect.arrayContaining(['Schedule', '3', '17', '80', '2', '6 (1 retried)']),
    );
    expect(within(history).getByText('Incremental, 1 page')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    expect((await screen.findAllByText('Syncing now', {}, LOADED)).length).toBeGreaterThan(0);
    expect(
      fetchMock.mock.calls.some(
        ([url, init]) => init?.method === 'POST' && url === `${TEAM_PATH}/source/sync`,
      ),
    ).toBe(true);
  });

  it('lets an editor stop syncing the team from Jira, after confirming, and then connect it afresh', async () => {
    let deleted = false;
    const fetchMock = routes('editor', {
      [`GET ${TEAM_PATH}/source`]: () =>
        deleted ? problemResponse(404, 'Not Found', 'No source.') : fakeResponse(200, SOURCE),
      'GET /api/workspaces/demo/jira-sync-status': () =>
        fakeResponse(200, { items: deleted ? [] : [LISTED] }),
      [`DELETE ${TEAM_PATH}/source`]: () => {
        deleted = true;
        return fakeResponse(204, undefined);
      },
    });
    renderApp('/w/demo/teams/payments?tab=source');

    fireEvent.click(await screen.findByRole('button', { name: 'Stop syncing from Jira' }, LOADED));
    const dialog = await screen.findByRole('dialog', { name: 'Stop syncing from Jira' }, LOADED);
    expect(dialog.textContent).toContain('work items and sprints stay');
    // Nothing is removed before it is confirmed.
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'DELETE')).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Stop syncing' }));

    // The tab shows the form for a new source, and nothing to sync.
    expect(await screen.findByRole('button', { name: 'Connect to Jira' }, LOADED)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Sync now' })).toBeNull();
    expect(screen.queryByRole('dialog', { name: 'Stop syncing from Jira' })).toBeNull();
    expect(
      fetchMock.mock.calls.filter(
        ([url, init]) => init?.method === 'DELETE' && url === `${TEAM_PATH}/source`,
      ),
    ).toHaveLength(1);
  });

  it('saves an edited source with the version it was loaded at, and says so when someone saved it since', async () => {
    const fetchMock = routes('editor', {
      [`GET ${TEAM_PATH}/source`]: () => fakeResponse(200, { ...SOURCE, version: 4 }),
      [`PUT ${TEAM_PATH}/source`]: () =>
        problemResponse(
          409,
          'Conflict',
          'You edited version 4 of the Jira source, but it has changed since: the stored version is 5. Reload and try again.',
          { kind: 'stale-version' },
        ),
    });
    renderApp('/w/demo/teams/payments?tab=source');

    const jql = await screen.findByLabelText('JQL', {}, LOADED);
    fireEvent.change(jql, { target: { value: 'project = PAY AND type = Bug' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save source' }));

    expect(
      await screen.findByText(/it has changed since: the stored version is 5/, {}, LOADED),
    ).toBeTruthy();
    expect(sentBody(fetchMock, 'PUT')).toMatchObject({
      jql: 'project = PAY AND type = Bug',
      version: 4,
    });
  });

  it('says on the team page since when syncs fail and why', async () => {
    routes('viewer', {
      [`GET ${TEAM_PATH}/source`]: () =>
        fakeResponse(200, {
          ...SOURCE,
          state: 'broken',
          failingSince: '2026-12-07T08:00:00.000Z',
          lastError: 'Jira answered 401: the API token was revoked.',
        }),
    });
    renderApp('/w/demo/teams/payments?tab=source');

    expect((await screen.findAllByText(/^Sync failing since /, {}, LOADED)).length).toBeGreaterThan(
      0,
    );
    expect(
      screen.getAllByText(/Jira answered 401: the API token was revoked\. Syncing is paused/)
        .length,
    ).toBeGreaterThan(0);
    // Viewers follow the syncs but change nothing.
    expect(screen.queryByRole('button', { name: 'Sync now' })).toBeNull();
    expect(screen.queryByLabelText('JQL')).toBeNull();
    expect(await screen.findByRole('table', { name: 'Syncs, newest first' }, LOADED)).toBeTruthy();
  });
});
