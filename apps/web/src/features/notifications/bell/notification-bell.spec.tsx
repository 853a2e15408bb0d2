import type { Notification } from '@bearing/contracts';
import { afterEach, describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useLocation } from 'react-router';
import { fakeResponse, mockFetch, sentBody } from '../../../test-utils/fake-fetch';
import { renderWithProviders } from '../../../test-utils/render';
import { NotificationBell } from './notification-bell';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const ACME = { id: '00000000-0000-4000-8000-0000000000d1', slug: 'acme', name: 'Acme' };

function notification(id: string, title: string, read: boolean): Notification {
  return {
    id: `00000000-0000-4000-8000-00000000010${id}`,
    workspace: ACME,
    event: 'report.published',
    subject: { type: 'program', id: '00000000-0000-4000-8000-0000000000f1' },
    title,
    body: 'Health: at risk. Beta slipped three weeks.',
    // The public URL may name another host than the browser used: the path is what counts.
    url: 'https://bearing.example.com/w/acme/programs/00000000-0000-4000-8000-0000000000f1',
    createdAt: '2026-12-07T10:00:00.000Z',
    readAt: read ? '2026-12-07T11:00:00.000Z' : null,
  };
}

/** A server-side inbox the fake API reads and marks, so the bell sees its writes. */
function fakeInbox(items: Notification[]) {
  const page = ({ url }: { url: string }) =>
    fakeResponse(200, {
      items: items.slice(0, Number(new URL(url, 'http://x').searchParams.get('limit'))),
      nextCursor: null,
      unreadCount: items.filter((item) => item.readAt === null).length,
    });
  const markRead = (id: string) => {
    const index = items.findIndex((item) => item.id === id);
    items[index] = { ...items[index]!, readAt: '2026-12-07T12:00:00.000Z' };
    return items[index];
  };
  return mockFetch({
    'GET /api/me/notifications': page,
    'PATCH /api/me/notifications/00000000-0000-4000-8000-000000000101': () =>
      fakeResponse(200, markRead('00000000-0000-4000-8000-000000000101')),
    'PATCH /api/me/notifications/00000000-0000-4000-8000-000000000102': () =>
      fakeResponse(200, markRead('00000000-0000-4000-8000-000000000102')),
    'POST /api/me/notifications/read-all': () => {
      const unread = items.filter((item) => item.readAt === null);
      unread.forEach((item) => markRead(item.id));
      return fakeResponse(200, { updated: unread.length });
    },
  });
}

function Location() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname}</output>;
}

describe('the notification bell', () => {
  it('says how many are unread and lowers the count as they are marked read', async () => {
    const fetchMock = fakeInbox([
      notification('1', 'Checkout rebuild published its weekly report', false),
      notification('2', 'Payments beta slipped past its baseline', false),
      notification('3', 'Lead time guardrail is back to ok', true),
    ]);
    renderWithProviders(<NotificationBell />);

    const bell = await screen.findByRole('button', { name: 'Notifications, 2 unread' });
    expect(bell.textContent).toBe('2');
    fireEvent.click(bell);

    const inbox = await screen.findByRole('dialog', { name: 'Notifications' });
    const list = await within(inbox).findByRole('list', { name: 'Notifications, newest first' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    // Unread ones say so in words (and a filled dot); a read one has no "Mark read".
    expect(within(list).getAllByText('Unread:')).toHaveLength(2);
    expect(
      within(inbox).queryByRole('button', { name: 'Mark read: Lead time guardrail is back to ok' }),
    ).toBeNull();

    fireEvent.click(
      within(inbox).getByRole('button', {
        name: 'Mark read: Payments beta slipped past its baseline',
      }),
    );
    expect(await screen.findByRole('button', { name: 'Notifications, 1 unread' })).toBeTruthy();
    expect(sentBody(fetchMock, 'PATCH')).toEqual({ read: true });

    fireEvent.click(within(inbox).getByRole('button', { name: 'Mark all read' }));
    expect(await screen.findByRole('button', { name: 'Notifications, none unread' })).toBeTruthy();
    expect(within(list).queryAllByText('Unread:')).toHaveLength(0);
    await waitFor(() =>
      expect(within(inbox).getByRole('button', { name: 'Mark all read' })).toHaveProperty(
        'disabled',
        true,
      ),
    );
  });

  it('follows a notification to its thing, marking it read and closing the inbox', async () => {
    const fetchMock = fakeInbox([
      notification('1', 'Checkout rebuild published its weekly report', false),
    ]);
    renderWithProviders(
      <>
        <NotificationBell />
        <Location />
      </>,
      { route: '/w/acme/portfolio' },
    );

    fireEvent.click(await screen.findByRole('button', { name: 'Notifications, 1 unread' }));
    const inbox = await screen.findByRole('dialog', { name: 'Notifications' });
    fireEvent.click(
      await within(inbox).findByRole('link', {
        name: 'Checkout rebuild published its weekly report',
      }),
    );

    expect(screen.getByTestId('location').textContent).toBe(
      '/w/acme/programs/00000000-0000-4000-8000-0000000000f1',
    );
    expect(await screen.findByRole('button', { name: 'Notifications, none unread' })).toBeTruthy();
    expect(sentBody(fetchMock, 'PATCH')).toEqual({ read: true });
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Notifications' })).toBeNull());
  });

  it('says plainly when there is nothing yet', async () => {
    fakeInbox([]);
    renderWithProviders(<NotificationBell />);
    fireEvent.click(await screen.findByRole('button', { name: 'Notifications, none unread' }));
    expect(await screen.findByText(/Nothing yet\. Follow a program/)).toBeTruthy();
    expect(
      screen.getByRole('link', { name: 'Notification preferences' }).getAttribute('href'),
    ).toBe('/account/notifications');
  });
});
