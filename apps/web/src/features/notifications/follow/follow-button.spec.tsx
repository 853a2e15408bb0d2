import type { Follow } from '@bearing/contracts';
import { afterEach, describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import {
  fakeResponse,
  type FetchMock,
  mockFetch,
  problemResponse,
} from '../../../test-utils/fake-fetch';
import { renderWithProviders } from '../../../test-utils/render';
import { FollowButton } from './follow-button';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const PROGRAM_ID = '00000000-0000-4000-8000-0000000000f1';
const FOLLOWS = '/api/workspaces/acme/follows';
const SUBJECT = { type: 'program', id: PROGRAM_ID } as const;

/** The follows the fake API keeps for the signed-in user, changed by POST and DELETE. */
function fakeFollows(follows: Follow[]): FetchMock {
  return mockFetch({
    [`GET ${FOLLOWS}`]: () => fakeResponse(200, { items: follows }),
    [`POST ${FOLLOWS}`]: () => {
      const follow = { subject: SUBJECT, createdAt: '2026-12-07T10:00:00.000Z' };
      follows.push(follow);
      return fakeResponse(201, follow);
    },
    [`DELETE ${FOLLOWS}/program/${PROGRAM_ID}`]: () => {
      follows.splice(0, follows.length);
      return fakeResponse(204, undefined);
    },
  });
}

const followButton = () => screen.getByRole('button', { name: /^Follow(ing)? Checkout rebuild$/ });

describe('FollowButton', () => {
  it('follows, then unfollows, saying which it is in words and in aria-pressed', async () => {
    const fetchMock = fakeFollows([]);
    renderWithProviders(
      <FollowButton workspace="acme" subject={SUBJECT} name="Checkout rebuild" />,
    );

    await waitFor(() => expect(followButton().hasAttribute('disabled')).toBe(false));
    expect(followButton().getAttribute('aria-pressed')).toBe('false');
    expect(followButton().textContent).toBe('Follow Checkout rebuild');

    fireEvent.click(followButton());
    await waitFor(() => expect(followButton().getAttribute('aria-pressed')).toBe('true'));
    expect(followButton().textContent).toBe('Following Checkout rebuild');
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(post?.[0]).toBe(FOLLOWS);
    expect(JSON.parse(post?.[1]?.body as string)).toEqual({ subject: SUBJECT });

    fireEvent.click(followButton());
    await waitFor(() => expect(followButton().getAttribute('aria-pressed')).toBe('false'));
    expect(
      fetchMock.mock.calls.some(
        ([url, init]) => init?.method === 'DELETE' && url === `${FOLLOWS}/program/${PROGRAM_ID}`,
      ),
    ).toBe(true);
  });

  it('shows what was already followed as Following', async () => {
    fakeFollows([{ subject: SUBJECT, createdAt: '2026-12-01T10:00:00.000Z' }]);
    renderWithProviders(
      <FollowButton workspace="acme" subject={SUBJECT} name="Checkout rebuild" />,
    );
    await waitFor(() => expect(followButton().getAttribute('aria-pressed')).toBe('true'));
    expect(followButton().textContent).toBe('Following Checkout rebuild');
  });

  it('says why a follow was refused and stays unfollowed', async () => {
    mockFetch({
      [`GET ${FOLLOWS}`]: () => fakeResponse(200, { items: [] }),
      [`POST ${FOLLOWS}`]: () =>
        problemResponse(404, 'Not Found', 'No program 00000000-… in this workspace.'),
    });
    renderWithProviders(
      <FollowButton workspace="acme" subject={SUBJECT} name="Checkout rebuild" />,
    );
    await waitFor(() => expect(followButton().hasAttribute('disabled')).toBe(false));
    fireEvent.click(followButton());
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Not followed: No program 00000000-… in this workspace.',
    );
    expect(followButton().getAttribute('aria-pressed')).toBe('false');
  });
});
