import type { NotificationChannel, NotificationDelivery } from '@bearing/contracts';
import { afterEach, describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeResponse, type FetchMock, mockFetch } from '../../../test-utils/fake-fetch';
import { renderApp } from '../../../test-utils/render-app';
import { shellRoutes, signedInAs } from '../../../test-utils/session-fixtures';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const CHANNELS = '/api/workspaces/demo/notification-channels';
const DELIVERIES = '/api/workspaces/demo/notification-deliveries';
const WEBHOOK = 'https://hooks.slack.com/services/T000/B000/secret-part';

const alerts: NotificationChannel = {
  id: '00000000-0000-4000-8000-0000000000c1',
  name: '#program-alerts',
  kind: 'slack',
  hasSecret: true,
  broken: false,
  brokenReason: null,
  createdAt: '2026-12-01T10:00:00.000Z',
};
const oldTeams: NotificationChannel = {
  id: '00000000-0000-4000-8000-0000000000c2',
  name: 'Leadership',
  kind: 'teams',
  hasSecret: true,
  broken: true,
  brokenReason: 'webhook answered 410 Gone',
  createdAt: '2026-11-01T10:00:00.000Z',
};

const deadDelivery: NotificationDelivery = {
  id: '00000000-0000-4000-8000-0000000000e1',
  notificationId: '00000000-0000-4000-8000-0000000000b1',
  event: 'guardrail.changed',
  title: 'Lead time guardrail breached',
  channel: 'slack',
  channelId: alerts.id,
  recipient: null,
  state: 'dead',
  attempts: 9,
  lastError: 'webhook answered 503 Service Unavailable',
  createdAt: '2026-12-06T10:00:00.000Z',
  nextAttemptAt: null,
  sentAt: null,
};
const sentDelivery: NotificationDelivery = {
  ...deadDelivery,
  id: '00000000-0000-4000-8000-0000000000e2',
  channel: 'inbox',
  channelId: null,
  recipient: {
    id: '00000000-0000-4000-8000-0000000000a1',
    email: 'ana@example.com',
    displayName: 'Ana Lima',
  },
  state: 'sent',
  attempts: 1,
  lastError: null,
  sentAt: '2026-12-06T10:00:01.000Z',
};

function getUrls(fetchMock: FetchMock, path: string): string[] {
  return (
    fetchMock.mock.calls
      // The API client always passes the path as a string.
      .map(([input, init]) => ({ url: input as string, method: init?.method ?? 'GET' }))
      .filter(({ url, method }) => method === 'GET' && url.startsWith(path))
      .map(({ url }) => url)
  );
}

function adminApi(channels: NotificationChannel[], emailEnabled: boolean): FetchMock {
  return mockFetch({
    ...shellRoutes(signedInAs('admin')),
    [`GET ${CHANNELS}`]: () => fakeResponse(200, { items: channels, emailEnabled }),
    [`POST ${CHANNELS}`]: ({ body }) => {
      const { name, kind } = body as { name: string; kind: 'slack' };
      const created = { ...alerts, id: '00000000-0000-4000-8000-0000000000c3', name, kind };
      channels.push(created);
      return fakeResponse(201, created);
    },
    [`POST ${CHANNELS}/${alerts.id}/test`]: () =>
      fakeResponse(200, { ok: true, detail: 'webhook answered 200' }),
    [`PATCH ${CHANNELS}/${oldTeams.id}`]: ({ body }) => {
      const { name, url } = body as { name?: string; url?: string };
      const index = channels.findIndex(({ id }) => id === oldTeams.id);
      const current = channels[index] ?? oldTeams;
      const saved = {
        ...current,
        ...(name === undefined ? {} : { name }),
        ...(url === undefined ? {} : { broken: false, brokenReason: null }),
      };
      channels.splice(index, 1, saved);
      return fakeResponse(200, saved);
    },
    [`DELETE ${CHANNELS}/${oldTeams.id}`]: () => {
      channels.splice(channels.indexOf(oldTeams), 1);
      return fakeResponse(204, undefined);
    },
    [`GET ${DELIVERIES}`]: ({ url }) =>
      fakeResponse(200, {
        items: url.includes('state=dead') ? [deadDelivery] : [deadDelivery, sentDelivery],
        nextCursor: null,
      }),
    [`POST ${DELIVERIES}/${deadDelivery.id}/retry`]: () =>
      fakeResponse(200, { ...deadDelivery, state: 'pending' }),
  });
}

describe('Settings → Notifications', () => {
  it('adds a channel without ever showing its address back, tests it and deletes another', async () => {
    const fetchMock = adminApi([alerts, oldTeams], true);
    renderApp('/w/demo/settings/notifications');

    const table = await screen.findByRole('table', { name: 'Notification channels' });
    expect(within(table).getAllByText('Secret stored')).toHaveLength(2);
    expect(within(table).getByText('webhook answered 410 Gone')).toBeTruthy();
    expect(screen.queryByText('Email is off')).toBeNull();

    const form = screen.getByRole('form', { name: 'Add a channel' });
    fireEvent.change(within(form).getByLabelText(/^Name/), { target: { value: '#releases' } });
    fireEvent.change(within(form).getByLabelText(/^Incoming webhook URL/), {
      target: { value: WEBHOOK },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Add channel' }));

    expect(await screen.findByText('Channel #releases added')).toBeTruthy();
    const post = fetchMock.mock.calls.find(
      ([url, init]) => init?.method === 'POST' && url === CHANNELS,
    );
    expect(JSON.parse(post?.[1]?.body as string)).toEqual({
      name: '#releases',
      kind: 'slack',
      url: WEBHOOK,
    });
    // The address leaves the page with the request: the form forgets it, the list never had it.
    expect(within(form).getByLabelText<HTMLInputElement>(/^Incoming webhook URL/).value).toBe('');
    await within(table).findByText('#releases');
    expect(document.body.textContent).not.toContain('secret-part');

    fireEvent.click(screen.getByRole('button', { name: 'Send a test to #program-alerts' }));
    expect(await screen.findByText('Test sent to #program-alerts')).toBeTruthy();
    expect(screen.getByText('webhook answered 200')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Delete Leadership' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete channel' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete channel' }));
    await waitFor(() => expect(within(table).queryByText('Leadership')).toBeNull());
  });

  it('repairs a broken channel: "Enter new address" sends the new address and the row then works', async () => {
    const fetchMock = adminApi([alerts, { ...oldTeams }], true);
    renderApp('/w/demo/settings/notifications');
    const table = await screen.findByRole('table', { name: 'Notification channels' });
    // A working channel offers Edit; the broken one asks for its new address.
    expect(within(table).getByRole('button', { name: 'Edit #program-alerts' })).toBeTruthy();
    fireEvent.click(
      within(table).getByRole('button', { name: 'Enter a new address for Leadership' }),
    );

    const dialog = await screen.findByRole('dialog', {
      name: 'Enter a new address for Leadership',
    });
    expect(within(dialog).getByText(/webhook answered 410 Gone/)).toBeTruthy();
    // Without an address there is nothing to repair: the form says so and sends nothing.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save channel' }));
    expect(await within(dialog).findByText(/Enter the new address/)).toBeTruthy();
    const newAddress = 'https://example.webhook.office.com/workflows/new-secret';
    fireEvent.change(within(dialog).getByLabelText(/^New workflows webhook url/), {
      target: { value: newAddress },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save channel' }));

    expect(
      await screen.findByText('Channel Leadership saved', {}, { timeout: 15000 }),
    ).toBeTruthy();
    const patches = fetchMock.mock.calls.filter(([, init]) => init?.method === 'PATCH');
    expect(
      patches.map(([url, init]): [unknown, unknown] => [url, JSON.parse(init?.body as string)]),
    ).toEqual([[`${CHANNELS}/${oldTeams.id}`, { name: 'Leadership', url: newAddress }]]);
    await waitFor(() => expect(within(table).queryByText('webhook answered 410 Gone')).toBeNull(), {
      timeout: 15000,
    });
    expect(within(table).getAllByText('Works')).toHaveLength(2);
    expect(within(table).getByRole('button', { name: 'Edit Leadership' })).toBeTruthy();
    expect(document.body.textContent).not.toContain('new-secret');
  });

  it('says when email is off because the server has no SMTP', async () => {
    adminApi([], false);
    renderApp('/w/demo/settings/notifications');
    expect(await screen.findByText('Email is off')).toBeTruthy();
    expect(screen.getByText(/no mail server configured/)).toBeTruthy();
    expect(screen.getByText(/No channels yet/)).toBeTruthy();
  });

  it('filters the delivery log by state and retries a dead delivery', async () => {
    const fetchMock = adminApi([alerts], true);
    renderApp('/w/demo/settings/notifications');

    const log = await screen.findByRole('table', { name: 'Deliveries, newest first' });
    expect(within(log).getAllByRole('row')).toHaveLength(3);
    expect(within(log).getByText('webhook answered 503 Service Unavailable')).toBeTruthy();
    // A channel delivery names its channel, a person's their name; only the dead one has Retry.
    expect(within(log).getByText('#program-alerts')).toBeTruthy();
    expect(within(log).getByText('Ana Lima')).toBeTruthy();
    expect(within(log).getAllByRole('button', { name: /^Retry/ })).toHaveLength(1);

    fireEvent.click(screen.getByRole('radio', { name: 'Dead' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toContain('state=dead'));
    await waitFor(() =>
      expect(getUrls(fetchMock, DELIVERIES).some((url) => url.includes('state=dead'))).toBe(true),
    );
    await waitFor(() =>
      expect(
        within(screen.getByRole('table', { name: 'Deliveries, newest first' })).getAllByRole('row'),
      ).toHaveLength(2),
    );

    fireEvent.click(
      screen.getByRole('button', {
        name: 'Retry Slack delivery to #program-alerts: Lead time guardrail breached',
      }),
    );
    expect(await screen.findByText('Retry queued')).toBeTruthy();
    expect(
      fetchMock.mock.calls.some(
        ([url, init]) =>
          init?.method === 'POST' && url === `${DELIVERIES}/${deadDelivery.id}/retry`,
      ),
    ).toBe(true);
  });

  it('is an admin page: an editor sees no tab and no channels', async () => {
    const fetchMock = mockFetch(shellRoutes(signedInAs('editor')));
    renderApp('/w/demo/settings/notifications');
    expect(await screen.findByText(/Only the admins of Demo Streaming Co\./)).toBeTruthy();
    expect(screen.queryByRole('tab', { name: 'Notifications' })).toBeNull();
    expect(getUrls(fetchMock, CHANNELS)).toEqual([]);
  });
});
