import {
  NOTIFICATION_EVENTS,
  type NotificationEvent,
  type NotificationPreferences,
} from '@bearing/contracts';
import { afterEach, describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeResponse, type FetchMock, mockFetch } from '../../../test-utils/fake-fetch';
import { renderApp } from '../../../test-utils/render-app';
import { shellRoutes, signedInAs } from '../../../test-utils/session-fixtures';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const PREFERENCES = '/api/me/notification-preferences';

/** The API's defaults: every event to the inbox and email, none to Slack or Teams. */
function defaults(): NotificationPreferences {
  const events = Object.fromEntries(
    NOTIFICATION_EVENTS.map((event) => [
      event,
      { inbox: true, email: true, slack: false, teams: false },
    ]),
  ) as Record<
    NotificationEvent,
    { inbox: boolean; email: boolean; slack: boolean; teams: boolean }
  >;
  return { events, digest: true };
}

function bodyOf(fetchMock: FetchMock, method: string, path: string): unknown {
  const call = fetchMock.mock.calls.find(([url, init]) => init?.method === method && url === path);
  return call ? JSON.parse(call[1]?.body as string) : undefined;
}

describe('the notification preferences page', () => {
  it('saves the event × channel matrix, the digest switch and the time zone', async () => {
    const me = signedInAs('editor');
    const fetchMock = mockFetch({
      ...shellRoutes(me),
      [`GET ${PREFERENCES}`]: () => fakeResponse(200, defaults()),
      [`PUT ${PREFERENCES}`]: ({ body }) =>
        fakeResponse(200, { ...defaults(), ...(body as object) }),
      'PATCH /api/me': () =>
        fakeResponse(200, {
          ...me,
          preferences: { ...me.preferences, timeZone: 'Europe/Berlin' },
        }),
    });
    renderApp('/account/notifications');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Notification preferences' }),
    ).toBeTruthy();
    const emailForReports = await screen.findByRole('checkbox', {
      name: 'Email for Report published',
    });
    expect((emailForReports as HTMLInputElement).checked).toBe(true);
    expect(
      screen.getByRole<HTMLInputElement>('checkbox', {
        name: 'Slack for Guardrail status changed',
      }).checked,
    ).toBe(false);

    fireEvent.click(emailForReports);
    fireEvent.click(
      screen.getByRole('checkbox', { name: 'Microsoft Teams for Guardrail status changed' }),
    );
    fireEvent.click(screen.getByRole('switch', { name: /Send me the weekly digest/ }));

    const zone = screen.getByLabelText(/Your time zone/, { selector: 'input' });
    // Typed by a person: Mantine ignores changes to an input that does not have the focus.
    act(() => zone.focus());
    fireEvent.change(zone, { target: { value: 'Europe/Berl' } });
    fireEvent.click(await screen.findByRole('option', { name: 'Europe/Berlin' }));

    fireEvent.click(screen.getByRole('button', { name: 'Save preferences' }));
    expect(await screen.findByText('Saved.')).toBeTruthy();

    const saved = bodyOf(fetchMock, 'PUT', PREFERENCES) as NotificationPreferences;
    expect(saved.digest).toBe(false);
    expect(saved.events['report.published']).toEqual({
      inbox: true,
      email: false,
      slack: false,
      teams: false,
    });
    expect(saved.events['guardrail.changed']).toEqual({
      inbox: true,
      email: true,
      slack: false,
      teams: true,
    });
    expect(saved.events['checkin.due']).toEqual(defaults().events['checkin.due']);
    expect(bodyOf(fetchMock, 'PATCH', '/api/me')).toEqual({ timeZone: 'Europe/Berlin' });
  });

  it('leaves the time zone alone when it did not change', async () => {
    const me = signedInAs('viewer');
    me.preferences.timeZone = 'America/Sao_Paulo';
    const fetchMock = mockFetch({
      ...shellRoutes(me),
      [`GET ${PREFERENCES}`]: () => fakeResponse(200, defaults()),
      [`PUT ${PREFERENCES}`]: () => fakeResponse(200, defaults()),
    });
    renderApp('/account/notifications');

    const zone = await screen.findByLabelText(/Your time zone/, { selector: 'input' });
    expect((zone as HTMLInputElement).value).toBe('America/Sao_Paulo');
    fireEvent.click(screen.getByRole('button', { name: 'Save preferences' }));
    expect(await screen.findByText('Saved.')).toBeTruthy();
    await waitFor(() => expect(bodyOf(fetchMock, 'PUT', PREFERENCES)).toBeDefined());
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'PATCH')).toBe(false);
  });
});
