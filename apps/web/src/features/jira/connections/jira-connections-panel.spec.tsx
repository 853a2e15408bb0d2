import type { JiraConnection } from '@bearing/contracts';
import { afterEach, describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  fakeResponse,
  type FetchMock,
  mockFetch,
  problemResponse,
} from '../../../test-utils/fake-fetch';
import { renderApp } from '../../../test-utils/render-app';
import { shellRoutes, signedInAs } from '../../../test-utils/session-fixtures';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

/** The first query of a test waits for the app shell and the lazy panel: slow on a busy machine. */
const LOADED = { timeout: 15_000 };
const BASE = '/api/workspaces/demo/jira-connections';

const acme: JiraConnection = {
  id: '00000000-0000-4000-8000-0000000000e1',
  name: 'Acme Jira',
  baseUrl: 'https://acme.atlassian.net',
  flavour: 'cloud',
  email: 'sync@acme.example',
  hasSecret: true,
  createdAt: '2026-11-02T10:00:00.000Z',
};

/** The JSON bodies sent with `method` to `path`, in order. */
function bodiesSent(mock: FetchMock, method: string, path: string): unknown[] {
  return mock.mock.calls
    .filter(([url, init]) => init?.method === method && url === path)
    .map(([, init]) =>
      typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    );
}

describe('JiraConnectionsPanel', () => {
  it('adds a Data Center connection with a personal access token, then tests it in words', async () => {
    const connections: JiraConnection[] = [];
    const fetchMock = mockFetch({
      ...shellRoutes(signedInAs('admin')),
      [`GET ${BASE}`]: () => fakeResponse(200, { items: connections, nextCursor: null }),
      [`POST ${BASE}`]: ({ body }) => {
        const created: JiraConnection = {
          id: '00000000-0000-4000-8000-0000000000e2',
          name: 'Intranet Jira',
          baseUrl: 'http://jira.corp.internal:8080',
          flavour: 'data-center',
          hasSecret: true,
          createdAt: '2026-12-07T10:00:00.000Z',
        };
        expect(body).toMatchObject({ flavour: 'data-center' });
        connections.push(created);
        return fakeResponse(201, created);
      },
      [`POST ${BASE}/00000000-0000-4000-8000-0000000000e2/test`]: () =>
        fakeResponse(200, { ok: true, user: 'Sync Robot', serverVersion: '10.3.1' }),
    });
    renderApp('/w/demo/settings/jira');

    expect(await screen.findByText(/No Jira connection yet/, {}, LOADED)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add connection' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a Jira connection' }, LOADED);
    fireEvent.click(within(dialog).getByText('Data Center / Server'));
    // Data Center signs in with a personal access token: no account email to give.
    await waitFor(
      () => expect(within(dialog).queryByLabelText(/Account email/)).toBeNull(),
      LOADED,
    );
    fireEvent.change(within(dialog).getByLabelText(/^Name/), {
      target: { value: 'Intranet Jira' },
    });
    fireEvent.change(within(dialog).getByLabelText(/^Address/), {
      target: { value: 'http://jira.corp.internal:8080/' },
    });
    fireEvent.change(within(dialog).getByLabelText(/^Personal access token/), {
      target: { value: 'pat-SECRET-123' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add connection' }));

    expect(
      await screen.findByText('Signed in as Sync Robot to Jira 10.3.1.', {}, LOADED),
    ).toBeTruthy();
    expect(bodiesSent(fetchMock, 'POST', BASE)).toEqual([
      {
        name: 'Intranet Jira',
        baseUrl: 'http://jira.corp.internal:8080',
        flavour: 'data-center',
        secret: 'pat-SECRET-123',
      },
    ]);
    const table = await screen.findByRole('table', {}, LOADED);
    expect(within(table).getByText('Intranet Jira')).toBeTruthy();
    expect(document.body.textContent).not.toContain('pat-SECRET-123');
  });

  it('refuses a cloud connection without its account email before sending anything', async () => {
    const fetchMock = mockFetch({
      ...shellRoutes(signedInAs('admin')),
      [`GET ${BASE}`]: () => fakeResponse(200, { items: [], nextCursor: null }),
    });
    renderApp('/w/demo/settings/jira');
    fireEvent.click(await screen.findByRole('button', { name: 'Add connection' }, LOADED));
    const dialog = await screen.findByRole('dialog', { name: 'Add a Jira connection' }, LOADED);
    fireEvent.change(within(dialog).getByLabelText(/^Name/), { target: { value: 'Acme' } });
    fireEvent.change(within(dialog).getByLabelText(/^Address/), {
      target: { value: 'https://acme.atlassian.net' },
    });
    fireEvent.change(within(dialog).getByLabelText(/^API token/), { target: { value: 'tok' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add connection' }));

    expect(await within(dialog).findByText('Is required for cloud', {}, LOADED)).toBeTruthy();
    expect(bodiesSent(fetchMock, 'POST', BASE)).toEqual([]);
  });

  it('keeps the stored token when an edit leaves it empty, and says what a failed test found', async () => {
    const fetchMock = mockFetch({
      ...shellRoutes(signedInAs('admin')),
      [`GET ${BASE}`]: () => fakeResponse(200, { items: [acme], nextCursor: null }),
      [`PATCH ${BASE}/${acme.id}`]: () => fakeResponse(200, { ...acme, name: 'Acme Cloud' }),
      [`POST ${BASE}/${acme.id}/test`]: () =>
        fakeResponse(200, {
          ok: false,
          error: { kind: 'unauthorized', message: 'Jira answered 401: the API token was revoked.' },
        }),
    });
    renderApp('/w/demo/settings/jira');
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Acme Jira' }, LOADED));
    const dialog = await screen.findByRole('dialog', { name: 'Edit Acme Jira' }, LOADED);
    expect(within(dialog).getByText(/Leave empty to keep the stored one/)).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText(/^Name/), { target: { value: 'Acme Cloud' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save connection' }));

    expect(
      await screen.findByText('Jira answered 401: the API token was revoked.', {}, LOADED),
    ).toBeTruthy();
    expect(screen.getByText('Acme Cloud: Jira refused the credentials (401)')).toBeTruthy();
    expect(bodiesSent(fetchMock, 'PATCH', `${BASE}/${acme.id}`)).toEqual([
      {
        name: 'Acme Cloud',
        baseUrl: 'https://acme.atlassian.net',
        flavour: 'cloud',
        email: 'sync@acme.example',
      },
    ]);
  });

  it('asks for the token again before moving a connection to another address', async () => {
    const moved: JiraConnection = { ...acme, baseUrl: 'https://elsewhere.example' };
    const fetchMock = mockFetch({
      ...shellRoutes(signedInAs('admin')),
      [`GET ${BASE}`]: () => fakeResponse(200, { items: [acme], nextCursor: null }),
      [`PATCH ${BASE}/${acme.id}`]: () => fakeResponse(200, moved),
      [`POST ${BASE}/${acme.id}/test`]: () => fakeResponse(200, { ok: true, user: 'Sync Robot' }),
    });
    renderApp('/w/demo/settings/jira');
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Acme Jira' }, LOADED));
    const dialog = await screen.findByRole('dialog', { name: 'Edit Acme Jira' }, LOADED);
    fireEvent.change(within(dialog).getByLabelText(/^Address/), {
      target: { value: 'https://elsewhere.example/' },
    });
    // The stored token stays with the old site: the form no longer offers to keep it.
    expect(
      await within(dialog).findByText(/The address, Jira or account changed/, {}, LOADED),
    ).toBeTruthy();
    expect(within(dialog).queryByText(/Leave empty to keep the stored one/)).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save connection' }));

    expect(
      await within(dialog).findByText(/^Is required again when the address changes/, {}, LOADED),
    ).toBeTruthy();
    expect(bodiesSent(fetchMock, 'PATCH', `${BASE}/${acme.id}`)).toEqual([]);

    fireEvent.change(within(dialog).getByLabelText(/^API token/), {
      target: { value: 'token-for-elsewhere' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save connection' }));
    await waitFor(
      () =>
        expect(bodiesSent(fetchMock, 'PATCH', `${BASE}/${acme.id}`)).toEqual([
          {
            name: 'Acme Jira',
            baseUrl: 'https://elsewhere.example',
            flavour: 'cloud',
            email: 'sync@acme.example',
            secret: 'token-for-elsewhere',
          },
        ]),
      LOADED,
    );
  });

  it('explains why a connection a team still syncs through cannot be deleted', async () => {
    mockFetch({
      ...shellRoutes(signedInAs('admin')),
      [`GET ${BASE}`]: () => fakeResponse(200, { items: [acme], nextCursor: null }),
      [`DELETE ${BASE}/${acme.id}`]: () =>
        problemResponse(409, 'Conflict', 'The source of team Payments uses this connection.', {
          kind: 'connection-in-use',
        }),
    });
    renderApp('/w/demo/settings/jira');
    fireEvent.click(await screen.findByRole('button', { name: 'Delete Acme Jira' }, LOADED));
    const dialog = await screen.findByRole('dialog', { name: 'Delete connection' }, LOADED);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete connection' }));

    const refusal = await within(dialog).findByRole('alert', {}, LOADED);
    expect(within(refusal).getByText('Teams still sync through it')).toBeTruthy();
    expect(refusal.textContent).toContain('The source of team Payments uses this connection.');
    expect(refusal.textContent).toContain('Source tab');
    expect(within(dialog).queryByRole('button', { name: 'Delete connection' })).toBeNull();
  });

  it('shows viewers the connections without any way to change them', async () => {
    mockFetch({
      ...shellRoutes(signedInAs('viewer')),
      [`GET ${BASE}`]: () => fakeResponse(200, { items: [acme], nextCursor: null }),
    });
    renderApp('/w/demo/settings/jira');
    const table = await screen.findByRole('table', {}, LOADED);
    expect(within(table).getByText('sync@acme.example')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add connection' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Test / })).toBeNull();
  });
});
