import { afterEach, describe, expect, it } from '@jest/globals';
import type { Audience } from '@bearing/contracts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeResponse, mockFetch, sentBody } from '../../test-utils/fake-fetch';
import { emptyPage, shellRoutes, signedInAs } from '../../test-utils/session-fixtures';
import { renderApp } from '../../test-utils/render-app';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const location = () => screen.getByTestId('location').textContent;

function signedInWith(audience: Audience) {
  const me = { ...signedInAs('admin'), preferences: { audience } };
  return mockFetch({
    ...shellRoutes(me),
    '/api/workspaces/demo/members': emptyPage,
    'PATCH /api/me': ({ body }) =>
      fakeResponse(200, { ...me, preferences: body as { audience: Audience } }),
  });
}

describe('the audience decides the landing page', () => {
  it.each([
    ['executive', '/w/demo/portfolio'],
    ['stakeholder', '/w/demo/programs'],
    ['team', '/w/demo/teams'],
  ] as const)('%s lands on %s', async (audience, landing) => {
    signedInWith(audience);
    renderApp('/w/demo');

    await waitFor(() => expect(location()).toBe(landing));
    const current = screen.getByRole('radio', { checked: true });
    expect(current.getAttribute('value')).toBe(audience);
  });

  it('saves a new choice on the user and goes to that audience’s landing page', async () => {
    const fetchMock = signedInWith('executive');
    renderApp('/w/demo/okrs');

    fireEvent.click(await screen.findByRole('radio', { name: 'Team' }));

    await waitFor(() => expect(location()).toBe('/w/demo/teams'));
    expect(sentBody(fetchMock, 'PATCH')).toEqual({ audience: 'team' });
    expect(screen.getByRole('radio', { name: 'Team' })).toHaveProperty('checked', true);
  });

  it('says what it does: it sets the start page, and is in the side menu below md', async () => {
    signedInWith('stakeholder');
    renderApp('/w/demo/programs');

    // jsdom matches no media query: the layout of a screen narrower than md.
    const group = await screen.findByRole('radiogroup', { name: 'Audience' });
    expect(group.getAttribute('aria-describedby')).toBeTruthy();
    const description = document.getElementById(group.getAttribute('aria-describedby') ?? '');
    expect(description?.textContent).toBe('Sets your start page');
    expect(screen.getByRole('navigation', { name: 'Workspace' }).contains(group)).toBe(true);
    expect(screen.getAllByRole('radiogroup', { name: 'Audience' })).toHaveLength(1);
  });
});
